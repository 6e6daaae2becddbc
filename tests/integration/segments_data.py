"""A small, seeded, deliberately awkward dataset for the segment tests (built once per module).

Awkward on purpose: NULLs everywhere, Vietnamese names in both cases, LIKE wildcards in names,
timestamps on Vietnam midnight boundaries, Feb 29 birthdays, cancelled orders, NPS scores that are
strings or booleans, campaign targets without a customer, and membership history with stays
that ended on various days.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert, text

from matviet_desktop.core.db.models import (
    Campaign,
    CampaignTarget,
    Customer,
    CustomerEngagement,
    CustomerScore,
    CustomerSegment,
    Order,
    OrderItem,
    SegmentMembershipHistory,
    SegmentRule,
    Store,
)
from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.text import search_text

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AS_OF = dt.date(2026, 6, 15)
AS_OF_TS = dt.datetime(2026, 6, 15, tzinfo=dt.UTC)  # when the random scores were "computed"
AS_OF_DATES = (AS_OF, dt.date(2026, 2, 27), dt.date(2025, 12, 31), dt.date(2026, 6, 1))
STORE_CODES = ("HN01", "HCM01", "DN01", "CT01")
NAMES = (
    "Nguyễn Văn An",
    "NGUYỄN THỊ ÁNH",
    "Trần Thị Bích",
    "Lê Hoàng Đức",
    "Phạm Đức Đạt",
    "Đỗ Minh Châu",
    "Vũ 100%_Mạnh",
    "Hồ Ngọc Hà",
    "Bùi Thu Trang",
    "Dương Quốc Việt",
)
PROVINCES = ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Cần Thơ", "Hải Phòng", None)
PROMOS = ("SUMMER10", "summer10", "VIP", None, None)
N_CUSTOMERS = 240


def _ts(rng: random.Random, around: dt.date, spread_days: int) -> dt.datetime:
    """A timestamp near `around`; one in five sits exactly on a Vietnam midnight (± 1 µs)."""
    day = around + dt.timedelta(days=rng.randint(-spread_days, spread_days // 4))
    midnight = dt.datetime.combine(day, dt.time(), VN)
    kind = rng.random()
    if kind < 0.1:
        return midnight
    if kind < 0.2:
        return midnight - dt.timedelta(microseconds=1)
    return midnight + dt.timedelta(seconds=rng.randint(0, 86_399))


def _maybe(rng: random.Random, value: Any, p_null: float = 0.15) -> Any:
    return None if rng.random() < p_null else value


def build_dataset(engine: Engine, seed: int = 20261126) -> dict[str, Any]:
    rng = random.Random(seed)
    ids: dict[str, Any] = {}
    with engine.begin() as conn:
        store_ids = [
            conn.execute(
                insert(Store)
                .values(code=code, name=f"Mắt Việt {code}", province="Hà Nội")
                .returning(Store.id)
            ).scalar_one()
            for code in STORE_CODES
        ]
        campaign_ids = [
            conn.execute(
                insert(Campaign).values(name=f"Chiến dịch {kind}", campaign_type=kind).returning(Campaign.id)
            ).scalar_one()
            for kind in ("sms", "zalo", "email")
        ]
        customers, orders, items, engagements, targets = [], [], [], [], []
        for i in range(N_CUSTOMERS):
            cid = uuid.UUID(int=rng.getrandbits(128), version=4)
            name = rng.choice(NAMES)
            phone = _maybe(rng, f"+8490{i:07d}", 0.1)
            email = rng.choice([None, "", f"khach{i}@example.vn"])
            birthday = _maybe(
                rng,
                rng.choice([dt.date(2000, 2, 29), dt.date(1990, 6, 15), dt.date(1985, 6, 20)])
                if rng.random() < 0.3
                else dt.date(rng.randint(1950, 2008), rng.randint(1, 12), rng.randint(1, 28)),
                0.2,
            )
            order_count = rng.choice([0, 0, 1, 1, 2, 3, 5, 8])
            customers.append(
                {
                    "id": cid,
                    "full_name": name,
                    "phone": phone,
                    "email": email,
                    "gender": _maybe(rng, rng.choice(["male", "female", "other"])),
                    "birthday": birthday,
                    "province": rng.choice(PROVINCES),
                    "home_store_id": _maybe(rng, rng.choice(store_ids)),
                    "created_at": _ts(rng, AS_OF, 700),
                    "sms_consent": rng.random() < 0.6,
                    "zalo_consent": rng.random() < 0.4,
                    "email_consent": rng.random() < 0.3,
                    "search_text": search_text(name, phone, email),
                    "lifecycle_stage": _maybe(rng, rng.choice([v.value for v in cat.LIFECYCLE_STAGES])),
                    "clv_predicted": _maybe(rng, Decimal(rng.randint(0, 40_000_000)) / 100 * 100),
                    "clv_formula": _maybe(rng, Decimal(rng.randint(0, 4_000_000_00)) / 100),
                    "clv_tier": _maybe(rng, rng.choice([v.value for v in cat.CLV_TIERS])),
                    "engagement_score": _maybe(rng, rng.randint(0, 100)),
                    "churn_risk": _maybe(rng, Decimal(rng.randint(0, 10000)) / 100),
                    "days_to_next_purchase": _maybe(rng, rng.randint(0, 720)),
                    "p_alive": _maybe(rng, Decimal(rng.randint(0, 10000)) / 10000),
                    "expected_purchases_1y": _maybe(rng, Decimal(rng.randint(0, 50000)) / 10000),
                    "rfm_recency_days": _maybe(rng, rng.randint(0, 1500)),
                    "rfm_r": _maybe(rng, rng.randint(1, 5)),
                    "rfm_f": _maybe(rng, rng.randint(1, 5)),
                    "rfm_m": _maybe(rng, rng.randint(1, 5)),
                    "rfm_segment": _maybe(rng, rng.choice([v.value for v in cat.RFM_SEGMENTS])),
                    "price_sensitivity": _maybe(rng, Decimal(rng.randint(0, 10000)) / 10000),
                    "preferred_channel": _maybe(rng, rng.choice(["in_store", "online", "Online"])),
                    "preferred_category": _maybe(rng, rng.choice([v.value for v in cat.CATEGORIES])),
                    "preferred_store_id": _maybe(rng, rng.choice(store_ids), 0.3),
                    "purchase_timing": _maybe(rng, rng.choice(["weekday", "weekend"])),
                    "order_count": order_count,
                    "total_spent": Decimal(rng.randint(0, 30_000_000)) if order_count else Decimal(0),
                    "avg_order_value": _maybe(rng, Decimal(rng.randint(100_000, 5_000_000)))
                    if order_count
                    else None,
                    "first_purchase_at": _ts(rng, AS_OF, 900) if order_count else None,
                    "last_purchase_at": _ts(rng, AS_OF, 400) if order_count else None,
                    "discount_share": _maybe(rng, Decimal(rng.randint(0, 10000)) / 10000)
                    if order_count
                    else None,
                }
            )
            for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
                oid = uuid.UUID(int=rng.getrandbits(128), version=4)
                orders.append(
                    {
                        "id": oid,
                        "external_id": f"O{len(orders):06d}",
                        "customer_id": cid,
                        "store_id": rng.choice(store_ids),
                        "order_date": _ts(rng, AS_OF, 500),
                        "total_amount": Decimal(rng.choice([0, 150_000, 500_000, 1_000_000, 2_500_000])),
                        "discount_amount": Decimal(0),
                        "status": rng.choice(
                            ["completed", "completed", "completed", "cancelled", "refunded"]
                        ),
                        "channel": rng.choice(["in_store", "website", "phone"]),
                        "promo_code": rng.choice(PROMOS),
                    }
                )
                for category in rng.sample(list(cat.CATEGORY_LABELS), rng.randint(1, 2)):
                    # Sometimes two lines of one category: still one purchase of it.
                    for _ in range(2 if rng.random() < 0.2 else 1):
                        items.append(
                            {
                                "order_id": oid,
                                "category": category,
                                "quantity": 1,
                                "unit_price": Decimal(100_000),
                            }
                        )
            for _ in range(rng.choice([0, 1, 2, 4])):
                kind = rng.choice(["store_visit", "eye_exam", "nps_response", "opt_out"])
                metadata: Any = None
                if kind == "nps_response":
                    metadata = rng.choice(
                        [
                            {"score": rng.randint(0, 10)},
                            {"score": 7.5},
                            {"score": "9"},
                            {"score": True},
                            {},
                            None,
                        ]
                    )
                engagements.append(
                    {
                        "customer_id": cid,
                        "engagement_type": kind,
                        "channel": rng.choice(["in_store", "zalo", None]),
                        "metadata": metadata,
                        "created_at": _ts(rng, AS_OF, 400),
                    }
                )
            for campaign_id in rng.sample(campaign_ids, rng.randint(0, 3)):
                sent = _maybe(rng, _ts(rng, AS_OF, 200), 0.2)
                delivered = sent and _maybe(rng, sent + dt.timedelta(minutes=rng.randint(1, 600)), 0.3)
                opened = delivered and _maybe(rng, delivered + dt.timedelta(hours=rng.randint(1, 60)), 0.5)
                clicked = opened and _maybe(rng, opened + dt.timedelta(hours=rng.randint(0, 30)), 0.5)
                targets.append(
                    {
                        "campaign_id": campaign_id,
                        "customer_id": cid,
                        "sent_at": sent,
                        "delivered_at": delivered,
                        "opened_at": opened,
                        "clicked_at": clicked,
                    }
                )
        # A target whose customer was deleted (customer_id NULL) must never break NOT IN.
        targets.append({"campaign_id": campaign_ids[0], "customer_id": None, "sent_at": _ts(rng, AS_OF, 10)})
        # Scored fields live in customer_scores; one customer in seven has never been scored.
        score_names = set(CustomerScore.__table__.c.keys())
        profile_rows = [{k: v for k, v in c.items() if k not in score_names} for c in customers]
        score_rows = [
            {
                "customer_id": c["id"],
                "scored_at": AS_OF_TS,
                **{k: v for k, v in c.items() if k in score_names},
            }
            for i, c in enumerate(customers)
            if i % 7
        ]
        for i, c in enumerate(customers):
            if not i % 7:
                c.update(dict.fromkeys(score_names - {"customer_id", "scored_at"}))
        conn.execute(insert(Customer), profile_rows)
        conn.execute(insert(CustomerScore), score_rows)
        conn.execute(insert(Order), orders)
        conn.execute(insert(OrderItem), items)
        # Orders edited after their lines were written (status changes, corrected dates): the
        # lines' copies of the order's facts must follow (triggers, migration 0009).
        conn.execute(
            text(
                "UPDATE orders SET order_date = order_date - interval '100 days',"
                " status = CASE status WHEN 'completed' THEN 'refunded' ELSE 'completed' END"
                " WHERE external_id LIKE '%3'"
            )
        )
        conn.execute(insert(CustomerEngagement.__table__), engagements)
        conn.execute(
            insert(CampaignTarget),
            [{"opened_at": None, "delivered_at": None, "clicked_at": None, **t} for t in targets],
        )

        # Two segments with history: stays that started and ended on various days.
        segment_ids = []
        for name in ("Lịch sử A", "Lịch sử B"):
            sid = conn.execute(
                insert(SegmentRule)
                .values(name=name, conditions={"all": []}, segment_type="static")
                .returning(SegmentRule.id)
            ).scalar_one()
            segment_ids.append(sid)
            stays, current = [], []
            for c in rng.sample(customers, 90):
                joined = _ts(rng, AS_OF, 300)
                left = _maybe(rng, joined + dt.timedelta(days=rng.randint(0, 200)), 0.5)
                stays.append(
                    {"customer_id": c["id"], "segment_rule_id": sid, "joined_at": joined, "left_at": left}
                )
                if left is None:
                    current.append({"customer_id": c["id"], "segment_rule_id": sid})
            conn.execute(insert(SegmentMembershipHistory), stays)
            if current:
                conn.execute(insert(CustomerSegment), current)
    ids["stores"] = store_ids
    ids["campaigns"] = campaign_ids
    ids["segments"] = segment_ids
    ids["customers"] = customers
    return ids
