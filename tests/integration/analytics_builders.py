"""Hand-built rows for the analytics tests: tiny, explicit, every value chosen by the test."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN)


class Rows:
    """Inserts rows with plain SQL and remembers ids by short names."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.ids: dict[str, Any] = {}
        self._orders = 0

    def _exec(self, sql: str, **params: Any) -> Any:
        with self.engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.scalar() if result.returns_rows else None

    def store(self, key: str, code: str, province: str = "Hà Nội") -> int:
        self.ids[key] = self._exec(
            "INSERT INTO stores (code, name, province) VALUES (:c, :n, :p) RETURNING id",
            c=code,
            n=f"Mắt Việt {code}",
            p=province,
        )
        return int(self.ids[key])

    def customer(
        self, key: str, store: str | None = None, phone: str | None = None, **cols: Any
    ) -> uuid.UUID:
        names = ["full_name", "phone", "home_store_id", *cols]
        values = {
            "full_name": f"Khách {key}",
            "phone": phone,
            "home_store_id": self.ids.get(store or ""),
            **cols,
        }
        sql = f"INSERT INTO customers ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)}) RETURNING id"  # noqa: S608 (test-chosen columns)
        self.ids[key] = self._exec(sql, **values)
        return uuid.UUID(str(self.ids[key]))

    def order(
        self, key: str, customer: str, store: str, at: dt.datetime, amount: int, status: str = "completed"
    ) -> uuid.UUID:
        self._orders += 1
        self.ids[key] = self._exec(
            "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, status) "
            "VALUES (:e, :c, :s, :d, :a, :st) RETURNING id",
            e=f"O{self._orders}",
            c=self.ids[customer],
            s=self.ids[store],
            d=at,
            a=Decimal(amount),
            st=status,
        )
        return uuid.UUID(str(self.ids[key]))

    def segment(self, key: str, name: str) -> uuid.UUID:
        self.ids[key] = self._exec(
            "INSERT INTO segment_rules (name, rule_type, conditions) VALUES (:n, 'custom', '{}') RETURNING id",
            n=name,
        )
        return uuid.UUID(str(self.ids[key]))

    def member(self, customer: str, segment: str) -> None:
        self._exec(
            "INSERT INTO customer_segments (customer_id, segment_rule_id) VALUES (:c, :s)",
            c=self.ids[customer],
            s=self.ids[segment],
        )

    def campaign(self, key: str, channel: str, **cols: Any) -> uuid.UUID:
        values = {"name": f"Chiến dịch {key}", "campaign_type": channel, **cols}
        if "segment" in values:
            values["segment_rule_id"] = self.ids[values.pop("segment")]
        names = list(values)
        sql = f"INSERT INTO campaigns ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)}) RETURNING id"  # noqa: S608 (test-chosen columns)
        self.ids[key] = self._exec(sql, **values)
        return uuid.UUID(str(self.ids[key]))

    def target(self, campaign: str, customer: str, status: str, **times: dt.datetime | str | None) -> None:
        values: dict[str, Any] = {
            "campaign_id": self.ids[campaign],
            "customer_id": self.ids[customer],
            "status": status,
            **times,
        }
        names = list(values)
        self._exec(
            f"INSERT INTO campaign_targets ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})",  # noqa: S608
            **values,
        )

    def cost(self, campaign: str, cost_type: str, amount: int) -> None:
        self._exec(
            "INSERT INTO campaign_costs (campaign_id, cost_type, amount) VALUES (:c, :t, :a)",
            c=self.ids[campaign],
            t=cost_type,
            a=Decimal(amount),
        )

    def attribution(
        self, campaign: str, order: str, customer: str, revenue: int, kind: str, days: int = 1
    ) -> None:
        self._exec(
            "INSERT INTO campaign_attributions (campaign_id, order_id, customer_id, attributed_revenue, "
            "attribution_type, days_after_campaign) VALUES (:c, :o, :cu, :r, :k, :d)",
            c=self.ids[campaign],
            o=self.ids[order],
            cu=self.ids[customer],
            r=Decimal(revenue),
            k=kind,
            d=days,
        )

    def engagement(self, customer: str, kind: str, at: dt.datetime, channel: str | None = None) -> None:
        self._exec(
            "INSERT INTO customer_engagements (customer_id, engagement_type, channel, created_at) "
            "VALUES (:c, :k, :ch, :at)",
            c=self.ids[customer],
            k=kind,
            ch=channel,
            at=at,
        )
