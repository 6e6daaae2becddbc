"""An independent in-memory evaluator of rules, used by the differential tests.

It loads a (small) database into plain Python and evaluates a rule customer by customer, written
straight from the semantics in docs/segments.md and sharing no code with the SQL compiler (only
the parsed rule tree and `core.text.fold`, which is the definition of text folding). Not for
production use: it reads whole tables.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from matviet_desktop.core.segments.rules import (
    AllOf,
    AnyOf,
    EventCondition,
    FieldCondition,
    Node,
    Not,
    SegmentCondition,
    parse_rule,
)
from matviet_desktop.core.text import fold

_VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _local_day(ts: dt.datetime) -> dt.date:
    return ts.astimezone(_VN).date()


@dataclass
class Snapshot:
    customers: list[dict[str, Any]]
    store_codes: dict[int, str]
    purchases: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)
    campaign_rows: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)
    campaign_types: dict[uuid.UUID, str] = field(default_factory=dict)
    engagement_rows: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)
    current_members: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)
    stays: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)


def load_snapshot(engine: Engine) -> Snapshot:
    with engine.connect() as conn:

        def rows(sql: str) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(text(sql))]

        snap = Snapshot(
            customers=rows(
                "SELECT s.*, c.* FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id"
            ),
            store_codes={r["id"]: r["code"] for r in rows("SELECT id, code FROM stores")},
        )
        categories: dict[uuid.UUID, set[str]] = defaultdict(set)
        for item in rows("SELECT order_id, category FROM order_items"):
            categories[item["order_id"]].add(item["category"])
        purchases = defaultdict(list)
        for o in rows("SELECT * FROM orders"):
            o["categories"] = categories[o["id"]]
            purchases[o["customer_id"]].append(o)
        snap.purchases = dict(purchases)
        campaign_rows = defaultdict(list)
        for t in rows("SELECT * FROM campaign_targets"):
            campaign_rows[t["customer_id"]].append(t)
        snap.campaign_rows = dict(campaign_rows)
        snap.campaign_types = {
            r["id"]: r["campaign_type"] for r in rows("SELECT id, campaign_type FROM campaigns")
        }
        engagement_rows = defaultdict(list)
        for e in rows("SELECT * FROM customer_engagements"):
            engagement_rows[e["customer_id"]].append(e)
        snap.engagement_rows = dict(engagement_rows)
        members: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for m in rows("SELECT customer_id, segment_rule_id FROM customer_segments"):
            members[m["segment_rule_id"]].add(m["customer_id"])
        snap.current_members = dict(members)
        stays = defaultdict(list)
        for h in rows("SELECT * FROM segment_membership_history"):
            stays[h["segment_rule_id"]].append(h)
        snap.stays = dict(stays)
    return snap


class Evaluator:
    def __init__(self, snapshot: Snapshot, as_of: dt.date | None = None) -> None:
        self.snap = snapshot
        self.live = as_of is None
        self.as_of = as_of or dt.datetime.now(_VN).date()

    def members(self, rule: Any) -> set[uuid.UUID]:
        node = parse_rule(rule)
        return {c["id"] for c in self.snap.customers if self.matches(node, c)}

    def matches(self, node: Node, c: dict[str, Any]) -> bool:
        if isinstance(node, AllOf):
            return all(self.matches(ch, c) for ch in node.children)
        if isinstance(node, AnyOf):
            return any(self.matches(ch, c) for ch in node.children)
        if isinstance(node, Not):
            return not self.matches(node.child, c)
        if isinstance(node, FieldCondition):
            return self.field(node, c)
        if isinstance(node, EventCondition):
            n = sum(1 for e in self.events(node, c["id"]) if self.in_window(e, node.within_last_days))
            return {"gte": n >= node.count, "lte": n <= node.count, "eq": n == node.count}[node.count_op]
        if isinstance(node, SegmentCondition):
            return (c["id"] in self.segment(node.segment)) == node.member
        raise TypeError(node)

    # --- fields --------------------------------------------------------------------------------

    def value_of(self, name: str, c: dict[str, Any]) -> Any:
        if name == "search":
            return c["search_text"]
        if name == "has_email":
            return bool(c["email"])
        if name == "has_phone":
            return bool(c["phone"])
        if name in ("sms_consent", "zalo_consent", "email_consent"):
            return bool(c[name])
        if name == "home_store_code":
            return self.snap.store_codes.get(c["home_store_id"]) if c["home_store_id"] else None
        if name == "preferred_store_code":
            return self.snap.store_codes.get(c["preferred_store_id"]) if c["preferred_store_id"] else None
        return c[name]

    def field(self, cond: FieldCondition, c: dict[str, Any]) -> bool:
        from matviet_desktop.core.segments.catalogue import FIELDS, FieldType

        ftype = FIELDS[cond.field].type
        v = self.value_of(cond.field, c)
        op, target = cond.op, cond.value
        if op == "is_null":
            return v is None
        if op == "is_not_null":
            return v is not None
        if op == "ne":
            return not self.field(FieldCondition(cond.field, "eq", target), c)
        if op == "not_in":
            return not self.field(FieldCondition(cond.field, "in", target), c)
        if v is None:
            return False
        if ftype == FieldType.SEARCH:  # stored already folded
            return v.startswith(fold(target)) if op == "starts_with" else fold(target) in v
        if ftype == FieldType.TEXT:
            v = fold(v)
            if op == "contains":
                return fold(target) in v
            if op == "starts_with":
                return v.startswith(fold(target))
            if op == "in":
                return v in {fold(t) for t in target}
            return v == fold(target)
        if ftype == FieldType.DATETIME:
            v = _local_day(v)
        if ftype in (FieldType.DATE, FieldType.DATETIME):
            if op == "within_last_days":
                return self.as_of - dt.timedelta(days=target) <= v <= self.as_of
            if op == "more_than_days_ago":
                return v < self.as_of - dt.timedelta(days=target)
            if op == "anniversary_within_days":
                return self.anniversary(v, target)
        if op == "in":
            return v in target
        if op == "between":
            return target[0] <= v <= target[1]
        return {
            "eq": v == target,
            "lt": v < target,
            "lte": v <= target,
            "gt": v > target,
            "gte": v >= target,
        }[op]

    def anniversary(self, day: dt.date, days: int) -> bool:
        for k in range(days + 1):
            d = self.as_of + dt.timedelta(days=k)
            if (day.month, day.day) == (d.month, d.day):
                return True
            if (
                (day.month, day.day) == (2, 29)
                and (d.month, d.day) == (2, 28)
                and not calendar.isleap(d.year)
            ):
                return True
        return False

    # --- events --------------------------------------------------------------------------------

    def in_window(self, at: dt.datetime, within: int | None) -> bool:
        day = _local_day(at)
        if day > self.as_of:
            return False
        return within is None or day >= self.as_of - dt.timedelta(days=within)

    def events(self, cond: EventCondition, customer_id: uuid.UUID) -> list[dt.datetime]:
        where = dict(cond.where)
        if cond.event == "purchase":
            out = []
            for o in self.snap.purchases.get(customer_id, []):
                if o["status"] != "completed":
                    continue
                if "category" in where and where["category"] not in o["categories"]:
                    continue
                if "store_code" in where and self.snap.store_codes.get(o["store_id"]) != where["store_code"]:
                    continue
                if "channel" in where and o["channel"] != where["channel"]:
                    continue
                if "min_amount" in where and not o["total_amount"] >= where["min_amount"]:
                    continue
                if "promo_code" in where and (o["promo_code"] or "").upper() != where["promo_code"].upper():
                    continue
                if "promo_code" in where and o["promo_code"] is None:
                    continue
                if "weekend" in where and (_local_day(o["order_date"]).isoweekday() >= 6) != where["weekend"]:
                    continue
                out.append(o["order_date"])
            return out
        if cond.event.startswith("campaign_"):
            column = cond.event.removeprefix("campaign_") + "_at"
            out = []
            for t in self.snap.campaign_rows.get(customer_id, []):
                if t[column] is None:
                    continue
                if "campaign_id" in where and str(t["campaign_id"]) != where["campaign_id"]:
                    continue
                if "channel" in where and self.snap.campaign_types.get(t["campaign_id"]) != where["channel"]:
                    continue
                out.append(t[column])
            return out
        out = []
        for e in self.snap.engagement_rows.get(customer_id, []):
            if e["engagement_type"] != cond.event:
                continue
            if cond.event == "nps_response" and ("min_score" in where or "max_score" in where):
                score = (e["metadata"] or {}).get("score")
                if isinstance(score, bool) or not isinstance(score, int | float | Decimal):
                    continue
                if "min_score" in where and not score >= where["min_score"]:
                    continue
                if "max_score" in where and not score <= where["max_score"]:
                    continue
            out.append(e["created_at"])
        return out

    # --- segments ------------------------------------------------------------------------------

    def segment(self, segment_id: uuid.UUID) -> set[uuid.UUID]:
        if self.live:
            return self.snap.current_members.get(segment_id, set())
        return {
            s["customer_id"]
            for s in self.snap.stays.get(segment_id, [])
            if _local_day(s["joined_at"]) <= self.as_of
            and (s["left_at"] is None or _local_day(s["left_at"]) > self.as_of)
        }
