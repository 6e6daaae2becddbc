"""Campaign states and the checks that guard every transition.

    draft ──schedule──▶ scheduled ──start──▶ sending ──(engine: no open target)──▶ completed
      │  ◀─unschedule──    │                 │  ▲
      └──────start─────────┘            pause│  │resume
                                             ▼  │
                                     paused / paused_error (engine: account problem)
    any state but completed ──cancel──▶ cancelled

The statuses are the ones the sending engine reads (core/sending/control.py). Each transition is a
single UPDATE … WHERE status IN (allowed) RETURNING, so two workstations cannot both win.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

from matviet_desktop.core.campaigns import content as content_mod

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AD_SMS_WINDOW = (dt.time(7, 0), dt.time(22, 0))  # Decree 91/2020 Art. 13
STATES = ("draft", "scheduled", "sending", "paused", "paused_error", "completed", "cancelled")
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "schedule": (("draft",), "scheduled"),
    "unschedule": (("scheduled",), "draft"),
    "start": (("draft", "scheduled"), "sending"),
    "pause": (("sending", "paused_error"), "paused"),
    "resume": (("paused", "paused_error"), "sending"),
    "complete": (("sending",), "completed"),
    "cancel": (("draft", "scheduled", "sending", "paused", "paused_error"), "cancelled"),
}
CHANNELS = ("sms", "zalo", "email")
PURPOSES = ("advertising", "customer_care")
TARGET_TYPES = ("segment", "csv_upload", "manual")
ATTRIBUTION_MODELS = ("last_touch", "first_touch", "linear")


class CampaignError(Exception):
    """A problem staff can fix; `problems` lists each field and what to do."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))


class TransitionError(Exception):
    pass


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


def in_ad_window(moment: dt.datetime) -> bool:
    local = moment.astimezone(VN).time()
    return AD_SMS_WINDOW[0] <= local < AD_SMS_WINDOW[1]


def final_sms_text(c: dict[str, Any]) -> str:
    """The SMS as it will be sent: tokens left as typed, plus label and opt-out for advertising."""
    settings = c.get("channel_settings") or {}
    return content_mod.with_legal_wrapping(
        c.get("message_content") or "",
        advertising=c.get("purpose") == "advertising",
        opt_out_line=settings.get("opt_out_line"),
    )


def check_definition(c: dict[str, Any], now: dt.datetime | None = None) -> list[Problem]:
    """Checks that need no database: content, channel settings, template, schedule, numbers."""
    problems: list[Problem] = []
    now = now or dt.datetime.now(dt.UTC)
    channel, purpose = c.get("campaign_type"), c.get("purpose")
    advertising = purpose == "advertising"
    settings = c.get("channel_settings") or {}
    body = (c.get("message_content") or "").strip()
    if not (c.get("name") or "").strip():
        problems.append(Problem("name", "Hãy đặt tên cho chiến dịch."))
    if channel not in CHANNELS:
        problems.append(Problem("channel", f"Kênh '{channel}' không hợp lệ: chọn sms, zalo hoặc email."))
    if purpose not in PURPOSES:
        problems.append(
            Problem("purpose", "Mục đích phải là 'advertising' (quảng cáo) hoặc 'customer_care' (CSKH).")
        )
    if c.get("target_type") not in TARGET_TYPES:
        problems.append(Problem("target", "Chọn tập khách hàng: phân khúc, tệp CSV hoặc chọn tay."))
    elif c.get("target_type") == "segment" and not c.get("segment_rule_id"):
        problems.append(Problem("target.segment_id", "Hãy chọn phân khúc khách hàng."))
    if channel == "zalo":
        if not c.get("message_template_id"):
            problems.append(
                Problem("content.template_id", "Tin ZNS cần chọn mẫu (template) đã được Zalo duyệt.")
            )
        params = c.get("template_params") or {}
        if not isinstance(params, dict):
            problems.append(Problem("content.template_params", "Tham số mẫu ZNS phải là bảng tên → giá trị."))
        else:
            for name, value in params.items():
                for token in content_mod.unknown_tokens(str(value)):
                    problems.append(Problem(f"content.template_params.{name}", f"Không có biến {{{token}}}."))
    elif not body:
        problems.append(Problem("content.text", "Nội dung tin nhắn đang trống."))
    for token in content_mod.unknown_tokens(body):
        problems.append(
            Problem("content.text", f"Không có biến {{{token}}}: dùng {', '.join(content_mod.TOKENS)}.")
        )
    if channel == "email" and not (c.get("content_subject") or "").strip():
        problems.append(Problem("content.subject", "Email cần có tiêu đề."))
    if channel in ("sms", "email") and advertising and not (settings.get("opt_out_line") or "").strip():
        problems.append(
            Problem("channel_settings.opt_out_line",
                    "Tin quảng cáo phải có hướng dẫn từ chối ở cuối (Nghị định 91/2020), ví dụ 'Tu choi: soan TC gui 8xxx'.")
        )  # fmt: skip
    if channel == "sms" and body:
        if advertising and content_mod.tokens_in(body):
            problems.append(
                Problem(
                    "content.text", "Tin SMS quảng cáo gửi cùng một nội dung cho mọi người: bỏ các biến {…}."
                )
            )
        length = content_mod.sms_length(content_mod.render(final_sms_text(c), {}))
        if length.too_long:
            problems.append(
                Problem("content.text", f"Tin dài {length.parts} phần ({length.encoding}); tối đa "
                        f"{content_mod.MAX_SMS_PARTS}. Rút gọn hoặc dùng 'bỏ dấu'.")
            )  # fmt: skip
    days = c.get("attribution_days")
    if days is None or not 1 <= int(days) <= 90:
        problems.append(Problem("attribution_days", "Số ngày ghi nhận doanh thu phải từ 1 đến 90."))
    pct = Decimal(str(c.get("holdout_pct") or 0))
    if not Decimal(0) <= pct <= Decimal(50):
        problems.append(Problem("holdout_pct", "Tỷ lệ nhóm đối chứng phải từ 0 đến 50 %."))
    if c.get("attribution_model") not in ATTRIBUTION_MODELS:
        problems.append(
            Problem("attribution_model", "Mô hình ghi nhận: last_touch, first_touch hoặc linear.")
        )
    budget = c.get("budget")
    if budget is not None and Decimal(budget) < 0:
        problems.append(Problem("budget", "Ngân sách không được âm."))
    when = c.get("scheduled_at")
    if when is not None and c.get("status") in ("draft", "scheduled"):
        problems.extend(check_schedule(when, channel=channel, advertising=advertising, now=now))
    return problems


def check_schedule(
    when: dt.datetime, *, channel: str | None, advertising: bool, now: dt.datetime
) -> list[Problem]:
    problems = []
    if when <= now:
        problems.append(Problem("schedule", "Thời điểm gửi phải ở tương lai."))
    if advertising and channel == "sms" and not in_ad_window(when):
        local = when.astimezone(VN).strftime("%H:%M %d/%m/%Y")
        problems.append(
            Problem(
                "schedule",
                f"Tin quảng cáo chỉ được gửi từ 07:00 đến 22:00 giờ Việt Nam; {local} nằm ngoài khung giờ.",
            )
        )
    return problems


def load(conn: Connection, campaign_id: uuid.UUID, *, lock: bool = False) -> dict[str, Any]:
    row = (
        conn.execute(
            text("SELECT * FROM campaigns WHERE id = :id" + (" FOR UPDATE" if lock else "")),  # noqa: S608
            {"id": campaign_id},
        )
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise LookupError(f"Không tìm thấy chiến dịch {campaign_id}.")
    return dict(row)


def transition(conn: Connection, campaign_id: uuid.UUID, action: str, *, reason: str | None = None) -> str:
    """Move the campaign; raises TransitionError (with the current state) if the move is not allowed."""
    allowed, target = TRANSITIONS[action]
    stamps = {
        "start": ", started_at = coalesce(started_at, now()), pause_reason = NULL, paused_at = NULL",
        "pause": ", paused_at = now(), pause_reason = :reason",
        "resume": ", paused_at = NULL, pause_reason = NULL",
        "complete": ", completed_at = now()",
        "cancel": ", cancelled_at = now(), status_reason = :reason",
        "unschedule": ", scheduled_at = NULL",
    }.get(action, "")
    row = conn.execute(
        text(
            f"UPDATE campaigns SET status = :target, updated_at = now(){stamps} "  # noqa: S608
            "WHERE id = :id AND status = ANY(:allowed) RETURNING id"
        ),
        {"id": campaign_id, "target": target, "allowed": list(allowed), "reason": reason},
    ).first()
    if row is None:
        current = conn.execute(
            text("SELECT status FROM campaigns WHERE id = :id"), {"id": campaign_id}
        ).scalar()
        if current is None:
            raise LookupError(f"Không tìm thấy chiến dịch {campaign_id}.")
        raise TransitionError(
            f"Không thể '{action}' chiến dịch đang ở trạng thái '{current}' (chỉ từ: {', '.join(allowed)})."
        )
    return target


def opt_out_text(conn: Connection, provider: str = "esms") -> str | None:
    """The provider's opt-out sentence (the sending engine appends the same one, idempotently)."""
    from matviet_desktop.core.channels import settings as provider_settings

    value = conn.execute(
        text("SELECT value FROM provider_settings WHERE provider = :p AND setting = 'opt_out_text'"),
        {"p": provider},
    ).scalar()
    env = os.environ.get(provider_settings.env_name(provider, "opt_out_text"))
    return env or value or provider_settings.DEFAULTS.get(provider, {}).get("opt_out_text")


def with_defaults(conn: Connection, c: dict[str, Any]) -> dict[str, Any]:
    """Advertising SMS without its own opt-out line uses the provider's, so the engine adds nothing."""
    settings = dict(c.get("channel_settings") or {})
    if c["campaign_type"] == "sms" and c["purpose"] == "advertising" and not settings.get("opt_out_line"):
        line = opt_out_text(conn, "esms")
        if line:
            settings["opt_out_line"] = line
    return dict(c, channel_settings=settings)
