"""The engagement timeline: purchases, eye exams, store visits, NPS answers, campaign touches, opt-outs.

Rows are built as parallel numpy columns ready for COPY (see `core/db/bulk.py`); metadata is JSON
text assembled from byte strings (keys and values never need escaping).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matviet_desktop.core.db import bulk
from matviet_desktop.core.demo.calendar import OperationalClock, snap_to_shop_hours
from matviet_desktop.core.demo.marketing import CampaignPlan, CampaignTargets, Consents
from matviet_desktop.core.demo.population import Population
from matviet_desktop.core.demo.purchases import CHANNELS, STATUSES, Orders

DAY = 86400
NPS_SCORES = np.arange(11)
NPS_WEIGHTS = np.array([1, 0.5, 0.8, 1, 1.5, 3, 4, 9, 16, 22, 41], dtype=float)
VISIT_PURPOSES = np.array([b"consultation", b"adjustment", b"warranty", b"browse", b"pickup"])


@dataclass
class EngagementRows:
    customer: np.ndarray
    type: np.ndarray  # S
    channel: np.ndarray  # S, NULL marker allowed
    reference: np.ndarray  # S36 uuid text or NULL
    metadata: np.ndarray  # S json or NULL
    at_s: np.ndarray

    @property
    def n(self) -> int:
        return int(self.customer.size)


def _json(*pairs: tuple[bytes, np.ndarray, bool]) -> np.ndarray:
    """{"k": v, …} from (key, values, quoted) triples."""
    out: np.ndarray | bytes = b"{"
    for i, (key, values, quoted) in enumerate(pairs):
        prefix = (b", " if i else b"") + b'"' + key + b'": ' + (b'"' if quoted else b"")
        out = np.strings.add(np.strings.add(out, prefix), values)
        if quoted:
            out = np.strings.add(out, b'"')
    return np.strings.add(out, b"}")


def _uniform_in_life(
    rng: np.random.Generator, pop: Population, dropout_s: np.ndarray, end_s: int, rate_per_year: float
) -> tuple[np.ndarray, np.ndarray]:
    """Poisson events at `rate_per_year` between registration and dropout (or the end)."""
    life_end = np.where(dropout_s >= 0, np.minimum(dropout_s + 60 * DAY, end_s), end_s)
    years = np.maximum(life_end - pop.birth_s, 0) / (365.25 * DAY)
    counts = rng.poisson(rate_per_year * years)
    customer = np.repeat(np.arange(pop.n), counts)
    span = (life_end - pop.birth_s)[customer]
    at = pop.birth_s[customer] + (rng.random(customer.size) * span).astype(np.int64)
    at = np.clip(snap_to_shop_hours(rng, at), pop.birth_s[customer], end_s - 1)
    return customer, at


def build_engagements(
    rng: np.random.Generator,
    pop: Population,
    orders: Orders,
    order_ids: np.ndarray,
    order_numbers: np.ndarray,
    dropout_s: np.ndarray,
    consents: Consents,
    plans: list[CampaignPlan],
    targets: CampaignTargets,
    campaign_ids: np.ndarray,
    clock: OperationalClock,
    end_s: int,
) -> EngagementRows:
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    null = bulk.NULL
    store_id = bulk.int_text(orders.store_idx.astype(np.int64) + 1)

    # purchases (cancelled orders never became purchases)
    real = np.flatnonzero(orders.status != 1)
    meta = _json(
        (b"order_no", order_numbers[real], True),
        (b"amount", bulk.int_text(orders.total_amount[real]), False),
        (b"store_id", store_id[real], False),
        (b"status", STATUSES[orders.status[real]], True),
    )
    parts.append(
        (
            orders.customer[real],
            np.full(real.size, b"purchase"),
            CHANNELS[orders.channel[real]],
            order_ids[real],
            meta,
            orders.at_s[real],
        )
    )

    # eye exams at the counter before the order was written up
    ex = np.flatnonzero(orders.has_exam)
    meta = _json((b"store_id", store_id[ex], False), (b"with_order", np.full(ex.size, b"true"), False))
    at = np.maximum(
        orders.at_s[ex] - rng.integers(900, 2700, ex.size), pop.birth_s[orders.customer[ex]] - 2700
    )
    parts.append(
        (
            orders.customer[ex],
            np.full(ex.size, b"eye_exam"),
            np.full(ex.size, b"in_store"),
            np.full(ex.size, null),
            meta,
            at,
        )
    )

    home_store = bulk.int_text(pop.province_store_idx.astype(np.int64) + 1)
    # eye exams without a purchase, and plain store visits
    c, at = _uniform_in_life(rng, pop, dropout_s, end_s, 0.12)
    meta = _json((b"store_id", home_store[c], False), (b"with_order", np.full(c.size, b"false"), False))
    parts.append(
        (c, np.full(c.size, b"eye_exam"), np.full(c.size, b"in_store"), np.full(c.size, null), meta, at)
    )
    c, at = _uniform_in_life(rng, pop, dropout_s, end_s, 0.35)
    purpose = VISIT_PURPOSES[rng.choice(VISIT_PURPOSES.size, c.size, p=[0.35, 0.25, 0.1, 0.2, 0.1])]
    meta = _json((b"store_id", home_store[c], False), (b"purpose", purpose, True))
    parts.append(
        (c, np.full(c.size, b"store_visit"), np.full(c.size, b"in_store"), np.full(c.size, null), meta, at)
    )

    # NPS survey answers a few days after some completed orders
    done = np.flatnonzero(orders.status == 0)
    asked = done[rng.random(done.size) < 0.12]
    at = orders.at_s[asked] + rng.integers(DAY, 5 * DAY, asked.size)
    keep = at < end_s
    asked, at = asked[keep], at[keep]
    score = rng.choice(NPS_SCORES.size, asked.size, p=NPS_WEIGHTS / NPS_WEIGHTS.sum())
    via_zalo = consents.granted["zalo"][orders.customer[asked]]
    meta = _json((b"score", bulk.int_text(score), False), (b"order_no", order_numbers[asked], True))
    parts.append(
        (
            orders.customer[asked],
            np.full(asked.size, b"nps_response"),
            np.where(via_zalo, b"zalo", b"sms"),
            order_ids[asked],
            meta,
            at,
        )
    )

    # campaign touches, referencing the campaign
    channel_of = np.array([p.channel.encode() for p in plans], dtype="S8")
    camp_ref = campaign_ids[targets.campaign] if targets.campaign.size else np.empty(0, dtype="S36")
    camp_channel = channel_of[targets.campaign] if targets.campaign.size else np.empty(0, dtype="S8")
    for kind, times in (
        (b"campaign_sent", targets.sent_s),
        (b"campaign_opened", targets.opened_s),
        (b"campaign_clicked", targets.clicked_s),
    ):
        m = np.flatnonzero(times >= 0)
        meta = _json((b"status", np.full(m.size, kind[9:]), True))
        parts.append(
            (targets.customer[m], np.full(m.size, kind), camp_channel[m], camp_ref[m], meta, times[m])
        )

    # SMS opt-outs (STOP replies)
    out = np.flatnonzero(consents.sms_opt_out_s >= 0)
    meta = _json((b"consent", np.full(out.size, b"sms"), True))
    parts.append(
        (
            out,
            np.full(out.size, b"opt_out"),
            np.full(out.size, b"sms"),
            np.full(out.size, null),
            meta,
            consents.sms_opt_out_s[out],
        )
    )

    # kept grouped by kind (no global sort): the (customer_id, created_at) index serves timelines
    return EngagementRows(
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
        np.concatenate([p[3] for p in parts]),
        np.concatenate([p[4] for p in parts]),
        np.concatenate([p[5] for p in parts]),
    )
