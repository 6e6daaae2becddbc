"""`matviet db` against a real database: status codes an admin's scripts can rely on."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from matviet_desktop.cli.main import app

runner = CliRunner()


def test_status_of_an_empty_database_exits_3_and_upgrade_fixes_it(empty_db_url: str) -> None:
    before = runner.invoke(app, ["db", "status", "--database-url", empty_db_url, "--json"])
    assert before.exit_code == 3
    assert json.loads(before.stdout)["state"] == "empty"

    upgraded = runner.invoke(app, ["db", "upgrade", "--database-url", empty_db_url, "--json"])
    assert upgraded.exit_code == 0, upgraded.output
    assert json.loads(upgraded.stdout)["from"] is None

    after = runner.invoke(app, ["db", "status", "--database-url", empty_db_url, "--json"])
    assert after.exit_code == 0
    report = json.loads(after.stdout)
    assert report["state"] == "current" and report["database_revision"] == report["code_revision"]


def test_environment_variable_selects_the_database(db_url: str, monkeypatch) -> None:
    monkeypatch.setenv("MATVIET_DATABASE_URL", db_url)
    done = runner.invoke(app, ["db", "status", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["state"] == "current"
