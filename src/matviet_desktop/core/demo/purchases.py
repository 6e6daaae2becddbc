"""Purchases: when each customer buys (latent process), then what each order contains and costs.

The purchase process runs in operational time (see `calendar.OperationalClock`), one vectorised
step per purchase number over all customers still active, so the number of Python iterations is
the largest order count of any customer, not the number of customers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matviet_desktop.core.demo import catalog as cat
from matviet_desktop.core.demo.calendar import (
    SUMMER_MONTHS,
    TET_DATES,
    OperationalClock,
    month_of,
    snap_to_shop_hours,
)
from matviet_desktop.core.demo.population import PERSONAS, Population
from matviet_desktop.core.demo.stores import STORES

CHANNELS = np.array([b"in_store", b"website", b"phone"])
STATUSES = np.array([b"completed", b"cancelled", b"refunded"])
IN_STORE, WEBSITE, PHONE = 0, 1, 2


@dataclass
class PurchaseTimes:
    customer: np.ndarray  # index into the population
    at_s: np.ndarray  # epoch seconds
    dropout_s: np.ndarray  # per customer: when they stopped buying for good, −1 if still active


def draw_purchase_times(
    rng: np.random.Generator, pop: Population, clock: OperationalClock, end_s: int
) -> PurchaseTimes:
    end_op = clock.to_operational(np.array([end_s]))[0]
    t = clock.to_operational(pop.birth_s)
    mean_gap_days = 365.0 / np.maximum(pop.rate_per_year, 1e-3)
    dropout_op = np.full(pop.n, -1.0)
    active = np.arange(pop.n)
    customers: list[np.ndarray] = []
    times: list[np.ndarray] = []
    while active.size:
        customers.append(active)
        times.append(t[active])
        drops = rng.random(active.size) < pop.drop_p[active]
        dropout_op[active[drops]] = t[active[drops]]
        shape = pop.gap_shape[active]
        nxt = t[active] + rng.gamma(shape, mean_gap_days[active] / shape)
        go_on = ~drops & (nxt < end_op)
        t[active[go_on]] = nxt[go_on]
        active = active[go_on]
    customer = np.concatenate(customers)
    op = np.concatenate(times)
    first = np.zeros(customer.size, dtype=bool)
    first[: pop.n] = True  # the first step holds every customer's first purchase
    at_s = np.where(first, pop.birth_s[customer], snap_to_shop_hours(rng, clock.to_calendar(op)))
    at_s = np.clip(at_s, pop.birth_s[customer], end_s - 1)
    # a customer drops out right after their last purchase: use that purchase's exact instant
    last_s = np.zeros(pop.n, dtype=np.int64)
    np.maximum.at(last_s, customer, at_s)
    dropout_s = np.where(dropout_op >= 0, last_s, -1)
    return PurchaseTimes(customer, at_s, dropout_s)


# Public promotion codes (posters, website) and their discount percentages.
PROMO_TET, PROMO_SUMMER, PROMO_BF, PROMO_SCHOOL, PROMO_BIRTHDAY, PROMO_LOYAL, PROMO_ONLINE = range(1, 8)
PROMO_PERCENT = {
    PROMO_TET: 15,
    PROMO_SUMMER: 20,
    PROMO_BF: 30,
    PROMO_SCHOOL: 15,
    PROMO_BIRTHDAY: 10,
    PROMO_LOYAL: 10,
    PROMO_ONLINE: 10,
}
MEMBER_DISCOUNT_PERCENT = 5


@dataclass
class Orders:
    customer: np.ndarray
    at_s: np.ndarray
    store_idx: np.ndarray
    channel: np.ndarray
    status: np.ndarray
    promo_code: np.ndarray  # S, b'' for none
    discount_amount: np.ndarray  # int64 VND
    total_amount: np.ndarray  # int64 VND actually paid
    has_exam: np.ndarray  # bool: an eye exam was part of the visit
    # items
    item_order: np.ndarray
    item_product: np.ndarray  # 1-based product id
    item_category: np.ndarray  # S
    item_quantity: np.ndarray
    item_unit_price: np.ndarray
    item_discount: np.ndarray

    @property
    def n(self) -> int:
        return int(self.customer.size)


def build_orders(
    rng: np.random.Generator,
    pop: Population,
    catalog: cat.Catalog,
    customer: np.ndarray,
    at_s: np.ndarray,
    campaign_code: np.ndarray,
    campaign_percent: np.ndarray,
    start_s: int,
    end_s: int,
) -> Orders:
    """Orders for (customer, instant) pairs, sorted by time; campaign orders carry their own code."""
    order = np.lexsort((customer, at_s))
    customer, at_s = customer[order], at_s[order]
    campaign_code, campaign_percent = campaign_code[order], campaign_percent[order]
    n = customer.size

    online_home = np.array([s.online for s in STORES])[pop.store_idx[customer]]
    progress = (at_s - start_s) / max(end_s - start_s, 1)
    u = rng.random(n)
    p_web = np.where(online_home, 0.85, 0.02 + 0.06 * progress)
    channel = np.where(u < p_web, WEBSITE, np.where(u < p_web + 0.03, PHONE, IN_STORE)).astype(np.int8)

    store_idx = _order_store(rng, pop, customer, at_s, channel)
    months = month_of(at_s)
    main = _main_category(rng, pop, customer, months)
    percent, code = _promotions(rng, pop, customer, at_s, months, channel)
    has_campaign = campaign_code != b""
    percent = np.where(has_campaign, campaign_percent, percent)
    code = np.where(has_campaign, campaign_code, code)

    items = _items(rng, pop, catalog, customer, main)
    item_order, product, qty = items
    unit = catalog.price[product - 1]
    gross = unit * qty
    item_discount = (np.round(gross * percent[item_order] / 100 / 1000) * 1000).astype(np.int64)
    discount = np.bincount(item_order, weights=item_discount, minlength=n).astype(np.int64)
    total = np.bincount(item_order, weights=gross, minlength=n).astype(np.int64) - discount
    kinds = catalog.kind[product - 1]
    has_exam = np.zeros(n, dtype=bool)
    has_exam[item_order[(kinds == cat.EXAM_FREE) | (kinds == cat.EXAM_PAID)]] = True

    u = rng.random(n)
    cancel_p = np.where(channel == WEBSITE, 0.05, 0.02)
    status = np.where(u < cancel_p, 1, np.where(u < cancel_p + 0.013, 2, 0)).astype(np.int8)
    categories = np.array([c.encode() for c in (cat.KIND_CATEGORY[k] for k in range(8))], dtype="S14")
    return Orders(
        customer,
        at_s,
        store_idx,
        channel,
        status,
        code,
        discount,
        total,
        has_exam,
        item_order,
        product,
        categories[kinds],
        qty,
        unit,
        item_discount,
    )


def _order_store(
    rng: np.random.Generator, pop: Population, customer: np.ndarray, at_s: np.ndarray, channel: np.ndarray
) -> np.ndarray:
    n = customer.size
    web = next(i for i, s in enumerate(STORES) if s.online)
    home = pop.store_idx[customer].astype(np.int64)
    physical_home = np.where(home == web, pop.province_store_idx[customer], home)
    weights = np.array([0.0 if s.online else s.weight for s in STORES])
    other = np.searchsorted(np.cumsum(weights), rng.random(n) * weights.sum(), side="right")
    opened_s = np.array([np.datetime64(s.opened_at, "s").astype(np.int64) for s in STORES])
    elsewhere = (rng.random(n) < 0.12) & (opened_s[other] <= at_s)
    store = np.where(elsewhere, other, physical_home)
    return np.where(channel == WEBSITE, web, store).astype(np.int16)


def _main_category(
    rng: np.random.Generator, pop: Population, customer: np.ndarray, months: np.ndarray
) -> np.ndarray:
    mix = np.array([p.category_mix for p in PERSONAS])[pop.persona[customer]]
    summer = np.isin(months, SUMMER_MONTHS)
    mix[:, 1] *= np.where(summer, 1.9, 0.8)  # sunglasses
    mix[:, 0] *= np.where(np.isin(months, (1, 2, 8, 9)), 1.2, 1.0)  # Tết and back to school
    cum = np.cumsum(mix, axis=1)
    return (rng.random(customer.size)[:, None] * cum[:, -1:] > cum).sum(axis=1).astype(np.int8)


def _promotions(
    rng: np.random.Generator,
    pop: Population,
    customer: np.ndarray,
    at_s: np.ndarray,
    months: np.ndarray,
    channel: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    n = customer.size
    propensity = np.array([p.promo_propensity for p in PERSONAS])[pop.persona[customer]]
    local_days = (at_s + 7 * 3600) // 86400
    tet_days = np.array([np.datetime64(d, "D").astype(np.int64) for d in TET_DATES.values()])
    to_tet = tet_days[np.searchsorted(tet_days, local_days).clip(0, tet_days.size - 1)] - local_days
    year = (local_days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970).astype("S4")
    kind = np.where((to_tet >= 0) & (to_tet <= 21), PROMO_TET, 0)
    kind = np.where((kind == 0) & np.isin(months, (5, 6, 7)), PROMO_SUMMER, kind)
    kind = np.where((kind == 0) & (months == 11), PROMO_BF, kind)
    kind = np.where((kind == 0) & np.isin(months, (8, 9)), PROMO_SCHOOL, kind)
    birthday_month = np.where(
        pop.birthday_days[customer] >= 0, month_of(pop.birthday_days[customer] * 86400), 0
    )
    kind = np.where((kind == 0) & (birthday_month == months), PROMO_BIRTHDAY, kind)
    kind = np.where(kind == 0, np.where(channel == WEBSITE, PROMO_ONLINE, PROMO_LOYAL), kind)
    seasonal_boost = np.where(np.isin(kind, (PROMO_TET, PROMO_BF)), 1.6, 1.0)
    uses = rng.random(n) < np.clip(propensity * seasonal_boost, 0, 0.9)
    yy = np.strings.slice(year, 2, 4)
    names = {
        PROMO_TET: np.strings.add(b"TET", year),
        PROMO_SUMMER: np.strings.add(b"HE", year),
        PROMO_BF: np.strings.add(b"BLACKFRIDAY", yy),
        PROMO_SCHOOL: np.strings.add(b"BACK2SCHOOL", yy),
        PROMO_BIRTHDAY: np.full(n, b"SINHNHAT"),
        PROMO_LOYAL: np.full(n, b"KHTHANTHIET"),
        PROMO_ONLINE: np.full(n, b"ONLINE10"),
    }
    code = np.full(n, b"", dtype="S20")
    percent = np.zeros(n)
    for k, codes in names.items():
        m = uses & (kind == k)
        code[m] = codes[m]
        percent[m] = PROMO_PERCENT[k]
    member = ~uses & (rng.random(n) < 0.05)  # member discount without a code
    percent[member] = MEMBER_DISCOUNT_PERCENT
    return percent, code


def _items(
    rng: np.random.Generator, pop: Population, catalog: cat.Catalog, customer: np.ndarray, main: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order index, product id, quantity) per item, grouped by order."""
    n = customer.size
    q = pop.tier_q[customer]
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def add(
        orders: np.ndarray,
        kind: int,
        qty: np.ndarray | None = None,
        noise: float = 0.12,
        tier: np.ndarray | None = None,
    ) -> None:
        ids = catalog.ids_of_kind(kind)
        # most customers buy in the lower half of each price range; q**1.6 skews the choice that way
        position = (q[orders] ** 1.6 if tier is None else tier) + rng.normal(0, noise, orders.size)
        product = ids[np.clip((position * ids.size).astype(np.int64), 0, ids.size - 1)]
        parts.append((orders, product, np.ones(orders.size, dtype=np.int64) if qty is None else qty))

    idx = np.arange(n)
    glasses, sun, contacts, acc, exam = (idx[main == k] for k in range(5))
    add(glasses, cat.FRAME)
    add(glasses, cat.LENS, noise=0.2)
    add(glasses[rng.random(glasses.size) < 0.45], cat.EXAM_FREE)
    add(sun, cat.SUNGLASSES, qty=1 + (rng.random(sun.size) < 0.08))
    # contact lens wearers stick to one product: the position comes from the customer, not the order
    favourite = (pop.tier_q * 7.3) % 1.0
    add(
        contacts,
        cat.CONTACTS,
        qty=1 + rng.poisson(0.8, contacts.size),
        noise=0.0,
        tier=favourite[customer[contacts]],
    )
    add(contacts[rng.random(contacts.size) < 0.5], cat.SOLUTION, noise=0.3)
    add(exam, cat.EXAM_PAID, noise=0.4, tier=np.full(exam.size, 0.5))
    add(acc, cat.ACCESSORY, noise=0.4, tier=np.full(acc.size, 0.5))
    add(acc[rng.random(acc.size) < 0.35], cat.SOLUTION, noise=0.4)
    extra = np.concatenate([glasses[rng.random(glasses.size) < 0.25], sun[rng.random(sun.size) < 0.15]])
    add(extra, cat.ACCESSORY, noise=0.4, tier=np.full(extra.size, 0.4))
    orders = np.concatenate([p[0] for p in parts])
    product = np.concatenate([p[1] for p in parts])
    qty = np.concatenate([p[2] for p in parts]).astype(np.int64)
    by_order = np.argsort(orders, kind="stable")
    return orders[by_order], product[by_order], qty[by_order]
