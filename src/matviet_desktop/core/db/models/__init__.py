"""ORM models, one module per area. Importing this package registers every table."""

from matviet_desktop.core.db.models.campaigns import (
    Campaign,
    CampaignAttribution,
    CampaignCost,
    CampaignTarget,
)
from matviet_desktop.core.db.models.customers import Customer, CustomerEngagement, DemoTruth
from matviet_desktop.core.db.models.orders import Order, OrderItem
from matviet_desktop.core.db.models.reference import AppSetting, Product, Store
from matviet_desktop.core.db.models.scoring import CustomerLifecycleHistory, ScoringRun
from matviet_desktop.core.db.models.segments import (
    CustomerSegment,
    SegmentMembershipHistory,
    SegmentRule,
    SegmentSizeHistory,
)

__all__ = [
    "AppSetting",
    "Campaign",
    "CampaignAttribution",
    "CampaignCost",
    "CampaignTarget",
    "Customer",
    "CustomerEngagement",
    "CustomerLifecycleHistory",
    "CustomerSegment",
    "DemoTruth",
    "Order",
    "OrderItem",
    "Product",
    "ScoringRun",
    "SegmentMembershipHistory",
    "SegmentRule",
    "SegmentSizeHistory",
    "Store",
]
