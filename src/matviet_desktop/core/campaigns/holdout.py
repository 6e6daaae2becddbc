"""Holdout control groups: how big, and what lift they can detect.

The draw itself happens in SQL when the audience is frozen (`audience.freeze`): eligible targets are
ordered by md5(campaign id ‖ customer id) — random with respect to anything about the customer,
yet reproducible — and the first round(eligible × pct / 100) become `holdout`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy.stats import norm

from matviet_desktop.core.campaigns.audience import holdout_size

MAX_HOLDOUT_PCT = 50.0


@dataclass(frozen=True)
class DetectableLift:
    audience: int
    holdout: int
    treated: int
    baseline_rate: float
    min_detectable_abs: float | None  # conversion-rate difference (0.01 = 1 percentage point)
    min_detectable_rel: float | None  # relative to the baseline rate
    message: str


def detectable_lift(
    audience: int,
    holdout_pct: float,
    baseline_rate: float = 0.05,
    alpha: float = 0.05,
    power: float = 0.8,
) -> DetectableLift:
    """Smallest true conversion lift the split detects with `power` at two-sided level `alpha`.

    Normal approximation for two proportions: MDE = (z₁₋α/₂ + z_power) · √(p(1−p)(1/n_t + 1/n_h)).
    """
    if not 0 < baseline_rate < 1:
        raise ValueError("Tỷ lệ chuyển đổi cơ sở phải nằm giữa 0 và 1 (ví dụ 0.05 = 5 %).")
    holdout = holdout_size(audience, holdout_pct)
    treated = audience - holdout
    if holdout < 1 or treated < 1:
        return DetectableLift(audience, holdout, treated, baseline_rate, None, None,
                              "Không có nhóm đối chứng: không đo được mức tăng.")  # fmt: skip
    z = float(norm.ppf(1 - alpha / 2) + norm.ppf(power))
    p = baseline_rate
    mde = z * math.sqrt(p * (1 - p) * (1 / treated + 1 / holdout))
    rel = mde / p
    message = (
        f"Với {treated:,} khách nhận tin và {holdout:,} khách đối chứng, chiến dịch phát hiện được mức tăng "
        f"tỷ lệ mua từ {mde * 100:.2f} điểm % trở lên (tương đối {rel * 100:.0f} %) khi tỷ lệ cơ sở là "
        f"{p * 100:.1f} %."
    )
    return DetectableLift(audience, holdout, treated, p, mde, rel, message)
