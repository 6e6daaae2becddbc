"""`matviet campaigns …` and `matviet attribution refresh` end to end on a real database."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from matviet_desktop.cli.main import app
from tests.integration import campaigns_data as d
from tests.integration.sending_support import fake_esms

runner = CliRunner()


def call(db_url: str, *args: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--database-url", db_url, "--json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}


@pytest.fixture
def people(engine: Engine) -> list[uuid.UUID]:
    with engine.begin() as conn:
        store = d.store(conn)
        return [d.customer(conn, f"Lê Thị {n}", f"+849400{i:05d}", home_store_id=store)
                for i, n in enumerate(["Hoa", "Mai", "Cúc"])]  # fmt: skip


def test_create_start_pause_resume_cancel_status(
    tmp_path: Path, db_url: str, people: list[uuid.UUID]
) -> None:
    (tmp_path / "ds.csv").write_text(
        "sdt\n0940000000\n0940000001\n0940000001\nkhông rõ\n0999999999\n", encoding="utf-8"
    )
    spec = {
        "name": "Nhận kính",
        "channel": "sms",
        "purpose": "customer_care",
        "target": {"type": "csv_upload", "file": "ds.csv"},
        "content": {"text": "Chao {ten}, kinh cua ban da san sang tai {cua_hang}"},
        "attribution_days": 5,
    }
    (tmp_path / "c.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    code, created = call(db_url, "campaigns", "create", "--from", str(tmp_path / "c.json"))
    assert code == 0 and created["status"] == "draft" and created["problems"] == []
    assert {k: created["upload"][k] for k in ("matched", "duplicates", "invalid", "unknown")} == {
        "matched": 2, "duplicates": 1, "invalid": 1, "unknown": 1,
    }  # fmt: skip
    cid = created["id"]
    code, started = call(db_url, "campaigns", "start", cid)
    assert code == 0 and started["targets"] == {"pending": 2}
    assert call(db_url, "campaigns", "pause", cid)[1]["status"] == "paused"
    assert call(db_url, "campaigns", "resume", cid)[1]["status"] == "sending"
    code, again = call(db_url, "campaigns", "start", cid)
    assert code == 1 and "sending" in again["error"]
    code, status = call(db_url, "campaigns", "status", cid)
    assert code == 0 and status["status"] == "sending" and status["counts"] == {"pending": 2}
    code, cancelled = call(db_url, "campaigns", "cancel", cid)
    assert code == 0 and cancelled["cancelled_targets"] == 2 and cancelled["counts"] == {"cancelled": 2}


def test_create_reports_problems_as_json(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "bad.json").write_text(
        json.dumps({"name": "x", "channel": "fax", "target": {"type": "manual"}})
    )
    code, out = call(db_url, "campaigns", "create", "--from", str(tmp_path / "bad.json"))
    assert code == 1 and out["problems"][0]["field"] == "channel"
    code, out = call(db_url, "campaigns", "status", str(uuid.uuid4()))
    assert code == 1 and "Không tìm thấy" in out["error"]


def test_refresh_and_report(db_url: str, engine: Engine, people: list[uuid.UUID]) -> None:
    t0 = dt.datetime(2026, 10, 1, 9, tzinfo=d.VN)
    with engine.begin() as conn:
        cid = d.campaign(conn, "Thu", started_at=t0, status="completed", attribution_days=7, promo_code="THU")
        store = conn.execute(text("SELECT id FROM stores LIMIT 1")).scalar_one()
        d.target(conn, cid, people[0], "accepted", sent_at=t0)
        d.target(conn, cid, people[1], "accepted", sent_at=t0)
        d.order(conn, people[0], store, t0 + dt.timedelta(days=1), 2_000_000, promo_code="THU")
        conn.execute(text("INSERT INTO campaign_costs (campaign_id, cost_type, amount) VALUES (:c, 'sms', 500000)"),
                     {"c": cid})  # fmt: skip
    code, out = call(db_url, "attribution", "refresh", "--campaign", str(cid))
    assert code == 0 and out["campaigns"] == 1 and out["rows_by_model"]["last_touch"] == 1
    code, again = call(db_url, "attribution", "refresh")
    assert code == 0 and again["rows_by_model"]["last_touch"] == 1
    code, report = call(db_url, "campaigns", "report", str(cid))
    assert code == 0
    assert (report["sent"], report["converted_customers"], report["revenue_direct"], report["cost"]) == (
        2, 1, 2000000, 500000,
    )  # fmt: skip
    assert report["roi_pct"] == 300.0 and report["roas"] == 4.0 and report["conversion_rate"] == 0.5


def test_test_send_goes_through_the_channel(db_url: str, people: list[uuid.UUID], monkeypatch) -> None:
    code, created = 0, None
    spec = {"name": "Thử", "channel": "sms", "purpose": "customer_care",
            "target": {"type": "manual", "customer_ids": [str(p) for p in people]},
            "content": {"text": "Chao {ten|ban}, day la tin thu"}}  # fmt: skip
    from matviet_desktop.core.campaigns import service
    from matviet_desktop.core.db.engine import make_engine

    eng = make_engine(db_url)
    created = service.create(eng, spec)
    eng.dispose()
    with fake_esms() as provider:
        for k, v in provider.env().items():
            monkeypatch.setenv(k, v)
        code, out = call(db_url, "campaigns", "test-send", str(created.campaign_id), "--to", "0912 345 678",
                         "--to", "12")  # fmt: skip
        sent = [(rec.phones, rec.content) for rec in provider.esms.by_request.values()]
    assert code == 1  # the invalid number fails, so the command says so
    assert [(r["destination"], r["ok"]) for r in out] == [("+84912345678", True), ("12", False)]
    assert sent == [(["0912345678"], "Chao ban, day la tin thu")]
