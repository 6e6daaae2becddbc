"""Fake eSMS speaking the documented JSON protocol (messaging-apis.md §1.10).

Fault knobs (`EsmsFaults`): de-duplication on/off, latency, slow replies, accept-then-drop,
HTTP 500, a request-rate ceiling answered with 160, codes forced per phone or for the whole
account, phones that never get an answer (poison), and delivery results that appear later.
Counters let a test check exactly-once: `raw[r]` requests and `accepted[r]` acceptances per
RequestId.
"""

from __future__ import annotations

import random
import re
import threading
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from matviet_desktop.core.channels.fake.http import DROP, FakeHttpServer, Reply, Request

PHONE = re.compile(r"^0\d{9}$")
PREFIX = "/MainService.svc/json/"
DEDUP_WINDOW_S = 24 * 3600


@dataclass
class EsmsFaults:
    dedup: bool = True
    latency_s: float = 0.0
    slow_rate: float = 0.0
    slow_s: float = 0.0
    drop_after_accept_rate: float = 0.0
    http_500_rate: float = 0.0
    max_rps: float | None = None
    account_code: str | None = None
    code_for_phone: dict[str, str] = field(default_factory=dict)
    hang_phones: set[str] = field(default_factory=set)
    hang_s: float = 3.0
    deliver_after_s: float = 0.0
    # Scripted answers per phone, consumed one per request: '160', '500' (HTTP 500), 'DROP'
    # (connection closed, nothing accepted), or any CodeResult.
    script: dict[str, list[str]] = field(default_factory=dict)
    accept_then_drop_phones: set[str] = field(default_factory=set)  # once per phone
    undeliverable: set[str] = field(default_factory=set)
    price: int = 850


@dataclass
class Accepted:
    request_id: str
    sms_id: str
    phones: list[str]
    content: str
    sms_type: str
    campaign: str
    at: float


class FakeEsms:
    def __init__(
        self,
        api_key: str = "key",
        secret_key: str = "secret",
        brandnames: tuple[str, ...] = ("MATVIET",),
        seed: int = 7,
    ) -> None:
        self.api_key, self.secret_key, self.brandnames = api_key, secret_key, brandnames
        self.faults = EsmsFaults()
        self.clock = time.time
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.raw: Counter[str] = Counter()  # requests per RequestId
        self.accepted: Counter[str] = Counter()  # acceptances per RequestId (≤1 with de-dup)
        self.phone_deliveries: Counter[str] = Counter()
        self.raw_by_phone: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.by_request: dict[str, Accepted] = {}
        self.by_sms: dict[str, Accepted] = {}
        self.balance = 10_000_000
        self._recent: deque[float] = deque()

    # --- wiring ---------------------------------------------------------------------------
    def install(self, server: FakeHttpServer) -> None:
        for op, fn in {
            "SendMultipleMessage_V4_post_json": self.send_cskh,
            "SendMultipleSMSBrandname_json": self.send_qc,
            "SendZaloMessage_V6": self.send_zns,
            "GetSmsSentData_V2": self.sent_data,
            "GetBalance_json": self.get_balance,
            "GetTemplate": self.get_template,
        }.items():
            server.add("POST", PREFIX + op, fn)
        server.add("GET", PREFIX + "GetSendStatus", self.send_status)
        server.add("GET", PREFIX + "GetSmsReceiverStatus_get", self.receiver_status)
        server.add("GET", PREFIX + "GetListBrandname", self.list_brandnames)

    @property
    def total_accepted(self) -> int:
        return sum(self.accepted.values())

    def duplicates(self) -> dict[str, int]:
        """RequestIds accepted more than once: messages a customer got twice."""
        return {r: n for r, n in self.accepted.items() if n > 1}

    # --- sending --------------------------------------------------------------------------
    def _auth(self, body: dict[str, Any]) -> dict[str, Any] | None:
        if body.get("ApiKey") != self.api_key or body.get("SecretKey") != self.secret_key:
            return {"CodeResult": "101", "CountRegenerate": 0, "ErrorMessage": "Authorize Failed"}
        return None

    def _faults_before(self) -> Reply | None:
        f = self.faults
        if f.latency_s:
            time.sleep(f.latency_s)
        if f.slow_rate and self.rng.random() < f.slow_rate:
            time.sleep(f.slow_s)
        if f.http_500_rate and self.rng.random() < f.http_500_rate:
            return Reply({"error": "Internal Server Error"}, 500)
        if f.max_rps:
            with self.lock:
                now = time.monotonic()
                while self._recent and now - self._recent[0] > 1.0:
                    self._recent.popleft()
                if len(self._recent) >= f.max_rps:
                    self.codes["160"] += 1
                    return Reply({"CodeResult": "160", "CountRegenerate": 0, "ErrorMessage": "Exceed TPS"})
                self._recent.append(now)
        return None

    def _result(self, code: str, message: str = "", **extra: Any) -> Reply:
        self.codes[code] += 1
        return Reply(
            {
                "CodeResult": code,
                "CountRegenerate": 0,
                **({"ErrorMessage": message} if message else {}),
                **extra,
            }
        )

    def _accept(self, body: dict[str, Any], phones: list[str], content: str, sms_type: str) -> Reply | object:
        request_id = str(body.get("RequestId") or "")
        if len(request_id) > 50:
            return self._result("110", "RequestId too long")
        with self.lock:
            if request_id:
                self.raw[request_id] += 1
            previous = self.by_request.get(request_id) if request_id else None
            if previous and self.faults.dedup and self.clock() - previous.at < DEDUP_WINDOW_S:
                self.codes["124"] += 1
                return Reply(
                    {
                        "CodeResult": "124",
                        "CountRegenerate": 0,
                        "ErrorMessage": "Request exist 1",
                        "SendStatus": "5",
                    }
                )
            if str(body.get("Sandbox", "0")) == "1":
                return self._result("100", SMSID=uuid.uuid4().hex, IsSandbox=True)
            sms_id = uuid.uuid4().hex[: self.rng.randint(24, 32)]
            rec = Accepted(
                request_id, sms_id, phones, content, sms_type, str(body.get("campaignid") or ""), self.clock()
            )
            if request_id:
                self.by_request[request_id] = rec
                self.accepted[request_id] += 1
            self.by_sms[sms_id] = rec
            for phone in phones:
                self.phone_deliveries[phone] += 1
            self.codes["100"] += 1
        if self.faults.drop_after_accept_rate and self.rng.random() < self.faults.drop_after_accept_rate:
            return DROP
        with self.lock:
            dropped = self.faults.accept_then_drop_phones.intersection(phones)
            self.faults.accept_then_drop_phones -= dropped
        if dropped:
            return DROP
        return Reply({"CodeResult": "100", "CountRegenerate": 0, "SMSID": sms_id})

    def _common_checks(self, body: dict[str, Any], phones: list[str]) -> Reply | None:
        for phone in phones:
            self.raw_by_phone[phone] += 1
        if (denied := self._auth(body)) is not None:
            self.codes["101"] += 1
            return Reply(denied)
        if self.faults.account_code:
            return self._result(self.faults.account_code, "account problem (fake)")
        for phone in phones:
            if phone in self.faults.hang_phones:  # poison: never answered, never accepted
                time.sleep(self.faults.hang_s)
                return DROP  # type: ignore[return-value]
            if phone in self.faults.code_for_phone:
                return self._result(self.faults.code_for_phone[phone], "forced by fake")
            if not PHONE.match(phone):
                return self._result("108", "Phone number invalid format")
        return None

    def _scripted(self, phone: str) -> Reply | object | None:
        with self.lock:
            steps = self.faults.script.get(phone)
            step = steps.pop(0) if steps else None
        if step is None:
            return None
        self.raw_by_phone[phone] += 1
        if step == "500":
            return Reply({"error": "Internal Server Error"}, 500)
        if step == "DROP":
            return DROP
        return self._result(step, "scripted by fake")

    def send_cskh(self, req: Request) -> Reply | object:
        if (fault := self._faults_before()) is not None:
            return fault
        try:
            body = req.json()
        except ValueError:
            return Reply({"error": "Invalid request"})
        phone = str(body.get("Phone", ""))
        if (scripted := self._scripted(phone)) is not None:
            return scripted
        if (err := self._common_checks(body, [phone])) is not None:
            return err
        if body.get("Brandname") not in self.brandnames:
            return self._result("104", "Brand name code is not exist")
        if str(body.get("SmsType")) not in ("2", "8"):
            return self._result("118", "Unsupported message type")
        return self._accept(body, [phone], str(body.get("Content", "")), str(body.get("SmsType")))

    def send_qc(self, req: Request) -> Reply | object:
        if (fault := self._faults_before()) is not None:
            return fault
        body = req.json()
        phones = [str(p) for p in body.get("Phones") or []]
        if (err := self._common_checks(body, phones)) is not None:
            return err
        if body.get("Brandname") not in self.brandnames:
            return self._result("104", "Brand name code is not exist")
        if len(set(phones)) < 30:
            return self._result("107", "Each request has at least 30 numbers to be approved")
        if len(phones) > 5000:
            return self._result("120", "Phone list exceeds limit")
        return self._accept(body, phones, str(body.get("Content", "")), "1")

    def send_zns(self, req: Request) -> Reply | object:
        if (fault := self._faults_before()) is not None:
            return fault
        body = req.json()
        phone = str(body.get("Phone", ""))
        if (err := self._common_checks(body, [phone])) is not None:
            return err
        if not body.get("OAID") or not body.get("TempID"):
            return self._result("791", "Missing OAID or TempID")
        return self._accept(body, [phone], str(body.get("TempData", "")), "24")

    # --- status ---------------------------------------------------------------------------
    def _delivered(self, rec: Accepted) -> tuple[int, int, bool]:
        done = self.clock() - rec.at >= self.faults.deliver_after_s
        failed = sum(1 for p in rec.phones if p in self.faults.undeliverable)
        return (len(rec.phones) - failed, failed, done) if done else (0, 0, False)

    def deliver_now(self) -> None:
        with self.lock:
            for rec in self.by_sms.values():
                rec.at -= self.faults.deliver_after_s + 1

    def send_status(self, req: Request) -> Reply:
        rec = self.by_sms.get(req.query.get("RefId", ""))
        if rec is None:
            return Reply({"CodeResponse": "105", "ErrorMessage": "SMSID not found"})
        ok, failed, done = self._delivered(rec)
        return Reply(
            {
                "CodeResponse": "100",
                "SMSID": rec.sms_id,
                "SendFailed": failed,
                "SendStatus": 5 if done else 2,
                "SendSuccess": ok,
                "TotalPrice": ok * self.faults.price,
                "TotalReceiver": len(rec.phones),
                "TotalSent": ok + failed,
            }
        )

    def receiver_status(self, req: Request) -> Reply:
        rec = self.by_sms.get(req.query.get("RefId", ""))
        if rec is None:
            return Reply({"CodeResult": "105", "ErrorMessage": "SMSID not found"})
        _, _, done = self._delivered(rec)
        rows = [
            {
                "IsSent": done,
                "NetworkName": "Viettel",
                "Phone": p,
                "Retry": 0,
                "SentResult": done and p not in self.faults.undeliverable,
            }
            for p in rec.phones
        ]
        return Reply({"CodeResult": "100", "ReceiverList": rows})

    def sent_data(self, req: Request) -> Reply:
        body = req.json()
        if (denied := self._auth(body)) is not None:
            return Reply(denied)
        page, size = int(body.get("Page", 1)), min(int(body.get("PageSize", 500)), 500)
        rows = []
        for rec in list(self.by_sms.values()):
            ok, failed, done = self._delivered(rec)
            for phone in rec.phones:
                rows.append(
                    {
                        "Campaign": rec.campaign,
                        "Content": rec.content,
                        "Phone": phone,
                        "ReferenceId": rec.request_id,
                        "SellPrice": self.faults.price,
                        "SendResult": (0 if phone in self.faults.undeliverable else 1) if done else 2,
                        "SendStatus": 5 if done else 2,
                        "SentTime": f"/Date({int(rec.at * 1000)}+0700)/",
                        "SmsId": rec.sms_id,
                        "SmsType": rec.sms_type,
                    }
                )
        chunk = rows[(page - 1) * size : page * size]
        return Reply({"CodeResult": "100", "SentData": chunk, "Total": len(rows)})

    def get_balance(self, req: Request) -> Reply:
        body = req.json()
        if self._auth(body) is not None:
            return Reply({"Balance": 0, "CodeResponse": "101", "ErrorMessage": "Authorize Failed"})
        return Reply({"Balance": self.balance, "CodeResponse": "100", "UserID": 9999})

    def list_brandnames(self, req: Request) -> Reply:
        parts = req.path.rstrip("/").split("/")
        if parts[-2:] != [self.api_key, self.secret_key]:
            return Reply({"CodeResponse": "101", "ErrorMessage": "Authorize Failed"})
        names = [{"Brandname": b, "Type": 2} for b in self.brandnames] + [
            {"Brandname": b, "Type": 1} for b in self.brandnames
        ]
        return Reply({"CodeResponse": "100", "ListBrandName": names})

    def get_template(self, req: Request) -> Reply:
        body = req.json()
        if self._auth(body) is not None:
            return Reply({"CodeResult": "101", "ErrorMessage": "Authorize Failed"})
        return Reply(
            {
                "CodeResult": "100",
                "BrandnameTemplates": [
                    {
                        "NetworkID": 1,
                        "TempContent": "Cam on quy khach {P1,30} da mua hang tai Mat Viet",
                        "TempId": 1,
                    }
                ],
            }
        )
