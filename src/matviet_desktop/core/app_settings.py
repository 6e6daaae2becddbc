"""Shared application settings stored in `app_settings` (JSON values, never secrets).

The settings screen edits scoring thresholds here (`scoring.<field>` rows that
`core.scoring.settings.load_settings` reads); other areas may keep their rows under their own
prefix. Validation is per field and says in Vietnamese what is allowed.
"""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import Engine, text

from matviet_desktop.core.scoring.settings import PREFIX as SCORING_PREFIX
from matviet_desktop.core.scoring.settings import ScoringSettings, load_settings

# Scoring fields staff may edit from the settings screen: name → (label, minimum, maximum).
EDITABLE_SCORING: dict[str, tuple[str, float, float]] = {
    "new_within_days": ("Khách mới: lần mua đầu trong (ngày)", 1, 365),
    "loyal_min_orders": ("Trung thành: số đơn tối thiểu", 2, 100),
    "loyal_within_days": ("Trung thành: đã mua trong (ngày)", 1, 730),
    "at_risk_overdue_days": ("Có nguy cơ: trễ hạn mua dự kiến (ngày)", 1, 730),
    "churned_overdue_days": ("Rời bỏ: trễ hạn mua dự kiến (ngày)", 1, 1825),
    "reactivated_within_days": ("Quay lại: trong (ngày) sau khi mua lại", 1, 730),
    "clv_horizon_years": ("CLV: số năm dự báo", 0.5, 10),
    "annual_discount_rate": ("CLV: lãi suất chiết khấu/năm (0–1)", 0, 1),
    "formula_lifespan_years": ("CLV công thức: số năm gắn bó", 0.5, 20),
    "churn_horizon_days": ("Rời bỏ: khung thời gian dự báo (ngày)", 30, 1825),
    "engagement_half_life_days": ("Điểm tương tác: chu kỳ bán rã (ngày)", 7, 1825),
}


class SettingsInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def scoring_settings(engine: Engine) -> ScoringSettings:
    with engine.connect() as conn:
        return load_settings(conn)


def save_scoring_settings(engine: Engine, values: dict[str, float]) -> ScoringSettings:
    """Validate and store scoring overrides; returns the effective settings afterwards."""
    defaults = ScoringSettings()
    errors: dict[str, str] = {}
    clean: dict[str, float | int] = {}
    for name, value in values.items():
        if name not in EDITABLE_SCORING:
            errors[name] = "Không chỉnh được trường này từ màn hình cài đặt."
            continue
        label, low, high = EDITABLE_SCORING[name]
        if not low <= float(value) <= high:
            errors[name] = f"{label}: phải từ {low:g} đến {high:g}."
            continue
        clean[name] = int(value) if isinstance(getattr(defaults, name), int) else float(value)
    if errors:
        raise SettingsInvalid(errors)
    with engine.begin() as conn:
        for name, value in clean.items():
            conn.execute(
                text(
                    "INSERT INTO app_settings (key, value, description) VALUES (:k, CAST(:v AS jsonb), :d) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()"
                ),
                {"k": SCORING_PREFIX + name, "v": json.dumps(value), "d": EDITABLE_SCORING[name][0]},
            )
        return load_settings(conn)


def reset_scoring_settings(engine: Engine) -> ScoringSettings:
    """Back to the built-in defaults (drops every `scoring.*` override)."""
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM app_settings WHERE key LIKE :p"), {"p": SCORING_PREFIX + "%"})
        return load_settings(conn)


def scoring_field_values(settings: ScoringSettings) -> dict[str, float]:
    data = dataclasses.asdict(settings)
    return {name: float(data[name]) for name in EDITABLE_SCORING}
