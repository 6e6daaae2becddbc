"""`matviet demo seed` against a real database: migrates an empty database, reports JSON, refuses to mix."""

from __future__ import annotations

import json

from sqlalchemy import text
from typer.testing import CliRunner

from matviet_desktop.cli.main import app
from matviet_desktop.core.db.engine import make_engine

runner = CliRunner()


def test_seed_an_empty_database_from_the_command_line(empty_db_url: str) -> None:
    args = [
        "demo",
        "seed",
        "--customers",
        "400",
        "--seed",
        "5",
        "--as-of",
        "2026-06-30",
        "--database-url",
        empty_db_url,
    ]
    done = runner.invoke(app, [*args, "--json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert report["counts"]["customers"] == 400 and report["as_of"] == "2026-06-30" and report["seed"] == 5
    engine = make_engine(empty_db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar_one() == 400
        assert conn.execute(text("SELECT count(*) FROM orders")).scalar_one() == report["counts"]["orders"]
        assert conn.execute(text("SELECT max(order_date) < DATE '2026-06-30' FROM orders")).scalar_one()
    engine.dispose()

    again = runner.invoke(app, args)
    assert again.exit_code == 4
    assert "--replace" in again.output

    replaced = runner.invoke(app, [*args, "--replace", "--customers", "300"])
    assert replaced.exit_code == 0, replaced.output
    assert "300 khách hàng" in replaced.stdout


def test_bad_as_of_date_is_explained(db_url: str) -> None:
    done = runner.invoke(app, ["demo", "seed", "--as-of", "26/11/2026", "--database-url", db_url])
    assert done.exit_code == 2
    assert "YYYY-MM-DD" in done.output
