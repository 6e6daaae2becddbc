"""Per kind of data: how staged text becomes typed values, which problems reject a row, and how
valid rows are upserted. Everything is set-based SQL over the staging tables `stg_raw`
(line_no, c0…cN as text) and `stg_phone` (raw → canonical phone).

Each `stage` builds the temp table `stg(line_no, …typed…, problems text[])`; a problem is
'code|field|detail'. `apply` writes the rows whose `problems` is empty and returns counts.
Keys: stores.code, customers (external id → phone → email, see customers_kind), orders.external_id,
order_items.external_id ('<order>:<line>'), engagements (customer, type, time, channel),
consent_events (customer, channel, granted, time, source), do_not_contact (phone, email, channel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

    def mapped(self, name: str) -> bool:
        return name in self.mapping.columns

    def col(self, name: str) -> str:
        """SQL for a field's raw text (NULL when blank or not in the file)."""
        index = self.mapping.columns.get(name)
        return f"NULLIF(r.c{index}, '')" if index is not None else "NULL::text"

    @property
    def date_order(self) -> str:
        return "'" + self.mapping.date_order + "'"


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


def problem(condition: str, code: str, field: str, detail: str = "''") -> str:
    return f"CASE WHEN {condition} THEN '{code}|{field}|' || coalesce(({detail})::text, '') END"


def problems_array(checks: list[str]) -> str:
    return f"array_remove(ARRAY[{', '.join(checks)}]::text[], NULL)"


def lit(value: str) -> str:
    """A SQL string literal for our own constants (JSON maps, hints): single quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def enum_expr(raw: str, mapping: dict[str, str]) -> str:
    return f"({lit(enums.as_json(mapping))}::jsonb ->> pg_temp.mv_fold({raw}))"


def amount_checks(field: str, column: str, raw: str, required: bool) -> list[str]:
    checks = [
        problem(f"{column} = 'NaN'", "bad_amount", field),
        problem(f"{column} <> 'NaN' AND {column} < 0", "negative_amount", field),
    ]
    if required:
        checks.insert(0, problem(f"{raw} IS NULL", "missing_value", field))
    return checks


def date_checks(field: str, column: str, raw: str, required: bool, future_ok: bool = False) -> list[str]:
    checks = [problem(f"{column} = '-infinity'", "bad_date", field)]
    if not future_ok:
        checks.append(problem(f"{column} <> '-infinity' AND {column} > now()", "date_in_future", field))
    if required:
        checks.insert(0, problem(f"{raw} IS NULL", "missing_value", field))
    return checks


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
        f"{problems_array(checks)} AS problems FROM stg_raw r {joins}"
    )
    ctx.cur.execute("CREATE UNIQUE INDEX ON stg (line_no)")
    ctx.cur.execute("ANALYZE stg")


def upsert_counts(ctx: StageContext, sql: str, params: dict[str, Any] | None = None) -> Outcome:
    """Run `INSERT … RETURNING (xmax = 0)` wrapped to count inserts vs updates."""
    row = ctx.cur.execute(
        f"WITH up AS ({sql}) SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)"
        " FROM up",
        params or {},
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), int(row[1]))


def changed(table: str, columns: list[str]) -> str:
    """WHERE clause for ON CONFLICT DO UPDATE: only rows whose values differ are touched."""
    left = ", ".join(f"{table}.{c}" for c in columns)
    right = ", ".join(f"EXCLUDED.{c}" for c in columns)
    return f"({left}) IS DISTINCT FROM ({right})"


# --- stores -------------------------------------------------------------------------------------


def stage_stores(ctx: StageContext) -> None:
    c = ctx.col
    active = enum_expr(c("is_active"), enums.BOOLEAN)
    columns = [
        f"{c('code')} AS code",
        f"{c('name')} AS name",
        f"{c('province')} AS province",
        f"{c('district')} AS district",
        f"pg_temp.mv_date({c('opened_at')}, {ctx.date_order}) AS opened_at",
        f"({active})::boolean AS is_active",
    ]
    checks = [
        problem(f"{c('code')} IS NULL", "missing_value", "code"),
        problem(f"{c('name')} IS NULL", "missing_value", "name"),
        problem(f"{c('province')} IS NULL", "missing_value", "province"),
        *date_checks(
            "opened_at", f"pg_temp.mv_date({c('opened_at')}, {ctx.date_order})", c("opened_at"), False
        ),
        problem(
            f"{c('is_active')} IS NOT NULL AND {active} IS NULL", "bad_value", "is_active", "'có, không'"
        ),
        duplicate_check("code", c("code")),
    ]
    create_stage(ctx, columns, "", checks)


def apply_stores(ctx: StageContext) -> Outcome:
    updatable = [f for f in ("name", "province", "district", "opened_at", "is_active") if ctx.mapped(f)]
    sets = ", ".join(f"{f} = COALESCE(EXCLUDED.{f}, stores.{f})" for f in updatable)
    return upsert_counts(
        ctx,
        "INSERT INTO stores (code, name, province, district, opened_at, is_active) "
        "SELECT code, name, province, district, opened_at, COALESCE(is_active, true) FROM stg "
        "WHERE cardinality(problems) = 0 "
        f"ON CONFLICT (code) DO UPDATE SET {sets} WHERE {changed('stores', updatable)} "
        "RETURNING (xmax = 0) AS inserted",
    )


# --- orders -------------------------------------------------------------------------------------


def stage_orders(ctx: StageContext) -> None:
    c = ctx.col
    ref_columns, ref_joins, ref_checks = customer_reference(ctx)
    order_date = f"pg_temp.mv_ts({c('order_date')}, {ctx.date_order})"
    total, discount = f"pg_temp.mv_amount({c('total_amount')})", f"pg_temp.mv_amount({c('discount_amount')})"
    status, channel = enum_expr(c("status"), enums.ORDER_STATUS), enum_expr(c("channel"), enums.ORDER_CHANNEL)
    columns = [
        f"{c('external_id')} AS external_id",
        ref_columns,
        "st.id AS store_id",
        f"{order_date} AS order_date",
        f"{total} AS total_amount",
        f"{discount} AS discount_amount",
        f"{status} AS status",
        f"{channel} AS channel",
        f"{c('promo_code')} AS promo_code",
    ]
    checks = [
        problem(f"{c('external_id')} IS NULL", "missing_value", "external_id"),
        *ref_checks,
        problem(f"{c('store_code')} IS NULL", "missing_value", "store_code"),
        problem(f"{c('store_code')} IS NOT NULL AND st.id IS NULL", "unknown_store", "store_code"),
        *date_checks("order_date", order_date, c("order_date"), True),
        *amount_checks("total_amount", total, c("total_amount"), True),
        *amount_checks("discount_amount", discount, c("discount_amount"), False),
        problem(
            f"{c('status')} IS NOT NULL AND {status} IS NULL",
            "bad_value",
            "status",
            lit("'hoàn thành', 'đã hủy', 'trả hàng'"),
        ),
        problem(
            f"{c('channel')} IS NOT NULL AND {channel} IS NULL",
            "bad_value",
            "channel",
            lit("'cửa hàng', 'website', 'điện thoại'"),
        ),
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
    updatable = [f for f, on in fields.items() if on]
    sets = ", ".join(f"{f} = EXCLUDED.{f}" for f in updatable)
    return upsert_counts(
        ctx,
        "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, discount_amount,"
        " status, channel, promo_code) "
        "SELECT external_id, customer_id, store_id, order_date, total_amount, COALESCE(discount_amount, 0),"
        " COALESCE(status, 'completed'), COALESCE(channel, 'in_store'), promo_code FROM stg "
        "WHERE cardinality(problems) = 0 "
        f"ON CONFLICT (external_id) DO UPDATE SET {sets} WHERE {changed('orders', updatable)} "
        "RETURNING (xmax = 0) AS inserted",
    )


# --- order items --------------------------------------------------------------------------------


def stage_order_items(ctx: StageContext) -> None:
    c = ctx.col
    category = enum_expr(c("category"), enums.CATEGORY)
    quantity, price, discount = (
        f"pg_temp.mv_amount({c('quantity')})",
        f"pg_temp.mv_amount({c('unit_price')})",
        f"pg_temp.mv_amount({c('discount')})",
    )
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
        f"COALESCE({category}, p.category) AS category",
        f"{quantity} AS quantity",
        f"{price} AS unit_price",
        f"{discount} AS discount",
    ]
    checks = [
        problem(f"{order_ext} IS NULL", "missing_value", "order_external_id"),
        problem(f"{order_ext} IS NOT NULL AND o.id IS NULL", "unknown_order", "order_external_id"),
        problem(f"{c('sku')} IS NOT NULL AND p.id IS NULL", "unknown_product", "sku"),
        problem(
            f"{c('category')} IS NOT NULL AND {category} IS NULL",
            "bad_value",
            "category",
            lit("'kính', 'kính mát', 'kính áp tròng', 'phụ kiện', 'khám mắt'"),
        ),
        problem(f"{c('category')} IS NULL AND {c('sku')} IS NULL", "missing_value", "category"),
        problem(
            f"{quantity} = 'NaN' OR {quantity} <= 0 OR {quantity} <> trunc({quantity})",
            "bad_quantity",
            "quantity",
        ),
        *amount_checks("unit_price", price, c("unit_price"), True),
        *amount_checks("discount", discount, c("discount"), False),
    ]
    if ctx.mapped("line_id"):
        checks.append(duplicate_check("line_id", line_key))
    joins = f"LEFT JOIN orders o ON o.external_id = {order_ext} LEFT JOIN products p ON p.sku = {c('sku')}"
    create_stage(ctx, columns, joins, checks)


def apply_order_items(ctx: StageContext) -> Outcome:
    updatable = ["order_id", "product_id", "category", "quantity", "unit_price", "discount"]
    sets = ", ".join(f"{f} = EXCLUDED.{f}" for f in updatable)
    return upsert_counts(
        ctx,
        "INSERT INTO order_items (external_id, order_id, product_id, category, quantity, unit_price, discount) "
        "SELECT external_id, order_id, product_id, category, COALESCE(quantity, 1)::integer, unit_price,"
        " COALESCE(discount, 0) FROM stg WHERE cardinality(problems) = 0 "
        f"ON CONFLICT (external_id) DO UPDATE SET {sets} WHERE {changed('order_items', updatable)} "
        "RETURNING (xmax = 0) AS inserted",
    )


# --- engagements --------------------------------------------------------------------------------


def stage_engagements(ctx: StageContext) -> None:
    c = ctx.col
    ref_columns, ref_joins, ref_checks = customer_reference(ctx)
    kind = enum_expr(c("engagement_type"), enums.ENGAGEMENT_TYPE)
    occurred = f"pg_temp.mv_ts({c('occurred_at')}, {ctx.date_order})"
    key = f"(COALESCE(ce.id, cp.id), {kind}, {occurred}, lower({c('channel')}))"
    columns = [
        ref_columns,
        f"{kind} AS engagement_type",
        f"lower({c('channel')}) AS channel",
        f"{occurred} AS occurred_at",
        f"{c('note')} AS note",
    ]
    checks = [
        *ref_checks,
        problem(f"{c('engagement_type')} IS NULL", "missing_value", "engagement_type"),
        problem(
            f"{c('engagement_type')} IS NOT NULL AND {kind} IS NULL",
            "bad_value",
            "engagement_type",
            lit("'mua hàng', 'ghé cửa hàng', 'khám mắt', 'nps'"),
        ),
        *date_checks("occurred_at", occurred, c("occurred_at"), True),
        problem(
            f"row_number() OVER (PARTITION BY {key} ORDER BY r.line_no) > 1",
            "duplicate_in_file",
            "occurred_at",
            f"min(r.line_no) OVER (PARTITION BY {key})",
        ),
    ]
    create_stage(ctx, columns, ref_joins, checks)


def apply_engagements(ctx: StageContext) -> Outcome:
    row = ctx.cur.execute(
        "WITH ins AS (INSERT INTO customer_engagements (customer_id, engagement_type, channel, metadata, created_at) "
        "SELECT s.customer_id, s.engagement_type, s.channel,"
        " jsonb_strip_nulls(jsonb_build_object('note', s.note, 'import_id', %(import_id)s::bigint)), s.occurred_at "
        "FROM stg s WHERE cardinality(s.problems) = 0 AND NOT EXISTS ("
        " SELECT 1 FROM customer_engagements e WHERE e.customer_id = s.customer_id"
        " AND e.created_at = s.occurred_at AND e.engagement_type = s.engagement_type"
        " AND e.channel IS NOT DISTINCT FROM s.channel) RETURNING 1) SELECT count(*) FROM ins",
        {"import_id": ctx.import_id},
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), 0)


# --- consents -----------------------------------------------------------------------------------


def stage_consents(ctx: StageContext) -> None:
    c = ctx.col
    ref_columns, ref_joins, ref_checks = customer_reference(ctx, with_email=True)
    channel = enum_expr(c("channel"), enums.CONSENT_CHANNEL)
    status = enum_expr(c("status"), enums.CONSENT_STATUS)
    occurred = f"pg_temp.mv_ts({c('occurred_at')}, {ctx.date_order})"
    columns = [
        ref_columns,
        f"{channel} AS channel",
        f"{status} = 'granted' AS granted",
        f"{occurred} AS occurred_at",
        f"COALESCE(lower({c('source')}), 'import') AS source",
        f"{c('evidence')} AS evidence",
    ]
    checks = [
        *ref_checks,
        problem(f"{c('channel')} IS NULL", "missing_value", "channel"),
        problem(
            f"{c('channel')} IS NOT NULL AND {channel} IS NULL",
            "bad_value",
            "channel",
            lit("'sms', 'zalo', 'email', 'tất cả'"),
        ),
        problem(f"{c('status')} IS NULL", "missing_value", "status"),
        problem(
            f"{c('status')} IS NOT NULL AND {status} IS NULL",
            "bad_value",
            "status",
            lit("'đồng ý', 'từ chối'"),
        ),
        *date_checks("occurred_at", occurred, c("occurred_at"), True),
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
    c = ctx.col
    channel = enum_expr(c("channel"), enums.DNC_CHANNEL)
    email = f"lower({c('email')})"
    key = f"(pm.e164, {email}, COALESCE({channel}, 'all'))"
    columns = [
        "pm.e164 AS phone",
        f"{email} AS email",
        f"COALESCE({channel}, 'all') AS channel",
        f"{c('reason')} AS reason",
        f"COALESCE({c('source')}, 'import') AS source",
    ]
    checks = [
        problem(f"{c('phone')} IS NULL AND {c('email')} IS NULL", "missing_value", "phone"),
        problem(f"{c('phone')} IS NOT NULL AND pm.e164 IS NULL", "bad_phone", "phone", "pm.message"),
        problem(f"{email} IS NOT NULL AND {email} !~ '{EMAIL_RE}'", "bad_email", "email"),
        problem(
            f"{c('channel')} IS NOT NULL AND {channel} IS NULL",
            "bad_value",
            "channel",
            lit("'sms', 'zalo', 'email', 'tất cả'"),
        ),
        problem(
            f"row_number() OVER (PARTITION BY {key} ORDER BY r.line_no) > 1",
            "duplicate_in_file",
            "phone",
            f"min(r.line_no) OVER (PARTITION BY {key})",
        ),
    ]
    create_stage(ctx, columns, f"LEFT JOIN stg_phone pm ON pm.raw = {c('phone')}", checks)


def apply_do_not_contact(ctx: StageContext) -> Outcome:
    row = ctx.cur.execute(
        "WITH ins AS (INSERT INTO do_not_contact (phone, email, channel, reason, source) "
        "SELECT s.phone, s.email, s.channel, s.reason, s.source FROM stg s "
        "WHERE cardinality(s.problems) = 0 AND NOT EXISTS (SELECT 1 FROM do_not_contact d"
        " WHERE d.phone IS NOT DISTINCT FROM s.phone AND d.email IS NOT DISTINCT FROM s.email"
        " AND d.channel = s.channel) RETURNING 1) SELECT count(*) FROM ins"
    ).fetchone()
    assert row is not None
    return Outcome(int(row[0]), 0)


def _handlers() -> dict[str, Handler]:
    from matviet_desktop.core.importing import customers_kind

    return {
        "stores": Handler(stage_stores, apply_stores),
        "customers": Handler(customers_kind.stage, customers_kind.apply, ("phone",)),
        "orders": Handler(stage_orders, apply_orders, ("customer_phone",)),
        "order_items": Handler(stage_order_items, apply_order_items),
        "engagements": Handler(stage_engagements, apply_engagements, ("customer_phone",)),
        "consents": Handler(stage_consents, apply_consents, ("customer_phone",)),
        "do_not_contact": Handler(stage_do_not_contact, apply_do_not_contact, ("phone",)),
    }


HANDLERS = _handlers()
