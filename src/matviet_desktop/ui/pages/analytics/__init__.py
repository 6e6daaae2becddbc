"""Analytics dashboards (plan 3.1–3.3 and model health)."""

from matviet_desktop.ui.pages.analytics.page import AnalyticsPage

__all__ = ["AnalyticsPage"]
