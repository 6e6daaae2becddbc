"""A plain-Vietnamese reading of a rule, so staff can check what they built before saving.

Built from the same catalogue labels as the editor, e.g.
"Khách hàng thỏa TẤT CẢ: Giai đoạn vòng đời bằng Trung thành; Có sự kiện Mua hàng ít nhất 2 lần
trong 365 ngày qua".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.ui import formatting as fmt


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; look them up there.
    return QCoreApplication.translate("", text)


def _value_text(spec: cat.FieldSpec | cat.PropertySpec | None, value: Any, stores: dict[str, str]) -> str:
    if isinstance(value, list):
        return ", ".join(_value_text(spec, v, stores) for v in value)
    if value is None or value == "":
        return "…"
    if spec is not None:
        for item in spec.values:
            if item.value == value:
                return item.label
        if spec.type == cat.FieldType.MONEY and isinstance(value, int | float):
            return fmt.vnd(value)
        if spec.type == cat.FieldType.STORE:
            return stores.get(str(value), str(value))
        if spec.type == cat.FieldType.BOOL:
            return tr("có") if value else tr("không")
        if (
            spec.type in (cat.FieldType.DATE, cat.FieldType.DATETIME)
            and isinstance(value, str)
            and len(value) >= 10
        ):
            y, m, d = value[:10].split("-")
            return f"{d}/{m}/{y}"
    return str(value)


def describe(
    node: Any, segments: dict[str, str], stores: dict[str, str] | None = None, top: bool = True
) -> str:
    stores = stores or {}
    if not isinstance(node, dict):
        return "…"
    if "not" in node:
        return tr("KHÔNG (") + describe(node["not"], segments, stores, False) + ")"
    for kind, joiner, title in (("all", tr(" VÀ "), tr("TẤT CẢ")), ("any", tr(" HOẶC "), tr("BẤT KỲ"))):
        if kind in node:
            parts = [describe(child, segments, stores, False) for child in node[kind]]
            if not parts:
                return tr("mọi khách hàng") if kind == "all" else tr("không khách hàng nào")
            if top:
                return (
                    tr("Khách hàng thỏa %1 điều kiện sau:").replace("%1", title) + "\n• " + "\n• ".join(parts)
                )
            return "(" + joiner.join(parts) + ")"
    if "field" in node:
        spec = cat.FIELDS.get(node["field"])
        name = spec.label if spec else str(node["field"])
        op = node.get("op", "")
        op_text = cat.OPERATOR_LABELS.get(op, op)
        if op in cat.NO_VALUE_OPS:
            return f"{name} {op_text}"
        if op in cat.DAY_COUNT_OPS:
            return f"{name} {op_text.replace('N', str(node.get('value', '…')))}"
        if op == "between" and isinstance(node.get("value"), list) and len(node["value"]) == 2:
            low, high = (_value_text(spec, v, stores) for v in node["value"])
            return f"{name} {tr('từ')} {low} {tr('đến')} {high}"
        return f"{name} {op_text} {_value_text(spec, node.get('value'), stores)}"
    if "event" in node:
        event = cat.EVENTS.get(node["event"])
        text = tr("Có sự kiện") + f" “{event.label if event else node['event']}”"
        count_op = {"gte": tr("ít nhất"), "lte": tr("nhiều nhất"), "eq": tr("đúng")}.get(
            node.get("count_op", "gte"), ""
        )
        text += f" {count_op} {node.get('count', 1)} {tr('lần')}"
        if node.get("within_last_days"):
            text += " " + tr("trong %1 ngày qua").replace("%1", str(node["within_last_days"]))
        for prop, value in (node.get("where") or {}).items():
            spec_p = event.properties.get(prop) if event else None
            text += f", {spec_p.label if spec_p else prop}: {_value_text(spec_p, value, stores)}"
        return text
    if "segment" in node:
        name = segments.get(str(node["segment"]), tr("(phân khúc chưa chọn)"))
        return (
            tr("Thuộc phân khúc") if node.get("member", True) else tr("Không thuộc phân khúc")
        ) + f" “{name}”"
    return "…"
