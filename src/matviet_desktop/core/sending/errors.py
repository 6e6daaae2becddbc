"""What a provider's answer means for the target and the campaign (research §5.4).

Every adapter turns its wire answer into a `SendResult` with one `Outcome`; the engine decides
the target's next state from the outcome alone, so the retry policy is the same for every channel.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class Outcome(enum.StrEnum):
    ACCEPTED = "accepted"  # the provider took the message (not yet delivered)
    DUPLICATE = "duplicate"  # idempotency key already seen: accepted earlier if our last outcome was unknown
    PERMANENT = "permanent"  # this target can never succeed as it is: failed, no retry
    ACCOUNT = "account"  # account-wide trouble (auth, balance, IP): pause campaign, keep attempts
    THROTTLE = "throttle"  # too fast: slow down, retry without using an attempt
    TRANSIENT_SAFE = "transient"  # surely not sent (refused, 4xx before data): retry with backoff
    UNKNOWN = "unknown"  # maybe sent (timeout after the request, reset, 5xx): same key, or in doubt


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    code: str  # provider code ('100', '124', '-108', 'SMTP550') or 'HTTP503', 'TIMEOUT', 'CONNECT'
    message: str = ""
    provider_msg_id: str | None = None
    cost: Decimal | None = None
    retry_after_s: float | None = None
    # A code that will fail every other row too (wrong template, brandname): pause the campaign.
    pause_campaign: bool = False
    per_recipient: dict[str, bool] = field(default_factory=dict)


def _table(**groups: tuple[Outcome, bool, tuple[int, ...]]) -> dict[str, tuple[Outcome, bool]]:
    return {str(code): (outcome, pause) for outcome, pause, codes in groups.values() for code in codes}


# eSMS CodeResult (messaging-apis.md §1.6). Config errors that hit every row pause the campaign.
ESMS_CODES = _table(
    ok=(Outcome.ACCEPTED, False, (100,)),
    dup=(Outcome.DUPLICATE, False, (124,)),
    target=(Outcome.PERMANENT, False, (99, 107, 108, 110, 115, 118, 120, 163, 171, 201, 300, 687)),
    config=(Outcome.PERMANENT, True, (104, 146, 177, 210, 301, 789, 790, 791, 801, 802)),
    account=(Outcome.ACCOUNT, False, (101, 102, 103, 140, 143, 204, 788, 799)),
    throttle=(Outcome.THROTTLE, False, (160,)),
)

# Zalo ZNS direct `error` (messaging-apis.md §2.3).
ZALO_CODES = _table(
    ok=(Outcome.ACCEPTED, False, (0,)),
    target=(
        Outcome.PERMANENT,
        False,
        (-108, -111, -112, -1121, -1122, -1124, -114, -116, -118, -119, -139, -140, -141, -1471, -1472),
    ),
    config=(Outcome.PERMANENT, True, (-109, -113, -1131, -117, -126, -127, -131, -146, -161, -162)),
    account=(
        Outcome.ACCOUNT,
        False,
        (-101, -102, -103, -104, -105, -115, -125, -135, -1351, -137, -144, -1441, -147),
    ),
    throttle=(Outcome.THROTTLE, False, (-32, -133)),
    transient=(Outcome.TRANSIENT_SAFE, False, (-100, -124, -216, -220)),
)

ZALO_TOKEN_ERRORS = {"-124", "-216", "-220"}


def classify(
    table: dict[str, tuple[Outcome, bool]], code: str, message: str = "", **extra: object
) -> SendResult:
    outcome, pause = table.get(str(code), (Outcome.PERMANENT, False))
    if str(code) not in table:
        message = f"mã lỗi chưa biết {code}: {message}".strip()
    return SendResult(outcome, str(code), message, pause_campaign=pause, **extra)  # type: ignore[arg-type]


def classify_http_status(status: int, retry_after: str | None = None) -> SendResult:
    """HTTP status of an API that answered with a non-success status."""
    if status == 429:
        return SendResult(
            Outcome.THROTTLE, "HTTP429", "quá nhiều yêu cầu", retry_after_s=_seconds(retry_after)
        )
    if status in (401, 403):
        return SendResult(Outcome.ACCOUNT, f"HTTP{status}", "sai khóa API hoặc không có quyền")
    if 400 <= status < 500:
        return SendResult(Outcome.PERMANENT, f"HTTP{status}", "nhà cung cấp từ chối yêu cầu")
    return SendResult(Outcome.UNKNOWN, f"HTTP{status}", "lỗi máy chủ nhà cung cấp")


def classify_smtp(code: int, message: str, *, after_data: bool) -> SendResult:
    if code in (530, 534, 535, 538):
        return SendResult(Outcome.ACCOUNT, f"SMTP{code}", message)
    if 500 <= code < 600:
        return SendResult(Outcome.PERMANENT, f"SMTP{code}", message)
    if code == 421 and after_data:
        return SendResult(Outcome.UNKNOWN, f"SMTP{code}", message)
    if code in (421, 450, 451, 452):
        return SendResult(Outcome.THROTTLE if code == 421 else Outcome.TRANSIENT_SAFE, f"SMTP{code}", message)
    return SendResult(Outcome.TRANSIENT_SAFE, f"SMTP{code}", message)


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
