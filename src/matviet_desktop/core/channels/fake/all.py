"""Every fake provider together: eSMS, Zalo ZNS + OAuth and Mailgun share one HTTP port (their
paths differ); SMTP listens on the next port. Used by demo mode and `matviet fake-providers`."""

from __future__ import annotations

from dataclasses import dataclass

from matviet_desktop.core.channels.fake.esms import FakeEsms
from matviet_desktop.core.channels.fake.http import FakeHttpServer
from matviet_desktop.core.channels.fake.mailgun import FakeMailgun
from matviet_desktop.core.channels.fake.zalo import FakeZalo


@dataclass
class Fakes:
    http: FakeHttpServer
    esms: FakeEsms
    zalo: FakeZalo
    mailgun: FakeMailgun
    smtp: object
    smtp_port: int

    def stop(self) -> None:
        self.http.stop()
        self.smtp.stop()  # type: ignore[attr-defined]

    def settings(self) -> dict[str, dict[str, str]]:
        """Provider settings that point the real clients at these fakes (demo mode)."""
        return {
            "esms": {
                "base_url": self.http.url,
                "api_key": self.esms.api_key,
                "secret_key": self.esms.secret_key,
                "brandname": self.esms.brandnames[0],
            },
            "zalo_zns": {
                "base_url": self.http.url,
                "oauth_url": self.http.url,
                "app_id": self.zalo.app_id,
                "app_secret": self.zalo.app_secret,
            },
            "mailgun": {
                "base_url": self.http.url,
                "api_key": self.mailgun.api_key,
                "domain": self.mailgun.domain,
                "from_address": f"khuyenmai@{self.mailgun.domain}",
            },
            "smtp": {
                "host": "127.0.0.1",
                "port": str(self.smtp_port),
                "starttls": "0",
                "from_address": "khuyenmai@matviet.vn",
            },
        }


def start_all(port: int = 0) -> Fakes:
    from matviet_desktop.core.channels.fake.smtp import FakeSmtp

    http = FakeHttpServer(port=port)
    esms, zalo, mailgun = FakeEsms(), FakeZalo(), FakeMailgun()
    esms.install(http)
    zalo.install(http)
    mailgun.install(http)
    http.start()
    try:
        smtp = FakeSmtp(port=(port + 1) if port else 0).start()
    except OSError as exc:  # e.g. the next port is taken: do not leave the HTTP fakes answering
        http.stop()
        raise OSError(f"SMTP giả không mở được cổng {port + 1}: {exc}. Hãy chọn --port khác.") from exc
    return Fakes(http, esms, zalo, mailgun, smtp, smtp.port)


def use_for_this_process(port: int = 0) -> Fakes:
    """Demo mode: start every fake and point this process's provider settings at them through
    `MATVIET_<PROVIDER>_<SETTING>` variables (nothing is written to the database or keyring),
    so a whole campaign runs offline with the real clients and the real engine."""
    import os

    from matviet_desktop.core.channels.settings import env_name

    fakes = start_all(port)
    for provider, values in fakes.settings().items():
        for key, value in values.items():
            os.environ[env_name(provider, key)] = value
    return fakes
