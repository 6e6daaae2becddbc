"""Drafts the campaign wizard edits, and duplication from the campaign list.

The service creates campaigns from a full spec; the wizard re-saves its spec as the user goes
back and forth, so an unlaunched draft is replaced (deleted and created again in one call).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import Engine, text

from matviet_desktop.core.campaigns import service
from matviet_desktop.core.campaigns.lifecycle import CampaignError, Problem


def delete_draft(engine: Engine, campaign_id: uuid.UUID) -> bool:
    """Delete a campaign that never left the draft state (targets and uploads cascade)."""
    with engine.begin() as conn:
        deleted = conn.execute(
            text("DELETE FROM campaigns WHERE id = :id AND status = 'draft' RETURNING id"),
            {"id": campaign_id},
        ).first()
    return deleted is not None


def save_draft(engine: Engine, spec: dict[str, Any], previous_id: uuid.UUID | None = None) -> service.Created:
    """Create the draft for `spec`, replacing `previous_id` when it is still a draft."""
    created = service.create(engine, {**spec, "schedule": None})
    if previous_id is not None:
        delete_draft(engine, previous_id)
    return created


_COPY_COLUMNS = (
    "description, campaign_type, purpose, target_type, segment_rule_id, message_content, content_subject, "
    "message_template_id, template_params, channel_settings, exclusion_segment_ids, budget, attribution_days, "
    "holdout_pct, promo_code, attribution_model, provider, provider_account, cost_per_message"
)


def duplicate(engine: Engine, campaign_id: uuid.UUID, name_suffix: str = " (bản sao)") -> uuid.UUID:
    """A new draft with the same definition (channel, audience rule, content, budget, holdout);
    manual and CSV audiences are copied too. Targets, costs and results are not."""
    with engine.begin() as conn:
        new_id = conn.execute(
            text(
                "INSERT INTO campaigns (name, status, " + _COPY_COLUMNS + ") "  # noqa: S608 (fixed column list)
                "SELECT left(name || :suffix, 255), 'draft', "
                + _COPY_COLUMNS
                + " FROM campaigns WHERE id = :id "
                "RETURNING id"
            ),
            {"id": campaign_id, "suffix": name_suffix},
        ).scalar()
        if new_id is None:
            raise CampaignError([Problem("campaign", "Không tìm thấy chiến dịch cần nhân bản.")])
        conn.execute(
            text(
                "INSERT INTO campaign_audience_members (campaign_id, customer_id, source) "
                "SELECT :new, customer_id, source FROM campaign_audience_members WHERE campaign_id = :id"
            ),
            {"new": new_id, "id": campaign_id},
        )
    return uuid.UUID(str(new_id))


def spec_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec, ensure_ascii=False, default=str)
