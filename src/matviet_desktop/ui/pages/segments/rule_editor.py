"""Visual editor of a segment rule tree, generated from the core field catalogue.

Groups (all / any, optionally negated) hold field, event and segment conditions and other
groups. Every editor emits `changed` on each edit, produces the rule's JSON with `to_json()`,
and shows validation errors on the condition they belong to (core error paths such as
`$.all[1].any[0].value` are matched to the widget that produced that part of the JSON).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.catalogue import FieldType
from matviet_desktop.ui.resources import icon
from matviet_desktop.ui.widgets.common import label, restyle

STORE_CHOICES: list[tuple[str, str]] = []  # (code, name), filled by the builder from core


def _remove_button() -> QToolButton:
    btn = QToolButton()
    btn.setIcon(icon("close", "#94A3B8"))
    btn.setProperty("flat", True)
    btn.setToolTip(QCoreApplication.translate("RuleEditor", "Xóa điều kiện"))
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    return btn


def _parse_number(text: str, money: bool) -> Any:
    raw = text.strip().replace(" ", "").replace("₫", "")
    if money:
        raw = raw.replace(".", "").replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return text  # leave it: the core validator names the problem
    return int(value) if value == value.to_integral_value() else float(value)


class ValueEditor(QWidget):
    """The value part of a condition, rebuilt whenever the field type or operator changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)
        self.kind = ""
        self.widgets: list[QWidget] = []
        self.ftype = FieldType.TEXT
        self.values: tuple[cat.EnumValue, ...] = ()

    def rebuild(self, ftype: FieldType, op: str, values: tuple[cat.EnumValue, ...] = ()) -> None:
        old = self.value() if self.widgets else None
        for widget in self.widgets:
            widget.deleteLater()
        self.widgets = []
        self.ftype, self.values = ftype, values
        if op in cat.NO_VALUE_OPS:
            self.kind = "none"
        elif op in cat.DAY_COUNT_OPS:
            self.kind = "days"
            spin = QSpinBox()
            spin.setRange(0, cat.MAX_DAYS)
            spin.setValue(30)
            spin.setSuffix(self.tr(" ngày"))
            spin.valueChanged.connect(self.changed)
            self._add(spin)
        elif op in cat.LIST_OPS and (values or ftype == FieldType.STORE):
            self.kind = "checklist"
            box = QListWidget()
            box.setMaximumHeight(96)
            box.setMinimumWidth(200)
            for value, text in self._choices():
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                box.addItem(item)
            box.itemChanged.connect(lambda _i: self.changed.emit())
            self._add(box)
        elif op in cat.LIST_OPS:
            self.kind = "csv"
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("các giá trị, cách nhau bởi dấu phẩy"))
            edit.textChanged.connect(self.changed)
            self._add(edit)
        elif op == "between":
            self.kind = "between"
            self._add(self._single())
            self._add(label(self.tr("đến")))
            self._add(self._single())
        else:
            self.kind = "single"
            self._add(self._single())
        if old is not None:
            self.set_value(old)

    def _choices(self) -> list[tuple[str, str]]:
        if self.ftype == FieldType.STORE:
            return [(code, f"{name} ({code})") for code, name in STORE_CHOICES]
        return [(v.value, v.label) for v in self.values]

    def _add(self, widget: QWidget) -> None:
        self.widgets.append(widget)
        self.layout_.addWidget(widget)

    def _single(self) -> QWidget:
        ftype = self.ftype
        if ftype in (FieldType.ENUM, FieldType.STORE) and (self.values or ftype == FieldType.STORE):
            combo = QComboBox()
            for value, text in self._choices():
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if ftype == FieldType.BOOL:
            combo = QComboBox()
            combo.addItem(self.tr("Có"), True)
            combo.addItem(self.tr("Không"), False)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if ftype in (FieldType.DATE, FieldType.DATETIME):
            edit = QDateEdit(QDate.currentDate())
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.changed)
            return edit
        line = QLineEdit()
        line.setMinimumWidth(120)
        if ftype == FieldType.MONEY:
            line.setPlaceholderText("1.500.000")
        elif ftype in (FieldType.INTEGER, FieldType.NUMBER):
            line.setPlaceholderText("0")
        line.textChanged.connect(self.changed)
        return line

    def _read(self, widget: QWidget) -> Any:
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QDateEdit):
            return widget.date().toPython().isoformat()  # type: ignore[union-attr]
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QLineEdit):
            text = widget.text()
            if self.ftype in (FieldType.INTEGER, FieldType.NUMBER, FieldType.MONEY):
                return _parse_number(text, self.ftype == FieldType.MONEY) if text.strip() else None
            return text
        return None

    def value(self) -> Any:
        if self.kind == "none":
            return None
        if self.kind == "checklist":
            box = self.widgets[0]
            assert isinstance(box, QListWidget)
            return [
                box.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(box.count())
                if box.item(i).checkState() == Qt.CheckState.Checked
            ]
        if self.kind == "csv":
            text = self.widgets[0].text()  # type: ignore[attr-defined]
            parts = [p.strip() for p in text.split(",") if p.strip()]
            if self.ftype in (FieldType.INTEGER, FieldType.NUMBER, FieldType.MONEY):
                return [_parse_number(p, self.ftype == FieldType.MONEY) for p in parts]
            return parts
        if self.kind == "between":
            return [self._read(self.widgets[0]), self._read(self.widgets[2])]
        return self._read(self.widgets[0])

    def set_value(self, value: Any) -> None:
        """Best effort: restore a value after a rebuild, or load a saved rule."""
        if self.kind == "checklist" and isinstance(value, list):
            box = self.widgets[0]
            assert isinstance(box, QListWidget)
            for i in range(box.count()):
                item = box.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif self.kind == "csv" and isinstance(value, list):
            self.widgets[0].setText(", ".join(str(v) for v in value))  # type: ignore[attr-defined]
        elif self.kind == "between" and isinstance(value, list) and len(value) == 2:
            self._write(self.widgets[0], value[0])
            self._write(self.widgets[2], value[1])
        elif self.kind in ("single", "days") and not isinstance(value, list):
            self._write(self.widgets[0], value)

    def _write(self, widget: QWidget, value: Any) -> None:
        if value is None:
            return
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
        elif isinstance(widget, QDateEdit):
            try:
                widget.setDate(QDate(dt.date.fromisoformat(str(value)[:10])))
            except ValueError:
                pass
        elif isinstance(widget, QSpinBox) and isinstance(value, int | float):
            widget.setValue(int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))


class ConditionBase(QFrame):
    """Common parts: the error line under the condition, the remove button, change signal."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Condition")
        self.path = "$"
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(8, 6, 6, 6)
        self.outer.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        self.outer.addLayout(self.row)
        self.error = label("", "ErrorText", wrap=True)
        self.error.hide()
        self.outer.addWidget(self.error)
        self.remove = _remove_button()
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def finish_row(self) -> None:
        self.row.addStretch(1)
        self.row.addWidget(self.remove)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.setProperty("invalid", bool(message))
        restyle(self)

    def to_json(self, path: str) -> Any:
        raise NotImplementedError

    def load(self, data: dict[str, Any]) -> None:
        raise NotImplementedError


class FieldConditionWidget(ConditionBase):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QComboBox()
        self.field.setMinimumWidth(190)
        self.field.setMaxVisibleItems(20)
        group = None
        for spec in cat.FIELDS.values():
            if spec.group != group:
                group = spec.group
                self.field.addItem(f"— {group} —", None)
                item = self.field.model().item(self.field.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
            self.field.addItem(spec.label, spec.name)
        self.op = QComboBox()
        self.op.setMinimumWidth(130)
        self.value = ValueEditor()
        self.row.addWidget(self.field)
        self.row.addWidget(self.op)
        self.row.addWidget(self.value, 1)
        self.finish_row()
        self.field.currentIndexChanged.connect(self._field_changed)
        self.op.currentIndexChanged.connect(self._op_changed)
        self.value.changed.connect(self.changed)
        self.field.setCurrentIndex(self.field.findData("lifecycle_stage"))

    def spec(self) -> cat.FieldSpec | None:
        return cat.FIELDS.get(self.field.currentData())

    def _field_changed(self) -> None:
        spec = self.spec()
        if spec is None:
            return
        current = self.op.currentData()
        self.op.blockSignals(True)
        self.op.clear()
        for op in spec.operators:
            self.op.addItem(cat.OPERATOR_LABELS.get(op, op), op)
        index = self.op.findData(current)
        self.op.setCurrentIndex(max(0, index))
        self.op.blockSignals(False)
        self._op_changed()

    def _op_changed(self) -> None:
        spec = self.spec()
        if spec is None:
            return
        self.value.rebuild(spec.type, self.op.currentData() or "eq", spec.values)
        self.changed.emit()

    def to_json(self, path: str) -> Any:
        self.path = path
        out: dict[str, Any] = {"field": self.field.currentData(), "op": self.op.currentData()}
        if self.op.currentData() not in cat.NO_VALUE_OPS:
            out["value"] = self.value.value()
        return out

    def load(self, data: dict[str, Any]) -> None:
        self.field.setCurrentIndex(max(0, self.field.findData(data.get("field"))))
        self.op.setCurrentIndex(max(0, self.op.findData(data.get("op"))))
        self.value.set_value(data.get("value"))


class EventConditionWidget(ConditionBase):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event = QComboBox()
        for spec in cat.EVENTS.values():
            self.event.addItem(spec.label, spec.name)
        self.count_op = QComboBox()
        for op, text in (
            ("gte", self.tr("ít nhất")),
            ("lte", self.tr("nhiều nhất")),
            ("eq", self.tr("đúng")),
        ):
            self.count_op.addItem(text, op)
        self.count = QSpinBox()
        self.count.setRange(0, cat.MAX_EVENT_COUNT)
        self.count.setValue(1)
        self.count.setSuffix(self.tr(" lần"))
        self.within = QSpinBox()
        self.within.setRange(0, cat.MAX_DAYS)
        self.within.setSpecialValueText(self.tr("mọi lúc"))
        self.within.setPrefix(self.tr("trong "))
        self.within.setSuffix(self.tr(" ngày qua"))
        self.within.setValue(365)
        self.prop = QComboBox()
        self.prop_value = ValueEditor()
        self.row.addWidget(label(self.tr("Có sự kiện")))
        self.row.addWidget(self.event)
        self.row.addWidget(self.count_op)
        self.row.addWidget(self.count)
        self.finish_row()
        where = QHBoxLayout()
        where.setSpacing(6)
        where.addWidget(self.within)
        where.addWidget(label(self.tr("lọc thêm:"), "Muted"))
        where.addWidget(self.prop)
        where.addWidget(self.prop_value, 1)
        where.addStretch(1)
        self.outer.insertLayout(1, where)
        self.event.currentIndexChanged.connect(self._event_changed)
        self.prop.currentIndexChanged.connect(self._prop_changed)
        for signal in (self.count_op.currentIndexChanged, self.count.valueChanged, self.within.valueChanged):
            signal.connect(self.changed)
        self.prop_value.changed.connect(self.changed)
        self._event_changed()

    def _event_changed(self) -> None:
        spec = cat.EVENTS[self.event.currentData()]
        self.prop.blockSignals(True)
        self.prop.clear()
        self.prop.addItem(self.tr("— không lọc —"), None)
        for prop in spec.properties.values():
            self.prop.addItem(prop.label, prop.name)
        self.prop.setEnabled(bool(spec.properties))
        self.prop.blockSignals(False)
        self._prop_changed()

    def _prop_spec(self) -> cat.PropertySpec | None:
        spec = cat.EVENTS[self.event.currentData()]
        return spec.properties.get(self.prop.currentData()) if self.prop.currentData() else None

    def _prop_changed(self) -> None:
        prop = self._prop_spec()
        self.prop_value.setVisible(prop is not None)
        if prop is not None:
            self.prop_value.rebuild(prop.type, "eq", prop.values)
        self.changed.emit()

    def to_json(self, path: str) -> Any:
        self.path = path
        out: dict[str, Any] = {
            "event": self.event.currentData(),
            "count_op": self.count_op.currentData(),
            "count": self.count.value(),
        }
        if self.within.value() > 0:
            out["within_last_days"] = self.within.value()
        prop = self._prop_spec()
        if prop is not None:
            out["where"] = {prop.name: self.prop_value.value()}
        return out

    def load(self, data: dict[str, Any]) -> None:
        self.event.setCurrentIndex(max(0, self.event.findData(data.get("event"))))
        self.count_op.setCurrentIndex(max(0, self.count_op.findData(data.get("count_op", "gte"))))
        self.count.setValue(int(data.get("count", 1)))
        self.within.setValue(int(data.get("within_last_days") or 0))
        where = data.get("where") or {}
        if where:
            name, value = next(iter(where.items()))
            self.prop.setCurrentIndex(max(0, self.prop.findData(name)))
            self.prop_value.set_value(value)


class SegmentConditionWidget(ConditionBase):
    def __init__(self, segments: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member = QComboBox()
        self.member.addItem(self.tr("Thuộc phân khúc"), True)
        self.member.addItem(self.tr("Không thuộc phân khúc"), False)
        self.segment = QComboBox()
        self.segment.setMinimumWidth(260)
        for segment_id, name in segments:
            self.segment.addItem(name, segment_id)
        self.row.addWidget(self.member)
        self.row.addWidget(self.segment, 1)
        self.finish_row()
        self.member.currentIndexChanged.connect(self.changed)
        self.segment.currentIndexChanged.connect(self.changed)

    def to_json(self, path: str) -> Any:
        self.path = path
        return {"segment": self.segment.currentData() or "", "member": self.member.currentData()}

    def load(self, data: dict[str, Any]) -> None:
        self.member.setCurrentIndex(0 if data.get("member", True) else 1)
        self.segment.setCurrentIndex(max(0, self.segment.findData(str(data.get("segment")))))


class GroupWidget(ConditionBase):
    """A list of conditions joined by VÀ (all) or HOẶC (any); "Không" negates the group."""

    def __init__(
        self, segments: list[tuple[str, str]], root: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RootGroup" if root else "Group")
        self.segments = segments
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Thỏa TẤT CẢ điều kiện (VÀ)"), "all")
        self.mode.addItem(self.tr("Thỏa BẤT KỲ điều kiện nào (HOẶC)"), "any")
        self.negate = QComboBox()
        self.negate.addItem(self.tr("Khách hàng"), False)
        self.negate.addItem(self.tr("Loại trừ khách hàng"), True)
        self.row.addWidget(self.negate)
        self.row.addWidget(self.mode)
        self.add_button = QToolButton()
        self.add_button.setToolTip(self.tr("Thêm điều kiện hoặc nhóm vào nhóm này"))
        self.add_button.setText(self.tr("Thêm"))
        self.add_button.setIcon(icon("plus", "#0F6FB8"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        menu.addAction(self.tr("Điều kiện theo trường"), lambda: self.add_child(FieldConditionWidget()))
        menu.addAction(self.tr("Điều kiện theo sự kiện"), lambda: self.add_child(EventConditionWidget()))
        menu.addAction(
            self.tr("Thuộc / không thuộc phân khúc"),
            lambda: self.add_child(SegmentConditionWidget(self.segments)),
        )
        menu.addAction(
            self.tr("Nhóm điều kiện lồng nhau"), lambda: self.add_child(GroupWidget(self.segments))
        )
        self.add_button.setMenu(menu)
        self.row.addStretch(1)
        self.row.addWidget(self.add_button)
        if not root:
            self.row.addWidget(self.remove)
        self.children_box = QVBoxLayout()
        self.children_box.setContentsMargins(18, 4, 0, 0)
        self.children_box.setSpacing(6)
        self.outer.insertLayout(1, self.children_box)
        self.children_: list[ConditionBase] = []
        self.mode.currentIndexChanged.connect(self.changed)
        self.negate.currentIndexChanged.connect(self.changed)

    def add_child(self, child: ConditionBase) -> ConditionBase:
        self.children_.append(child)
        self.children_box.addWidget(child)
        child.changed.connect(self.changed)
        child.remove_requested.connect(self.remove_child)
        self.changed.emit()
        return child

    def remove_child(self, child: ConditionBase) -> None:
        if child in self.children_:
            self.children_.remove(child)
            child.setParent(None)
            child.deleteLater()
            self.changed.emit()

    def clear(self) -> None:
        for child in list(self.children_):
            self.children_.remove(child)
            child.setParent(None)
            child.deleteLater()

    def to_json(self, path: str) -> Any:
        kind = self.mode.currentData()
        negated = bool(self.negate.currentData())
        inner_path = f"{path}.not" if negated else path
        self.path = inner_path
        children = [c.to_json(f"{inner_path}.{kind}[{i}]") for i, c in enumerate(self.children_)]
        node = {kind: children}
        return {"not": node} if negated else node

    def load(self, data: dict[str, Any]) -> None:
        self.clear()
        negated = "not" in data and not ({"all", "any"} & set(data))
        inner = data["not"] if negated else data
        if not isinstance(inner, dict) or not ({"all", "any"} & set(inner)):
            inner = {"all": [inner]}  # a bare condition (or NOT of one) becomes a one-item group
        kind = "any" if "any" in inner else "all"
        self.negate.setCurrentIndex(1 if negated else 0)
        self.mode.setCurrentIndex(self.mode.findData(kind))
        for child_data in inner[kind]:
            self.add_child(make_widget(child_data, self.segments))

    def widgets(self) -> list[ConditionBase]:
        """This group and every descendant, depth first."""
        out: list[ConditionBase] = [self]
        for child in self.children_:
            out += child.widgets() if isinstance(child, GroupWidget) else [child]
        return out


def make_widget(data: Any, segments: list[tuple[str, str]]) -> ConditionBase:
    widget: ConditionBase
    if isinstance(data, dict) and ({"all", "any", "not"} & set(data)):
        widget = GroupWidget(segments)
    elif isinstance(data, dict) and "event" in data:
        widget = EventConditionWidget()
    elif isinstance(data, dict) and "segment" in data:
        widget = SegmentConditionWidget(segments)
    else:
        widget = FieldConditionWidget()
    widget.load(data if isinstance(data, dict) else {})
    return widget
