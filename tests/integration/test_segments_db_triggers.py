"""The database keeps the segment engine's denormalised data exact, whatever the writer (0009).

Order lines carry their order's customer, date and status (purchase-by-category conditions read
them without joining `orders`); memberships and history have no foreign key to their segment
(refresh speed), so a trigger deletes them with it; the customer's foreign key still cascades.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.demo.seed import seed_demo
from matviet_desktop.core.importing import run_import

T0 = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def _customer(conn: Connection, name: str) -> uuid.UUID:
    return conn.execute(
        text("INSERT INTO customers (full_name) VALUES (:n) RETURNING id"), {"n": name}
    ).scalar_one()


def _order(conn: Connection, customer: uuid.UUID, store: int, number: str) -> uuid.UUID:
    return conn.execute(
        text(
            "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount)"
            " VALUES (:x, :c, :s, :d, 500000) RETURNING id"
        ),
        {"x": number, "c": customer, "s": store, "d": T0},
    ).scalar_one()


def _line_facts(conn: Connection, line: int) -> tuple[Any, ...]:
    row = conn.execute(
        text("SELECT order_customer_id, order_placed_at, order_status FROM order_items WHERE id = :i"),
        {"i": line},
    ).one()
    return tuple(row)


def test_order_lines_copy_and_follow_their_orders_facts(engine: Engine) -> None:
    with engine.begin() as conn:
        store = conn.execute(
            text("INSERT INTO stores (code, name, province) VALUES ('S9', 'Mắt Việt S9', 'Huế') RETURNING id")
        ).scalar_one()
        an, binh = _customer(conn, "Nguyễn An"), _customer(conn, "Trần Bình")
        first, second = _order(conn, an, store, "O1"), _order(conn, binh, store, "O2")
        line = conn.execute(
            text(
                "INSERT INTO order_items (order_id, category, unit_price)"
                " VALUES (:o, 'sunglasses', 100000) RETURNING id"
            ),
            {"o": first},
        ).scalar_one()
        assert _line_facts(conn, line) == (an, T0, "completed")

        # The order is corrected: another customer, another day, refunded.
        later = T0 + dt.timedelta(days=3)
        conn.execute(
            text("UPDATE orders SET customer_id = :c, order_date = :d, status = 'refunded' WHERE id = :o"),
            {"c": binh, "d": later, "o": first},
        )
        assert _line_facts(conn, line) == (binh, later, "refunded")

        # The line is moved to the other order.
        conn.execute(text("UPDATE order_items SET order_id = :o WHERE id = :i"), {"o": second, "i": line})
        assert _line_facts(conn, line) == (binh, T0, "completed")

        # A writer that sets the copies wrongly on update is corrected from the order.
        conn.execute(text("UPDATE order_items SET order_status = 'cancelled' WHERE id = :i"), {"i": line})
        assert _line_facts(conn, line) == (binh, T0, "completed")


def test_deleting_a_customer_or_segment_deletes_its_memberships_and_history(engine: Engine) -> None:
    with engine.begin() as conn:
        an, binh = _customer(conn, "Nguyễn An"), _customer(conn, "Trần Bình")
        segments = [
            conn.execute(
                text("INSERT INTO segment_rules (name, conditions) VALUES (:n, '{}') RETURNING id"), {"n": n}
            ).scalar_one()
            for n in ("Một", "Hai")
        ]
        for sid in segments:
            for cid in (an, binh):
                params = {"c": cid, "s": sid, "t": T0}
                conn.execute(
                    text("INSERT INTO customer_segments (customer_id, segment_rule_id) VALUES (:c, :s)"),
                    params,
                )
                conn.execute(
                    text(
                        "INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at)"
                        " VALUES (:c, :s, :t)"
                    ),
                    params,
                )
        conn.execute(text("DELETE FROM customers WHERE id = :c"), {"c": an})
        conn.execute(text("DELETE FROM segment_rules WHERE id = :s"), {"s": segments[0]})
        for table in ("customer_segments", "segment_membership_history"):
            left = conn.execute(text(f"SELECT customer_id, segment_rule_id FROM {table}")).all()  # noqa: S608
            assert [tuple(r) for r in left] == [(binh, segments[1])], table


_MISMATCHED_LINES = """
    SELECT count(*) FILTER (WHERE (i.order_customer_id, i.order_placed_at, i.order_status)
                            IS DISTINCT FROM (o.customer_id, o.order_date, o.status)), count(*)
    FROM order_items i JOIN orders o ON o.id = i.order_id
"""


def test_bulk_writers_fill_the_copies_exactly(engine: Engine, tmp_path: Path) -> None:
    """The demo seed (COPY) and the order-line import write the copies themselves."""
    seed_demo(engine, customers=150, seed=5, as_of=dt.date(2026, 11, 1))
    with engine.connect() as conn:
        wrong, lines = conn.execute(text(_MISMATCHED_LINES)).one()
    assert lines > 100 and wrong == 0

    with engine.begin() as conn:
        order = conn.execute(text("SELECT external_id FROM orders ORDER BY external_id LIMIT 1")).scalar_one()
    path = tmp_path / "items.csv"
    path.write_text(f"Mã đơn hàng,Nhóm hàng,Số lượng,Đơn giá\n{order},Kính mát,1,100000\n", encoding="utf-8")
    report = run_import(engine, "order_items", path)
    assert report.inserted == 1
    with engine.connect() as conn:
        wrong, more_lines = conn.execute(text(_MISMATCHED_LINES)).one()
    assert more_lines == lines + 1 and wrong == 0
