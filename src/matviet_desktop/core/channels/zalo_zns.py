"""Zalo ZNS direct (`POST /message/template` on business.openapi.zalo.me, `access_token` header)
with OAuth v4 tokens. The refresh token is single-use, so several workstations must never
refresh at the same time: the pair lives in `oauth_tokens` and is rotated under that row's lock
(the new pair is written before anyone uses it). Errors come as HTTP 200 with `error != 0`.
No documented de-duplication on `tracking_id`: an unknown outcome is in doubt, never resent."""

from __future__ import annotations

import datetime as dt
import socket
from typing import Any

import httpx
import psycopg

from matviet_desktop.core.channels.base import Channel, DeliveryUpdate, OutboundMessage, international_phone
from matviet_desktop.core.channels.esms import http_failure
from matviet_desktop.core.channels.settings import base_url
from matviet_desktop.core.sending.deadline import libpq_conninfo
from matviet_desktop.core.sending.errors import ZALO_CODES, ZALO_TOKEN_ERRORS, Outcome, SendResult, classify

PROVIDER = "zalo_zns"
EARLY_REFRESH = dt.timedelta(minutes=30)


class OAuthError(RuntimeError):
    pass


class TokenStore:
    """Access/refresh token pair shared by every workstation through the database."""

    def __init__(self, database_url: str, settings: dict[str, str], http: httpx.Client) -> None:
        self.conninfo = libpq_conninfo(database_url)
        self.settings = settings
        self.http = http
        self.oauth = base_url(settings.get("oauth_url", "https://oauth.zaloapp.com"))
        self.refreshes = 0

    def seed(self, refresh_token: str) -> None:
        """First set-up: the refresh token an OA admin obtained in the Zalo developer console."""
        with psycopg.connect(self.conninfo, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO oauth_tokens (provider, refresh_token, rotated_at, rotated_by) VALUES (%s, %s, now(), %s) "
                "ON CONFLICT (provider) DO UPDATE SET refresh_token = excluded.refresh_token, access_token = NULL, "
                "access_expires_at = NULL, rotated_at = now(), rotated_by = excluded.rotated_by",
                (PROVIDER, refresh_token, socket.gethostname()),
            )

    def access_token(self, *, force_refresh: bool = False, stale: str | None = None) -> str:
        with psycopg.connect(self.conninfo, autocommit=True) as conn:
            row = conn.execute(
                "SELECT access_token, access_expires_at FROM oauth_tokens WHERE provider = %s", (PROVIDER,)
            ).fetchone()
            if (
                row
                and row[0]
                and not force_refresh
                and row[1]
                and row[1] - EARLY_REFRESH > dt.datetime.now(dt.UTC)
            ):
                return str(row[0])
            with conn.transaction():
                locked = conn.execute(
                    "SELECT access_token, access_expires_at, refresh_token FROM oauth_tokens WHERE provider = %s "
                    "FOR UPDATE",
                    (PROVIDER,),
                ).fetchone()
                if locked is None or not locked[2]:
                    raise OAuthError(
                        "Chưa có refresh token Zalo: quản trị viên cần kết nối lại OA trong Cài đặt"
                    )
                access, expires, refresh = locked
                # Someone else refreshed while we waited for the lock: use theirs.
                fresh = access and expires and expires - EARLY_REFRESH > dt.datetime.now(dt.UTC)
                if fresh and (not force_refresh or access != stale):
                    return str(access)
                pair = self._refresh(str(refresh))
                conn.execute(
                    "UPDATE oauth_tokens SET access_token = %s, access_expires_at = now() + make_interval(secs => %s), "
                    "refresh_token = %s, rotated_at = now(), rotated_by = %s WHERE provider = %s",
                    (
                        pair["access_token"],
                        float(pair.get("expires_in", 90000)),
                        pair["refresh_token"],
                        socket.gethostname(),
                        PROVIDER,
                    ),
                )
                return str(pair["access_token"])

    def _refresh(self, refresh_token: str) -> dict[str, Any]:
        self.refreshes += 1
        response = self.http.post(
            f"{self.oauth}/v4/oa/access_token",
            headers={"secret_key": self.settings.get("app_secret", "")},
            data={
                "refresh_token": refresh_token,
                "app_id": self.settings.get("app_id", ""),
                "grant_type": "refresh_token",
            },
        )
        data = response.json()
        if "access_token" not in data:
            raise OAuthError(
                f"Zalo từ chối làm mới token ({data.get('error')}: {data.get('error_description', data.get('error_name', ''))})"
                ": quản trị viên cần kết nối lại OA"
            )
        return dict(data)


class ZaloZnsClient(Channel):
    provider = PROVIDER
    channel = "zalo"
    dedup_window_s = None

    def __init__(
        self, settings: dict[str, str], *, database_url: str, http: httpx.Client | None = None
    ) -> None:
        self.settings = settings
        self.base = base_url(settings.get("base_url", "https://business.openapi.zalo.me"))
        self.http = http or httpx.Client(
            timeout=httpx.Timeout(float(settings.get("timeout_s", "20")), connect=5.0)
        )
        self.tokens = TokenStore(database_url, settings, self.http)

    def send(self, message: OutboundMessage) -> SendResult:
        if not message.phone or not message.template_id:
            return SendResult(Outcome.PERMANENT, "NOPHONE", "thiếu số điện thoại hoặc mã mẫu ZNS")
        body = {
            "phone": international_phone(message.phone),
            "template_id": message.template_id,
            "template_data": message.template_data,
            "tracking_id": message.request_id[:48],
        }
        stale = None
        for _ in range(2):  # a token error means not sent: refresh once and retry
            try:
                token = self.tokens.access_token(force_refresh=stale is not None, stale=stale)
            except (OAuthError, psycopg.Error, httpx.HTTPError) as exc:
                return SendResult(Outcome.ACCOUNT, "OAUTH", str(exc))
            try:
                response = self.http.post(
                    f"{self.base}/message/template", json=body, headers={"access_token": token}
                )
            except httpx.HTTPError as exc:
                return http_failure(exc)
            if response.status_code != 200:
                from matviet_desktop.core.sending.errors import classify_http_status

                return classify_http_status(response.status_code)
            try:
                data = response.json()
            except ValueError:
                return SendResult(Outcome.UNKNOWN, "BADBODY", "trả lời không đọc được")
            code = str(data.get("error", ""))
            if code in ZALO_TOKEN_ERRORS and stale is None:
                stale = token
                continue
            return classify(
                ZALO_CODES,
                code,
                str(data.get("message", "")),
                provider_msg_id=(data.get("data") or {}).get("msg_id"),
            )
        return SendResult(Outcome.ACCOUNT, "-124", "access token không hợp lệ sau khi làm mới")

    def _get(self, path: str, **params: str) -> dict[str, Any]:
        token = self.tokens.access_token()
        response = self.http.get(f"{self.base}{path}", params=params, headers={"access_token": token})
        response.raise_for_status()
        return dict(response.json())

    def quota(self) -> dict[str, Any]:
        return dict(self._get("/message/quota").get("data") or {})

    def template_info(self, template_id: str) -> dict[str, Any]:
        return dict(self._get("/template/info/v2", template_id=template_id).get("data") or {})

    def poll(self, provider_msg_ids: list[str]) -> list[DeliveryUpdate]:
        updates = []
        for mid in provider_msg_ids:
            try:
                data = self._get("/message/status", message_id=mid)
            except (httpx.HTTPError, OAuthError):
                continue
            info = data.get("data") or {}
            if data.get("error") == 0 and info.get("status") == 1:
                at = dt.datetime.fromtimestamp(int(info.get("delivery_time", 0)) / 1000, dt.UTC)
                updates.append(DeliveryUpdate(mid, final=True, delivered=True, at=at))
        return updates

    def close(self) -> None:
        self.http.close()
