"""Campaign pages: list, wizard, detail with live sending, per-campaign analytics."""

from matviet_desktop.ui.pages.campaigns.page import CampaignsPage

__all__ = ["CampaignsPage"]
