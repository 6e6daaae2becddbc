"""Hostile rules: rejected by the validator, or bound as values; never executed as SQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, inspect, text
from sqlalchemy.dialects import postgresql
from typer.testing import CliRunner

from matviet_desktop.cli.main import app
from matviet_desktop.core import segments as seg
from matviet_desktop.core.db.models import Customer
from matviet_desktop.core.segments.compiler import count_query

HOSTILE = [
    "'; DROP TABLE customers; --",
    "x' OR '1'='1",
    "\\'; SELECT pg_sleep(10); --",
    "%' OR 1=1 --",
    "$$; DROP TABLE orders; $$",
    "Robert'); DELETE FROM customers;--",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_bound_parameters(engine: Engine, value: str) -> None:
    with engine.begin() as conn:
        conn.execute(insert(Customer).values(full_name=value, province="Hà Nội"))
    rules = [
        {"field": "full_name", "op": "eq", "value": value},
        {"field": "full_name", "op": "contains", "value": value},
        {"field": "province", "op": "in", "value": [value, "Hà Nội"]},
        {"field": "home_store_code", "op": "eq", "value": value},
        {"event": "purchase", "where": {"promo_code": value, "store_code": value}},
        {"field": "purchase_timing", "op": "eq", "value": value},
    ]
    for rule in rules:
        compiled = str(count_query(rule).compile(dialect=postgresql.dialect()))
        assert value not in compiled
        seg.count(engine, rule)
    # The customer named with the hostile text is found by it, literally; nothing was dropped.
    assert seg.count(engine, {"field": "full_name", "op": "eq", "value": value}) == 1
    assert seg.count(engine, {"field": "full_name", "op": "contains", "value": value[3:9]}) == 1
    assert {"customers", "orders"} <= set(inspect(engine).get_table_names())


@pytest.mark.parametrize(
    "rule",
    [
        {"field": "total_spent; DROP TABLE customers", "op": "gt", "value": 1},
        {"field": "customers.id", "op": "eq", "value": "x"},
        {"field": "search_text", "op": "contains", "value": "x"},  # real column, not in the whitelist
        {"field": "total_spent", "op": "> 0 OR 1=1 --", "value": 1},
        {"event": "purchase; DROP TABLE orders"},
        {"event": "purchase", "where": {"category' OR '1'='1": "glasses"}},
        {"event": "purchase", "count_op": "gte", "count": "1 OR 1=1"},
        {"segment": "00000000-0000-0000-0000-000000000000'; DROP TABLE customers; --"},
        {"field": "province", "op": "eq", "value": "a\x00b"},
        {"field": "province", "op": "eq", "value": {"$ne": None}},
    ],
)
def test_hostile_structure_is_rejected_before_sql(engine: Engine, rule: dict) -> None:
    assert seg.validate(rule)
    with pytest.raises(seg.RuleInvalid):
        seg.count(engine, rule)


def test_cli_count_reports_invalid_rules_without_touching_the_database(db_url: str, tmp_path: Path) -> None:
    rule_file = tmp_path / "rule.json"
    rule_file.write_text(
        json.dumps({"all": [{"field": "total_spent; --", "op": "gt", "value": 1}]}), encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["segments", "count", "--rule", str(rule_file), "--json", "--database-url", db_url]
    )
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0]["path"] == "$.all[0].field"


def test_cli_count_preview_refresh_and_export(engine: Engine, db_url: str, tmp_path: Path) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(Customer),
            [
                {"full_name": "Nguyễn Văn An", "total_spent": 2_000_000},
                {"full_name": "Lê B", "total_spent": 0},
            ],
        )
        conn.execute(text("SELECT 1"))
    rule_file = tmp_path / "rule.json"
    rule_file.write_text(
        json.dumps({"field": "full_name", "op": "contains", "value": "nguyen"}), encoding="utf-8"
    )
    runner = CliRunner()
    common = ["--json", "--database-url", db_url]
    counted = runner.invoke(
        app, ["segments", "count", "--rule", str(rule_file), "--as-of", "2026-06-15", *common]
    )
    assert counted.exit_code == 0, counted.output
    assert json.loads(counted.stdout) == {"count": 1}
    shown = runner.invoke(app, ["segments", "preview", "--rule", str(rule_file), "--limit", "5", *common])
    assert [c["full_name"] for c in json.loads(shown.stdout)["customers"]] == ["Nguyễn Văn An"]

    built = runner.invoke(app, ["segments", "builtin", *common])
    assert built.exit_code == 0, built.output
    refreshed = runner.invoke(app, ["segments", "refresh", "--all", *common])
    assert refreshed.exit_code == 0, refreshed.output
    listed = json.loads(runner.invoke(app, ["segments", "list", *common]).stdout)
    assert len(listed) == len(seg.builtin_definitions())
    target = listed[0]["id"]
    out = tmp_path / "members.xlsx"
    exported = runner.invoke(
        app, ["segments", "export", target, "--format", "xlsx", "--out", str(out), *common]
    )
    assert exported.exit_code == 0, exported.output
    assert out.stat().st_size > 0
