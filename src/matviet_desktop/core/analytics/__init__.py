"""Analytics queries behind the dashboards (plan 3.1–3.3).

Qt-free and set-based: every function aggregates in PostgreSQL and returns a DataFrame or a
dataclass. Every function takes an `AnalyticsFilter` (date range in Vietnam time, stores).
"""

from matviet_desktop.core.analytics.filters import VN_TZ, AnalyticsFilter

__all__ = ["VN_TZ", "AnalyticsFilter"]
