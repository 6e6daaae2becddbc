"""The filter every dashboard shares: a date range in Vietnam time and a set of stores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import Engine, text

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(2999, 12, 31)


@dataclass(frozen=True)
class AnalyticsFilter:
    """Inclusive date range (local dates, Asia/Ho_Chi_Minh) and stores (empty = all stores).

    Which timestamp and which store a filter applies to is said by each query: campaigns by their
    start and their targets' home store, orders by order date and order store.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    store_ids: tuple[int, ...] = field(default_factory=tuple)

    @property
    def ts_from(self) -> dt.datetime:
        return dt.datetime.combine(self.date_from or _EARLIEST, dt.time(), VN_TZ)

    @property
    def ts_to(self) -> dt.datetime:
        """Exclusive upper bound: midnight after `date_to`."""
        end = (self.date_to or _LATEST) + dt.timedelta(days=1)
        return dt.datetime.combine(end, dt.time(), VN_TZ)

    def params(self) -> dict[str, Any]:
        """Bind parameters used by the SQL fragments below."""
        return {
            "ts_from": self.ts_from,
            "ts_to": self.ts_to,
            "store_ids": list(self.store_ids),
            "all_stores": not self.store_ids,
        }

    def previous_period(self) -> AnalyticsFilter:
        """The period of equal length just before this one (for growth comparisons)."""
        if self.date_from is None or self.date_to is None:
            raise ValueError("previous_period needs both date_from and date_to")
        days = (self.date_to - self.date_from).days + 1
        return AnalyticsFilter(
            self.date_from - dt.timedelta(days=days), self.date_from - dt.timedelta(days=1), self.store_ids
        )


# Queries spell the two predicates out literally (no SQL built from strings):
#   period: (col >= :ts_from AND col < :ts_to)
#   stores: (:all_stores OR col = ANY(CAST(:store_ids AS integer[])))
# psycopg binds values server-side and PostgreSQL plans each call with them, so `:all_stores OR …`
# folds to true when no store is chosen; a store test that needs the customers table is therefore
# written as `:all_stores OR EXISTS (…)` (dropped entirely then), never as an inner JOIN.


def read_frame(engine: Engine, sql: str, params: dict[str, Any]) -> pd.DataFrame:
    """Run one query and return its rows; numeric columns stay Decimal (money is never float)."""
    with engine.connect() as conn:
        result = conn.execute(text(sql), params)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def ratio(numerator: Any, denominator: Any) -> float | None:
    """A share as float (rates are not money); None when the denominator is zero."""
    if denominator in (None, 0) or pd.isna(denominator):
        return None
    return float(numerator) / float(denominator)


def roi_pct(revenue: Decimal, cost: Decimal) -> Decimal | None:
    """ROI % = (revenue − cost) / cost × 100, rounded to 0.01; None without cost."""
    if not cost:
        return None
    return ((revenue - cost) / cost * 100).quantize(Decimal("0.01"))


def roas(revenue: Decimal, cost: Decimal) -> Decimal | None:
    """Revenue per đồng spent, rounded to 0.01; None without cost."""
    if not cost:
        return None
    return (revenue / cost).quantize(Decimal("0.01"))


def list_stores(engine: Engine) -> list[tuple[int, str]]:
    """(id, "code — name") of every store, for the store filter."""
    frame = read_frame(engine, "SELECT id, code || ' — ' || name AS label FROM stores ORDER BY code", {})
    return [(int(i), str(n)) for i, n in zip(frame["id"], frame["label"], strict=True)]


def object_column(frame: pd.DataFrame, values: list[Any]) -> pd.Series:
    """Exact values (Decimal, None) as an object column aligned with the frame."""
    return pd.Series(values, index=frame.index, dtype=object)
