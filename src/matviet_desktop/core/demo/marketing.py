"""Marketing consent per channel, and the chain's past campaigns with their targets and outcomes.

Campaigns of the last two years: Tết SMS, summer sunglasses on Zalo, back to school on Zalo,
Black Friday by email, and a quarterly "time for your yearly eye check" reminder to customers whose
first purchase was about a year earlier. Delivery outcomes follow channel-typical rates; numbers
that are not current mobiles fail on SMS, as they do with real providers. Delivered messages to
customers who are still active lead to a few extra orders with the campaign's code within the
attribution window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from matviet_desktop.core.demo.calendar import TET_DATES, snap_to_shop_hours
from matviet_desktop.core.demo.population import Population
from matviet_desktop.core.demo.vn_phones import PHONE_KIND_MOBILE

DAY = 86400


@dataclass
class Consents:
    granted: dict[str, np.ndarray]  # channel → bool
    at_s: dict[str, np.ndarray]  # channel → epoch seconds, −1 if never recorded
    source: dict[str, np.ndarray]  # channel → S source, b'' if none
    sms_opt_out_s: np.ndarray  # when an SMS consent was withdrawn (STOP reply), −1 if not


def draw_consents(rng: np.random.Generator, pop: Population, end_s: int) -> Consents:
    n = pop.n
    has_phone = pop.phone_kind >= 0
    mobile = pop.phone_kind == PHONE_KIND_MOBILE
    has_email = pop.email != b""
    granted: dict[str, np.ndarray] = {}
    at: dict[str, np.ndarray] = {}
    source: dict[str, np.ndarray] = {}

    sms = has_phone & (rng.random(n) < 0.70)
    granted["sms"] = sms
    at["sms"] = np.where(sms, pop.birth_s, -1)
    sms_sources = np.array([b"in_store_form", b"website", b"hotline", b"pos_import"])
    source["sms"] = np.where(sms, sms_sources[rng.choice(4, n, p=[0.72, 0.1, 0.05, 0.13])], b"")
    opt_out = sms & (rng.random(n) < 0.03)
    opt_out_s = np.where(opt_out, pop.birth_s + (rng.random(n) * (end_s - pop.birth_s)).astype(np.int64), -1)
    granted["sms"] = sms & ~opt_out
    at["sms"] = np.where(opt_out, opt_out_s, at["sms"])
    source["sms"] = np.where(opt_out, b"sms_stop_reply", source["sms"])

    zalo = mobile & (rng.random(n) < 0.45)
    zalo_at = pop.birth_s + (rng.exponential(120, n) * DAY).astype(np.int64)  # follow the Zalo OA later
    zalo &= zalo_at < end_s
    granted["zalo"] = zalo
    at["zalo"] = np.where(zalo, zalo_at, -1)
    source["zalo"] = np.where(zalo, b"zalo_oa_follow", b"")

    email = has_email & (rng.random(n) < 0.55)
    granted["email"] = email
    at["email"] = np.where(email, pop.birth_s, -1)
    source["email"] = np.where(email, np.where(rng.random(n) < 0.6, b"in_store_form", b"website_signup"), b"")
    return Consents(granted, at, source, opt_out_s)


@dataclass(frozen=True)
class CampaignPlan:
    name: str
    description: str
    channel: str  # sms, zalo, email
    code: str
    percent: int
    start_s: int
    audience: str  # 'sample' or 'reminder'
    fraction: float
    message: str


def plan_campaigns(end: dt.date) -> list[CampaignPlan]:
    """Campaigns whose send date falls in the two years before `end`."""
    first = end - dt.timedelta(days=730)
    plans: list[CampaignPlan] = []

    def at(day: dt.date, hour: int = 9) -> int:
        return (
            int((dt.datetime(day.year, day.month, day.day, hour) - dt.datetime(1970, 1, 1)).total_seconds())
            - 7 * 3600
        )

    for year in range(first.year, end.year + 1):
        yy = f"{year % 100:02d}"
        tet = TET_DATES.get(year)
        candidates = []
        if tet:
            candidates.append(
                CampaignPlan(
                    f"Tết {year}: tri ân khách hàng",
                    "Giảm 15% gọng và tròng kính trước Tết",
                    "sms",
                    f"SMSTET{yy}",
                    15,
                    at(tet - dt.timedelta(days=20)),
                    "sample",
                    0.12,
                    f"Mat Viet chuc mung nam moi! Giam 15% gong & trong kinh den het 29 Tet. Ma SMSTET{yy}. Tu choi: soan TC gui 8079",
                )
            )
        candidates += [
            CampaignPlan(
                f"Hè {year}: kính mát chống UV",
                "Zalo ZNS giới thiệu bộ sưu tập kính mát hè",
                "zalo",
                f"ZHE{yy}",
                20,
                at(dt.date(year, 5, 20), 10),
                "sample",
                0.15,
                f"Mắt Việt: Hè rực rỡ – kính mát chống UV400 giảm 20% với mã ZHE{yy}, áp dụng đến 30/6.",
            ),
            CampaignPlan(
                f"Back to school {year}",
                "Đo mắt miễn phí cho học sinh, giảm 15% kính cận",
                "zalo",
                f"ZB2S{yy}",
                15,
                at(dt.date(year, 8, 5), 10),
                "sample",
                0.10,
                f"Mắt Việt: Mùa tựu trường – đo mắt miễn phí cho học sinh, giảm 15% kính cận với mã ZB2S{yy}.",
            ),
            CampaignPlan(
                f"Black Friday {year}",
                "Email khuyến mãi Black Friday toàn hệ thống",
                "email",
                f"EBF{yy}",
                30,
                at(dt.date(year, 11, 20), 8),
                "sample",
                0.40,
                f"Black Friday tại Mắt Việt: giảm đến 30% gọng kính và kính mát. Nhập mã EBF{yy} tại cửa hàng hoặc matviet.vn.",
            ),
        ]
        for quarter_month in (1, 4, 7, 10):
            candidates.append(
                CampaignPlan(
                    f"Nhắc tái khám mắt Q{(quarter_month - 1) // 3 + 1}/{year}",
                    "Nhắc khách đã mua kính khoảng 12 tháng trước đi đo lại mắt",
                    "zalo",
                    f"ZKHAM{yy}Q{(quarter_month - 1) // 3 + 1}",
                    10,
                    at(dt.date(year, quarter_month, 15), 9),
                    "reminder",
                    0.6,
                    "Mắt Việt: Đã khoảng một năm từ lần đo mắt gần nhất của anh/chị. Mời ghé cửa hàng đo mắt miễn phí, giảm 10% khi thay tròng.",
                )
            )
        plans += [c for c in candidates if at(first) <= c.start_s < at(end) - 10 * DAY]
    return sorted(plans, key=lambda c: c.start_s)


COST_PER_MESSAGE = {"sms": 800, "zalo": 350, "email": 30}  # VND, typical eSMS brandname / ZNS / ESP prices
# Statuses of the sending engine's outbox: opens and clicks are the opened_at/clicked_at times of a
# delivered message, and a message with no delivery report stays "accepted".
TARGET_STATUSES = np.array([b"accepted", b"delivered", b"failed", b"delivered", b"delivered"])
SENT, DELIVERED, FAILED, OPENED, CLICKED = range(5)


@dataclass
class CampaignTargets:
    campaign: np.ndarray  # index into the plans
    customer: np.ndarray
    status: np.ndarray  # index into TARGET_STATUSES
    sent_s: np.ndarray
    delivered_s: np.ndarray  # −1 when not delivered
    opened_s: np.ndarray
    clicked_s: np.ndarray
    error: np.ndarray  # S, b'' when none
    # extra orders caused by the campaigns
    order_customer: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    order_s: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    order_campaign: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))


def draw_targets(
    rng: np.random.Generator,
    pop: Population,
    consents: Consents,
    dropout_s: np.ndarray,
    plans: list[CampaignPlan],
    end_s: int,
) -> CampaignTargets:
    cols: dict[str, list[np.ndarray]] = {
        k: [] for k in ("campaign", "customer", "status", "sent", "delivered", "opened", "clicked", "error")
    }
    order_cols: dict[str, list[np.ndarray]] = {"customer": [], "at": [], "campaign": []}
    for k, plan in enumerate(plans):
        t = plan.start_s
        if plan.channel == "sms":  # consented at registration, unless they replied STOP before t
            opt_out = consents.sms_opt_out_s
            eligible = (consents.granted["sms"] | (opt_out >= 0)) & ((opt_out < 0) | (opt_out > t))
        else:
            at_s = consents.at_s[plan.channel]
            eligible = consents.granted[plan.channel] & (at_s >= 0) & (at_s <= t)
        eligible &= pop.birth_s < t
        if plan.audience == "reminder":
            eligible &= (pop.birth_s >= t - 410 * DAY) & (pop.birth_s < t - 320 * DAY)
        chosen = np.flatnonzero(eligible & (rng.random(pop.n) < plan.fraction))
        m = chosen.size
        sent = t + rng.integers(0, 2 * 3600, m)
        fail_p = {"sms": 0.02, "zalo": 0.06, "email": 0.03}[plan.channel]
        failed = rng.random(m) < fail_p
        if plan.channel == "sms":
            failed |= pop.phone_kind[chosen] != PHONE_KIND_MOBILE  # retired or landline numbers bounce
        delivered = ~failed & (rng.random(m) < (0.96 if plan.channel != "email" else 0.98))
        open_p = {"sms": 0.0, "zalo": 0.55, "email": 0.24}[plan.channel]
        opened = delivered & (rng.random(m) < open_p)
        clicked = opened & (rng.random(m) < (0.12 if plan.channel == "zalo" else 0.15))
        delivered_s = np.where(delivered, sent + rng.integers(3, 180, m), -1)
        opened_s = np.where(opened, delivered_s + (rng.exponential(3 * 3600, m)).astype(np.int64), -1)
        clicked_s = np.where(clicked, opened_s + rng.integers(5, 600, m), -1)
        status = np.select([clicked, opened, delivered, failed], [CLICKED, OPENED, DELIVERED, FAILED], SENT)
        errors = {
            "sms": "Số điện thoại không hợp lệ hoặc thuê bao không liên lạc được".encode(),
            "zalo": "Người dùng chưa quan tâm OA hoặc đã chặn tin".encode(),
            "email": "Địa chỉ email không tồn tại (hard bounce)".encode(),
        }
        cols["campaign"].append(np.full(m, k))
        cols["customer"].append(chosen)
        cols["status"].append(status.astype(np.int8))
        cols["sent"].append(sent)
        cols["delivered"].append(delivered_s)
        cols["opened"].append(opened_s)
        cols["clicked"].append(clicked_s)
        cols["error"].append(np.where(failed, errors[plan.channel], b""))

        still_buying = (dropout_s[chosen] < 0) | (dropout_s[chosen] > t)
        base = {"sms": 0.025, "zalo": 0.03, "email": 0.012}[plan.channel]
        p = np.where(clicked, 0.2, np.where(opened, base * 2, base)) * delivered * still_buying
        responds = rng.random(m) < p
        when = sent[responds] + (np.minimum(rng.exponential(2.5, responds.sum()), 6.5) * DAY).astype(np.int64)
        when = np.maximum(snap_to_shop_hours(rng, when), sent[responds] + 600)
        ok = when < end_s
        order_cols["customer"].append(chosen[responds][ok])
        order_cols["at"].append(when[ok])
        order_cols["campaign"].append(np.full(int(ok.sum()), k))

    def cat(values: list[np.ndarray], dtype: object) -> np.ndarray:
        return np.concatenate(values).astype(dtype) if values else np.empty(0, dtype=dtype)  # type: ignore[call-overload]

    return CampaignTargets(
        cat(cols["campaign"], np.int64),
        cat(cols["customer"], np.int64),
        cat(cols["status"], np.int8),
        cat(cols["sent"], np.int64),
        cat(cols["delivered"], np.int64),
        cat(cols["opened"], np.int64),
        cat(cols["clicked"], np.int64),
        cat(cols["error"], "S128"),
        cat(order_cols["customer"], np.int64),
        cat(order_cols["at"], np.int64),
        cat(order_cols["campaign"], np.int64),
    )
