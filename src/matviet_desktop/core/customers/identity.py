"""Customer identity: look-up by strong keys, the duplicate review queue, merge and undo.

Look-up order is external id → canonical phone → email (only when exactly one customer has it);
a name alone never identifies anyone. Merging moves every row that references the merged
customer (orders, engagements, segment memberships, campaign targets and attributions, consent
history, and any table added later with a foreign key to customers) to the survivor in one
transaction, and writes a `customer_merges` record holding the merged row, the survivor's
overwritten values, the ids of moved rows and the rows dropped as conflicting, so that
`undo_merge` puts everything back.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.customers.consent import sync_consent_columns_sql
from matviet_desktop.core.customers.phones import canonical_phone
from matviet_desktop.core.text import search_text

# Survivor columns filled from the merged customer when the survivor has none.
FILL_COLUMNS = ("external_id", "phone", "email", "gender", "birthday", "province", "home_store_id")


class MergeError(ValueError):
    """A merge or undo that cannot be done; the message is Vietnamese and says why."""


@dataclass(frozen=True)
class Match:
    customer_id: uuid.UUID
    matched_by: str  # 'external_id', 'phone' or 'email'


@dataclass(frozen=True)
class CustomerBrief:
    id: uuid.UUID
    external_id: str | None
    full_name: str
    phone: str | None
    email: str | None
    birthday: dt.date | None
    order_count: int


@dataclass(frozen=True)
class DuplicatePair:
    id: int
    reason: str
    score: Decimal
    status: str
    detected_at: dt.datetime
    a: CustomerBrief
    b: CustomerBrief


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    moved: dict[str, int]  # table → rows moved
    removed: dict[str, int]  # table → rows dropped because the survivor already had the same


def find_customer(
    engine: Engine, *, external_id: str | None = None, phone: str | None = None, email: str | None = None
) -> Match | None:
    """The customer these keys identify, or None. Never matches on a name."""
    canonical = canonical_phone(phone) if phone else None
    with engine.connect() as conn:
        if external_id:
            found = conn.execute(
                text("SELECT id FROM customers WHERE external_id = :v"), {"v": external_id}
            ).scalar()
            if found:
                return Match(found, "external_id")
        if canonical:
            found = conn.execute(text("SELECT id FROM customers WHERE phone = :v"), {"v": canonical}).scalar()
            if found:
                return Match(found, "phone")
        if email:
            rows = conn.execute(
                text("SELECT id FROM customers WHERE lower(email) = lower(:v) LIMIT 2"), {"v": email}
            ).all()
            if len(rows) == 1:
                return Match(rows[0][0], "email")
    return None


_BRIEF = "c.id, c.external_id, c.full_name, c.phone, c.email, c.birthday, c.order_count"


def list_duplicates(
    engine: Engine, status: str = "pending", limit: int = 100, after_id: int = 0
) -> list[DuplicatePair]:
    """Review queue, best score first within id pages (keyset on id). Pairs whose customers no
    longer both exist (merged elsewhere) are left out."""
    sql = text(
        f"""
        SELECT d.id, d.reason, d.score, d.status, d.detected_at, {_BRIEF.replace("c.", "a.")},
               {_BRIEF.replace("c.", "b.")}
        FROM duplicate_candidates d
        JOIN customers a ON a.id = d.customer_a JOIN customers b ON b.id = d.customer_b
        WHERE d.status = :status AND d.id > :after ORDER BY d.id LIMIT :limit
        """  # noqa: S608 (column list is a constant)
    )
    with engine.connect() as conn:
        rows = conn.execute(sql, {"status": status, "after": after_id, "limit": limit}).all()
    return [
        DuplicatePair(r[0], r[1], r[2], r[3], r[4], CustomerBrief(*r[5:12]), CustomerBrief(*r[12:19]))
        for r in rows
    ]


def detect_duplicates(engine: Engine) -> int:
    """Queue probable duplicates over the whole customer table (same email; same folded name and
    birthday). Each customer is paired with the oldest of its group. Returns new pairs."""
    from matviet_desktop.core.importing.sqlfuncs import create_functions_sql

    with engine.begin() as conn:
        conn.exec_driver_sql(create_functions_sql())
        added = conn.execute(
            text(
                """
                WITH keyed AS (
                  SELECT id, created_at, 'same_email' AS reason, 0.700 AS score, lower(email) AS k
                  FROM customers WHERE email IS NOT NULL AND email <> ''
                  UNION ALL
                  SELECT id, created_at, 'same_name_birthday', 0.600,
                         pg_temp.mv_fold(full_name) || '|' || birthday::text
                  FROM customers WHERE birthday IS NOT NULL
                ), firsts AS (
                  SELECT id, reason, score,
                         first_value(id) OVER (PARTITION BY reason, k ORDER BY created_at, id) AS first_id
                  FROM keyed
                ), ins AS (
                  INSERT INTO duplicate_candidates (customer_a, customer_b, reason, score)
                  SELECT DISTINCT ON (LEAST(id, first_id), GREATEST(id, first_id))
                         LEAST(id, first_id), GREATEST(id, first_id), reason, score
                  FROM firsts WHERE id <> first_id
                  ORDER BY LEAST(id, first_id), GREATEST(id, first_id), score DESC
                  ON CONFLICT (customer_a, customer_b) DO NOTHING RETURNING 1
                ) SELECT count(*) FROM ins
                """
            )
        ).scalar_one()
    return int(added)


def dismiss_duplicate(engine: Engine, candidate_id: int, by: str | None = None) -> None:
    """Not the same person: keep both, and do not propose the pair again."""
    with engine.begin() as conn:
        done = conn.execute(
            text(
                "UPDATE duplicate_candidates SET status = 'dismissed', resolved_at = now(), resolved_by = :by"
                " WHERE id = :i AND status = 'pending'"
            ),
            {"i": candidate_id, "by": by},
        ).rowcount
    if not done:
        raise MergeError(f"Cặp trùng lặp số {candidate_id} không còn chờ duyệt.")


def merge_candidate(
    engine: Engine, candidate_id: int, survivor_id: uuid.UUID | None = None, by: str | None = None
) -> MergeResult:
    """Merge a queued pair. Default survivor: the customer with more orders, then the older one."""
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT d.customer_a, d.customer_b, d.status FROM duplicate_candidates d WHERE d.id = :i"),
            {"i": candidate_id},
        ).first()
        if row is None or row.status != "pending":
            raise MergeError(f"Cặp trùng lặp số {candidate_id} không còn chờ duyệt.")
        if survivor_id is None:
            survivor_id = conn.execute(
                text(
                    "SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"
                    " WHERE c.id IN (:a, :b) GROUP BY c.id, c.created_at"
                    " ORDER BY count(o.id) DESC, c.created_at, c.id LIMIT 1"
                ),
                {"a": row.customer_a, "b": row.customer_b},
            ).scalar()
    if survivor_id not in (row.customer_a, row.customer_b):
        raise MergeError("Khách hàng giữ lại phải là một trong hai khách của cặp.")
    merged_id = row.customer_b if survivor_id == row.customer_a else row.customer_a
    return merge_customers(engine, survivor_id, merged_id, candidate_id=candidate_id, by=by)


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _referencing_tables(conn: Connection) -> list[tuple[str, str, str]]:
    """(table, fk column, single-column primary key) for every foreign key to customers.id."""
    rows = conn.execute(
        text(
            """
            SELECT cl.relname, a.attname,
                   (SELECT pa.attname FROM pg_index i
                    JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = i.indkey[0]
                    WHERE i.indrelid = con.conrelid AND i.indisprimary AND i.indnatts = 1)
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
            WHERE con.contype = 'f' AND con.confrelid = 'customers'::regclass AND cardinality(con.conkey) = 1
            ORDER BY cl.relname, a.attname
            """
        )
    ).all()
    missing_pk = [r[0] for r in rows if r[2] is None]
    if missing_pk:
        raise MergeError(f"Không gộp được: bảng {', '.join(missing_pk)} không có khóa chính một cột.")
    return [(r[0], r[1], r[2]) for r in rows]


def _unique_keys_with(conn: Connection, table: str, column: str) -> list[list[str]]:
    """Other columns of each unique index that contains `column` (conflicts when moving rows)."""
    rows = conn.execute(
        text(
            """
            SELECT array_agg(a.attname::text ORDER BY k.ord)
            FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = CAST(:t AS regclass) AND i.indisunique AND i.indpred IS NULL
              AND i.indexprs IS NULL
            GROUP BY i.indexrelid
            """
        ),
        {"t": _q(table)},
    ).all()
    return [[c for c in cols if c != column] for (cols,) in rows if column in cols]


def _row_json(conn: Connection, customer_id: uuid.UUID, lock: bool = True) -> dict[str, Any] | None:
    sql = "SELECT to_jsonb(c) FROM customers c WHERE id = :i" + (" FOR UPDATE" if lock else "")  # noqa: S608
    value = conn.execute(text(sql), {"i": customer_id}).scalar()
    return dict(value) if value is not None else None


def merge_customers(
    engine: Engine,
    survivor_id: uuid.UUID,
    merged_id: uuid.UUID,
    *,
    candidate_id: int | None = None,
    by: str | None = None,
) -> MergeResult:
    if survivor_id == merged_id:
        raise MergeError("Không thể gộp một khách hàng với chính họ.")
    with engine.begin() as conn:
        survivor = _row_json(conn, survivor_id)
        merged = _row_json(conn, merged_id)
        if survivor is None or merged is None:
            raise MergeError("Một trong hai khách hàng không còn tồn tại (có thể đã được gộp).")
        moved: dict[str, dict[str, Any]] = {}
        removed: dict[str, list[Any]] = {}
        for table, column, pk in _referencing_tables(conn):
            for others in _unique_keys_with(conn, table, column):
                same = " AND ".join(f"s.{_q(c)} = m.{_q(c)}" for c in others) or "true"
                dropped = (
                    conn.execute(
                        text(
                            f"DELETE FROM {_q(table)} m WHERE m.{_q(column)} = :merged AND EXISTS ("  # noqa: S608
                            f"SELECT 1 FROM {_q(table)} s WHERE s.{_q(column)} = :survivor AND {same}) RETURNING to_jsonb(m)"
                        ),
                        {"merged": merged_id, "survivor": survivor_id},
                    )
                    .scalars()
                    .all()
                )
                if dropped:
                    removed.setdefault(table, []).extend(dropped)
            ids = (
                conn.execute(
                    text(
                        f"UPDATE {_q(table)} SET {_q(column)} = :survivor WHERE {_q(column)} = :merged"  # noqa: S608
                        f" RETURNING {_q(pk)}::text"
                    ),
                    {"merged": merged_id, "survivor": survivor_id},
                )
                .scalars()
                .all()
            )
            if ids:
                moved[table] = {"column": column, "pk": pk, "ids": list(ids)}
        conn.execute(text("DELETE FROM customers WHERE id = :i"), {"i": merged_id})
        fills = {c: merged[c] for c in FILL_COLUMNS if survivor.get(c) is None and merged.get(c) is not None}
        if fills:
            sets = ", ".join(f"{_q(c)} = r.{_q(c)}" for c in fills)
            conn.execute(
                text(
                    f"UPDATE customers c SET {sets} FROM jsonb_populate_record(NULL::customers,"  # noqa: S608
                    " CAST(:fills AS jsonb)) r WHERE c.id = :i"
                ),
                {"fills": json.dumps(fills), "i": survivor_id},
            )
        conn.execute(text(sync_consent_columns_sql("SELECT CAST(:c AS uuid)")), {"c": survivor_id})
        after = _row_json(conn, survivor_id)
        assert after is not None
        conn.execute(
            text("UPDATE customers SET search_text = :s WHERE id = :i"),
            {"s": search_text(after["full_name"], after["phone"], after["email"]), "i": survivor_id},
        )
        after = _row_json(conn, survivor_id)
        assert after is not None
        changes = {k: survivor[k] for k in survivor if k != "updated_at" and survivor[k] != after.get(k)}
        merge_id = conn.execute(
            text(
                "INSERT INTO customer_merges (survivor_id, merged_id, merged_snapshot, survivor_changes, moved,"
                " removed, candidate_id, merged_by) VALUES (:s, :m, CAST(:snap AS jsonb), CAST(:chg AS jsonb),"
                " CAST(:moved AS jsonb), CAST(:removed AS jsonb), :cand, :by) RETURNING id"
            ),
            {
                "s": survivor_id,
                "m": merged_id,
                "snap": json.dumps(merged),
                "chg": json.dumps(changes),
                "moved": json.dumps(moved),
                "removed": json.dumps(removed),
                "cand": candidate_id,
                "by": by,
            },
        ).scalar_one()
        conn.execute(
            text(
                "UPDATE duplicate_candidates SET status = 'merged', resolved_at = now(), resolved_by = :by"
                " WHERE customer_a = LEAST(CAST(:s AS uuid), CAST(:m AS uuid))"
                " AND customer_b = GREATEST(CAST(:s AS uuid), CAST(:m AS uuid))"
            ),
            {"s": survivor_id, "m": merged_id, "by": by},
        )
    return MergeResult(
        int(merge_id),
        survivor_id,
        merged_id,
        {t: len(v["ids"]) for t, v in moved.items()},
        {t: len(v) for t, v in removed.items()},
    )


def undo_merge(engine: Engine, merge_id: int, by: str | None = None) -> None:
    """Restore the merged customer, move its rows back, restore the survivor's previous values."""
    with engine.begin() as conn:
        record = conn.execute(
            text(
                "SELECT survivor_id, merged_id, merged_snapshot, survivor_changes, moved, removed, undone_at"
                " FROM customer_merges WHERE id = :i FOR UPDATE"
            ),
            {"i": merge_id},
        ).first()
        if record is None:
            raise MergeError(f"Không có lần gộp số {merge_id}.")
        if record.undone_at is not None:
            raise MergeError(f"Lần gộp số {merge_id} đã được hoàn tác.")
        if _row_json(conn, record.survivor_id) is None:
            raise MergeError("Khách hàng giữ lại đã bị gộp tiếp vào khách khác: hoàn tác lần gộp sau trước.")
        changes = dict(record.survivor_changes)
        if changes:
            sets = ", ".join(f"{_q(c)} = r.{_q(c)}" for c in changes)
            conn.execute(
                text(
                    f"UPDATE customers c SET {sets} FROM jsonb_populate_record(NULL::customers,"  # noqa: S608
                    " CAST(:chg AS jsonb)) r WHERE c.id = :i"
                ),
                {"chg": json.dumps(changes), "i": record.survivor_id},
            )
        conn.execute(
            text(
                "INSERT INTO customers SELECT * FROM jsonb_populate_record(NULL::customers, CAST(:snap AS jsonb))"
            ),
            {"snap": json.dumps(record.merged_snapshot)},
        )
        for table, info in dict(record.moved).items():
            conn.execute(
                text(
                    f"UPDATE {_q(table)} SET {_q(info['column'])} = :merged"  # noqa: S608
                    f" WHERE {_q(info['pk'])}::text = ANY(:ids) AND {_q(info['column'])} = :survivor"
                ),
                {"merged": record.merged_id, "survivor": record.survivor_id, "ids": info["ids"]},
            )
        for table, rows in dict(record.removed).items():
            conn.execute(
                text(
                    f"INSERT INTO {_q(table)} SELECT * FROM jsonb_populate_recordset(NULL::{_q(table)},"  # noqa: S608
                    " CAST(:rows AS jsonb))"
                ),
                {"rows": json.dumps(rows)},
            )
        conn.execute(
            text("UPDATE customer_merges SET undone_at = now(), undone_by = :by WHERE id = :i"),
            {"i": merge_id, "by": by},
        )
        conn.execute(
            text(
                "UPDATE duplicate_candidates SET status = 'pending', resolved_at = NULL, resolved_by = NULL"
                " WHERE customer_a = LEAST(CAST(:s AS uuid), CAST(:m AS uuid))"
                " AND customer_b = GREATEST(CAST(:s AS uuid), CAST(:m AS uuid)) AND status = 'merged'"
            ),
            {"s": record.survivor_id, "m": record.merged_id},
        )
