"""Cost estimate in VND (parts × price per carrier and route) and the budget guard.

Prices are contract-specific (messaging-apis.md §1.9 only has eSMS sample prices), so the defaults
below are placeholders taken from those samples; the real price list is the JSON setting
`campaigns.prices` in `app_settings` with the same shape.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text

PRICES_SETTING = "campaigns.prices"

# route → carrier → VND per SMS part (or per message for ZNS/email); 'other' is the fallback.
DEFAULT_PRICES: dict[str, dict[str, Decimal]] = {
    "sms_advertising": {"viettel": Decimal(790), "mobifone": Decimal(790), "vinaphone": Decimal(790),
                        "vietnamobile": Decimal(790), "gmobile": Decimal(790), "other": Decimal(790)},
    "sms_customer_care": {"viettel": Decimal(850), "mobifone": Decimal(850), "vinaphone": Decimal(850),
                          "vietnamobile": Decimal(850), "gmobile": Decimal(850), "other": Decimal(850)},
    "zns": {"other": Decimal(220)},
    "email": {"other": Decimal(0)},
}  # fmt: skip

# National prefix (0 + two digits) → carrier (messaging-apis.md §5.2; a hint only: numbers port).
CARRIER_PREFIXES: dict[str, str] = {
    **{p: "viettel" for p in ("031", "032", "033", "034", "035", "036", "037", "038", "039",
                              "086", "096", "097", "098")},
    **{p: "mobifone" for p in ("030", "051", "070", "076", "077", "078", "079", "089", "090", "093")},
    **{p: "vinaphone" for p in ("081", "082", "083", "084", "085", "087", "088", "091", "094")},
    **{p: "vietnamobile" for p in ("052", "056", "058", "092")},
    **{p: "gmobile" for p in ("059", "099")},
}  # fmt: skip


def carrier_for(national_phone: str | None) -> str:
    return CARRIER_PREFIXES.get((national_phone or "")[:3], "other")


def route_for(channel: str, purpose: str) -> str:
    if channel == "sms":
        return "sms_advertising" if purpose == "advertising" else "sms_customer_care"
    return "zns" if channel in ("zns", "zalo") else "email"


def load_prices(conn: Connection) -> dict[str, dict[str, Decimal]]:
    stored = conn.execute(
        text("SELECT value FROM app_settings WHERE key = :k"), {"k": PRICES_SETTING}
    ).scalar()
    prices = {route: dict(table) for route, table in DEFAULT_PRICES.items()}
    for route, table in (stored or {}).items():
        prices.setdefault(route, {}).update({carrier: Decimal(str(v)) for carrier, v in table.items()})
    return prices


def unit_price(prices: dict[str, dict[str, Decimal]], route: str, carrier: str) -> Decimal:
    table = prices.get(route, {})
    return table.get(carrier, table.get("other", Decimal(0)))


@dataclass(frozen=True)
class CostLine:
    route: str
    carrier: str
    recipients: int
    parts: int
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class CostEstimate:
    total: Decimal
    recipients: int
    parts_per_message: int
    lines: list[CostLine] = field(default_factory=list)


def estimate(
    recipients_by_prefix: dict[str, int],
    *,
    channel: str,
    purpose: str,
    parts_per_message: int,
    prices: dict[str, dict[str, Decimal]],
) -> CostEstimate:
    """Sum parts × price over carriers; `recipients_by_prefix` maps national prefixes ('091') to counts."""
    route = route_for(channel, purpose)
    per_carrier: dict[str, int] = {}
    for prefix, n in recipients_by_prefix.items():
        carrier = carrier_for(prefix) if channel == "sms" else "other"
        per_carrier[carrier] = per_carrier.get(carrier, 0) + n
    parts = parts_per_message if channel == "sms" else 1
    lines = []
    for carrier, n in sorted(per_carrier.items()):
        price = unit_price(prices, route, carrier)
        lines.append(CostLine(route, carrier, n, parts, price, price * n * parts))
    total = sum((line.amount for line in lines), Decimal(0))
    return CostEstimate(total, sum(per_carrier.values()), parts, lines)


@dataclass(frozen=True)
class BudgetCheck:
    ok: bool
    budget: Decimal | None
    spent: Decimal
    committed: Decimal  # spent + estimate of what is still queued
    message: str


def budget_check(conn: Connection, campaign_id: uuid.UUID, remaining_estimate: Decimal) -> BudgetCheck:
    """Budget guard: is spent + the estimate of what is still to send within the budget?"""
    row = conn.execute(
        text(
            "SELECT c.budget, coalesce((SELECT sum(amount) FROM campaign_costs k WHERE k.campaign_id = c.id), 0) "
            "FROM campaigns c WHERE c.id = :id"
        ),
        {"id": campaign_id},
    ).one()
    budget, spent = row[0], Decimal(row[1])
    committed = spent + remaining_estimate
    if budget is None:
        return BudgetCheck(True, None, spent, committed, "Không giới hạn ngân sách.")
    ok = committed <= budget
    message = (
        f"Trong ngân sách: dự kiến {committed:,.0f} ₫ / {budget:,.0f} ₫."
        if ok
        else f"Vượt ngân sách: dự kiến {committed:,.0f} ₫ nhưng ngân sách chỉ {budget:,.0f} ₫. "
        "Hãy tăng ngân sách hoặc thu hẹp tập khách hàng."
    )
    return BudgetCheck(ok, budget, spent, committed, message)


def record_cost(
    conn: Connection, campaign_id: uuid.UUID, cost_type: str, amount: Decimal, description: str
) -> None:
    """Add a cost line (design, vouchers, …) and keep `campaigns.total_cost` current."""
    conn.execute(
        text(
            "INSERT INTO campaign_costs (campaign_id, cost_type, amount, description) VALUES (:c, :t, :a, :d)"
        ),
        {"c": campaign_id, "t": cost_type, "a": amount, "d": description},
    )
    refresh_total_cost(conn, campaign_id)


def refresh_total_cost(conn: Connection, campaign_id: uuid.UUID) -> Decimal:
    total = conn.execute(
        text(
            "UPDATE campaigns c SET total_cost = coalesce((SELECT sum(amount) FROM campaign_costs k "
            "WHERE k.campaign_id = c.id), 0), updated_at = now() WHERE c.id = :id RETURNING total_cost"
        ),
        {"id": campaign_id},
    ).scalar_one()
    return Decimal(total)


def prices_as_json(prices: dict[str, dict[str, Decimal]]) -> dict[str, Any]:
    return {route: {c: int(p) for c, p in table.items()} for route, table in prices.items()}
