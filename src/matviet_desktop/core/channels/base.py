"""The adapter interface every channel implements.

A channel sends one frozen message (or, for eSMS advertising, one frozen batch) and answers
with a `SendResult`; it never touches the database. `dedup_window_s` tells the engine whether a
send with an unknown outcome may be retried with the same idempotency key (eSMS RequestId: 24 h)
or must be marked in doubt (SMTP, Mailgun, Zalo direct: no provider de-duplication).
"""

from __future__ import annotations

import abc
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from matviet_desktop.core.sending.errors import SendResult


@dataclass(frozen=True)
class OutboundMessage:
    request_id: str  # stable idempotency key, identical on every retry
    phone: str | None = None  # national form 0xxxxxxxxx
    email: str | None = None
    content: str = ""
    subject: str | None = None
    template_id: str | None = None
    template_data: dict[str, Any] = field(default_factory=dict)
    campaign_name: str = ""
    advertising: bool = False


@dataclass(frozen=True)
class OutboundBatch:
    request_id: str
    phones: list[str]
    content: str
    campaign_name: str = ""


@dataclass(frozen=True)
class DeliveryUpdate:
    """What the provider knows now about one accepted message (or one recipient of a batch)."""

    provider_msg_id: str
    phone: str | None = None
    email: str | None = None
    final: bool = False
    delivered: bool | None = None
    at: dt.datetime | None = None
    cost: Decimal | None = None
    event: str | None = None  # mailgun: delivered, failed, opened, clicked, unsubscribed, complained
    reason: str | None = None


class Channel(abc.ABC):
    provider: str = ""
    channel: str = ""  # 'sms', 'zalo', 'email'
    dedup_window_s: float | None = None
    supports_batches = False

    @abc.abstractmethod
    def send(self, message: OutboundMessage) -> SendResult: ...

    def send_batch(self, batch: OutboundBatch) -> SendResult:
        raise NotImplementedError(f"{self.provider} does not send batches")

    def poll(self, provider_msg_ids: list[str]) -> list[DeliveryUpdate]:
        """Delivery status of accepted messages; providers without polling return nothing."""
        return []

    def close(self) -> None:  # optional hook: most adapters hold an HTTP client
        return None

    def __enter__(self) -> Channel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def national_phone(phone: str) -> str:
    """+84912345678 / 84912345678 → 0912345678 (the form every eSMS example uses)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("84") and len(digits) == 11:
        return "0" + digits[2:]
    return digits if digits.startswith("0") else "0" + digits


def international_phone(phone: str) -> str:
    """0912345678 → 84912345678 (Zalo's form)."""
    return "84" + national_phone(phone)[1:]
