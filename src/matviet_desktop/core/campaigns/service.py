"""Campaign service: the calls the UI and the command line make. Each call is one unit of work.

create(engine, spec, base_dir=None) -> Created           # from a dict (the JSON of `campaigns create`)
check(engine, id) -> Readiness                           # every pre-send check + audience + cost
schedule(engine, id, when) / unschedule(engine, id)
start(engine, id) -> Started                             # checks, freezes audience + holdout, → sending
pause / resume / cancel(engine, id)
status(engine, id) -> CampaignStatus                     # state and counts per target status
enforce_budget(engine, id) -> BudgetCheck                # budget guard while sending (pauses)
sync_message_costs(engine, id) -> Decimal                # per-message costs → campaign_costs
add_cost(engine, id, cost_type, amount, description)     # design, vouchers, …
start_due(engine, now=None) -> list[UUID]                # scheduled campaigns whose time has come
test_send(engine, id, destinations, channel) -> list[TestSendResult]
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.campaigns import audience, budget, cost, holdout, lifecycle
from matviet_desktop.core.campaigns import content as content_mod
from matviet_desktop.core.campaigns.budget import add_cost, enforce_budget, sync_message_costs
from matviet_desktop.core.campaigns.lifecycle import CampaignError, Problem
from matviet_desktop.core.campaigns.testsend import TestSendResult, test_send

__all__ = [
    "CampaignStatus", "Created", "Readiness", "Started", "TestSendResult", "add_cost", "cancel", "check",
    "complete_if_done", "create", "enforce_budget", "pause", "readiness_in", "resume", "schedule", "start",
    "start_due", "status", "sync_message_costs", "test_send", "unschedule",
]  # fmt: skip

_CHANNEL_ALIASES = {"sms": "sms", "zalo": "zalo", "zns": "zalo", "email": "email"}


@dataclass(frozen=True)
class Created:
    campaign_id: uuid.UUID
    status: str
    problems: list[Problem]  # what still has to be fixed before the campaign can start
    upload: audience.UploadReport | None = None


@dataclass(frozen=True)
class Readiness:
    ok: bool
    problems: list[Problem]
    audience: audience.AudiencePreview | None
    sms: content_mod.SmsLength | None
    estimate: cost.CostEstimate | None
    budget: cost.BudgetCheck | None
    detectable_lift: holdout.DetectableLift | None


@dataclass(frozen=True)
class Started:
    campaign_id: uuid.UUID
    status: str
    targets: dict[str, int]
    estimated_cost: Decimal


@dataclass(frozen=True)
class CampaignStatus:
    campaign_id: uuid.UUID
    name: str
    status: str
    pause_reason: str | None
    target_count: int
    counts: dict[str, int]
    exclusions: dict[str, int]
    estimated_cost: Decimal | None
    total_cost: Decimal
    budget: Decimal | None
    scheduled_at: dt.datetime | None
    started_at: dt.datetime | None
    completed_at: dt.datetime | None
    open_targets: int = 0


# --------------------------------------------------------------------------- create


def _spec_error(field_: str, message: str) -> CampaignError:
    return CampaignError([Problem(field_, message)])


def _parse_when(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        when = value
    else:
        try:
            when = dt.datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise _spec_error(
                "schedule", f"'{value}' không phải thời điểm ISO 8601, ví dụ 2026-12-01T09:00:00+07:00."
            ) from exc
    return when if when.tzinfo else when.replace(tzinfo=lifecycle.VN)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise _spec_error("target.file", f"Không đọc được bảng mã của tệp {path.name}.") from None
        return str(best)


def create(engine: Engine, spec: dict[str, Any], base_dir: Path | None = None) -> Created:
    """Create a draft from a dict; schedule it too when the spec has a `schedule`."""
    channel = _CHANNEL_ALIASES.get(str(spec.get("channel", "")).lower())
    if channel is None:
        raise _spec_error("channel", "Kênh phải là sms, zalo (ZNS) hoặc email.")
    target = spec.get("target") or {}
    target_type = target.get("type")
    if target_type not in lifecycle.TARGET_TYPES:
        raise _spec_error("target.type", "Tập khách hàng: 'segment', 'csv_upload' hoặc 'manual'.")
    body = spec.get("content") or {}
    if isinstance(body, str):
        body = {"text": body}
    message = body.get("text")
    if message and body.get("bo_dau"):
        message = content_mod.bo_dau(message)
    when = _parse_when(spec.get("schedule"))
    row = {
        "name": spec.get("name") or "",
        "description": spec.get("description"),
        "campaign_type": channel,
        "purpose": spec.get("purpose", "advertising"),
        "target_type": target_type,
        "segment_rule_id": target.get("segment_id"),
        "message_content": message,
        "content_subject": body.get("subject"),
        "message_template_id": body.get("template_id"),
        "template_params": json.dumps(body.get("template_params") or {}, ensure_ascii=False),
        "channel_settings": json.dumps(spec.get("channel_settings") or {}, ensure_ascii=False),
        "exclusion_segment_ids": json.dumps([str(s) for s in spec.get("exclusion_segment_ids") or []]),
        "budget": Decimal(str(spec["budget"])) if spec.get("budget") is not None else None,
        "attribution_days": int(spec.get("attribution_days", 7)),
        "holdout_pct": Decimal(str(spec.get("holdout_pct", 0))),
        "promo_code": spec.get("promo_code"),
        "attribution_model": spec.get("attribution_model", "last_touch"),
        "provider": spec.get("provider"),
    }
    if row["purpose"] not in lifecycle.PURPOSES:
        raise _spec_error("purpose", "Mục đích phải là 'advertising' hoặc 'customer_care'.")
    upload = None
    with engine.begin() as conn:
        campaign_id = conn.execute(
            text(
                "INSERT INTO campaigns (name, description, campaign_type, purpose, target_type, segment_rule_id, "
                "message_content, content_subject, message_template_id, template_params, channel_settings, "
                "exclusion_segment_ids, budget, attribution_days, holdout_pct, promo_code, attribution_model, provider) "
                "VALUES (:name, :description, :campaign_type, :purpose, :target_type, :segment_rule_id, "
                ":message_content, :content_subject, :message_template_id, CAST(:template_params AS jsonb), "
                "CAST(:channel_settings AS jsonb), CAST(:exclusion_segment_ids AS jsonb), :budget, :attribution_days, "
                ":holdout_pct, :promo_code, :attribution_model, :provider) RETURNING id"
            ),
            row,
        ).scalar_one()
        if target_type == "manual":
            audience.add_members(conn, campaign_id, target.get("customer_ids") or [], "manual")
        elif target_type == "csv_upload":
            if "csv" in target:
                upload = audience.upload_csv(conn, campaign_id, target["csv"], target.get("filename"))
            elif "file" in target:
                path = Path(target["file"])
                path = path if path.is_absolute() or base_dir is None else base_dir / path
                if not path.exists():
                    raise _spec_error("target.file", f"Không tìm thấy tệp {path}.")
                upload = audience.upload_csv(conn, campaign_id, _read_text(path), path.name)
            else:
                raise _spec_error("target.file", "Tập CSV cần 'file' (đường dẫn) hoặc 'csv' (nội dung).")
        problems = lifecycle.check_definition(
            lifecycle.with_defaults(conn, lifecycle.load(conn, campaign_id))
        )
    status = "draft"
    if when is not None:
        schedule(engine, campaign_id, when)
        status = "scheduled"
    return Created(campaign_id, status, problems, upload)


# --------------------------------------------------------------------------- checks


def _parts(c: dict[str, Any]) -> content_mod.SmsLength | None:
    if c["campaign_type"] != "sms":
        return None
    final = lifecycle.final_sms_text(c)
    if c["purpose"] != "advertising":
        # Personalised: estimate with the longest name in use, a safe upper bound.
        final = content_mod.render(final, {"ten": "X" * 12, "ho_ten": "X" * 30, "cua_hang": "X" * 30})
    return content_mod.sms_length(final)


def readiness_in(conn: Connection, campaign_id: uuid.UUID, *, starting: bool = False,
                 now: dt.datetime | None = None) -> Readiness:  # fmt: skip
    c = lifecycle.with_defaults(conn, lifecycle.load(conn, campaign_id))
    checked = dict(c, scheduled_at=None) if starting else c
    problems = lifecycle.check_definition(checked, now)
    preview = est = budget = lift = None
    sms = _parts(c)
    try:
        preview = audience.preview(conn, campaign_id)
    except ValueError as exc:
        problems.append(Problem("target", str(exc)))
    if preview is not None:
        if preview.to_send == 0:
            problems.append(
                Problem("target", f"Không còn khách nào để gửi: {preview.candidates} khách trong tập, "
                        f"{preview.suppressed_total} bị loại. Xem chi tiết lý do loại trừ.")
            )  # fmt: skip
        est = cost.estimate(
            preview.prefixes if c["campaign_type"] == "sms" else {"": preview.to_send},
            channel=c["campaign_type"], purpose=c["purpose"],
            parts_per_message=sms.parts if sms else 1, prices=cost.load_prices(conn),
        )  # fmt: skip
        budget = cost.budget_check(conn, campaign_id, est.total)
        if not budget.ok:
            problems.append(Problem("budget", budget.message))
        lift = holdout.detectable_lift(preview.eligible, float(c["holdout_pct"] or 0))
    return Readiness(not problems, problems, preview, sms, est, budget, lift)


def check(engine: Engine, campaign_id: uuid.UUID) -> Readiness:
    with engine.connect() as conn:
        return readiness_in(conn, campaign_id)


# --------------------------------------------------------------------------- transitions


def schedule(engine: Engine, campaign_id: uuid.UUID, when: dt.datetime) -> None:
    when = when if when.tzinfo else when.replace(tzinfo=lifecycle.VN)
    with engine.begin() as conn:
        c = lifecycle.load(conn, campaign_id, lock=True)
        conn.execute(
            text("UPDATE campaigns SET scheduled_at = :w WHERE id = :id"), {"w": when, "id": campaign_id}
        )
        ready = readiness_in(conn, campaign_id)
        if not ready.ok:
            raise CampaignError(ready.problems)
        if c["status"] != "draft":
            raise lifecycle.TransitionError(f"Chỉ lên lịch được chiến dịch nháp (đang '{c['status']}').")
        lifecycle.transition(conn, campaign_id, "schedule")


def unschedule(engine: Engine, campaign_id: uuid.UUID) -> None:
    with engine.begin() as conn:
        lifecycle.transition(conn, campaign_id, "unschedule")


def _content_sql(c: dict[str, Any]) -> tuple[str, dict[str, Any], str | None, str | None]:
    """SQL rendering the frozen content per target, the subject, and the ZNS template data."""
    advertising = c["purpose"] == "advertising"
    if c["campaign_type"] == "sms":
        sql, params = content_mod.render_sql(lifecycle.final_sms_text(c))
        return sql, params, None, None
    if c["campaign_type"] == "email":
        settings = c.get("channel_settings") or {}
        body = c.get("message_content") or ""
        if advertising and settings.get("opt_out_line"):
            body = f"{body.rstrip()}\n\n{settings['opt_out_line'].strip()}"
        sql, params = content_mod.render_sql(body)
        return (
            sql,
            params,
            content_mod.email_subject(c.get("content_subject") or "", advertising=advertising),
            None,
        )
    # ZNS: the template is Zalo's; we send its parameters, each rendered per recipient.
    pairs, params = [], {}
    for i, (name, value) in enumerate((c.get("template_params") or {}).items()):
        sql, p = content_mod.render_sql(str(value), prefix=f"zp{i}")
        params.update(p)
        params[f"zp{i}_name"] = name
        pairs.append(f"CAST(:zp{i}_name AS text), {sql}")
    template_sql = f"jsonb_build_object({', '.join(pairs)})" if pairs else "'{}'::jsonb"
    body_sql, body_params = content_mod.render_sql(c.get("message_content") or "", prefix="zb")
    return body_sql, {**params, **body_params}, None, template_sql


def _refresh_segments(engine: Engine, campaign_id: uuid.UUID) -> None:
    """Bring the audience's segments up to date just before the freeze (when the segments area is
    installed; without it the materialised memberships are used as they are)."""
    if (
        importlib.util.find_spec("matviet_desktop.core.segments") is None
        or importlib.util.find_spec("matviet_desktop.core.segments.refresh") is None
    ):
        return
    refresh_mod = importlib.import_module("matviet_desktop.core.segments.refresh")
    with engine.connect() as conn:
        c = lifecycle.load(conn, campaign_id)
    ids = [c["segment_rule_id"]] if c["target_type"] == "segment" and c["segment_rule_id"] else []
    ids += [uuid.UUID(str(s)) for s in c["exclusion_segment_ids"] or []]
    for segment_id in ids:
        refresh_mod.refresh(engine, segment_id)


def start(
    engine: Engine, campaign_id: uuid.UUID, now: dt.datetime | None = None, *, refresh_segments: bool = False
) -> Started:
    """Check everything, freeze the audience (suppression + holdout) and hand it to the sending engine.

    The audience is the segment's materialised members at this moment; `refresh_segments=True`
    re-materialises the segment (and exclusion segments) first through the segments area."""
    if refresh_segments:
        _refresh_segments(engine, campaign_id)
    with engine.begin() as conn:
        c = lifecycle.with_defaults(conn, lifecycle.load(conn, campaign_id, lock=True))
        if c["status"] not in lifecycle.TRANSITIONS["start"][0]:
            raise lifecycle.TransitionError(
                f"Không thể bắt đầu chiến dịch đang ở trạng thái '{c['status']}'."
            )
        ready = readiness_in(conn, campaign_id, starting=True, now=now)
        if not ready.ok:
            raise CampaignError(ready.problems)
        assert ready.estimate is not None
        content_sql, params, subject, template_sql = _content_sql(c)
        counts = audience.freeze(conn, campaign_id, content_sql=content_sql, content_params=params,
                                 subject=subject, template_sql=template_sql)  # fmt: skip
        unit = ready.estimate.total / ready.estimate.recipients if ready.estimate.recipients else Decimal(0)
        conn.execute(
            text(
                "UPDATE campaigns SET audience_frozen_at = now(), target_count = :n, estimated_cost = :est, "
                "cost_per_message = :unit WHERE id = :id"
            ),
            {
                "id": campaign_id,
                "n": sum(counts.values()),
                "est": ready.estimate.total,
                "unit": round(unit, 4),
            },
        )
        status = lifecycle.transition(conn, campaign_id, "start")
    return Started(campaign_id, status, counts, ready.estimate.total)


def pause(engine: Engine, campaign_id: uuid.UUID, reason: str | None = None) -> str:
    with engine.begin() as conn:
        return lifecycle.transition(conn, campaign_id, "pause", reason=reason or "Tạm dừng bởi người dùng")


def resume(engine: Engine, campaign_id: uuid.UUID) -> str:
    with engine.begin() as conn:
        check_ = budget.budget_in(conn, campaign_id)
        if not check_.ok:
            raise CampaignError([Problem("budget", check_.message)])
        return lifecycle.transition(conn, campaign_id, "resume")


def cancel(engine: Engine, campaign_id: uuid.UUID, reason: str | None = None) -> int:
    """Cancel; waiting targets become 'cancelled' at once (in-flight sends finish). Returns that count."""
    with engine.begin() as conn:
        lifecycle.transition(conn, campaign_id, "cancel", reason=reason or "Hủy bởi người dùng")
        return conn.execute(
            text(
                "UPDATE campaign_targets SET status = 'cancelled', failure_class = 'cancelled', finished_at = now(), "
                "error_message = 'Chiến dịch đã bị hủy' WHERE campaign_id = :c AND status IN ('pending','retry_wait')"
            ),
            {"c": campaign_id},
        ).rowcount


def complete_if_done(engine: Engine, campaign_id: uuid.UUID) -> bool:
    """Mark a sending campaign completed when none of its targets is still open."""
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "UPDATE campaigns c SET status = 'completed', completed_at = now(), updated_at = now() "
                "WHERE c.id = :id AND c.status = 'sending' AND NOT EXISTS (SELECT 1 FROM campaign_targets t "
                "WHERE t.campaign_id = c.id AND t.status IN ('pending','sending','retry_wait')) RETURNING id"
            ),
            {"id": campaign_id},
        ).first()
        if row is not None:
            budget.sync_costs_in(conn, campaign_id)
    return row is not None


def start_due(engine: Engine, now: dt.datetime | None = None) -> list[uuid.UUID]:
    """Start every scheduled campaign whose time has come (called by the send worker's loop)."""
    now = now or dt.datetime.now(dt.UTC)
    with engine.connect() as conn:
        due = (
            conn.execute(
                text(
                    "SELECT id FROM campaigns WHERE status = 'scheduled' AND scheduled_at <= :now ORDER BY scheduled_at"
                ),
                {"now": now},
            )
            .scalars()
            .all()
        )
    started = []
    for campaign_id in due:
        try:
            start(engine, campaign_id, now)
            started.append(campaign_id)
        except lifecycle.TransitionError:
            continue  # another workstation won the start
        except CampaignError as exc:
            with engine.begin() as conn:
                conn.execute(
                    text("UPDATE campaigns SET status_reason = :r WHERE id = :id"),
                    {"r": str(exc), "id": campaign_id},
                )
    return started


# --------------------------------------------------------------------------- status


def status(engine: Engine, campaign_id: uuid.UUID) -> CampaignStatus:
    with engine.connect() as conn:
        c = lifecycle.load(conn, campaign_id)
        counts = {
            s: int(n)
            for s, n in conn.execute(
                text(
                    "SELECT status, count(*) FROM campaign_targets WHERE campaign_id = :id GROUP BY status ORDER BY 1"
                ),
                {"id": campaign_id},
            )
        }
        exclusions = {
            r: int(n)
            for r, n in conn.execute(
                text(
                    "SELECT exclusion_reason, count(*) FROM campaign_targets WHERE campaign_id = :id "
                    "AND exclusion_reason IS NOT NULL GROUP BY 1 ORDER BY 1"
                ),
                {"id": campaign_id},
            )
        }
        total = conn.execute(
            text("SELECT coalesce(sum(amount), 0) FROM campaign_costs WHERE campaign_id = :id"),
            {"id": campaign_id},
        ).scalar_one()
    open_ = sum(counts.get(s, 0) for s in ("pending", "sending", "retry_wait"))
    return CampaignStatus(
        c["id"], c["name"], c["status"], c.get("pause_reason"), int(c["target_count"] or 0), counts, exclusions,
        c["estimated_cost"], Decimal(total), c["budget"], c["scheduled_at"], c["started_at"], c["completed_at"], open_,
    )  # fmt: skip
