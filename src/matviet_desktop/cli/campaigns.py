"""`matviet campaigns …` and `matviet attribution …`: campaign lifecycle, status, reports."""

from __future__ import annotations

import json as jsonlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for, fail
from matviet_desktop.core.attribution import kpis
from matviet_desktop.core.attribution import models as attribution_models
from matviet_desktop.core.campaigns import service
from matviet_desktop.core.campaigns.lifecycle import CampaignError, TransitionError

app = typer.Typer(help="Chiến dịch: tạo, kiểm tra, gửi, tạm dừng, báo cáo.", no_args_is_help=True)
attribution_app = typer.Typer(help="Ghi nhận doanh thu cho chiến dịch.", no_args_is_help=True)

CampaignId = Annotated[str, typer.Argument(help="Mã chiến dịch (UUID).")]


@contextmanager
def _engine(database_url: str | None) -> Iterator[Engine]:
    """One engine per command, disposed at the end so no connection outlives the command."""
    engine = engine_for(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        fail(f"'{value}' không phải mã chiến dịch (UUID).", 2)
        raise  # unreachable: fail() exits


def _problems(exc: CampaignError) -> list[dict[str, str]]:
    return [{"field": p.field, "message": p.message} for p in exc.problems]


def _guarded(as_json: bool, action: Any) -> Any:
    """Run a service call; user-fixable problems become exit code 1 with the reasons."""
    try:
        return action()
    except CampaignError as exc:
        if as_json:
            emit({"ok": False, "problems": _problems(exc)}, True)
            raise typer.Exit(1) from exc
        fail("Không thực hiện được:\n" + "\n".join(f"- {p.field}: {p.message}" for p in exc.problems))
    except (TransitionError, LookupError, ValueError) as exc:
        if as_json:
            emit({"ok": False, "error": str(exc)}, True)
            raise typer.Exit(1) from exc
        fail(str(exc))


@app.command()
def create(
    source: Annotated[
        Path, typer.Option("--from", help="Tệp JSON mô tả chiến dịch.", exists=True, dir_okay=False)
    ],
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Tạo chiến dịch nháp (và lên lịch nếu tệp có 'schedule')."""
    try:
        spec = jsonlib.loads(source.read_text(encoding="utf-8-sig"))
    except ValueError as exc:
        fail(f"{source.name}: JSON không hợp lệ ({exc}).", 2)
    with _engine(database_url) as engine:
        created = _guarded(json, lambda: service.create(engine, spec, base_dir=source.parent))
    payload = {
        "ok": True,
        "id": created.campaign_id,
        "status": created.status,
        "problems": [{"field": p.field, "message": p.message} for p in created.problems],
        "upload": created.upload,
    }
    emit(payload, json, f"Đã tạo chiến dịch {created.campaign_id} ({created.status}).")


@app.command()
def check(campaign_id: CampaignId, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Kiểm tra trước khi gửi: nội dung, tập khách, loại trừ, chi phí, ngân sách."""
    with _engine(database_url) as engine:
        ready = _guarded(json, lambda: service.check(engine, _uuid(campaign_id)))
    lines = [f"{'Sẵn sàng' if ready.ok else 'Chưa sẵn sàng'}."] + [
        f"- {p.field}: {p.message}" for p in ready.problems
    ]
    if ready.audience:
        a = ready.audience
        lines.append(f"Gửi {a.to_send}, đối chứng {a.holdout}, loại {a.suppressed_total}: "
                     + ", ".join(f"{k} {v}" for k, v in a.suppressed.items() if v))  # fmt: skip
    if ready.estimate:
        lines.append(f"Chi phí dự kiến: {ready.estimate.total:,.0f} ₫")
    emit(ready, json, "\n".join(lines))
    if not ready.ok:
        raise typer.Exit(1)


def _transition(action: str, campaign_id: str, database_url: str | None, json: bool) -> None:
    cid = _uuid(campaign_id)
    fn = {"pause": service.pause, "resume": service.resume, "cancel": service.cancel}[action]
    with _engine(database_url) as engine:
        result = _guarded(json, lambda: fn(engine, cid))
        st = service.status(engine, cid)
    payload: dict[str, Any] = {"ok": True, "id": cid, "status": st.status, "counts": st.counts}
    if action == "cancel":
        payload["cancelled_targets"] = result
    emit(payload, json, f"Chiến dịch {cid}: {st.status}.")


@app.command()
def start(
    campaign_id: CampaignId,
    refresh_segments: Annotated[
        bool, typer.Option("--refresh-segments", help="Cập nhật phân khúc ngay trước khi chốt tập khách.")
    ] = False,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Bắt đầu gửi: chốt tập khách (loại trừ, nhóm đối chứng) và giao cho bộ gửi tin."""
    with _engine(database_url) as engine:
        started = _guarded(
            json, lambda: service.start(engine, _uuid(campaign_id), refresh_segments=refresh_segments)
        )
    emit({"ok": True, "id": started.campaign_id, "status": started.status, "targets": started.targets,
          "estimated_cost": started.estimated_cost}, json,
         f"Đã bắt đầu: {started.targets}. Chạy `matviet send-worker` để gửi.")  # fmt: skip


@app.command()
def pause(campaign_id: CampaignId, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Tạm dừng gửi."""
    _transition("pause", campaign_id, database_url, json)


@app.command()
def resume(campaign_id: CampaignId, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Tiếp tục gửi (kiểm tra lại ngân sách)."""
    _transition("resume", campaign_id, database_url, json)


@app.command()
def cancel(campaign_id: CampaignId, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Hủy chiến dịch; tin chưa gửi chuyển sang 'cancelled'."""
    _transition("cancel", campaign_id, database_url, json)


@app.command()
def status(campaign_id: CampaignId, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Trạng thái và số lượng theo trạng thái tin."""
    with _engine(database_url) as engine:
        st = _guarded(json, lambda: service.status(engine, _uuid(campaign_id)))
    counts = ", ".join(f"{k} {v}" for k, v in st.counts.items()) or "chưa có tin"
    emit(st, json, f"{st.name}: {st.status} ({counts}).")


@app.command()
def report(
    campaign_id: CampaignId,
    model: Annotated[str | None, typer.Option(help="last_touch, first_touch hoặc linear.")] = None,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Báo cáo hiệu quả: gửi, chuyển đổi, doanh thu, chi phí, ROI, mức tăng so với nhóm đối chứng."""
    with _engine(database_url) as engine:
        r = _guarded(json, lambda: kpis.campaign_report(engine, _uuid(campaign_id), model))
    roi = f"{r.roi_pct:.1f} %" if r.roi_pct is not None else "—"
    emit(r, json, f"{r.name}: gửi {r.sent}, mua {r.converted_customers}, doanh thu {r.revenue:,.0f} ₫, "
                  f"chi phí {r.cost:,.0f} ₫, ROI {roi}.")  # fmt: skip


@app.command("test-send")
def test_send(
    campaign_id: CampaignId,
    to: Annotated[list[str], typer.Option("--to", help="Số điện thoại/email của nhân viên (lặp lại được).")],
    provider: Annotated[str, typer.Option(help="esms, esms_zns, zalo_zns, smtp, mailgun.")] = "esms",
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Gửi thử nội dung chiến dịch tới số/email nhân viên qua kênh thật (hoặc giả lập)."""
    from matviet_desktop.core.channels.registry import make_channel
    from matviet_desktop.core.connection import resolve_database

    url = resolve_database(database_url).url
    channel = make_channel(url, provider)
    try:
        with _engine(database_url) as engine:
            results = service.test_send(engine, _uuid(campaign_id), to, channel)
    finally:
        channel.close()
    emit(results, json, "\n".join(f"{r.destination}: {'OK' if r.ok else 'LỖI'} {r.detail}" for r in results))
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@attribution_app.command()
def refresh(
    campaign: Annotated[str | None, typer.Option("--campaign", help="Chỉ tính lại chiến dịch này.")] = None,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Tính lại ghi nhận doanh thu từ đầu (một giao dịch; chạy lại bao nhiêu lần cũng cho cùng kết quả)."""
    ids = [_uuid(campaign)] if campaign else None
    with _engine(database_url) as engine:
        result = attribution_models.refresh(engine, ids)
    emit(
        result,
        json,
        f"Đã tính lại {result.campaigns} chiến dịch trong {result.seconds:.2f} s: {result.rows_by_model}.",
    )
