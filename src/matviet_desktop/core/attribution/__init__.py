"""Revenue attribution (last touch, first touch, linear, holdout window) and campaign KPIs."""

from matviet_desktop.core.attribution.kpis import CampaignReport, Lift, campaign_report, compare
from matviet_desktop.core.attribution.models import MODELS, RefreshResult, refresh

__all__ = ["MODELS", "CampaignReport", "Lift", "RefreshResult", "campaign_report", "compare", "refresh"]
