"""Provider accounts (eSMS, Zalo ZNS, SMTP, Mailgun): settings, secrets to the keyring, test button.

Built on `core.channels.settings` (defaults, which values are secrets, load/save) and
`core.channels.registry.make_channel`, from the sending area. When this build has no channels
module the section says so instead of offering fields that would go nowhere.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.widgets.common import Banner, Card, button, label

PROVIDER_NAMES = {
    "esms": "eSMS (SMS brandname)",
    "zalo_zns": "Zalo ZNS",
    "smtp": "Email qua SMTP",
    "mailgun": "Email qua Mailgun",
}
FIELD_LABELS = {
    "base_url": QT_TRANSLATE_NOOP("Providers", "Địa chỉ API"),
    "brandname": QT_TRANSLATE_NOOP("Providers", "Brandname"),
    "api_key": QT_TRANSLATE_NOOP("Providers", "API key"),
    "secret_key": QT_TRANSLATE_NOOP("Providers", "Secret key"),
    "app_id": QT_TRANSLATE_NOOP("Providers", "App ID"),
    "app_secret": QT_TRANSLATE_NOOP("Providers", "App secret"),
    "oaid": QT_TRANSLATE_NOOP("Providers", "Zalo OA ID"),
    "host": QT_TRANSLATE_NOOP("Providers", "Máy chủ SMTP"),
    "port": QT_TRANSLATE_NOOP("Providers", "Cổng"),
    "username": QT_TRANSLATE_NOOP("Providers", "Tên đăng nhập"),
    "password": QT_TRANSLATE_NOOP("Providers", "Mật khẩu"),
    "from_address": QT_TRANSLATE_NOOP("Providers", "Địa chỉ gửi"),
    "domain": QT_TRANSLATE_NOOP("Providers", "Tên miền"),
    "rate_per_s": QT_TRANSLATE_NOOP("Providers", "Tốc độ tối đa (tin/giây)"),
    "timeout_s": QT_TRANSLATE_NOOP("Providers", "Thời gian chờ (giây)"),
}


def channels_settings() -> Any | None:
    try:
        return importlib.import_module("matviet_desktop.core.channels.settings")
    except ModuleNotFoundError:
        return None


def check_provider(url: str, provider: str) -> str:
    """Contact the provider with the saved settings; returns a Vietnamese success message."""
    registry = importlib.import_module("matviet_desktop.core.channels.registry")
    channel = registry.make_channel(url, provider)
    try:
        balance = getattr(channel, "balance", None)
        if callable(balance):
            return QCoreApplication.translate("Providers", "Kết nối được. Số dư tài khoản: %1").replace(
                "%1", str(balance())
            )
        check = getattr(channel, "check", None)
        if callable(check):
            check()
            return QCoreApplication.translate("Providers", "Kết nối được.")
        return QCoreApplication.translate(
            "Providers", "Đã tạo được kết nối (nhà cung cấp này không có lệnh kiểm tra)."
        )
    finally:
        channel.close()


class ProviderCard(Card):
    def __init__(self, ctx: AppContext, banner: Banner, module: Any, provider: str) -> None:
        super().__init__(PROVIDER_NAMES.get(provider, provider))
        self.ctx, self.banner, self.module, self.provider = ctx, banner, module, provider
        self.secrets = set(module.SECRETS.get(provider, ()))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        names = [*module.DEFAULTS.get(provider, {}), *module.SECRETS.get(provider, ())]
        for name in names:
            edit = QLineEdit()
            if name in self.secrets:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setPlaceholderText(self.tr("lưu trong kho khóa hệ thống"))
            self.fields[name] = edit
            form.addRow(QCoreApplication.translate("Providers", FIELD_LABELS.get(name, name)), edit)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Lưu"), "check", primary=True)
        self.test_button = button(self.tr("Kiểm tra kết nối"))
        row.addWidget(self.save_button)
        row.addWidget(self.test_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test)

    def show_values(self, values: dict[str, str]) -> None:
        for name, edit in self.fields.items():
            edit.setText("" if name in self.secrets else values.get(name, ""))
            if name in self.secrets and values.get(name):
                edit.setPlaceholderText(self.tr("đã lưu — nhập để thay"))

    def save(self) -> None:
        values = {n: e.text() for n, e in self.fields.items() if n not in self.secrets or e.text()}
        engine, module, provider = self.ctx.engine, self.module, self.provider
        self.ctx.tasks.submit(
            lambda job: module.save(engine, provider, values),
            title=self.tr("Lưu cài đặt %1").replace("%1", PROVIDER_NAMES.get(provider, provider)),
            serial=True,
            on_result=lambda _r: self.banner.show_message(
                "ok", self.tr("Đã lưu. Khóa bí mật nằm trong kho khóa.")
            ),
            on_error=lambda e: self.banner.show_message("error", str(e.exception)),
        )

    def test(self) -> None:
        url, provider = self.ctx.database.url, self.provider
        self.ctx.tasks.submit(
            lambda job: check_provider(url, provider),
            title=self.tr("Kiểm tra %1").replace("%1", PROVIDER_NAMES.get(provider, provider)),
            on_result=lambda message: self.banner.show_message("ok", message),
            on_error=lambda e: self.banner.show_message(
                "error", self.tr("Không kết nối được: ") + str(e.exception)
            ),
        )


class ProvidersSection(QWidget):
    def __init__(self, ctx: AppContext, banner: Banner) -> None:
        super().__init__()
        self.ctx, self.banner = ctx, banner
        self.module = channels_settings()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.cards: dict[str, ProviderCard] = {}
        if self.module is None:
            card = Card(self.tr("Nhà cung cấp gửi tin"))
            card.body.addWidget(
                label(
                    self.tr("Bản cài đặt này chưa có mô-đun gửi tin (eSMS, Zalo, email)."), "Muted", wrap=True
                )
            )
            layout.addWidget(card)
        else:
            for provider in self.module.DEFAULTS:
                self.cards[provider] = ProviderCard(ctx, banner, self.module, provider)
                layout.addWidget(self.cards[provider])
        layout.addStretch(1)

    def load(self) -> None:
        if self.module is None:
            return
        engine, module = self.ctx.engine, self.module
        providers = list(self.cards)
        self.ctx.tasks.submit(
            lambda job: {p: module.load(engine, p) for p in providers},
            title=self.tr("Tải cài đặt nhà cung cấp"),
            visible=False,
            on_result=lambda all_values: [self.cards[p].show_values(v) for p, v in all_values.items()],
        )
