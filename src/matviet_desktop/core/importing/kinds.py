"""Per kind of data: how staged text becomes typed values, which problems reject a row, and how
valid rows are upserted. Everything is set-based SQL over the staging tables `stg_raw`
(line_no, c0…cN as text), `stg_phone` (raw → canonical phone) and one lookup table per parsed
field, `pf_<field>(raw, v, ok)`, filled in Python once per distinct value (see parsers.py).

Each `stage` builds the temp table `stg(line_no, …typed…, problems text[])`; a problem is
'code|field|detail'. `apply` writes the rows whose `problems` is empty and returns counts.
Keys: stores.code, customers (external id → phone → email, see customers_kind), orders.external_id,
order_items.external_id ('<order>:<line>'), engagements (customer, type, time, channel),
consent_events (customer, channel, granted, time, source), do_not_contact (phone, email, channel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg

from matviet_desktop.core.importing import enums
from matviet_desktop.core.importing.mapping import ColumnMapping

EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


@dataclass
class StageContext:
    cur: psycopg.Cursor[Any]
    import_id: int
    mapping: ColumnMapping
    headers: list[str]
    parsed: tuple[str, ...] = ()  # fields with a pf_<field> lookup table
    batch: str = "true"  # SQL condition on stg.line_no: the slice of rows being written

    def mapped(self, name: str) -> bool:
        return name in self.mapping.columns

    def value(self, name: str) -> str:
        """SQL for a parsed field's typed value (NULL when blank, unreadable or not in the file)."""
        return f"pf_{name}.v" if self.mapped(name) else "NULL"

    def unreadable(self, name: str) -> str:
        """SQL condition: the cell has text that could not be read."""
        return f"pf_{name}.ok = false" if self.mapped(name) else "false"

    def lookup_joins(self) -> str:
        return " ".join(
            f"LEFT JOIN pf_{name} ON pf_{name}.raw = {self.col(name)}"
            for name in self.parsed
            if self.mapped(name)
        )

    def col(self, name: str) -> str:
        """SQL for a field's raw text (NULL when blank or not in the file)."""
        index = self.mapping.columns.get(name)
        return f"NULLIF(r.c{index}, '')" if index is not None else "NULL::text"


@dataclass
class Outcome:
    inserted: int
    updated: int
    duplicate_candidates: int = 0


@dataclass(frozen=True)
class Handler:
    stage: Callable[[StageContext], None]
    apply: Callable[[StageContext], Outcome]
    phone_fields: tuple[str, ...] = ()
    # field → (parser kind, enum words) for the fields read by parsers.py
    parsed: dict[str, tuple[str, dict[str, str] | None]] = field(default_factory=dict)
    batchable: bool = True  # apply() may run per slice of lines (progress and cancel between slices)
    table: str | None = None  # main table written: analysed after a bulk load


def problem(condition: str, code: str, field: str, detail: str = "''") -> str:
    return f"CASE WHEN {condition} THEN '{code}|{field}|' || coalesce(({detail})::text, '') END"


def problems_array(checks: list[str]) -> str:
    return f"array_remove(ARRAY[{', '.join(checks)}]::text[], NULL)"


def lit(value: str) -> str:
    """A SQL string literal for our own constants (JSON maps, hints): single quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def amount_checks(ctx: StageContext, name: str, required: bool) -> list[str]:
    checks = [
        problem(ctx.unreadable(name), "bad_amount", name),
        problem(f"{ctx.value(name)} < 0", "negative_amount", name),
    ]
    if required:
        checks.insert(0, problem(f"{ctx.col(name)} IS NULL", "missing_value", name))
    return checks


def date_checks(ctx: StageContext, name: str, required: bool, is_date: bool = False) -> list[str]:
    today = "(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date" if is_date else "now()"
    checks = [
        problem(ctx.unreadable(name), "bad_date", name),
        problem(f"{ctx.value(name)} > {today}", "date_in_future", name),
    ]
    if required:
        checks.insert(0, problem(f"{ctx.col(name)} IS NULL", "missing_value", name))
    return checks


def enum_check(ctx: StageContext, name: str, hint: str) -> str:
    return problem(ctx.unreadable(name), "bad_value", name, lit(hint))


def duplicate_check(field: str, key: str) -> str:
    """Later rows with the same key are rejected; the first one is kept."""
    return problem(
        f"{key} IS NOT NULL AND row_number() OVER (PARTITION BY {key} ORDER BY r.line_no) > 1",
        "duplicate_in_file",
        field,
        f"min(r.line_no) OVER (PARTITION BY {key})",
    )


def customer_reference(ctx: StageContext, with_email: bool = False) -> tuple[str, str, list[str]]:
    """(select columns, joins, checks) resolving a row's customer by external id, else canonical
    phone, else (consents only) an email that exactly one customer has."""
    ext, phone = ctx.col("customer_external_id"), ctx.col("customer_phone")
    email = f"lower({ctx.col('customer_email')})" if with_email else "NULL::text"
    joins = (
        f"LEFT JOIN customers ce ON ce.external_id = {ext} "
        f"LEFT JOIN stg_phone pm ON pm.raw = {phone} "
        "LEFT JOIN customers cp ON cp.phone = pm.e164"
    )
    found = "COALESCE(ce.id, cp.id)"
    if with_email:
        joins += (
            " LEFT JOIN LATERAL (SELECT (array_agg(x.id))[1] AS id, count(*) AS n FROM customers x"
            f" WHERE lower(x.email) = {email}) cm ON {email} IS NOT NULL"
        )
        found = "COALESCE(ce.id, cp.id, CASE WHEN cm.n = 1 THEN cm.id END)"
    named_by = next(
        (f for f in ("customer_external_id", "customer_phone", "customer_email") if ctx.mapped(f)), "customer"
    )
    columns = f"{found} AS customer_id"
    checks = [
        problem(f"{ext} IS NULL AND {phone} IS NULL AND {email} IS NULL", "missing_value", "customer"),
        problem(
            f"{found} IS NULL AND {phone} IS NOT NULL AND pm.e164 IS NULL",
            "bad_phone",
            "customer_phone",
            "pm.message",
        ),
        problem(
            f"{found} IS NULL AND ({ext} IS NOT NULL OR pm.e164 IS NOT NULL OR {email} IS NOT NULL)",
            "unknown_customer",
            named_by,
        ),
    ]
    return columns, joins, checks


def create_stage(ctx: StageContext, columns: list[str], joins: str, checks: list[str]) -> None:
    ctx.cur.execute(
        f"CREATE TEMP TABLE stg ON COMMIT DROP AS SELECT r.line_no, {', '.join(columns)}, "
        f"{problems_array(checks)} AS problems FROM stg_raw r {joins} {ctx.lookup_joins()}"
    )
    ctx.cur.execute("CREATE UNIQUE INDEX ON stg (line_no)")
    ctx.cur.execute("ANALYZE stg")


def mark_existing(ctx: StageContext, select_sql: str) -> None:
    """`stg_existing(line_no, …)`: the good rows already stored, found once before the first write
    of this import (later slices reuse it)."""
    if ctx.cur.execute("SELECT to_regclass('pg_temp.stg_existing')").fetchone() == (None,):
        ctx.cur.execute(f"CREATE TEMP TABLE stg_existing ON COMMIT DROP AS {select_sql}")
        ctx.cur.execute("CREATE UNIQUE INDEX ON stg_existing (line_no); ANALYZE stg_existing")


def upsert(ctx: StageContext, table: str, key: str, source: str, sets: dict[str, str]) -> Outcome:
    """Insert new keys and update only rows whose values differ.

    `source` selects the good rows from `stg` with columns named as in `table`; `sets` maps each
    updatable column to its new value in terms of `src` and `t` (the stored row).
    Which rows already exist is decided once, before the first write (`stg_existing`): an anti-join
    evaluated while the same statement inserts would rescan the growing table, and statistics of a
    freshly filled table are stale. Unchanged rows are only read (ON CONFLICT DO UPDATE would lock,
    and so write, every one of them). Imports are serialised by an advisory lock.
    """
    mark_existing(
        ctx,
        f"SELECT s.line_no, t.id AS existing_id FROM stg s JOIN {table} t ON t.{key} = s.{key}"
        " WHERE cardinality(s.problems) = 0",
    )
    select_list = source.split(" FROM stg")[0].removeprefix("SELECT ")
    names = [c.strip().rsplit(" AS ", 1)[-1].strip() for c in _split_top_level(select_list)]
    source = source.replace("SELECT ", "SELECT line_no, ", 1)
    assignments = ", ".join(f"{c} = {expr}" for c, expr in sets.items())
    stored = ", ".join(f"t.{c}" for c in sets)
    incoming = ", ".join(sets.values())
    row = ctx.cur.execute(
        f"""
        WITH src AS ({source}),
        upd AS (
          UPDATE {table} t SET {assignments}
          FROM src JOIN stg_existing e ON e.line_no = src.line_no
          WHERE t.id = e.existing_id AND ({stored}) IS DISTINCT FROM ({incoming})
          RETURNING 1
        ),
        ins AS (
          INSERT INTO {table} ({", ".join(names)})
          SELECT {", ".join(names)} FROM src
          WHERE NOT EXISTS (SELECT 1 FROM stg_existing e WHERE e.line_no = src.line_no)
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM upd)
        """
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), int(row[1]))


def _split_top_level(select_list: str) -> list[str]:
    """Split a select list on commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in select_list:
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    return [*parts, current]


# --- stores -------------------------------------------------------------------------------------


def stage_stores(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    columns = [
        f"{c('code')} AS code",
        f"{c('name')} AS name",
        f"{c('province')} AS province",
        f"{c('district')} AS district",
        f"{v('opened_at')}::date AS opened_at",
        f"{v('is_active')}::boolean AS is_active",
    ]
    checks = [
        problem(f"{c('code')} IS NULL", "missing_value", "code"),
        problem(f"{c('name')} IS NULL", "missing_value", "name"),
        problem(f"{c('province')} IS NULL", "missing_value", "province"),
        *date_checks(ctx, "opened_at", False, is_date=True),
        enum_check(ctx, "is_active", "'có', 'không'"),
        duplicate_check("code", c("code")),
    ]
    create_stage(ctx, columns, "", checks)


def apply_stores(ctx: StageContext) -> Outcome:
    updatable = [f for f in ("name", "province", "district", "opened_at", "is_active") if ctx.mapped(f)]
    return upsert(
        ctx,
        "stores",
        "code",
        "SELECT code, name, province, district, opened_at, COALESCE(is_active, true) AS is_active FROM stg"
        f" WHERE cardinality(problems) = 0 AND {ctx.batch}",
        {f: f"COALESCE(src.{f}, t.{f})" for f in updatable},
    )


# --- orders -------------------------------------------------------------------------------------


def stage_orders(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    ref_columns, ref_joins, ref_checks = customer_reference(ctx)
    columns = [
        f"{c('external_id')} AS external_id",
        ref_columns,
        "st.id AS store_id",
        f"{v('order_date')}::timestamptz AS order_date",
        f"{v('total_amount')}::numeric AS total_amount",
        f"{v('discount_amount')}::numeric AS discount_amount",
        f"{v('status')}::text AS status",
        f"{v('channel')}::text AS channel",
        f"{c('promo_code')} AS promo_code",
    ]
    checks = [
        problem(f"{c('external_id')} IS NULL", "missing_value", "external_id"),
        *ref_checks,
        problem(f"{c('store_code')} IS NULL", "missing_value", "store_code"),
        problem(f"{c('store_code')} IS NOT NULL AND st.id IS NULL", "unknown_store", "store_code"),
        *date_checks(ctx, "order_date", True),
        *amount_checks(ctx, "total_amount", True),
        *amount_checks(ctx, "discount_amount", False),
        enum_check(ctx, "status", "'hoàn thành', 'đã hủy', 'trả hàng'"),
        enum_check(ctx, "channel", "'cửa hàng', 'website', 'điện thoại'"),
        duplicate_check("external_id", c("external_id")),
    ]
    joins = f"{ref_joins} LEFT JOIN stores st ON st.code = {c('store_code')}"
    create_stage(ctx, columns, joins, checks)


def apply_orders(ctx: StageContext) -> Outcome:
    fields = {
        "customer_id": True,
        "store_id": True,
        "order_date": True,
        "total_amount": True,
        "discount_amount": ctx.mapped("discount_amount"),
        "status": ctx.mapped("status"),
        "channel": ctx.mapped("channel"),
        "promo_code": ctx.mapped("promo_code"),
    }
    return upsert(
        ctx,
        "orders",
        "external_id",
        "SELECT external_id, customer_id, store_id, order_date, total_amount,"
        " COALESCE(discount_amount, 0) AS discount_amount, COALESCE(status, 'completed') AS status,"
        " COALESCE(channel, 'in_store') AS channel, promo_code FROM stg"
        f" WHERE cardinality(problems) = 0 AND {ctx.batch}",
        {f: f"src.{f}" for f, on in fields.items() if on},
    )


# --- order items --------------------------------------------------------------------------------


def stage_order_items(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    quantity = v("quantity")
    order_ext = c("order_external_id")
    line_key = (
        f"{order_ext} || ':' || {c('line_id')}"
        if ctx.mapped("line_id")
        else f"{order_ext} || ':#' || row_number() OVER (PARTITION BY {order_ext} ORDER BY r.line_no)"
    )
    columns = [
        f"{line_key} AS external_id",
        "o.id AS order_id",
        "p.id AS product_id",
        f"COALESCE({v('category')}::text, p.category) AS category",
        f"{quantity}::numeric AS quantity",
        f"{v('unit_price')}::numeric AS unit_price",
        f"{v('discount')}::numeric AS discount",
        # The order's facts copied on the line (migration 0009); filled here so that the
        # database's per-row fill trigger does not fire for every imported line.
        "o.customer_id AS order_customer_id",
        "o.order_date AS order_placed_at",
        "o.status AS order_status",
    ]
    checks = [
        problem(f"{order_ext} IS NULL", "missing_value", "order_external_id"),
        problem(f"{order_ext} IS NOT NULL AND o.id IS NULL", "unknown_order", "order_external_id"),
        problem(f"{c('sku')} IS NOT NULL AND p.id IS NULL", "unknown_product", "sku"),
        enum_check(ctx, "category", "'kính', 'kính mát', 'kính áp tròng', 'phụ kiện', 'khám mắt'"),
        problem(f"{c('category')} IS NULL AND {c('sku')} IS NULL", "missing_value", "category"),
        problem(
            f"{ctx.unreadable('quantity')} OR {quantity} <= 0 OR {quantity} <> trunc({quantity})",
            "bad_quantity",
            "quantity",
        ),
        *amount_checks(ctx, "unit_price", True),
        *amount_checks(ctx, "discount", False),
    ]
    if ctx.mapped("line_id"):
        checks.append(duplicate_check("line_id", line_key))
    joins = f"LEFT JOIN orders o ON o.external_id = {order_ext} LEFT JOIN products p ON p.sku = {c('sku')}"
    create_stage(ctx, columns, joins, checks)


def apply_order_items(ctx: StageContext) -> Outcome:
    updatable = ["order_id", "product_id", "category", "quantity", "unit_price", "discount"]
    return upsert(
        ctx,
        "order_items",
        "external_id",
        "SELECT external_id, order_id, product_id, category, COALESCE(quantity, 1)::integer AS quantity,"
        " unit_price, COALESCE(discount, 0) AS discount,"
        " order_customer_id, order_placed_at, order_status FROM stg"
        f" WHERE cardinality(problems) = 0 AND {ctx.batch}",
        {f: f"src.{f}" for f in updatable},
    )


# --- engagements --------------------------------------------------------------------------------


def stage_engagements(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    ref_columns, ref_joins, ref_checks = customer_reference(ctx)
    key = f"(COALESCE(ce.id, cp.id), {v('engagement_type')}, {v('occurred_at')}, lower({c('channel')}))"
    columns = [
        ref_columns,
        f"{v('engagement_type')}::text AS engagement_type",
        f"lower({c('channel')}) AS channel",
        f"{v('occurred_at')}::timestamptz AS occurred_at",
        f"{c('note')} AS note",
    ]
    checks = [
        *ref_checks,
        problem(f"{c('engagement_type')} IS NULL", "missing_value", "engagement_type"),
        enum_check(ctx, "engagement_type", "'mua hàng', 'ghé cửa hàng', 'khám mắt', 'nps'"),
        *date_checks(ctx, "occurred_at", True),
        problem(
            f"row_number() OVER (PARTITION BY {key} ORDER BY r.line_no) > 1",
            "duplicate_in_file",
            "occurred_at",
            f"min(r.line_no) OVER (PARTITION BY {key})",
        ),
    ]
    create_stage(ctx, columns, ref_joins, checks)


def apply_engagements(ctx: StageContext) -> Outcome:
    mark_existing(
        ctx,
        "SELECT s.line_no FROM stg s WHERE cardinality(s.problems) = 0 AND EXISTS ("
        " SELECT 1 FROM customer_engagements e WHERE e.customer_id = s.customer_id"
        " AND e.created_at = s.occurred_at AND e.engagement_type = s.engagement_type"
        " AND e.channel IS NOT DISTINCT FROM s.channel)",
    )
    row = ctx.cur.execute(
        "WITH ins AS (INSERT INTO customer_engagements (customer_id, engagement_type, channel, metadata,"
        " created_at) SELECT s.customer_id, s.engagement_type, s.channel,"
        " jsonb_strip_nulls(jsonb_build_object('note', s.note, 'import_id', %(import_id)s::bigint)), s.occurred_at"
        f" FROM stg s WHERE cardinality(s.problems) = 0 AND {ctx.batch}"
        " AND NOT EXISTS (SELECT 1 FROM stg_existing x WHERE x.line_no = s.line_no)"
        " RETURNING 1) SELECT count(*) FROM ins",
        {"import_id": ctx.import_id},
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), 0)


# --- consents -----------------------------------------------------------------------------------


def stage_consents(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    ref_columns, ref_joins, ref_checks = customer_reference(ctx, with_email=True)
    columns = [
        ref_columns,
        f"{v('channel')}::text AS channel",
        f"{v('status')} = 'granted' AS granted",
        f"{v('occurred_at')}::timestamptz AS occurred_at",
        f"COALESCE(lower({c('source')}), 'import') AS source",
        f"{c('evidence')} AS evidence",
    ]
    checks = [
        *ref_checks,
        problem(f"{c('channel')} IS NULL", "missing_value", "channel"),
        enum_check(ctx, "channel", "'sms', 'zalo', 'email', 'tất cả'"),
        problem(f"{c('status')} IS NULL", "missing_value", "status"),
        enum_check(ctx, "status", "'đồng ý', 'từ chối'"),
        *date_checks(ctx, "occurred_at", True),
    ]
    create_stage(ctx, columns, ref_joins, checks)


def apply_consents(ctx: StageContext) -> Outcome:
    from matviet_desktop.core.customers.consent import sync_consent_columns_sql

    row = ctx.cur.execute(
        "WITH events AS ("
        " SELECT s.line_no, s.customer_id, ch.channel, s.granted, s.occurred_at, s.source, s.evidence FROM stg s"
        " CROSS JOIN LATERAL unnest(CASE WHEN s.channel = 'all' THEN ARRAY['sms','zalo','email']"
        " ELSE ARRAY[s.channel] END) AS ch(channel) WHERE cardinality(s.problems) = 0),"
        " ins AS (INSERT INTO consent_events (customer_id, channel, granted, occurred_at, source, evidence, import_id)"
        " SELECT customer_id, channel, granted, occurred_at, source, evidence, %(import_id)s FROM events"
        " ON CONFLICT (customer_id, channel, granted, occurred_at, source) DO NOTHING"
        " RETURNING customer_id, channel, granted, occurred_at, source)"
        " SELECT count(DISTINCT e.line_no) FROM events e JOIN ins USING (customer_id, channel, granted,"
        " occurred_at, source)",
        {"import_id": ctx.import_id},
    ).fetchone()
    assert row is not None
    ctx.cur.execute(sync_consent_columns_sql("SELECT customer_id FROM stg WHERE cardinality(problems) = 0"))
    return Outcome(int(row[0]), 0)


# --- do not contact -----------------------------------------------------------------------------


def stage_do_not_contact(ctx: StageContext) -> None:
    c, v = ctx.col, ctx.value
    email = f"lower({c('email')})"
    channel = f"COALESCE({v('channel')}::text, 'all')"
    key = f"(pm.e164, {email}, {channel})"
    columns = [
        "pm.e164 AS phone",
        f"{email} AS email",
        f"{channel} AS channel",
        f"{c('reason')} AS reason",
        f"COALESCE({c('source')}, 'import') AS source",
    ]
    checks = [
        problem(f"{c('phone')} IS NULL AND {c('email')} IS NULL", "missing_value", "phone"),
        problem(f"{c('phone')} IS NOT NULL AND pm.e164 IS NULL", "bad_phone", "phone", "pm.message"),
        problem(f"{email} IS NOT NULL AND {email} !~ '{EMAIL_RE}'", "bad_email", "email"),
        enum_check(ctx, "channel", "'sms', 'zalo', 'email', 'tất cả'"),
        problem(
            f"row_number() OVER (PARTITION BY {key} ORDER BY r.line_no) > 1",
            "duplicate_in_file",
            "phone",
            f"min(r.line_no) OVER (PARTITION BY {key})",
        ),
    ]
    create_stage(ctx, columns, f"LEFT JOIN stg_phone pm ON pm.raw = {c('phone')}", checks)


def apply_do_not_contact(ctx: StageContext) -> Outcome:
    mark_existing(
        ctx,
        "SELECT s.line_no FROM stg s WHERE cardinality(s.problems) = 0 AND EXISTS (SELECT 1 FROM do_not_contact d"
        " WHERE d.phone IS NOT DISTINCT FROM s.phone AND d.email IS NOT DISTINCT FROM s.email"
        " AND d.channel = s.channel)",
    )
    row = ctx.cur.execute(
        "WITH ins AS (INSERT INTO do_not_contact (phone, email, channel, reason, source) "
        "SELECT s.phone, s.email, s.channel, s.reason, s.source FROM stg s "
        f"WHERE cardinality(s.problems) = 0 AND {ctx.batch}"
        " AND NOT EXISTS (SELECT 1 FROM stg_existing x WHERE x.line_no = s.line_no)"
        " RETURNING 1) SELECT count(*) FROM ins"
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), 0)


def _handlers() -> dict[str, Handler]:
    from matviet_desktop.core.importing import customers_kind

    ts, date, amount = ("timestamp", None), ("date", None), ("amount", None)
    return {
        "stores": Handler(
            stage_stores,
            apply_stores,
            parsed={"opened_at": date, "is_active": ("enum", enums.BOOLEAN)},
            table="stores",
        ),
        "customers": Handler(
            customers_kind.stage,
            customers_kind.apply,
            ("phone",),
            {"full_name": ("fold", None), "gender": ("enum", enums.GENDER), "birthday": date},
            batchable=False,  # matching, inserts and the review queue depend on each other
            table="customers",
        ),
        "orders": Handler(
            stage_orders,
            apply_orders,
            ("customer_phone",),
            {
                "order_date": ts,
                "total_amount": amount,
                "discount_amount": amount,
                "status": ("enum", enums.ORDER_STATUS),
                "channel": ("enum", enums.ORDER_CHANNEL),
            },
            table="orders",
        ),
        "order_items": Handler(
            stage_order_items,
            apply_order_items,
            parsed={
                "category": ("enum", enums.CATEGORY),
                "quantity": amount,
                "unit_price": amount,
                "discount": amount,
            },
            table="order_items",
        ),
        "engagements": Handler(
            stage_engagements,
            apply_engagements,
            ("customer_phone",),
            {"engagement_type": ("enum", enums.ENGAGEMENT_TYPE), "occurred_at": ts},
            table="customer_engagements",
        ),
        "consents": Handler(
            stage_consents,
            apply_consents,
            ("customer_phone",),
            {
                "channel": ("enum", enums.CONSENT_CHANNEL),
                "status": ("enum", enums.CONSENT_STATUS),
                "occurred_at": ts,
            },
            batchable=False,  # consent columns are synced once from all new events
        ),
        "do_not_contact": Handler(
            stage_do_not_contact,
            apply_do_not_contact,
            ("phone",),
            {"channel": ("enum", enums.DNC_CHANNEL)},
            table="do_not_contact",
        ),
    }


HANDLERS = _handlers()
