"""Fake Mailgun: `POST /v3/{domain}/messages` and `GET /v3/{domain}/events` with paging.
Events appear later (`deliver_after_s`); tests script bounces, opens, clicks, unsubscribes."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from matviet_desktop.core.channels.fake.http import FakeHttpServer, Reply, Request


@dataclass
class MailgunFaults:
    deliver_after_s: float = 0.0
    bounce: set[str] = field(default_factory=set)
    opens: set[str] = field(default_factory=set)
    clicks: set[str] = field(default_factory=set)
    unsubscribes: set[str] = field(default_factory=set)


class FakeMailgun:
    def __init__(self, api_key: str = "key-test", domain: str = "mg.matviet.vn") -> None:
        self.api_key, self.domain = api_key, domain
        self.faults = MailgunFaults()
        self.sent: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.base_url = ""

    def install(self, server: FakeHttpServer) -> None:
        server.add("POST", f"/v3/{self.domain}/messages", self.messages)
        server.add("GET", f"/v3/{self.domain}/events", self.events)
        self.base_url = server.url

    def _authorised(self, req: Request) -> bool:
        import base64

        expected = "Basic " + base64.b64encode(f"api:{self.api_key}".encode()).decode()
        return req.headers.get("authorization") == expected

    def messages(self, req: Request) -> Reply:
        if not self._authorised(req):
            return Reply(b"Forbidden", 401)
        form = {k: v[-1] for k, v in req.form().items()}
        if "@" not in form.get("to", ""):
            return Reply(
                {"message": "'to' parameter is not a valid address. please check documentation"}, 400
            )
        msg_id = f"{uuid.uuid4().hex}@{self.domain}"
        with self.lock:
            self.sent.append({**form, "id": msg_id, "at": time.time()})
        return Reply({"id": f"<{msg_id}>", "message": "Queued. Thank you."})

    def _events(self) -> list[dict[str, Any]]:
        now = time.time()
        out = []
        for m in self.sent:
            to, at = m["to"], m["at"]
            headers = {"message-id": m["id"]}
            out.append(
                {"event": "accepted", "timestamp": at, "recipient": to, "message": {"headers": headers}}
            )
            if now - at < self.faults.deliver_after_s:
                continue
            t = at + self.faults.deliver_after_s
            if to in self.faults.bounce:
                out.append(
                    {
                        "event": "failed",
                        "severity": "permanent",
                        "timestamp": t,
                        "recipient": to,
                        "message": {"headers": headers},
                        "delivery-status": {"description": "No such mailbox"},
                    }
                )
                continue
            out.append(
                {"event": "delivered", "timestamp": t, "recipient": to, "message": {"headers": headers}}
            )
            for name, who in (
                ("opened", self.faults.opens),
                ("clicked", self.faults.clicks),
                ("unsubscribed", self.faults.unsubscribes),
            ):
                if to in who:
                    t += 1
                    out.append(
                        {"event": name, "timestamp": t, "recipient": to, "message": {"headers": headers}}
                    )
        return sorted(out, key=lambda e: e["timestamp"])

    def events(self, req: Request) -> Reply:
        if not self._authorised(req):
            return Reply(b"Forbidden", 401)
        begin = float(req.query.get("begin", 0))
        offset = int(req.query.get("offset", 0))
        limit = min(int(req.query.get("limit", 100)), 300)
        items = [e for e in self._events() if e["timestamp"] >= begin]
        page = items[offset : offset + limit]
        nxt = f"{self.base_url}/v3/{self.domain}/events?begin={begin}&limit={limit}&offset={offset + limit}"
        return Reply({"items": page, "paging": {"next": nxt}})
