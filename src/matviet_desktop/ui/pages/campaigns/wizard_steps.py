"""The wizard's step widgets. Each reads its part of the campaign spec (`spec()`) and shows what
core reported about it (`show_readiness`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.campaigns import content
from matviet_desktop.core.campaigns.service import Readiness
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.campaigns.customer_picker import CustomerPicker
from matviet_desktop.ui.widgets.common import Card, button, label

PROVIDERS = {"sms": ["esms"], "zalo": ["esms_zns", "zalo_zns"], "email": ["smtp", "mailgun"]}


class ChannelStep(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.setMaximumWidth(900)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Ví dụ: Ưu đãi tròng kính tháng 12"))
        form.addRow(self.tr("Tên chiến dịch"), self.name)
        row = QHBoxLayout()
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[str, QRadioButton] = {}
        for code in ("sms", "zalo", "email"):
            radio = QRadioButton(labels.channel(code))
            self.channel_group.addButton(radio)
            self.channel_buttons[code] = radio
            row.addWidget(radio)
        row.addStretch(1)
        self.channel_buttons["sms"].setChecked(True)
        form.addRow(self.tr("Kênh"), row)
        self.purpose = QComboBox()
        self.purpose.addItem(labels.name(labels.PURPOSES, "advertising"), "advertising")
        self.purpose.addItem(labels.name(labels.PURPOSES, "customer_care"), "customer_care")
        form.addRow(self.tr("Mục đích"), self.purpose)
        self.provider = QComboBox()
        form.addRow(self.tr("Nhà cung cấp"), self.provider)
        self.explain = label("", "Explain", wrap=True)
        form.addRow("", self.explain)
        self.channel_group.buttonToggled.connect(lambda *_: self._sync())
        self.purpose.currentIndexChanged.connect(lambda *_: self._sync())
        self.name.textChanged.connect(lambda _text: self.changed.emit())
        self._sync()

    def channel(self) -> str:
        return next(code for code, b in self.channel_buttons.items() if b.isChecked())

    def _sync(self) -> None:
        current = self.provider.currentData()
        self.provider.clear()
        for p in PROVIDERS[self.channel()]:
            self.provider.addItem(p, p)
        if current in PROVIDERS[self.channel()]:
            self.provider.setCurrentIndex(PROVIDERS[self.channel()].index(current))
        advertising = self.purpose.currentData() == "advertising"
        self.explain.setText(
            self.tr(
                "Quảng cáo: chỉ gửi cho khách đã đồng ý nhận tin qua kênh này, tự thêm nhãn [QC] và dòng từ chối, "
                "SMS chỉ gửi 07:00–22:00, tối đa 3 tin quảng cáo/người/24 giờ (Nghị định 91/2020)."
            )
            if advertising
            else self.tr(
                "Chăm sóc khách hàng (nhắc lịch, báo đơn): nội dung SMS phải khớp mẫu đã đăng ký với eSMS."
            )
        )
        self.changed.emit()

    def spec(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "channel": self.channel(),
            "purpose": self.purpose.currentData(),
            "provider": self.provider.currentData(),
        }


class AudienceStep(QWidget):
    check_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.kind_group = QButtonGroup(self)
        self.kind: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for code, text in (
            ("segment", self.tr("Một phân khúc")),
            ("csv_upload", self.tr("Tệp CSV")),
            ("manual", self.tr("Chọn từng khách hàng")),
            ("paste", self.tr("Dán số điện thoại / email")),
        ):
            radio = QRadioButton(text)
            self.kind_group.addButton(radio)
            self.kind[code] = radio
            row.addWidget(radio)
        row.addStretch(1)
        self.kind["segment"].setChecked(True)
        layout.addLayout(row)
        self.form = form = QFormLayout()
        self.segment = QComboBox()
        form.addRow(self.tr("Phân khúc"), self.segment)
        self.file_row = file_row = QHBoxLayout()
        self.file_path = QLineEdit()
        self.file_path.setReadOnly(True)
        browse = button(self.tr("Chọn tệp…"), "file")
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("Tệp CSV"), file_row)
        self.picker = CustomerPicker(ctx)
        form.addRow(self.picker)
        self.pasted = QPlainTextEdit()
        self.pasted.setPlaceholderText(self.tr("Mỗi dòng một số điện thoại hoặc email"))
        self.pasted.setMaximumHeight(90)
        form.addRow(self.tr("Danh sách"), self.pasted)
        self.exclusions = QListWidget()
        self.exclusions.setMaximumHeight(110)
        form.addRow(self.tr("Loại trừ các phân khúc"), self.exclusions)
        layout.addLayout(form)
        self.check_button = button(self.tr("Kiểm tra tập khách hàng"), "check")
        self.check_button.clicked.connect(self.check_requested.emit)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.report = label("", wrap=True)
        card = Card(self.tr("Ai sẽ nhận tin"))
        card.body.addWidget(self.report)
        layout.addWidget(card)
        layout.addStretch(1)
        self.kind_group.buttonToggled.connect(lambda *_: self._sync())
        # A report about another audience would mislead: ask for a new check instead.
        self.kind_group.buttonToggled.connect(lambda _b, on: on and self.show_readiness(None))
        self.picker.changed.connect(lambda: self.show_readiness(None))
        self._sync()
        self.show_readiness(None)

    def set_segments(self, names: dict[str, str]) -> None:
        self.segment.clear()
        self.exclusions.clear()
        for seg_id, seg_name in names.items():
            self.segment.addItem(seg_name, seg_id)
            item = QListWidgetItem(seg_name)
            item.setData(Qt.ItemDataRole.UserRole, seg_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.exclusions.addItem(item)

    def reset(self) -> None:
        self.kind["segment"].setChecked(True)
        self.file_path.clear()
        self.pasted.clear()
        self.picker.reset()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp CSV"), "", "CSV (*.csv *.txt)")
        if path:
            self.file_path.setText(path)

    def target_type(self) -> str:
        return next(code for code, b in self.kind.items() if b.isChecked())

    def _sync(self) -> None:
        """Only the input of the chosen kind of audience is shown (exclusions apply to all)."""
        kind = self.target_type()
        self.form.setRowVisible(self.segment, kind == "segment")
        self.form.setRowVisible(self.file_row, kind == "csv_upload")
        self.form.setRowVisible(self.picker, kind == "manual")
        self.form.setRowVisible(self.pasted, kind == "paste")

    def spec(self) -> dict[str, Any]:
        kind = self.target_type()
        excluded = [
            self.exclusions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.exclusions.count())
            if self.exclusions.item(i).checkState() == Qt.CheckState.Checked
        ]
        target: dict[str, Any] = {"type": kind}
        if kind == "segment":
            target["segment_id"] = self.segment.currentData()
        elif kind == "csv_upload":
            target["file"] = self.file_path.text()
        elif kind == "manual":
            target["customer_ids"] = [str(c) for c in self.picker.picked_ids()]
        else:
            # A pasted list goes through the CSV matcher: same normalisation and match report.
            target = {
                "type": "csv_upload",
                "csv": "phone\n" + self.pasted.toPlainText(),
                "filename": "danh-sach-dan.csv",
            }
        return {"target": target, "exclusion_segment_ids": excluded}

    def show_readiness(self, readiness: Readiness | None, upload: Any = None) -> None:
        lines: list[str] = []
        if upload is not None:
            lines.append(
                self.tr("Tệp: %1 dòng — khớp %2, không có trong hệ thống %3, không hợp lệ %4, trùng %5.")
                .replace("%1", fmt.integer(upload.total_rows))
                .replace("%2", fmt.integer(upload.matched))
                .replace("%3", fmt.integer(upload.unknown))
                .replace("%4", fmt.integer(upload.invalid))
                .replace("%5", fmt.integer(upload.duplicates))
            )
            for p in upload.problems[:5]:
                lines.append(
                    f"&nbsp;&nbsp;· {self.tr('dòng')} {p.get('line')}: {p.get('value')} — {p.get('reason')}"
                )
        aud = readiness.audience if readiness else None
        if aud is not None:
            lines.append(
                self.tr("<b>%1</b> khách trong tập, %2 bị loại do phân khúc loại trừ.")
                .replace("%1", fmt.integer(aud.candidates + aud.excluded_by_segment))
                .replace("%2", fmt.integer(aud.excluded_by_segment))
            )
            for reason, n in aud.suppressed.items():
                if n:
                    lines.append(f"&nbsp;&nbsp;· {labels.suppression(reason)}: {fmt.integer(n)}")
            lines.append(
                self.tr("Đủ điều kiện: <b>%1</b> · nhóm đối chứng: %2 · <b>sẽ gửi: %3</b>")
                .replace("%1", fmt.integer(aud.eligible))
                .replace("%2", fmt.integer(aud.holdout))
                .replace("%3", fmt.integer(aud.to_send))
            )
        self.report.setText("<br>".join(lines) if lines else self.tr("Bấm “Kiểm tra tập khách hàng” để xem."))


class ContentStep(QWidget):
    preview_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        self.form = form
        self.subject = QLineEdit()
        form.addRow(self.tr("Tiêu đề email"), self.subject)
        self.template_id = QLineEdit()
        self.template_id.setPlaceholderText(self.tr("Mã mẫu ZNS đã được Zalo duyệt"))
        form.addRow(self.tr("Mẫu ZNS"), self.template_id)
        self.template_params = QPlainTextEdit()
        self.template_params.setPlaceholderText("customer_name={ho_ten}\nstore={cua_hang}")
        self.template_params.setMaximumHeight(70)
        form.addRow(self.tr("Tham số ZNS"), self.template_params)
        self.opt_out = QLineEdit("Tu choi QC soan TC gui 8079")
        form.addRow(self.tr("Dòng từ chối"), self.opt_out)
        left.addLayout(form)
        tokens = QHBoxLayout()
        tokens.addWidget(label(self.tr("Chèn:"), "Muted"))
        for token in content.TOKENS:
            b = button("{" + token + "}", flat=True)
            b.setToolTip(labels.token_hint(token))
            b.clicked.connect(lambda _c=False, t=token: self.text.insertPlainText("{" + t + "}"))
            tokens.addWidget(b)
        tokens.addStretch(1)
        left.addLayout(tokens)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Nội dung tin nhắn…"))
        left.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.bo_dau_button = button(self.tr("Bỏ dấu"), flat=False)
        self.bo_dau_button.setToolTip(
            self.tr("Bỏ dấu tiếng Việt để tin SMS dài 160 thay vì 70 ký tự mỗi phần")
        )
        self.bo_dau_button.clicked.connect(
            lambda: self.text.setPlainText(content.bo_dau(self.text.toPlainText()))
        )
        row.addWidget(self.bo_dau_button)
        self.counter = label("", "Muted")
        row.addWidget(self.counter, 1)
        left.addLayout(row)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        preview_card = Card(self.tr("Xem trước"))
        self.sample = QComboBox()
        preview_card.body.addWidget(self.sample)
        self.preview = label("", wrap=True)
        self.preview.setMinimumWidth(260)
        preview_card.body.addWidget(self.preview)
        right.addWidget(preview_card)
        legal_card = Card(self.tr("Kiểm tra pháp lý"))
        self.legal = label("", wrap=True)
        legal_card.body.addWidget(self.legal)
        right.addWidget(legal_card)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.channel = "sms"
        self.purpose = "advertising"
        self.set_samples([])
        self.text.textChanged.connect(self.update_preview)
        self.opt_out.textChanged.connect(self.update_preview)
        self.sample.currentIndexChanged.connect(self.update_preview)

    def set_channel(self, channel: str, purpose: str) -> None:
        self.channel, self.purpose = channel, purpose
        # Show only the fields this channel uses.
        self.form.setRowVisible(self.subject, channel == "email")
        self.form.setRowVisible(self.template_id, channel == "zalo")
        self.form.setRowVisible(self.template_params, channel == "zalo")
        self.bo_dau_button.setVisible(channel == "sms")
        uses_opt_out = purpose == "advertising" and channel in ("sms", "email")
        self.opt_out.setEnabled(uses_opt_out)
        self.form.setRowVisible(self.opt_out, uses_opt_out)
        self.update_preview()

    def set_samples(self, rows: list[dict[str, Any]]) -> None:
        self.sample.clear()
        self.sample.addItem(self.tr("(khách mẫu không có thông tin)"), None)
        for r in rows:
            self.sample.addItem(f"{r['full_name']} — {fmt.phone(r['phone'])}", r)
        if rows:
            self.sample.setCurrentIndex(1)

    def final_text(self) -> str:
        advertising = self.purpose == "advertising"
        return content.with_legal_wrapping(
            self.text.toPlainText(),
            advertising=advertising and self.channel == "sms",
            opt_out_line=self.opt_out.text(),
        )

    def update_preview(self) -> None:
        r = self.sample.currentData()
        values = content.recipient_values(
            r["full_name"] if r else None, r["store_name"] if r else None, r["province"] if r else None,
            phone=r["phone"] if r else None,
        )  # fmt: skip
        rendered = content.render(self.final_text(), values)
        self.preview.setText(rendered or self.tr("(chưa có nội dung)"))
        if self.channel == "sms":
            n = content.sms_length(rendered)
            self.counter.setText(
                self.tr("%1 ký tự · %2 · %3 phần tin (còn %4 ký tự trong phần này)")
                .replace("%1", str(n.characters))
                .replace("%2", n.encoding)
                .replace("%3", str(n.parts))
                .replace("%4", str(n.remaining))
                + (self.tr(" — quá dài!") if n.too_long else "")
            )
        else:
            self.counter.setText("")
        self.legal.setText(self.legal_checks())

    def legal_checks(self) -> str:
        ok, warn = "✔", "⚠"
        items: list[str] = []
        body = self.text.toPlainText()
        if self.purpose == "advertising":
            if self.channel in ("sms", "email"):
                items.append(f"{ok} " + self.tr("Nhãn [QC] được thêm tự động ở đầu tin"))
                items.append(
                    f"{ok if self.opt_out.text().strip() else warn} "
                    + self.tr("Dòng hướng dẫn từ chối ở cuối tin")
                )
            if self.channel == "sms":
                items.append(f"{ok} " + self.tr("Chỉ gửi 07:00–22:00 giờ Việt Nam; ngoài giờ tin sẽ chờ"))
                if content.tokens_in(body):
                    items.append(
                        f"{warn} " + self.tr("SMS quảng cáo phải giống nhau cho mọi người: bỏ các biến {…}")
                    )
            items.append(
                f"{ok} " + self.tr("Tối đa 3 tin quảng cáo mỗi người trong 24 giờ (tin vượt sẽ bị loại)")
            )
            items.append(
                f"{ok} "
                + self.tr("Chỉ gửi cho khách đã đồng ý nhận tin và không trong danh sách không liên hệ")
            )
        else:
            items.append(f"{ok} " + self.tr("Tin chăm sóc khách hàng: không cần nhãn [QC]"))
            if self.channel == "sms":
                items.append(f"{warn} " + self.tr("Nội dung phải khớp mẫu CSKH đã đăng ký với eSMS"))
        unknown = content.unknown_tokens(body)
        if unknown:
            items.append(f"{warn} " + self.tr("Biến không tồn tại: %1").replace("%1", ", ".join(unknown)))
        return "<br>".join(items)

    def spec(self) -> dict[str, Any]:
        params: dict[str, str] = {}
        for line in self.template_params.toPlainText().splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                params[key.strip()] = value.strip()
        return {
            "content": {
                "text": self.text.toPlainText().strip(),
                "subject": self.subject.text().strip() or None,
                "template_id": self.template_id.text().strip() or None,
                "template_params": params,
            },
            "channel_settings": {"opt_out_line": self.opt_out.text().strip()}
            if self.opt_out.isEnabled()
            else {},
        }


class ScheduleStep(QWidget):
    check_requested = Signal()
    test_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.send_now = QCheckBox(self.tr("Gửi ngay khi bắt đầu"))
        self.send_now.setChecked(True)
        form.addRow(self.tr("Thời điểm"), self.send_now)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addDays(1))
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        form.addRow(self.tr("Lên lịch lúc"), self.when)
        self.budget = QSpinBox()
        self.budget.setRange(0, 2_000_000_000)
        self.budget.setSingleStep(100_000)
        self.budget.setSuffix(" ₫")
        self.budget.setSpecialValueText(self.tr("Không giới hạn"))
        self.budget.setGroupSeparatorShown(True)
        form.addRow(self.tr("Ngân sách"), self.budget)
        self.holdout = QDoubleSpinBox()
        self.holdout.setRange(0, 50)
        self.holdout.setDecimals(0)
        self.holdout.setSuffix(" %")
        self.holdout.setValue(10)
        form.addRow(self.tr("Nhóm đối chứng"), self.holdout)
        self.attribution_days = QSpinBox()
        self.attribution_days.setRange(1, 90)
        self.attribution_days.setValue(7)
        self.attribution_days.setSuffix(self.tr(" ngày"))
        form.addRow(self.tr("Ghi nhận doanh thu trong"), self.attribution_days)
        self.promo_code = QLineEdit()
        form.addRow(self.tr("Mã khuyến mãi"), self.promo_code)
        layout.addLayout(form)
        self.check_button = button(self.tr("Tính chi phí và khả năng đo lường"), "check")
        self.check_button.clicked.connect(self.check_requested.emit)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.estimate = label("", wrap=True)
        card = Card(self.tr("Chi phí dự kiến và nhóm đối chứng"))
        card.body.addWidget(self.estimate)
        layout.addWidget(card)
        test_row = QHBoxLayout()
        self.test_numbers = QLineEdit()
        self.test_numbers.setPlaceholderText(
            self.tr("Số điện thoại / email nhân viên, cách nhau bởi dấu phẩy")
        )
        self.test_button = button(self.tr("Gửi thử"), "play")
        self.test_button.clicked.connect(
            lambda: self.test_requested.emit(
                [s.strip() for s in self.test_numbers.text().split(",") if s.strip()]
            )
        )
        test_row.addWidget(self.test_numbers, 1)
        test_row.addWidget(self.test_button)
        layout.addLayout(test_row)
        self.test_result = label("", "Muted", wrap=True)
        layout.addWidget(self.test_result)
        layout.addStretch(1)
        self.send_now.toggled.connect(lambda on: self.when.setEnabled(not on))

    def scheduled_at(self) -> dt.datetime | None:
        if self.send_now.isChecked():
            return None
        return self.when.dateTime().toPython().astimezone()

    def spec(self) -> dict[str, Any]:
        return {
            "budget": self.budget.value() or None,
            "holdout_pct": self.holdout.value(),
            "attribution_days": self.attribution_days.value(),
            "promo_code": self.promo_code.text().strip() or None,
        }

    def show_readiness(self, readiness: Readiness | None) -> None:
        if readiness is None:
            self.estimate.setText("")
            return
        lines = []
        est = readiness.estimate
        if est is not None:
            lines.append(
                self.tr("Chi phí dự kiến: <b>%1</b> cho %2 người nhận × %3 phần tin.")
                .replace("%1", fmt.vnd(est.total))
                .replace("%2", fmt.integer(est.recipients))
                .replace("%3", str(est.parts_per_message))
            )
            for line in est.lines:
                lines.append(
                    f"&nbsp;&nbsp;· {line.carrier}: {fmt.integer(line.recipients)} × {fmt.vnd(line.unit_price)} = {fmt.vnd(line.amount)}"
                )
        if readiness.budget is not None and not readiness.budget.ok:
            lines.append("⚠ " + self.tr("Ngân sách không đủ cho chi phí dự kiến."))
        lift = readiness.detectable_lift
        if lift is not None:
            lines.append(
                self.tr("Nhóm đối chứng %1 khách: phát hiện được mức tăng tỷ lệ mua từ %2 điểm % trở lên.")
                .replace("%1", fmt.integer(lift.holdout))
                .replace(
                    "%2",
                    fmt.decimal((lift.min_detectable_abs or 0) * 100, 1)
                    if lift.min_detectable_abs
                    else fmt.DASH,
                )
            )
        self.estimate.setText("<br>".join(lines))
