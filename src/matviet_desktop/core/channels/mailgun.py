"""Mailgun HTTP API: send (`POST /v3/{domain}/messages`, Basic auth `api:KEY`) and poll the
Events API (`GET /v3/{domain}/events`): delivered, failed, opened, clicked, unsubscribed,
complained — no inbound webhook needed on a desktop. No idempotency key: unknown outcomes are
in doubt, never resent automatically."""

from __future__ import annotations

import datetime as dt

import httpx

from matviet_desktop.core.channels.base import Channel, DeliveryUpdate, OutboundMessage
from matviet_desktop.core.channels.email_common import unsubscribe_headers, with_footer
from matviet_desktop.core.channels.esms import http_failure
from matviet_desktop.core.channels.settings import base_url
from matviet_desktop.core.sending.errors import Outcome, SendResult, classify_http_status

EVENTS = ("delivered", "failed", "opened", "clicked", "unsubscribed", "complained")


class MailgunClient(Channel):
    provider = "mailgun"
    channel = "email"
    dedup_window_s = None

    def __init__(self, settings: dict[str, str], *, http: httpx.Client | None = None) -> None:
        missing = [k for k in ("api_key", "domain", "from_address") if not settings.get(k)]
        if missing:
            raise ValueError("Thiếu cài đặt Mailgun: " + ", ".join(missing) + " (MATVIET_MAILGUN_…)")
        self.settings = settings
        self.base = base_url(settings.get("base_url", "https://api.mailgun.net"))
        self.http = http or httpx.Client(
            timeout=httpx.Timeout(float(settings.get("timeout_s", "20")), connect=5.0),
            auth=("api", settings["api_key"]),
        )

    def _url(self, tail: str) -> str:
        return f"{self.base}/v3/{self.settings['domain']}/{tail}"

    def send(self, message: OutboundMessage) -> SendResult:
        if not message.email:
            return SendResult(Outcome.PERMANENT, "NOEMAIL", "khách hàng không có địa chỉ email")
        form = {
            "from": self.settings["from_address"],
            "to": message.email,
            "subject": message.subject or "",
            "text": with_footer(message.content) if message.advertising else message.content,
            "v:request_id": message.request_id,
            "h:X-Matviet-Request-Id": message.request_id,
        }
        if message.campaign_name:
            form["o:tag"] = message.campaign_name[:128]
        if message.advertising:
            headers = unsubscribe_headers(
                self.settings.get("unsubscribe_mailto", ""),
                self.settings.get("unsubscribe_url", ""),
                message.request_id,
            )
            form.update({f"h:{k}": v for k, v in headers.items()})
        try:
            response = self.http.post(self._url("messages"), data=form)
        except httpx.HTTPError as exc:
            return http_failure(exc)
        if response.status_code != 200:
            return classify_http_status(response.status_code, response.headers.get("Retry-After"))
        try:
            msg_id = str(response.json()["id"]).strip("<>")
        except (ValueError, KeyError):
            return SendResult(Outcome.UNKNOWN, "BADBODY", "trả lời không đọc được")
        return SendResult(Outcome.ACCEPTED, "HTTP200", provider_msg_id=msg_id)

    def events(self, begin: dt.datetime) -> list[dict]:
        """Every event since `begin`, oldest first, following the paging links."""
        url: str | None = self._url("events")
        params: dict[str, str] | None = {"begin": str(begin.timestamp()), "ascending": "yes", "limit": "300"}
        items: list[dict] = []
        while url:
            response = self.http.get(url, params=params)
            response.raise_for_status()
            data = response.json()
            page = data.get("items") or []
            items += page
            url = (data.get("paging") or {}).get("next") if page else None
            params = None
        return items

    def poll(self, provider_msg_ids: list[str]) -> list[DeliveryUpdate]:
        wanted = set(provider_msg_ids)
        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)  # Events API retention is ≥ 3 days
        updates = []
        for item in self.events(since):
            mid = str(((item.get("message") or {}).get("headers") or {}).get("message-id", "")).strip("<>")
            event = item.get("event")
            if mid not in wanted or event not in EVENTS:
                continue
            if event == "failed" and item.get("severity") != "permanent":
                continue  # Mailgun retries temporary failures itself
            at = dt.datetime.fromtimestamp(float(item.get("timestamp", 0)), dt.UTC)
            updates.append(
                DeliveryUpdate(
                    mid,
                    email=item.get("recipient"),
                    final=event in ("delivered", "failed"),
                    event=event,
                    delivered=event == "delivered" or None,
                    at=at,
                    reason=(item.get("delivery-status") or {}).get("description")
                    if event == "failed"
                    else None,
                )
            )
        return updates

    def close(self) -> None:
        self.http.close()
