"""Fake Zalo ZNS + OAuth v4 (messaging-apis.md §2.7): single-use refresh tokens (a reused one
is rejected and counted), -124 for an unknown/expired access token, -108 bad phone, -109
unknown template, -1122 missing parameter, -118 phones without Zalo, -144 quota."""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from matviet_desktop.core.channels.fake.http import FakeHttpServer, Reply, Request

PHONE = re.compile(r"^84\d{9}$")


@dataclass
class ZaloFaults:
    no_zalo: set[str] = field(default_factory=set)
    daily_quota: int = 500
    deliver_after_s: float = 0.0
    latency_s: float = 0.0


class FakeZalo:
    def __init__(self, app_id: str = "app", app_secret: str = "zsecret") -> None:
        self.app_id, self.app_secret = app_id, app_secret
        self.faults = ZaloFaults()
        self.templates: dict[str, list[str]] = {"7895417": ["customer_name", "order_code"]}
        self.lock = threading.Lock()
        self.refresh_token = "rt-" + secrets.token_hex(8)
        self.used_refresh: set[str] = set()
        self.reused_refresh = 0
        self.access: dict[str, float] = {}  # token → expiry
        self.sent: dict[str, dict[str, Any]] = {}
        self.by_tracking: dict[str, int] = {}

    def install(self, server: FakeHttpServer) -> None:
        server.add("POST", "/v4/oa/access_token", self.oauth)
        server.add("POST", "/message/template", self.send)
        server.add("GET", "/message/status", self.status)
        server.add("GET", "/message/quota", self.quota)
        server.add("GET", "/template/info/v2", self.template_info)

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access.clear()

    def oauth(self, req: Request) -> Reply:
        form = {k: v[-1] for k, v in req.form().items()}
        if req.headers.get("secret_key") != self.app_secret or form.get("app_id") != self.app_id:
            return Reply(
                {"error": -14002, "error_name": "Invalid app", "error_description": "Invalid app_id/secret"}
            )
        time.sleep(0.05)  # a real round trip: makes concurrent refreshes overlap
        with self.lock:
            token = form.get("refresh_token", "")
            if token != self.refresh_token:
                if token in self.used_refresh:
                    self.reused_refresh += 1
                return Reply(
                    {
                        "error": -14014,
                        "error_name": "Invalid refresh token",
                        "error_description": "Refresh token was used or expired",
                    }
                )
            self.used_refresh.add(token)
            self.refresh_token = "rt-" + secrets.token_hex(8)
            access = "at-" + secrets.token_hex(8)
            self.access[access] = time.time() + 90000
            return Reply({"access_token": access, "refresh_token": self.refresh_token, "expires_in": "90000"})

    def _token_ok(self, req: Request) -> bool:
        return self.access.get(req.headers.get("access_token", ""), 0) > time.time()

    def send(self, req: Request) -> Reply:
        if self.faults.latency_s:
            time.sleep(self.faults.latency_s)
        if not self._token_ok(req):
            return Reply({"error": -124, "message": "Access token is invalid"})
        body = req.json()
        phone, template = str(body.get("phone", "")), str(body.get("template_id", ""))
        if not PHONE.match(phone):
            return Reply({"error": -108, "message": "Phone number is invalid"})
        if template not in self.templates:
            return Reply({"error": -109, "message": "Template ID is invalid"})
        if any(p not in (body.get("template_data") or {}) for p in self.templates[template]):
            return Reply({"error": -1122, "message": "Template data is missing a param"})
        if phone in self.faults.no_zalo:
            return Reply({"error": -118, "message": "Zalo account does not exist"})
        with self.lock:
            if len(self.sent) >= self.faults.daily_quota:
                return Reply({"error": -144, "message": "OA has exceeded the daily quota"})
            msg_id = secrets.token_hex(10)
            self.sent[msg_id] = {**body, "at": time.time()}
            tracking = str(body.get("tracking_id"))
            self.by_tracking[tracking] = self.by_tracking.get(tracking, 0) + 1
            remaining = self.faults.daily_quota - len(self.sent)
        return Reply(
            {
                "error": 0,
                "message": "Success",
                "data": {
                    "msg_id": msg_id,
                    "sent_time": str(int(time.time() * 1000)),
                    "sending_mode": "1",
                    "quota": {"dailyQuota": str(self.faults.daily_quota), "remainingQuota": str(remaining)},
                },
            }
        )

    def status(self, req: Request) -> Reply:
        if not self._token_ok(req):
            return Reply({"error": -124, "message": "Access token is invalid"})
        msg = self.sent.get(req.query.get("message_id", ""))
        if msg is None:
            return Reply({"error": 0, "data": {"status": -1, "message": "The message does not exist"}})
        done = time.time() - msg["at"] >= self.faults.deliver_after_s
        return Reply(
            {
                "error": 0,
                "data": {
                    "status": 1 if done else 0,
                    "delivery_time": str(int((msg["at"] + self.faults.deliver_after_s) * 1000)),
                    "message": "delivered" if done else "at Zalo server",
                },
            }
        )

    def quota(self, req: Request) -> Reply:
        if not self._token_ok(req):
            return Reply({"error": -124, "message": "Access token is invalid"})
        return Reply(
            {
                "error": 0,
                "data": {
                    "dailyQuota": self.faults.daily_quota,
                    "remainingQuota": self.faults.daily_quota - len(self.sent),
                },
            }
        )

    def template_info(self, req: Request) -> Reply:
        if not self._token_ok(req):
            return Reply({"error": -124, "message": "Access token is invalid"})
        tid = req.query.get("template_id", "")
        if tid not in self.templates:
            return Reply({"error": -109, "message": "Template ID is invalid"})
        return Reply(
            {
                "error": 0,
                "data": {
                    "templateId": tid,
                    "templateName": "Xác nhận đơn hàng",
                    "status": "ENABLE",
                    "listParams": [
                        {"name": p, "require": True, "type": "STRING", "maxLength": 30}
                        for p in self.templates[tid]
                    ],
                    "templateTag": "1",
                    "price": "200",
                },
            }
        )
