"""Decree 91/2020/NĐ-CP (anti-spam) and consent rules, enforced in the send path.

Advertising only (customer-care messages are exempt where the law exempts them):
- consent for the channel, and not on the do-not-contact list;
- `[QC]` label first and opt-out instructions last, both counted in the SMS length;
- advertising SMS only 07:00–22:00 Vietnam time: outside it rows wait, they are not dropped;
- at most 3 advertising SMS per phone and 3 advertising emails per address in any 24 hours,
  across all campaigns;
- an opt-out stops further advertising at once.
Every exclusion is written on the target with its reason (`exclusion_reason`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Engine, text

VN = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")  # no daylight saving in Vietnam
SMS_WINDOW = (dt.time(7, 0), dt.time(22, 0))
CAP_PER_24H = 3
MAX_SMS_PARTS = 3
LABELS = ("[QC]", "[AD]")

EXCLUSION_REASONS = {
    "no_consent": "Khách chưa đồng ý nhận quảng cáo qua kênh này",
    "do_not_contact": "Số/địa chỉ nằm trong danh sách không quảng cáo",
    "frequency_cap": "Đã nhận 3 tin quảng cáo trong 24 giờ qua",
    "opted_out": "Khách đã từ chối nhận quảng cáo",
    "no_phone": "Khách không có số điện thoại",
    "no_email": "Khách không có địa chỉ email",
    "too_long": "Nội dung quá 3 tin nhắn sau khi thêm nhãn [QC] và hướng dẫn từ chối",
}


def in_sms_window(now: dt.datetime) -> bool:
    local = now.astimezone(VN).time()
    return SMS_WINDOW[0] <= local < SMS_WINDOW[1]


def next_sms_window(now: dt.datetime) -> dt.datetime:
    """When advertising SMS may go out next (now, if inside the window)."""
    if in_sms_window(now):
        return now
    local = now.astimezone(VN)
    day = local.date() if local.time() < SMS_WINDOW[0] else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, SMS_WINDOW[0], VN)


def advertising_sms(body: str, opt_out: str) -> str:
    """Label first, opt-out last; idempotent so that re-composing a frozen text changes nothing."""
    text_ = body.strip()
    if not text_.upper().startswith(LABELS):
        text_ = f"[QC] {text_}"
    if opt_out and not text_.endswith(opt_out.strip()):
        text_ = f"{text_} {opt_out.strip()}"
    return text_


def advertising_subject(subject: str) -> str:
    return subject if subject.strip().upper().startswith(LABELS) else f"[QC] {subject.strip()}"


# GSM 03.38 basic set; the extension characters take two septets.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXT = set("^{}\\[~]|€\f")


def sms_parts(message: str) -> tuple[str, int]:
    """('gsm7'|'ucs2', number of SMS parts). Vietnamese diacritics force UCS-2 (70 chars)."""
    if all(ch in _GSM_BASIC or ch in _GSM_EXT for ch in message):
        septets = sum(2 if ch in _GSM_EXT else 1 for ch in message)
        return "gsm7", 1 if septets <= 160 else -(-septets // 153)
    units = len(message.encode("utf-16-le")) // 2
    return "ucs2", 1 if units <= 70 else -(-units // 67)


def check_advertising_sms(body: str, opt_out: str) -> tuple[str, str | None]:
    """The final text and, if it cannot be sent, the exclusion reason."""
    final = advertising_sms(body, opt_out)
    _, parts = sms_parts(final)
    return final, ("too_long" if parts > MAX_SMS_PARTS else None)


def exclusion_sql() -> str:
    """Reason per claimed advertising target (NULL = may be sent). Parameters: ids, channel."""
    open_states = "('sending','retry_wait','accepted','delivered','in_doubt')"
    recent = (
        "SELECT count(*) FROM campaign_targets x JOIN campaigns cx ON cx.id = x.campaign_id "  # noqa: S608 - fixed SQL fragments; values are bound parameters
        "WHERE cx.purpose = 'advertising' AND x.id <> t.id AND x.first_attempt_at IS NOT NULL "
        f"AND x.first_attempt_at > now() - interval '24 hours' AND x.status IN {open_states} AND "
    )
    return f"""
        SELECT t.id, CASE
          WHEN %(channel)s IN ('sms','zalo') AND t.phone IS NULL THEN 'no_phone'
          WHEN %(channel)s = 'email' AND t.email IS NULL THEN 'no_email'
          WHEN NOT coalesce(CASE %(channel)s WHEN 'sms' THEN c.sms_consent WHEN 'zalo' THEN c.zalo_consent
                                             ELSE c.email_consent END, false) THEN 'no_consent'
          WHEN EXISTS (SELECT 1 FROM do_not_contact d
                        WHERE (d.channel IS NULL OR d.channel = %(channel)s)
                          AND ((%(channel)s <> 'email' AND d.phone = t.phone)
                            OR (%(channel)s = 'email' AND lower(d.email) = lower(t.email)))) THEN 'do_not_contact'
          WHEN %(channel)s = 'sms' AND ({recent} x.phone = t.phone) >= {CAP_PER_24H} THEN 'frequency_cap'
          WHEN %(channel)s = 'email' AND ({recent} lower(x.email) = lower(t.email)) >= {CAP_PER_24H}
               THEN 'frequency_cap'
        END AS reason
        FROM campaign_targets t LEFT JOIN customers c ON c.id = t.customer_id
        WHERE t.id = ANY(%(ids)s)
    """  # noqa: S608 - constants only, values are bound parameters


def record_opt_out(
    engine: Engine,
    *,
    phone: str | None = None,
    email: str | None = None,
    channel: str | None = None,
    source: str = "manual",
    reason: str = "Khách từ chối nhận quảng cáo",
) -> int:
    """Opt-out takes effect at once: do-not-contact entry, consent withdrawn, an `opt_out`
    engagement, and every not-yet-sent advertising target for that address excluded.
    Returns how many waiting targets were excluded."""
    if not phone and not email:
        raise ValueError("Cần số điện thoại hoặc email để ghi nhận từ chối quảng cáo")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO do_not_contact (phone, email, channel, reason, source) VALUES (:p, :e, :ch, :r, :s)"
            ),
            {"p": phone, "e": email, "ch": channel, "r": reason, "s": source},
        )
        consent_cols = {"sms": ["sms_consent"], "zalo": ["zalo_consent"], "email": ["email_consent"]}.get(
            channel or "", ["sms_consent", "zalo_consent"] if phone else ["email_consent"]
        )
        sets = ", ".join(f"{c} = false, {c}_at = now(), {c}_source = :s" for c in consent_cols)
        customers = (
            conn.execute(
                text(
                    f"UPDATE customers SET {sets}, updated_at = now() "  # noqa: S608 - fixed column names
                    "WHERE (CAST(:p AS text) IS NOT NULL AND phone = :p) "
                    "   OR (CAST(:e AS text) IS NOT NULL AND lower(email) = lower(:e)) RETURNING id"
                ),
                {"p": phone, "e": email, "s": source},
            )
            .scalars()
            .all()
        )
        for customer_id in customers:
            conn.execute(
                text(
                    "INSERT INTO customer_engagements (customer_id, engagement_type, channel, metadata) "
                    "VALUES (:c, 'opt_out', :ch, jsonb_build_object('source', CAST(:s AS text)))"
                ),
                {"c": customer_id, "ch": channel, "s": source},
            )
        excluded = conn.execute(
            text(
                "UPDATE campaign_targets t SET status = 'excluded', exclusion_reason = 'opted_out', "
                "failure_class = 'excluded', finished_at = now(), error_message = :r "
                "FROM campaigns c WHERE c.id = t.campaign_id AND c.purpose = 'advertising' "
                "AND t.status IN ('pending','retry_wait') AND t.batch_id IS NULL "
                "AND (CAST(:ch AS text) IS NULL OR c.campaign_type = :ch) "
                "AND ((CAST(:p AS text) IS NOT NULL AND t.phone = :p) "
                "  OR (CAST(:e AS text) IS NOT NULL AND lower(t.email) = lower(:e)))"
            ),
            {"p": phone, "e": email, "ch": channel, "r": EXCLUSION_REASONS["opted_out"]},
        )
    return excluded.rowcount


def new_request_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex}"
