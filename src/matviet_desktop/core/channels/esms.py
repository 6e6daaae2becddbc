"""eSMS (esms.vn) JSON API: customer-care SMS, advertising batches, ZNS through eSMS, account
queries and delivery polling (messaging-apis.md §1). Every answer is HTTP 200 with `CodeResult`
(send calls) or `CodeResponse` (balance, status, brandnames); 100 means accepted, not delivered.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import httpx

from matviet_desktop.core.channels.base import (
    Channel,
    DeliveryUpdate,
    OutboundBatch,
    OutboundMessage,
    national_phone,
)
from matviet_desktop.core.channels.settings import base_url
from matviet_desktop.core.sending.errors import (
    ESMS_CODES,
    Outcome,
    SendResult,
    classify,
    classify_http_status,
)

SERVICE_PATH = "/MainService.svc/json/"
DEDUP_WINDOW_S = 24 * 3600.0  # RequestId blocks duplicates for 24 h


def http_failure(exc: httpx.HTTPError) -> SendResult:
    """Map a transport error to an outcome: did the request possibly reach the provider?"""
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return SendResult(Outcome.TRANSIENT_SAFE, "CONNECT", f"không kết nối được: {exc}")
    if isinstance(exc, httpx.TimeoutException):
        return SendResult(Outcome.UNKNOWN, "TIMEOUT", "hết thời gian chờ trả lời")
    return SendResult(Outcome.UNKNOWN, "DROPPED", f"mất kết nối sau khi gửi yêu cầu: {type(exc).__name__}")


class EsmsClient(Channel):
    provider = "esms"
    channel = "sms"
    dedup_window_s = DEDUP_WINDOW_S
    supports_batches = True

    def __init__(
        self, settings: dict[str, str], *, zns: bool = False, http: httpx.Client | None = None
    ) -> None:
        missing = [k for k in ("api_key", "secret_key") if not settings.get(k)]
        if missing:
            raise ValueError(
                "Thiếu khóa eSMS: "
                + ", ".join(missing)
                + " (đặt trong Cài đặt hoặc biến MATVIET_ESMS_API_KEY…)"
            )
        self.settings = settings
        self.zns = zns
        if zns:
            self.provider, self.channel = "esms_zns", "zalo"
        self.base = base_url(settings.get("base_url", "https://rest.esms.vn"))
        timeout = float(settings.get("timeout_s", "20"))
        self.http = http or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=5.0),
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=32),
        )

    def _url(self, op: str) -> str:
        return f"{self.base}{SERVICE_PATH}{op}"

    def _creds(self) -> dict[str, str]:
        return {"ApiKey": self.settings["api_key"], "SecretKey": self.settings["secret_key"]}

    def _post_send(self, op: str, body: dict[str, Any]) -> SendResult:
        try:
            response = self.http.post(self._url(op) + "/", json=body)
        except httpx.HTTPError as exc:
            return http_failure(exc)
        if response.status_code != 200:
            return classify_http_status(response.status_code, response.headers.get("Retry-After"))
        try:
            data = response.json()
        except ValueError:
            return SendResult(Outcome.UNKNOWN, "BADBODY", "trả lời không đọc được")
        if "CodeResult" not in data:
            return SendResult(Outcome.PERMANENT, "99REQ", str(data.get("error", "Invalid request")))
        return classify(
            ESMS_CODES,
            str(data["CodeResult"]),
            str(data.get("ErrorMessage", "")),
            provider_msg_id=data.get("SMSID"),
        )

    def _common(self, request_id: str, campaign: str) -> dict[str, Any]:
        body = {**self._creds(), "RequestId": request_id, "Sandbox": self.settings.get("sandbox", "0")}
        if campaign:
            body["campaignid"] = campaign[:254]
        return body

    # --- sending --------------------------------------------------------------------------
    def send(self, message: OutboundMessage) -> SendResult:
        if not message.phone:
            return SendResult(Outcome.PERMANENT, "NOPHONE", "khách hàng không có số điện thoại")
        body = self._common(message.request_id, message.campaign_name)
        if self.zns:
            body.update(
                OAID=self.settings.get("oaid", ""),
                Phone=national_phone(message.phone),
                TempID=message.template_id or "",
                TempData=message.template_data,
                SendingMode="1",
            )
            return self._post_send("SendZaloMessage_V6", body)
        body.update(
            Phone=national_phone(message.phone),
            Content=message.content,
            Brandname=self.settings.get("brandname", ""),
            SmsType="2",
            IsUnicode=self.settings.get("is_unicode", "0"),
        )
        return self._post_send("SendMultipleMessage_V4_post_json", body)

    def send_batch(self, batch: OutboundBatch) -> SendResult:
        body = self._common(batch.request_id, batch.campaign_name)
        body.update(
            Phones=[national_phone(p) for p in batch.phones],
            Content=batch.content,
            Brandname=self.settings.get("brandname", ""),
            SmsType="1",
        )
        return self._post_send("SendMultipleSMSBrandname_json", body)

    # --- account --------------------------------------------------------------------------
    def _get(self, op: str, **params: str) -> dict[str, Any]:
        response = self.http.get(self._url(op), params={**params})
        response.raise_for_status()
        return dict(response.json())

    def _post(self, op: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.http.post(self._url(op) + "/", json={**self._creds(), **body})
        response.raise_for_status()
        return dict(response.json())

    def balance(self) -> Decimal:
        data = self._post("GetBalance_json", {})
        if str(data.get("CodeResponse")) != "100":
            raise RuntimeError(
                f"eSMS GetBalance_json: mã {data.get('CodeResponse')} {data.get('ErrorMessage', '')}"
            )
        return Decimal(str(data["Balance"]))

    def brandnames(self) -> list[dict[str, Any]]:
        data = self._get(f"GetListBrandname/{self.settings['api_key']}/{self.settings['secret_key']}")
        return list(data.get("ListBrandName") or [])

    def templates(self, brandname: str | None = None) -> list[dict[str, Any]]:
        data = self._post(
            "GetTemplate", {"SmsType": "2", "Brandname": brandname or self.settings.get("brandname")}
        )
        return list(data.get("BrandnameTemplates") or [])

    def price_estimate(self, phone: str, content: str) -> dict[str, Any]:
        return self._get(
            "SummaryMultipleMessage_V4_get",
            Phone=national_phone(phone),
            Content=content,
            SmsType="2",
            BrandName=self.settings.get("brandname", ""),
            IsUnicode=self.settings.get("is_unicode", "0"),
            **self._creds(),
        )

    # --- delivery -------------------------------------------------------------------------
    def send_status(self, sms_id: str) -> dict[str, Any]:
        return self._get("GetSendStatus", RefId=sms_id, **self._creds())

    def receiver_status(self, sms_id: str) -> list[dict[str, Any]]:
        data = self._get("GetSmsReceiverStatus_get", RefId=sms_id, **self._creds())
        return list(data.get("ReceiverList") or [])

    def sent_data(self, start: dt.datetime, end: dt.datetime, sms_type: str = "2") -> list[dict[str, Any]]:
        """Every message sent in [start, end] (Vietnam time on the wire), all pages."""
        vn = dt.timezone(dt.timedelta(hours=7))
        rows: list[dict[str, Any]] = []
        page = 1
        while True:
            data = self._post(
                "GetSmsSentData_V2",
                {
                    "SmsType": sms_type,
                    "From": start.astimezone(vn).strftime("%Y-%m-%d %H:%M:%S"),
                    "To": end.astimezone(vn).strftime("%Y-%m-%d %H:%M:%S"),
                    "Page": page,
                    "PageSize": 500,
                },
            )
            chunk = list(data.get("SentData") or [])
            rows.extend(chunk)
            if len(chunk) < 500:
                return rows
            page += 1

    def poll(self, provider_msg_ids: list[str]) -> list[DeliveryUpdate]:
        updates: list[DeliveryUpdate] = []
        for sms_id in provider_msg_ids:
            try:
                data = self.send_status(sms_id)
            except (httpx.HTTPError, ValueError):
                continue
            if str(data.get("CodeResponse")) != "100":
                continue
            final = int(data.get("SendStatus", 0)) in (4, 5)
            if final and int(data.get("TotalReceiver", 1)) > 1:
                # An advertising batch: one update per recipient.
                for row in self.receiver_status(sms_id):
                    updates.append(
                        DeliveryUpdate(
                            sms_id,
                            phone=row.get("Phone"),
                            final=bool(row.get("IsSent")),
                            delivered=bool(row.get("SentResult")),
                        )
                    )
                continue
            ok = int(data.get("SendSuccess", 0)) > 0
            updates.append(
                DeliveryUpdate(
                    sms_id,
                    final=final,
                    delivered=ok if final else None,
                    cost=Decimal(str(data.get("TotalPrice", 0))) if final else None,
                    reason=None if ok or not final else f"SendStatus {data.get('SendStatus')}, SendFailed",
                )
            )
        return updates

    def close(self) -> None:
        self.http.close()


def parse_sent_time(value: str) -> dt.datetime | None:
    """'/Date(1700000000000+0700)/' → aware datetime."""
    try:
        ms = int(value.split("(")[1].split("+")[0].split("-")[0].rstrip(")/"))
    except (IndexError, ValueError):
        return None
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
