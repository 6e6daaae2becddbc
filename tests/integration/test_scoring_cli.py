"""The scoring CLI end to end: clv fit on CDNOW, score and model evaluate on a real database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from matviet_desktop.cli.main import app
from matviet_desktop.core.scoring.btyd import mbgnbd
from matviet_desktop.devtools.btyd_sim import load_orders
from tests.integration.scoring_data import VN
from tests.unit import cdnow

runner = CliRunner()


def test_clv_fit_prints_the_published_bgnbd_parameters(tmp_path: Path) -> None:
    summary = tmp_path / "cdnow.csv"
    cdnow.summary().to_csv(summary, index=False)
    result = runner.invoke(app, ["clv", "fit", "--summary", str(summary), "--model", "bgnbd", "--json"])
    assert result.exit_code == 0, result.output
    fitted = json.loads(result.stdout)
    assert [round(fitted[k], 3) for k in ("r", "alpha", "a", "b")] == [0.243, 4.414, 0.793, 2.426]
    assert round(fitted["log_likelihood"], 1) == -9582.4


def test_clv_fit_mbgnbd_prints_the_core_fit(tmp_path: Path) -> None:
    # The fit itself is checked against lifetimes' ModifiedBetaGeoFitter in test_scoring_mbgnbd.py.
    table = cdnow.summary()
    summary = tmp_path / "cdnow.csv"
    table.to_csv(summary, index=False)
    result = runner.invoke(app, ["clv", "fit", "--summary", str(summary), "--model", "mbgnbd", "--json"])
    assert result.exit_code == 0, result.output
    fitted = json.loads(result.stdout)
    assert fitted["model"] == "mbgnbd" and fitted["customers"] == 2357
    rfm = [table[c].to_numpy(float) for c in ("frequency", "recency", "T")]
    core = mbgnbd.fit_mbgnbd(*rfm)
    assert [fitted[k] for k in ("r", "alpha", "a", "b")] == pytest.approx(
        [core.r, core.alpha, core.a, core.b]
    )
    printed_ll = mbgnbd.log_likelihood(*(fitted[k] for k in ("r", "alpha", "a", "b")), *rfm).sum()
    assert fitted["log_likelihood"] == pytest.approx(printed_ll, rel=1e-9)
    assert round(fitted["r"], 3) != 0.243  # not the BG/NBD fit


def test_clv_fit_gamma_gamma_and_a_missing_column_is_named(tmp_path: Path) -> None:
    spend = tmp_path / "spend.csv"
    cdnow.summary_with_spend().rename(columns={"x": "frequency", "zbar": "monetary_value"}).to_csv(
        spend, index=False
    )
    ok = runner.invoke(app, ["clv", "fit", "--summary", str(spend), "--model", "gg", "--json"])
    assert ok.exit_code == 0, ok.output
    assert round(json.loads(ok.stdout)["p"], 2) == 6.25
    broken = tmp_path / "broken.csv"
    broken.write_text("frequency,recency\n1,2\n")
    bad = runner.invoke(app, ["clv", "fit", "--summary", str(broken), "--model", "bgnbd"])
    assert bad.exit_code == 2 and "T" in bad.stderr


@pytest.fixture
def simulated(db_url: str, engine: Engine) -> str:
    end = dt.datetime(2026, 6, 1, tzinfo=VN)
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        load_orders(conn, 3000, seed=7, end=end, horizon_days=1500)
    return db_url


def test_score_and_evaluate_on_simulated_customers(simulated: str, engine: Engine) -> None:
    scored = runner.invoke(app, ["score", "--database-url", simulated, "--as-of", "2026-05-31", "--json"])
    assert scored.exit_code == 0, scored.output
    payload = json.loads(scored.stdout)
    assert payload["customers_scored"] == 3000
    assert sum(payload["counts"]["clv_tier"].values()) == 3000
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM customer_scores WHERE clv_tier = 'vip'")).scalar_one()
            == 150
        )

    evaluated = runner.invoke(
        app, ["model", "evaluate", "--database-url", simulated, "--holdout-days", "365", "--json"]
    )
    assert evaluated.exit_code == 0, evaluated.output
    report = json.loads(evaluated.stdout)
    with engine.connect() as conn:
        holdout_days = conn.execute(
            text(
                "SELECT count(DISTINCT (customer_id, (order_date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) "
                "FROM orders o WHERE order_date > CAST(:cut AS timestamptz) AND EXISTS "
                "(SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id AND p.order_date <= CAST(:cut AS timestamptz))"
            ),
            {"cut": report["cut"]},
        ).scalar_one()
    assert report["purchases"]["actual_total"] == holdout_days
    # Data drawn from BG/NBD itself: the model must be close in aggregate and rank well.
    assert abs(report["purchases"]["bias"]) < 0.15
    assert report["purchases"]["mae"] < report["purchases"]["mae_naive"]
    assert report["churn_auc"] > 0.6
    assert report["purchases"]["top_decile_lift"] > 2
    by_x = {row["x"]: row for row in report["calibration_by_frequency"]}
    for x in (0, 1, 2):  # the well-populated rows of the FHL calibration table
        assert by_x[x]["predicted"] == pytest.approx(by_x[x]["actual"], rel=0.3)
    rates = report["lifecycle"]["holdout_purchase_rate_by_stage"]
    assert rates["churned"] < rates["at_risk"] < rates["active"]
