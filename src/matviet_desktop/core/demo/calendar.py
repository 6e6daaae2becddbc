"""Retail seasonality of a Vietnamese eyewear chain, as a daily intensity.

Shopping peaks in the three weeks before Tết (new glasses for the new year) and collapses during
the first days of Tết when shops close; weekends are busier; there is a summer and back-to-school
bump and a November/December promotion season (11.11, Black Friday, 12.12). The generator draws
events in "operational time" and maps them onto calendar days through the cumulative intensity,
so a uniform process becomes a seasonal one without rejection sampling.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

# Mùng 1 Tết (lunar new year's day).
TET_DATES: dict[int, dt.date] = {
    2015: dt.date(2015, 2, 19),
    2016: dt.date(2016, 2, 8),
    2017: dt.date(2017, 1, 28),
    2018: dt.date(2018, 2, 16),
    2019: dt.date(2019, 2, 5),
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6),
    2028: dt.date(2028, 1, 26),
    2029: dt.date(2029, 2, 13),
    2030: dt.date(2030, 2, 3),
    2031: dt.date(2031, 1, 23),
    2032: dt.date(2032, 2, 11),
}

# Monday … Sunday
WEEKDAY_FACTOR = np.array([0.85, 0.85, 0.9, 0.9, 1.0, 1.3, 1.35])
# January … December (summer, back to school, year-end promotions)
MONTH_FACTOR = np.array([1.0, 0.9, 0.85, 0.9, 1.0, 1.15, 1.2, 1.2, 1.05, 0.95, 1.05, 1.15])
# Shares of purchases by local hour 8:00 … 21:00 (shops open 8:30–22:00).
HOUR_WEIGHTS = np.array([1, 3, 5, 6, 5, 4, 4, 5, 6, 7, 9, 10, 8, 5], dtype=float)
HOUR_OFFSET = 8
VN_UTC_OFFSET_SECONDS = 7 * 3600
SUMMER_MONTHS = (5, 6, 7, 8)


def day_grid(start: dt.date, end: dt.date) -> np.ndarray:
    """Every day in [start, end) as datetime64[D]."""
    return np.arange(np.datetime64(start, "D"), np.datetime64(end, "D"))


def daily_intensity(days: np.ndarray) -> np.ndarray:
    """Relative shopping intensity per day (mean about 1)."""
    dates = days.astype("datetime64[D]")
    weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
    months = dates.astype("datetime64[M]").astype(np.int64) % 12
    intensity = WEEKDAY_FACTOR[weekday] * MONTH_FACTOR[months]
    for tet in TET_DATES.values():
        offset = (dates - np.datetime64(tet, "D")).astype(np.int64)
        intensity = np.where((offset >= -21) & (offset < -2), intensity * 1.7, intensity)
        intensity = np.where((offset >= -2) & (offset < 0), intensity * 1.2, intensity)
        intensity = np.where((offset >= 0) & (offset < 4), intensity * 0.15, intensity)
        intensity = np.where((offset >= 4) & (offset < 8), intensity * 0.7, intensity)
    month_day = dates - dates.astype("datetime64[M]")
    md = month_day.astype(np.int64) + 1
    promo = ((months == 10) & (md >= 10) & (md <= 11)) | ((months == 11) & (md >= 11) & (md <= 12))
    promo |= (months == 10) & (md >= 24) & (md <= 30)  # Black Friday week
    intensity = np.where(promo, intensity * 1.5, intensity)
    return intensity / intensity.mean()


class OperationalClock:
    """Maps calendar seconds ↔ operational days through the cumulative daily intensity."""

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.days = day_grid(start, end)
        self.intensity = daily_intensity(self.days)
        self.start_s = int(self.days[0].astype("datetime64[s]").astype(np.int64))
        self.cum = np.concatenate([[0.0], np.cumsum(self.intensity)])  # operational days at day edges
        self.edges_s = self.start_s + 86400 * np.arange(self.days.size + 1, dtype=np.int64)

    def to_operational(self, seconds: np.ndarray) -> np.ndarray:
        return np.interp(seconds, self.edges_s, self.cum)

    def to_calendar(self, operational: np.ndarray) -> np.ndarray:
        return np.interp(operational, self.cum, self.edges_s).astype(np.int64)

    @property
    def total(self) -> float:
        return float(self.cum[-1])


def draw_local_hour_seconds(rng: np.random.Generator, n: int) -> np.ndarray:
    """Seconds after local midnight for n shop visits (hour by HOUR_WEIGHTS, minute uniform)."""
    hours = rng.choice(HOUR_WEIGHTS.size, size=n, p=HOUR_WEIGHTS / HOUR_WEIGHTS.sum()) + HOUR_OFFSET
    return hours * 3600 + rng.integers(0, 3600, size=n)


def snap_to_shop_hours(rng: np.random.Generator, seconds: np.ndarray) -> np.ndarray:
    """Keep the calendar day (Vietnam time) of each instant, redraw the time of day within shop hours."""
    local_day = (seconds + VN_UTC_OFFSET_SECONDS) // 86400
    return local_day * 86400 - VN_UTC_OFFSET_SECONDS + draw_local_hour_seconds(rng, seconds.size)


def month_of(seconds: np.ndarray) -> np.ndarray:
    """Calendar month 1–12 (Vietnam time) of epoch seconds."""
    local = (seconds + VN_UTC_OFFSET_SECONDS).astype("datetime64[s]")
    return local.astype("datetime64[M]").astype(np.int64) % 12 + 1
