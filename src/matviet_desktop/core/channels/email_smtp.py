"""Email over SMTP (any relay). SMTP has no idempotency key: a send whose outcome is unknown
(connection lost after DATA, before the final reply) is never resent automatically; the engine
marks it in doubt. A deterministic Message-ID makes it traceable."""

from __future__ import annotations

import smtplib
import ssl
import threading
from email import policy
from email.message import EmailMessage
from email.utils import formatdate

from matviet_desktop.core.channels.base import Channel, OutboundMessage
from matviet_desktop.core.channels.email_common import unsubscribe_headers, with_footer
from matviet_desktop.core.sending.errors import Outcome, SendResult, classify_smtp


class SmtpChannel(Channel):
    provider = "smtp"
    channel = "email"
    dedup_window_s = None

    def __init__(self, settings: dict[str, str]) -> None:
        if not settings.get("host") or not settings.get("from_address"):
            raise ValueError(
                "Thiếu máy chủ SMTP hoặc địa chỉ gửi (MATVIET_SMTP_HOST, MATVIET_SMTP_FROM_ADDRESS)"
            )
        self.settings = settings
        self._local = threading.local()  # one SMTP connection per sending thread
        self._all: list[smtplib.SMTP] = []
        self._lock = threading.Lock()

    def build(self, message: OutboundMessage) -> EmailMessage:
        s = self.settings
        # No folding of long headers: a folded List-Unsubscribe has broken DKIM (research §3.2).
        mail = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
        domain = s["from_address"].rsplit("@", 1)[-1]
        mail["From"] = s["from_address"]
        mail["To"] = message.email or ""
        mail["Subject"] = message.subject or ""
        mail["Date"] = formatdate(localtime=False)
        mail["Message-ID"] = f"<{message.request_id}@{domain}>"
        body = message.content
        if message.advertising:
            body = with_footer(body)
            for key, value in unsubscribe_headers(
                s.get("unsubscribe_mailto", ""), s.get("unsubscribe_url", ""), message.request_id
            ).items():
                mail[key] = value
        mail.set_content(body)
        return mail

    def _connection(self) -> smtplib.SMTP:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            try:
                if conn.noop()[0] == 250:
                    return conn
            except (smtplib.SMTPException, OSError):
                pass
        s = self.settings
        timeout = float(s.get("timeout_s", "30"))
        if s.get("port") == "465":
            conn = smtplib.SMTP_SSL(s["host"], 465, timeout=timeout, context=ssl.create_default_context())
        else:
            conn = smtplib.SMTP(s["host"], int(s.get("port", "587")), timeout=timeout)
            conn.ehlo()
            if s.get("starttls", "1") == "1" and conn.has_extn("starttls"):
                conn.starttls(context=ssl.create_default_context())
                conn.ehlo()
        if s.get("username"):
            conn.login(s["username"], s.get("password", ""))
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    def send(self, message: OutboundMessage) -> SendResult:
        if not message.email:
            return SendResult(Outcome.PERMANENT, "NOEMAIL", "khách hàng không có địa chỉ email")
        mail = self.build(message)
        try:
            conn = self._connection()
        except smtplib.SMTPAuthenticationError as exc:
            return classify_smtp(exc.smtp_code, str(exc.smtp_error), after_data=False)
        except (OSError, smtplib.SMTPException) as exc:
            return SendResult(Outcome.TRANSIENT_SAFE, "CONNECT", f"không kết nối được máy chủ thư: {exc}")
        try:
            code, reply = conn.mail(self.settings["from_address"])
            if code != 250:
                return classify_smtp(code, reply.decode(errors="replace"), after_data=False)
            code, reply = conn.rcpt(message.email)
            if code not in (250, 251):
                conn.rset()
                return classify_smtp(code, reply.decode(errors="replace"), after_data=False)
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            return SendResult(
                Outcome.TRANSIENT_SAFE, "SMTPCONN", f"mất kết nối trước khi gửi nội dung: {exc}"
            )
        try:
            code, reply = conn.data(mail.as_bytes())
        except smtplib.SMTPDataError as exc:
            return classify_smtp(exc.smtp_code, str(exc.smtp_error), after_data=True)
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            self._drop()
            return SendResult(
                Outcome.UNKNOWN, "SMTPDATA", f"mất kết nối sau khi gửi nội dung: {type(exc).__name__}"
            )
        if code != 250:
            return classify_smtp(code, reply.decode(errors="replace"), after_data=True)
        return SendResult(Outcome.ACCEPTED, "SMTP250", provider_msg_id=str(mail["Message-ID"]).strip("<>"))

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            try:
                conn.close()
            except OSError:
                pass
