"""Hand-built rows for the analytics tests: tiny, explicit, every value chosen by the test."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from matviet_desktop.core.db.models import CustomerScore

SCORE_COLUMNS = set(CustomerScore.__table__.c.keys())

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
        scored = {k: cols.pop(k) for k in list(cols) if k in SCORE_COLUMNS}
        names = ["full_name", "phone", "home_store_id", *cols]
        values = {
            "full_name": f"Khách {key}",
            "phone": phone,
            "home_store_id": self.ids.get(store or ""),
            **cols,
        }
        sql = f"INSERT INTO customers ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)}) RETURNING id"  # noqa: S608 (test-chosen columns)
        self.ids[key] = self._exec(sql, **values)
        if scored:
            names = list(scored)
            self._exec(
                f"INSERT INTO customer_scores (customer_id, scored_at, {', '.join(names)}) "  # noqa: S608 (test-chosen columns)
                f"VALUES (:customer_id, now(), {', '.join(':' + n for n in names)}) RETURNING customer_id",
                customer_id=self.ids[key],
                **scored,
            )
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
        self,
        campaign: str,
        order: str,
        customer: str,
        revenue: int,
        kind: str,
        days: int = 1,
        model: str = "last_touch",
    ) -> None:
        self._exec(
            "INSERT INTO campaign_attributions (campaign_id, order_id, customer_id, attributed_revenue, "
            "attribution_type, days_after_campaign, model) VALUES (:c, :o, :cu, :r, :k, :d, :m)",
            c=self.ids[campaign],
            o=self.ids[order],
            cu=self.ids[customer],
            r=Decimal(revenue),
            k=kind,
            d=days,
            m=model,
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

    def membership(
        self, customer: str, segment: str, joined: dt.datetime, left: dt.datetime | None = None
    ) -> None:
        self._exec(
            "INSERT INTO segment_membership_history (customer_id, segment_rule_id, joined_at, left_at) "
            "VALUES (:c, :s, :j, :l)",
            c=self.ids[customer],
            s=self.ids[segment],
            j=joined,
            l=left,
        )

    def stage(self, customer: str, stage: str, start: dt.datetime, end: dt.datetime | None = None) -> None:
        self._exec(
            "INSERT INTO customer_lifecycle_history (customer_id, stage, valid_from, valid_to) "
            "VALUES (:c, :s, :f, :t)",
            c=self.ids[customer],
            s=stage,
            f=start,
            t=end,
        )


def campaign_scenario(r: Rows) -> Rows:
    """Two campaigns in March–April 2026 and an old draft; see test_analytics_campaign_performance."""
    r.store("hn", "HN01")
    r.store("hcm", "HCM01", "Hồ Chí Minh")
    r.customer("c1", "hn", "+84961234567", lifecycle_stage="loyal")
    r.customer("c2", "hn", "+84901234567", lifecycle_stage="active")
    r.customer("c3", "hcm", "+84911234567", lifecycle_stage="at_risk")
    r.customer("c4", "hcm", "+84321234567")
    r.customer("c5", "hn", "+84981234567")
    r.segment("vip", "Khách VIP")

    # Campaign A: SMS to the VIP segment; one failure, one excluded, one holdout.
    r.campaign("A", "sms", status="completed", started_at=vn(2026, 3, 10), segment="vip")
    sent = vn(2026, 3, 10, 10, 0)
    r.target(
        "A",
        "c1",
        "delivered",
        sent_at=sent,
        delivered_at=vn(2026, 3, 10, 10, 1),
        clicked_at=vn(2026, 3, 11, 6, 0),
    )  # 23:00 UTC on the 10th: local day is the 11th
    r.target("A", "c2", "delivered", sent_at=sent, delivered_at=vn(2026, 3, 10, 10, 2))
    r.target("A", "c3", "failed", sent_at=sent)
    r.target("A", "c4", "excluded")
    r.target("A", "c5", "holdout")
    r.cost("A", "sms", 2_400)
    r.cost("A", "design", 100_000)
    r.order("o1", "c1", "hn", vn(2026, 3, 11), 1_500_000)
    r.order("o2", "c2", "hn", vn(2026, 3, 12), 800_000)
    r.order("o3", "c5", "hn", vn(2026, 3, 12), 700_000)
    r.attribution("A", "o1", "c1", 1_500_000, "direct")
    r.attribution("A", "o2", "c2", 800_000, "influenced", 2)
    r.attribution("A", "o3", "c5", 700_000, "holdout", 2)  # holdout orders never count as revenue
    r.attribution("A", "o1", "c1", 1_500_000, "direct", model="first_touch")  # not the campaign's model

    # Campaign B: Zalo, cost only on the campaign row.
    r.campaign("B", "zalo", status="completed", started_at=vn(2026, 4, 5), total_cost=Decimal(50_000))
    r.target(
        "B",
        "c3",
        "delivered",
        sent_at=vn(2026, 4, 5),
        delivered_at=vn(2026, 4, 5, 10, 5),
        opened_at=vn(2026, 4, 5, 12, 0),
    )
    r.order("o4", "c3", "hcm", vn(2026, 4, 6), 900_000)
    r.attribution("B", "o4", "c3", 900_000, "influenced")

    # Campaign C: an old draft outside the period.
    r.campaign("C", "email", status="draft", created_at=vn(2025, 12, 1))
    return r


def segment_scenario(r: Rows) -> Rows:
    """Two stores, four customers, two segments with members joining and leaving around March
    2026, and orders inside, before and around those stays (one cancelled)."""
    r.store("hn", "HN01")
    r.store("hcm", "HCM01", "Hồ Chí Minh")
    for key, store in (("k1", "hn"), ("k2", "hn"), ("k3", "hcm"), ("k4", "hcm")):
        r.customer(key, store)
    r.segment("S1", "Trung thành")
    r.segment("S2", "Có nguy cơ")
    r.membership("k1", "S1", vn(2026, 1, 1))
    r.membership("k2", "S1", vn(2026, 1, 1), vn(2026, 3, 15))
    r.membership("k2", "S2", vn(2026, 3, 15))
    r.membership("k3", "S2", vn(2026, 2, 1))
    r.membership("k4", "S1", vn(2026, 3, 20))
    r.order("o1", "k1", "hn", vn(2026, 3, 5), 1_000_000)
    r.order("o2", "k2", "hn", vn(2026, 3, 10), 2_000_000)  # still in S1 then
    r.order("o3", "k2", "hn", vn(2026, 3, 20), 500_000)  # in S2 by then
    r.order("o4", "k3", "hcm", vn(2026, 3, 21), 300_000)
    r.order("o5", "k1", "hn", vn(2026, 2, 10), 400_000)  # previous period (29/01–28/02)
    r.order("o6", "k3", "hcm", vn(2026, 1, 15), 999_000)  # before the previous period
    r.order("o7", "k4", "hcm", vn(2026, 3, 10), 700_000)  # before k4 joined S1
    r.order("o8", "k1", "hn", vn(2026, 3, 6), 5_000_000, status="cancelled")
    return r
