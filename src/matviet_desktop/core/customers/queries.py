"""Customer list queries: keyset paging, search, filters, counts and export.

The list never uses OFFSET: each page continues after the last row of the previous one on
(sort column, id), which an index per sortable column serves directly (migration 0007), so
page 5,000 costs what page 1 costs. Search matches word prefixes of the folded `search_text`
(name words, phone digits in 0… and 84… forms) through a GIN index on
`to_tsvector('simple', search_text)`; the term is folded with `core.text.fold`, so "nguyen thi"
finds "Nguyễn Thị …", and a phone typed in any format ("0912 345 678", "+84-912…") finds the
customer. Customer 360 data lives in `core.customers.profile` and is re-exported here.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from matviet_desktop.core.customers.profile import (  # noqa: F401  (re-exported API)
    Customer360,
    DuplicateSuggestion,
    TimelineEvent,
    customer_360,
    duplicate_suggestions,
    timeline,
)
from matviet_desktop.core.text import fold

PAGE_SIZE = 200
_PHONE_CHARS = re.compile(r"^[\d\s+\-().]+$")
_WORD = re.compile(r"[a-z0-9]+")


class SortKey(enum.StrEnum):
    NAME = "full_name"
    LAST_PURCHASE = "last_purchase_at"
    TOTAL_SPENT = "total_spent"
    CREATED = "created_at"


# Nullable sort columns page with NULLs at the end of the descending order (never-purchased last).
_NULLABLE = {SortKey.LAST_PURCHASE}


@dataclass(frozen=True)
class SearchTerm:
    kind: str  # 'empty', 'phone', 'email', 'words'
    tsquery: str = ""
    email: str = ""


def parse_search(term: str) -> SearchTerm:
    """Turn what staff type into a search: phone digits, an exact e-mail, or name word prefixes."""
    raw = term or ""
    term = raw.strip()
    if not term:
        return SearchTerm("empty")
    if "@" in term and " " not in term:
        return SearchTerm("email", email=term.lower())
    if _PHONE_CHARS.match(term):
        digits = re.sub(r"\D", "", term)
        if len(digits) >= 3:
            if digits.startswith("84") and len(digits) >= 11:
                digits = "0" + digits[2:]
            return SearchTerm("phone", tsquery=f"{digits}:*")
    words = _WORD.findall(fold(term))
    if not words:
        return SearchTerm("empty")
    # Words already followed by a space are complete: exact lexemes let GIN skip through the
    # posting lists of very common words ("van", "thi") instead of unioning every "van…" key; only
    # the word being typed is a prefix.
    still_typing = not raw.endswith((" ", "\t"))
    parts = [f"{w}:*" if still_typing and i == len(words) - 1 else w for i, w in enumerate(words)]
    return SearchTerm("words", tsquery=" & ".join(parts))


@dataclass(frozen=True)
class CustomerFilter:
    search: str = ""
    store_id: int | None = None
    lifecycle_stage: str | None = None
    clv_tier: str | None = None
    segment_id: uuid.UUID | None = None  # members of a segment (segment detail page)


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: uuid.UUID
    full_name: str
    phone: str | None
    email: str | None
    store_name: str | None
    lifecycle_stage: str | None
    clv_tier: str | None
    clv_predicted: Decimal | None
    total_spent: Decimal
    order_count: int
    last_purchase_at: dt.datetime | None
    engagement_score: int | None
    churn_risk: Decimal | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last row's sort value and id."""

    value: Any
    id: uuid.UUID


@dataclass(frozen=True)
class CustomerPage:
    rows: list[CustomerRow]
    next_cursor: Cursor | None  # None when this was the last page


# Scores live in the 1:1 customer_scores (alias sc); PostgreSQL drops the join when unused.
_FROM = (
    "customers c LEFT JOIN stores s ON s.id = c.home_store_id "
    "LEFT JOIN customer_scores sc ON sc.customer_id = c.id"
)
_COLUMNS = """
    c.id, c.full_name, c.phone, c.email, s.name AS store_name, sc.lifecycle_stage, sc.clv_tier,
    sc.clv_predicted, c.total_spent, c.order_count, c.last_purchase_at, sc.engagement_score,
    sc.churn_risk, c.created_at
"""


def _where(filt: CustomerFilter, params: dict[str, Any]) -> list[str]:
    """SQL conditions (psycopg pyformat placeholders) for a filter; fills `params`."""
    conditions: list[str] = []
    search = parse_search(filt.search)
    if search.kind in ("phone", "words"):
        conditions.append("to_tsvector('simple'::regconfig, c.search_text) @@ to_tsquery('simple', %(tsq)s)")
        params["tsq"] = search.tsquery
    elif search.kind == "email":
        conditions.append("lower(c.email) = %(email)s")
        params["email"] = search.email
    if filt.store_id is not None:
        conditions.append("c.home_store_id = %(store_id)s")
        params["store_id"] = filt.store_id
    if filt.lifecycle_stage:
        conditions.append("sc.lifecycle_stage = %(stage)s")
        params["stage"] = filt.lifecycle_stage
    if filt.clv_tier:
        conditions.append("sc.clv_tier = %(tier)s")
        params["tier"] = filt.clv_tier
    if filt.segment_id is not None:
        conditions.append(
            "EXISTS (SELECT 1 FROM customer_segments cs WHERE cs.customer_id = c.id "
            "AND cs.segment_rule_id = %(segment_id)s)"
        )
        params["segment_id"] = filt.segment_id
    return conditions


def _order_by(sort: SortKey, descending: bool) -> str:
    col = f"c.{sort.value}"
    if sort in _NULLABLE:
        # Matches the (last_purchase_at DESC NULLS LAST, id DESC) index, forwards or backwards.
        return f"{col} DESC NULLS LAST, c.id DESC" if descending else f"{col} ASC NULLS FIRST, c.id ASC"
    direction = "DESC" if descending else "ASC"
    return f"{col} {direction}, c.id {direction}"


def _after(sort: SortKey, descending: bool, cursor: Cursor, params: dict[str, Any]) -> str:
    """The keyset condition "comes after `cursor` in this order"."""
    col = f"c.{sort.value}"
    params["cur_id"] = cursor.id
    params["cur_v"] = cursor.value
    if sort in _NULLABLE:
        if descending:  # non-null values descending, then NULLs by id descending
            if cursor.value is None:
                return f"({col} IS NULL AND c.id < %(cur_id)s)"
            return f"({col} < %(cur_v)s OR ({col} = %(cur_v)s AND c.id < %(cur_id)s) OR {col} IS NULL)"
        if cursor.value is None:  # NULLs first by id ascending, then values ascending
            return f"(({col} IS NULL AND c.id > %(cur_id)s) OR {col} IS NOT NULL)"
        return f"({col} > %(cur_v)s OR ({col} = %(cur_v)s AND c.id > %(cur_id)s))"
    op = "<" if descending else ">"
    return f"(({col}, c.id) {op} (%(cur_v)s, %(cur_id)s))"


def _list_sql(
    filt: CustomerFilter, sort: SortKey, descending: bool, after: Cursor | None, limit: int | None
) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    conditions = _where(filt, params)
    if after is not None:
        conditions.append(_after(sort, descending, after, params))
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    sql = (
        # Only constant fragments are interpolated; every value is a bound parameter.
        f"SELECT {_COLUMNS} FROM {_FROM} "  # noqa: S608
        f"{where} ORDER BY {_order_by(sort, descending)}"
    )
    if limit is not None:
        sql += " LIMIT %(limit)s"
        params["limit"] = limit
    return sql, params


def list_customers(
    engine: Engine,
    filt: CustomerFilter = CustomerFilter(),
    *,
    sort: SortKey = SortKey.LAST_PURCHASE,
    descending: bool = True,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> CustomerPage:
    """One page of customers in the given order, starting after `after`."""
    sql, params = _list_sql(filt, sort, descending, after, limit + 1)
    with engine.connect() as conn:
        rows = [CustomerRow(*r) for r in conn.exec_driver_sql(sql, params)]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = Cursor(getattr(last, sort.value), last.id)
    return CustomerPage(rows, next_cursor)


def count_customers(engine: Engine, filt: CustomerFilter = CustomerFilter()) -> int:
    params: dict[str, Any] = {}
    conditions = _where(filt, params)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    with engine.connect() as conn:
        sql = f"SELECT count(*) FROM {_FROM} {where}"  # noqa: S608 - constant fragments, bound values
        return int(conn.exec_driver_sql(sql, params).scalar_one())


@dataclass(frozen=True)
class FilterOptions:
    stores: list[tuple[int, str]] = field(default_factory=list)
    lifecycle_stages: list[str] = field(default_factory=list)
    clv_tiers: list[str] = field(default_factory=list)


def filter_options(engine: Engine) -> FilterOptions:
    """Values for the filter drop-downs (stores by name, stages and tiers present in the data)."""
    with engine.connect() as conn:
        stores = [
            (int(i), str(n)) for i, n in conn.exec_driver_sql("SELECT id, name FROM stores ORDER BY name")
        ]
        # Loose index scans (recursive CTE) read one index entry per distinct value, not 1M rows.
        distinct = """
            WITH RECURSIVE v AS (
                (SELECT {col} AS x FROM customer_scores WHERE {col} IS NOT NULL ORDER BY {col} LIMIT 1)
                UNION ALL
                SELECT (SELECT {col} FROM customer_scores WHERE {col} > v.x ORDER BY {col} LIMIT 1)
                FROM v WHERE v.x IS NOT NULL
            ) SELECT x FROM v WHERE x IS NOT NULL
        """
        stages = [r[0] for r in conn.exec_driver_sql(distinct.format(col="lifecycle_stage"))]
        tiers = [r[0] for r in conn.exec_driver_sql(distinct.format(col="clv_tier"))]
    return FilterOptions(stores, stages, tiers)


EXPORT_HEADER = (
    "id",
    "ho_ten",
    "dien_thoai",
    "email",
    "cua_hang",
    "giai_doan",
    "hang_clv",
    "clv_du_bao",
    "tong_chi_tieu",
    "so_don",
    "mua_gan_nhat",
    "diem_tuong_tac",
    "nguy_co_roi_bo",
    "ngay_tao",
)


def export_customers_csv(
    engine: Engine,
    path: Path,
    filt: CustomerFilter = CustomerFilter(),
    *,
    sort: SortKey = SortKey.LAST_PURCHASE,
    descending: bool = True,
    progress: Callable[..., None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write every matching customer to a UTF-8 CSV (with BOM, so Excel shows Vietnamese) via COPY."""
    sql, params = _list_sql(filt, sort, descending, None, None)
    total = count_customers(engine, filt)
    written = 0
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cur, path.open("wb") as out:  # type: ignore[attr-defined]
            out.write("\ufeff".encode())
            out.write((",".join(EXPORT_HEADER) + "\n").encode())
            with cur.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
                for chunk in copy:
                    out.write(chunk)
                    written += bytes(chunk).count(b"\n")
                    if progress:
                        progress(written, total, "")
                    if cancel and cancel():
                        raise InterruptedError("export cancelled")
    finally:
        raw.close()
    return written


@dataclass(frozen=True)
class Composition:
    """How a set of customers splits by stage, tier, home store and preferred category."""

    total: int
    lifecycle: list[tuple[str | None, int]]
    tier: list[tuple[str | None, int]]
    store: list[tuple[str | None, int]]
    category: list[tuple[str | None, int]]


def composition(engine: Engine, filt: CustomerFilter = CustomerFilter()) -> Composition:
    """Counts per lifecycle stage, CLV tier, store and preferred category, in one scan (GROUPING SETS)."""
    params: dict[str, Any] = {}
    conditions = _where(filt, params)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    sql = f"""
        SELECT GROUPING(sc.lifecycle_stage) AS g_stage, GROUPING(sc.clv_tier) AS g_tier,
               GROUPING(s.name) AS g_store, GROUPING(sc.preferred_category) AS g_cat,
               sc.lifecycle_stage, sc.clv_tier, s.name, sc.preferred_category, count(*)
        FROM {_FROM} {where}
        GROUP BY GROUPING SETS ((sc.lifecycle_stage), (sc.clv_tier), (s.name), (sc.preferred_category), ())
    """  # noqa: S608 - only fixed fragments; values are bound parameters
    groups: dict[str, list[tuple[str | None, int]]] = {"stage": [], "tier": [], "store": [], "cat": []}
    total = 0
    with engine.connect() as conn:
        for g_stage, g_tier, g_store, g_cat, stage, tier, store, cat, n in conn.exec_driver_sql(sql, params):
            if g_stage == 0:
                groups["stage"].append((stage, int(n)))
            elif g_tier == 0:
                groups["tier"].append((tier, int(n)))
            elif g_store == 0:
                groups["store"].append((store, int(n)))
            elif g_cat == 0:
                groups["cat"].append((cat, int(n)))
            else:
                total = int(n)
    for values in groups.values():
        values.sort(key=lambda item: -item[1])
    return Composition(total, groups["stage"], groups["tier"], groups["store"], groups["cat"])


def store_choices(engine: Engine) -> list[tuple[str, str]]:
    """(code, name) of every store, by name — for store pickers (segment rules use codes)."""
    with engine.connect() as conn:
        return [
            (str(c), str(n)) for c, n in conn.exec_driver_sql("SELECT code, name FROM stores ORDER BY name")
        ]
