"""Offline cache: a store's slice of the central database, copied consistently."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from matviet_desktop.core.db.base import Base
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.offline.snapshot import (
    CENTRAL_ONLY_TABLES,
    snapshot_info,
    table_filter,
    take_snapshot,
)


def _seed_two_stores(engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("""
            INSERT INTO stores (code, name, province) VALUES ('HN01', 'Mắt Việt Hà Nội 1', 'Hà Nội'),
                                                              ('SG01', 'Mắt Việt Sài Gòn 1', 'TP Hồ Chí Minh');
            INSERT INTO customers (external_id, full_name, phone, home_store_id)
              SELECT 'C' || g, 'Khách ' || g, '+8491' || lpad(g::text, 7, '0'),
                     (SELECT id FROM stores WHERE code = CASE WHEN g <= 3 THEN 'HN01' ELSE 'SG01' END)
              FROM generate_series(1, 5) g;
            -- customer C4 (home SG01) also bought at HN01, so HN01's managers see them.
            INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount)
              SELECT 'O' || c.external_id, c.id,
                     CASE WHEN c.external_id = 'C4' THEN (SELECT id FROM stores WHERE code = 'HN01')
                          ELSE c.home_store_id END,
                     now() - interval '10 days', 1500000
              FROM customers c;
            INSERT INTO order_items (order_id, category, quantity, unit_price)
              SELECT id, 'glasses', 1, 1500000 FROM orders;
        """)
        )


def test_snapshot_holds_only_the_store_slice(engine, pg_server) -> None:
    _seed_two_stores(engine)
    target_url = pg_server.create_database("offline_target_hn01")
    try:
        report = take_snapshot(engine, target_url, "HN01")
        local = make_engine(target_url)
        with local.connect() as conn:
            customers = conn.execute(text("SELECT external_id FROM customers ORDER BY 1")).scalars().all()
            orders = conn.execute(text("SELECT count(*) FROM orders")).scalar_one()
            items = conn.execute(text("SELECT count(*) FROM order_items")).scalar_one()
            stores = conn.execute(text("SELECT count(*) FROM stores")).scalar_one()
        assert customers == ["C1", "C2", "C3", "C4"]
        assert (orders, items, stores) == (4, 4, 2)
        assert report.rows["customers"] == 4
        info = snapshot_info(local)
        assert info is not None and info["store_code"] == "HN01"
        local.dispose()

        # A second snapshot replaces the first instead of adding to it.
        take_snapshot(engine, target_url, "HN01")
        local = make_engine(target_url)
        with local.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM customers")).scalar_one() == 4
        local.dispose()
    finally:
        pg_server.drop_database("offline_target_hn01")


def test_unknown_store_is_refused_with_a_clear_message(engine, pg_server) -> None:
    target_url = pg_server.create_database("offline_target_x")
    try:
        with pytest.raises(ValueError, match="XX99"):
            take_snapshot(engine, target_url, "XX99")
    finally:
        pg_server.drop_database("offline_target_x")


def test_every_table_is_classified() -> None:
    # Raises UnclassifiedTableError for a table nobody decided about.
    decided = {t.name: table_filter(t) for t in Base.metadata.sorted_tables}
    assert decided["customers"] and decided["orders"] and decided["order_items"]
    assert {name for name, where in decided.items() if where is None} == CENTRAL_ONLY_TABLES & set(decided)


def test_cli_snapshot_reports_rows_per_table(engine, db_url, pg_server) -> None:
    import json

    from typer.testing import CliRunner

    from matviet_desktop.cli.main import app

    _seed_two_stores(engine)
    target_url = pg_server.create_database("offline_target_cli")
    try:
        done = CliRunner().invoke(
            app,
            [
                "offline",
                "snapshot",
                "--store",
                "SG01",
                "--target-url",
                target_url,
                "--database-url",
                db_url,
                "--json",
            ],
        )
        assert done.exit_code == 0, done.output
        rows = json.loads(done.stdout)["rows"]
        assert rows["customers"] == 2 and rows["orders"] == 2
    finally:
        pg_server.drop_database("offline_target_cli")
