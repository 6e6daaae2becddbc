"""ORM models, one module per area. Importing this package registers every table."""

from matviet_desktop.core.db.models import customer_list  # noqa: F401  (list/search indexes)
from matviet_desktop.core.db.models.analytics import SegmentRevenueDaily, SegmentRevenueRollupState
from matviet_desktop.core.db.models.campaigns import (
    Campaign,
    CampaignAttribution,
    CampaignAudienceMember,
    CampaignAudienceUpload,
    CampaignCost,
    CampaignTarget,
)
from matviet_desktop.core.db.models.customers import (
    Customer,
    CustomerEngagement,
    CustomerScore,
    DemoTruth,
)
from matviet_desktop.core.db.models.importing import (
    ConsentEvent,
    CustomerMerge,
    DoNotContact,
    DuplicateCandidate,
    Import,
    ImportReject,
)
from matviet_desktop.core.db.models.orders import (
    Order,
    OrderItem,
)
from matviet_desktop.core.db.models.reference import (
    AppSetting,
    Product,
    Store,
)
from matviet_desktop.core.db.models.scoring import (
    CustomerLifecycleHistory,
    ScoringRun,
)
from matviet_desktop.core.db.models.segments import (
    CustomerSegment,
    SegmentMembershipHistory,
    SegmentRule,
    SegmentSizeHistory,
)
from matviet_desktop.core.db.models.sending import (
    OAuthToken,
    ProviderSetting,
    RateBucket,
    SendAttempt,
    SendBatch,
    SendWorker,
)

__all__ = [
    "AppSetting",
    "Campaign",
    "CampaignAttribution",
    "CampaignAudienceMember",
    "CampaignAudienceUpload",
    "CampaignCost",
    "CampaignTarget",
    "ConsentEvent",
    "Customer",
    "CustomerScore",
    "CustomerEngagement",
    "CustomerLifecycleHistory",
    "CustomerMerge",
    "CustomerSegment",
    "DemoTruth",
    "DoNotContact",
    "DuplicateCandidate",
    "Import",
    "ImportReject",
    "OAuthToken",
    "Order",
    "OrderItem",
    "Product",
    "ProviderSetting",
    "RateBucket",
    "ScoringRun",
    "SegmentMembershipHistory",
    "SegmentRevenueDaily",
    "SegmentRevenueRollupState",
    "SegmentRule",
    "SegmentSizeHistory",
    "SendAttempt",
    "SendBatch",
    "SendWorker",
    "Store",
]
