"""Build the channel adapter for a provider name from its effective settings."""

from __future__ import annotations

from matviet_desktop.core.channels import settings as provider_settings
from matviet_desktop.core.channels.base import Channel
from matviet_desktop.core.db.engine import make_engine

PROVIDERS = ("esms", "esms_zns", "zalo_zns", "smtp", "mailgun")


def load_settings(url: str, provider: str) -> dict[str, str]:
    engine = make_engine(url, pool_size=1)
    try:
        return provider_settings.load(engine, "esms" if provider == "esms_zns" else provider)
    finally:
        engine.dispose()


def make_channel(url: str, provider: str) -> Channel:
    values = load_settings(url, provider)
    if provider in ("esms", "esms_zns"):
        from matviet_desktop.core.channels.esms import EsmsClient

        return EsmsClient(values, zns=provider == "esms_zns")
    if provider == "zalo_zns":
        from matviet_desktop.core.channels.zalo_zns import ZaloZnsClient

        return ZaloZnsClient(values, database_url=url)
    if provider == "smtp":
        from matviet_desktop.core.channels.email_smtp import SmtpChannel

        return SmtpChannel(values)
    if provider == "mailgun":
        from matviet_desktop.core.channels.mailgun import MailgunClient

        return MailgunClient(values)
    raise ValueError(f"Nhà cung cấp không hỗ trợ: {provider!r} (có: {', '.join(PROVIDERS)})")
