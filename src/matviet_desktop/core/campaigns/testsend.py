"""Test send: the campaign's message, rendered for a sample customer, to staff phones or emails
through the real channel adapter (or a fake provider)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Engine, text

from matviet_desktop.core.campaigns import audience, lifecycle
from matviet_desktop.core.campaigns import content as content_mod


class ChannelLike(Protocol):
    def send(self, message: Any) -> Any: ...


@dataclass(frozen=True)
class TestSendResult:
    destination: str
    ok: bool
    detail: str
    content: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def test_send(engine: Engine, campaign_id: uuid.UUID, destinations: list[str], channel: ChannelLike,
              sample_customer_id: uuid.UUID | None = None) -> list[TestSendResult]:  # fmt: skip
    """Send the campaign's message, rendered for a sample customer, to staff phones/emails."""
    from matviet_desktop.core.channels.base import OutboundMessage  # the sending area's adapter types

    with engine.connect() as conn:
        c = lifecycle.with_defaults(conn, lifecycle.load(conn, campaign_id))
        sample = conn.execute(
            text(
                "SELECT cu.full_name, st.name, cu.province, cu.phone FROM customers cu "
                "LEFT JOIN stores st ON st.id = cu.home_store_id WHERE cu.id = :id"
            ),
            {"id": sample_customer_id},
        ).first()
    values = content_mod.recipient_values(
        sample[0] if sample else None,
        sample[1] if sample else None,
        sample[2] if sample else None,
        promo_code=c["promo_code"],
    )
    advertising = c["purpose"] == "advertising"
    results = []
    for raw in destinations:
        is_email = "@" in raw
        dest = audience.normalise_email(raw) if is_email else audience.normalise_phone(raw)
        if dest is None:
            results.append(TestSendResult(raw, False, "Số điện thoại / email không hợp lệ."))
            continue
        if c["campaign_type"] == "sms":
            body = content_mod.render(lifecycle.final_sms_text(c), values)
        else:
            body = content_mod.render(c.get("message_content") or "", values)
        message = OutboundMessage(
            request_id=f"test{uuid.uuid4().hex}",
            phone=None if is_email else "0" + dest[3:],
            email=dest if is_email else None,
            content=body,
            subject=content_mod.email_subject(c.get("content_subject") or "", advertising=advertising)
            or None,
            template_id=c.get("message_template_id"),
            template_data={
                k: content_mod.render(str(v), values) for k, v in (c.get("template_params") or {}).items()
            },
            campaign_name=f"[TEST] {c['name']}",
            advertising=advertising,
        )
        try:
            outcome = channel.send(message)
        except Exception as exc:
            results.append(TestSendResult(dest, False, f"Lỗi gửi thử: {exc}", body))
            continue
        ok = bool(getattr(outcome, "ok", getattr(outcome, "accepted", True)))
        detail = str(getattr(outcome, "provider_code", "") or getattr(outcome, "message", "") or outcome)
        results.append(TestSendResult(dest, ok, detail, body))
    return results
