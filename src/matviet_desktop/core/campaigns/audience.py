"""Who receives a campaign: candidates, exclusion segments, suppression, freezing into targets.

Candidates come from the segment's materialised members (`customer_segments`) or, for CSV uploads
and manual picks, from `campaign_audience_members`. Members of exclusion segments are removed.
Every remaining candidate gets at most one suppression reason, in this fixed order, so the counts
shown before sending add up exactly:

1. `invalid_phone` / `invalid_email` — missing or not a Vietnamese mobile number / an address;
2. `opted_out` — consent withdrawn by an opt-out (advertising only);
3. `do_not_contact` — on the do-not-contact list for the channel (advertising only);
4. `no_consent` — no marketing consent for the channel (advertising only);
5. `duplicate_phone` / `duplicate_email` — the same destination already taken by another candidate;
6. `frequency_cap` — already 3 advertising messages in the last 24 h (SMS and email, Decree 91).

Freezing writes one `campaign_targets` row per candidate in one INSERT … SELECT: suppressed rows
as `excluded` with the reason, a random holdout share as `holdout`, the rest `pending` with their
destination and rendered content, ready for the sending engine (which assigns the provider
idempotency key at its first claim).
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from sqlalchemy import Connection, text

from matviet_desktop.core.campaigns import content as content_mod

SUPPRESSION_ORDER = (
    "invalid_phone",
    "invalid_email",
    "opted_out",
    "do_not_contact",
    "no_consent",
    "duplicate_phone",
    "duplicate_email",
    "frequency_cap",
)
SUPPRESSION_LABELS = {
    "invalid_phone": "Số điện thoại thiếu hoặc không hợp lệ",
    "invalid_email": "Email thiếu hoặc không hợp lệ",
    "opted_out": "Khách đã từ chối nhận quảng cáo",
    "do_not_contact": "Nằm trong danh sách không liên hệ (DNC)",
    "no_consent": "Chưa đồng ý nhận quảng cáo qua kênh này",
    "duplicate_phone": "Trùng số điện thoại với khách khác trong chiến dịch",
    "duplicate_email": "Trùng email với khách khác trong chiến dịch",
    "frequency_cap": "Đã nhận 3 tin quảng cáo trong 24 giờ qua",
}
FREQUENCY_CAP = 3
_MOBILE_NATIONAL = r"^0(3[0-9]|5[1-9]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}$"
# 11-digit numbers renamed in 2018 (messaging-apis.md §5.1): old prefix → new prefix.
OLD_PREFIXES = {
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039", "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip

# customers.phone → canonical +84 mobile or NULL, in SQL (tolerates 0…, 84…, 9-digit forms).
_E164_SQL = rf"""(
  WITH d(x) AS (SELECT regexp_replace(coalesce(cu.phone, ''), '\D', '', 'g'))
  SELECT CASE WHEN n ~ '{_MOBILE_NATIONAL}' THEN '+84' || substr(n, 2) END
    FROM (SELECT CASE WHEN x ~ '^84[0-9]{{9}}$' THEN '0' || substr(x, 3)
                      WHEN x ~ '^[1-9][0-9]{{8}}$' THEN '0' || x
                      ELSE x END AS n FROM d) z
)"""  # noqa: S608 - constants only
_EMAIL_OK = r"'^[^@\s]+@[^@\s]+\.[^@\s]+$'"


def normalise_phone(raw: str | None) -> str | None:
    """A Vietnamese mobile number in any usual spelling → '+84…', or None if it is not one."""
    digits = re.sub(r"[^\d+]", "", raw or "")
    if not digits:
        return None
    digits = digits.lstrip("+")
    if digits.startswith("0084"):
        digits = digits[2:]
    if digits.startswith("840"):
        digits = "84" + digits[3:]
    national = "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits
    if len(national) == 9 and not national.startswith("0"):
        national = "0" + national
    if len(national) == 11 and national[:4] in OLD_PREFIXES:
        national = OLD_PREFIXES[national[:4]] + national[4:]
    if not re.match(_MOBILE_NATIONAL, national):
        return None
    try:
        parsed = phonenumbers.parse(national, "VN")
    except phonenumbers.NumberParseException:
        return None
    # The library's metadata lags new allocations: the prefix rule above is authoritative.
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str | None) -> str | None:
    value = (raw or "").strip().lower()
    return value if re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value) else None


# --------------------------------------------------------------------------- candidates


def _candidates_sql(target_type: str) -> str:
    if target_type == "segment":
        source = "SELECT customer_id FROM customer_segments WHERE segment_rule_id = :segment_id"
    elif target_type in ("csv_upload", "manual"):
        source = "SELECT customer_id FROM campaign_audience_members WHERE campaign_id = :campaign_id"
    else:
        raise ValueError(f"target_type không hợp lệ: {target_type!r} (segment, csv_upload, manual).")
    return f"""
        SELECT DISTINCT s.customer_id FROM ({source}) s
         WHERE s.customer_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM customer_segments x
                            WHERE x.customer_id = s.customer_id
                              AND x.segment_rule_id = ANY(CAST(:exclusion_ids AS uuid[])))
    """  # noqa: S608 - fixed fragments only


def _classified_sql(target_type: str) -> str:
    """One row per candidate: destination, reason (NULL = eligible), holdout rank inputs."""
    return f"""
    WITH cand AS ({_candidates_sql(target_type)}),
    base AS (
        SELECT cu.id AS customer_id, cu.full_name, cu.province, st.name AS store_name,
               {_E164_SQL} AS phone,
               CASE WHEN lower(trim(cu.email)) ~ {_EMAIL_OK} THEN lower(trim(cu.email)) END AS email,
               CASE :channel WHEN 'sms' THEN cu.sms_consent WHEN 'email' THEN cu.email_consent
                             ELSE cu.zalo_consent END AS consent
          FROM cand JOIN customers cu ON cu.id = cand.customer_id
          LEFT JOIN stores st ON st.id = cu.home_store_id
    ),
    dest AS (
        SELECT b.*, CASE WHEN :channel = 'email' THEN b.email ELSE b.phone END AS destination
          FROM base b
    ),
    first_pass AS (
        SELECT d.*, CASE
            WHEN d.destination IS NULL THEN
                 CASE WHEN :channel = 'email' THEN 'invalid_email' ELSE 'invalid_phone' END
            WHEN :advertising AND NOT coalesce(d.consent, false) AND EXISTS (
                 SELECT 1 FROM customer_engagements e
                  WHERE e.customer_id = d.customer_id AND e.engagement_type = 'opt_out'
                    AND (e.channel IS NULL OR e.channel = :channel)) THEN 'opted_out'
            WHEN :advertising AND EXISTS (
                 SELECT 1 FROM do_not_contact n
                  WHERE (n.channel IS NULL OR n.channel = :channel)
                    AND ((:channel <> 'email' AND n.phone = d.destination)
                      OR (:channel = 'email' AND lower(n.email) = d.destination))) THEN 'do_not_contact'
            WHEN :advertising AND NOT coalesce(d.consent, false) THEN 'no_consent'
        END AS reason1
          FROM dest d
    ),
    dedup AS (
        SELECT f.*, CASE WHEN f.reason1 IS NULL
                         THEN row_number() OVER (PARTITION BY f.reason1 IS NULL, f.destination
                                                 ORDER BY f.customer_id) END AS dup_rank
          FROM first_pass f
    )
    SELECT x.customer_id, x.full_name, x.province, x.store_name, x.phone, x.email, x.destination,
           CASE
             WHEN x.reason1 IS NOT NULL THEN x.reason1
             WHEN x.dup_rank > 1 THEN CASE WHEN :channel = 'email' THEN 'duplicate_email'
                                          ELSE 'duplicate_phone' END
             WHEN :advertising AND :channel IN ('sms', 'email') AND (
                  SELECT count(*) FROM campaign_targets o JOIN campaigns oc ON oc.id = o.campaign_id
                   WHERE oc.purpose = 'advertising' AND oc.campaign_type = :channel
                     AND o.campaign_id <> :campaign_id
                     AND o.status IN ('sending', 'retry_wait', 'accepted', 'delivered', 'in_doubt')
                     AND coalesce(o.first_attempt_at, o.sent_at) > now() - interval '24 hours'
                     AND ((:channel = 'sms' AND o.phone = x.destination)
                       OR (:channel = 'email' AND lower(o.email) = x.destination))
                  ) >= {FREQUENCY_CAP} THEN 'frequency_cap'
           END AS reason
      FROM dedup x
    """  # noqa: S608 - fixed fragments only


def _final_sql(target_type: str) -> str:
    """Classified candidates plus the holdout draw: one row per future target with its status."""
    return f"""
    WITH classified AS ({_classified_sql(target_type)}),
    eligible AS (
        SELECT c.*, row_number() OVER (ORDER BY md5(CAST(:campaign_id AS text) || c.customer_id::text)) AS draw,
               count(*) OVER () AS n_eligible
          FROM classified c WHERE c.reason IS NULL
    ),
    final AS (
        SELECT e.customer_id, e.full_name, e.province, e.store_name, e.phone, e.email, e.destination,
               NULL AS reason,
               CASE WHEN :pct > 0 AND e.draw <= floor(e.n_eligible * :pct / 100 + 0.5)
                    THEN 'holdout' ELSE 'pending' END AS status
          FROM eligible e
        UNION ALL
        SELECT c.customer_id, c.full_name, c.province, c.store_name, c.phone, c.email, c.destination, c.reason,
               'excluded'
          FROM classified c WHERE c.reason IS NOT NULL
    )
    """  # noqa: S608 - fixed fragments only


@dataclass(frozen=True)
class CampaignAudienceSpec:
    campaign_id: uuid.UUID
    target_type: str
    channel: str  # 'sms', 'zalo', 'email'
    advertising: bool
    segment_id: uuid.UUID | None
    exclusion_segment_ids: list[str]
    holdout_pct: float


def spec_for(conn: Connection, campaign_id: uuid.UUID) -> CampaignAudienceSpec:
    row = conn.execute(
        text(
            "SELECT target_type, campaign_type, purpose, segment_rule_id, exclusion_segment_ids, holdout_pct "
            "FROM campaigns WHERE id = :id"
        ),
        {"id": campaign_id},
    ).one_or_none()
    if row is None:
        raise LookupError(f"Không tìm thấy chiến dịch {campaign_id}.")
    channel = "zalo" if row[1] in ("zalo", "zns") else row[1]
    return CampaignAudienceSpec(
        campaign_id, row[0] or "segment", channel, row[2] == "advertising", row[3],
        [str(s) for s in (row[4] or [])], float(row[5] or 0),
    )  # fmt: skip


def _params(spec: CampaignAudienceSpec) -> dict[str, Any]:
    return {
        "campaign_id": spec.campaign_id,
        "segment_id": spec.segment_id,
        "exclusion_ids": spec.exclusion_segment_ids,
        "channel": spec.channel,
        "advertising": spec.advertising,
    }


@dataclass(frozen=True)
class AudiencePreview:
    candidates: int  # after exclusion segments
    excluded_by_segment: int
    suppressed: dict[str, int]  # reason → count, every reason present (0 when none)
    eligible: int
    holdout: int
    to_send: int
    prefixes: dict[str, int] = field(default_factory=dict)  # national prefix → recipients to send

    @property
    def suppressed_total(self) -> int:
        return sum(self.suppressed.values())


def holdout_size(eligible: int, holdout_pct: float) -> int:
    return int(eligible * holdout_pct / 100 + 0.5) if holdout_pct > 0 else 0


def preview(conn: Connection, campaign_id: uuid.UUID) -> AudiencePreview:
    """Exact counts of what freezing would produce now (nothing is written)."""
    spec = spec_for(conn, campaign_id)
    if spec.target_type == "segment" and spec.segment_id is None:
        raise ValueError("Chiến dịch chưa chọn phân khúc khách hàng.")
    params = {**_params(spec), "pct": spec.holdout_pct}
    rows = conn.execute(
        text(
            f"{_final_sql(spec.target_type)} SELECT status, reason, "  # noqa: S608
            "CASE WHEN status = 'pending' AND :channel <> 'email' THEN '0' || substr(destination, 4, 2) END, "
            "count(*) FROM final GROUP BY 1, 2, 3"
        ),
        params,
    ).all()
    suppressed = {r: 0 for r in SUPPRESSION_ORDER}
    prefixes: dict[str, int] = {}
    eligible = holdout = 0
    for status, reason, prefix, n in rows:
        if status == "excluded":
            suppressed[reason] += int(n)
        else:
            eligible += int(n)
            holdout += int(n) if status == "holdout" else 0
            if status == "pending":
                prefixes[prefix or ""] = prefixes.get(prefix or "", 0) + int(n)
    raw_source = (
        "SELECT count(DISTINCT customer_id) FROM customer_segments WHERE segment_rule_id = :segment_id"
        if spec.target_type == "segment"
        else "SELECT count(*) FROM campaign_audience_members WHERE campaign_id = :campaign_id"
    )
    raw = int(conn.execute(text(raw_source), params).scalar_one())
    candidates = eligible + sum(suppressed.values())
    return AudiencePreview(
        candidates, raw - candidates, suppressed, eligible, holdout, eligible - holdout, prefixes
    )


# --------------------------------------------------------------------------- freezing


def freeze(conn: Connection, campaign_id: uuid.UUID, *, content_sql: str, content_params: dict[str, Any],
           subject: str | None, template_sql: str | None) -> dict[str, int]:  # fmt: skip
    """Write the targets (idempotent: a second call for the same campaign adds nothing)."""
    spec = spec_for(conn, campaign_id)
    params = {**_params(spec), **content_params, "subject": subject, "pct": spec.holdout_pct}
    template_expr = template_sql or "NULL::jsonb"
    conn.execute(
        text(
            f"""
            {_final_sql(spec.target_type)}
            INSERT INTO campaign_targets
                (campaign_id, customer_id, phone, email, status, exclusion_reason, failure_class, finished_at,
                 content, subject, template_data)
            SELECT :campaign_id, f.customer_id, f.phone, f.email, f.status, f.reason,
                   CASE WHEN f.status = 'excluded' THEN 'excluded' END,
                   CASE WHEN f.status <> 'pending' THEN now() END,
                   CASE WHEN f.status = 'pending' THEN {content_sql} END,
                   CASE WHEN f.status = 'pending' THEN :subject END,
                   CASE WHEN f.status = 'pending' THEN {template_expr} END
              FROM final f
              JOIN customers cu ON cu.id = f.customer_id
              JOIN campaigns c ON c.id = :campaign_id
              LEFT JOIN stores st ON st.id = cu.home_store_id
            ON CONFLICT (campaign_id, customer_id) DO NOTHING
            """  # noqa: S608 - fixed fragments; content tokens are bound parameters
        ),
        params,
    )
    counts = conn.execute(
        text("SELECT status, count(*) FROM campaign_targets WHERE campaign_id = :id GROUP BY status"),
        {"id": campaign_id},
    ).all()
    return {s: int(n) for s, n in counts}


# --------------------------------------------------------------------------- CSV upload and manual pick


@dataclass(frozen=True)
class UploadReport:
    upload_id: uuid.UUID
    total_rows: int
    matched: int
    unknown: int
    invalid: int
    duplicates: int
    problems: list[dict[str, Any]]  # {line, value, reason}: nothing is dropped silently


_PHONE_HEADERS = ("phone", "sdt", "so_dien_thoai", "dien_thoai", "điện thoại", "số điện thoại", "mobile")
_EMAIL_HEADERS = ("email", "e-mail", "mail", "thư điện tử")


def _pick_columns(header: list[str]) -> tuple[int | None, int | None]:
    folded = [content_mod.bo_dau(h).strip().lower().replace(" ", "_") for h in header]
    phones = {content_mod.bo_dau(h).replace(" ", "_") for h in _PHONE_HEADERS}
    emails = {content_mod.bo_dau(h).replace(" ", "_") for h in _EMAIL_HEADERS}
    phone_col = next((i for i, h in enumerate(folded) if h in phones), None)
    email_col = next((i for i, h in enumerate(folded) if h in emails), None)
    return phone_col, email_col


def parse_csv(data: str) -> list[tuple[int, str | None, str | None]]:
    """(line number, phone, email) per data row; a file without a known header is one phone per line."""
    rows = list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))
    if not rows:
        return []
    phone_col, email_col = _pick_columns(rows[0])
    if phone_col is None and email_col is None:
        return [(i + 1, r[0] if r else "", None) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in r):
            continue
        phone = r[phone_col] if phone_col is not None and phone_col < len(r) else None
        email = r[email_col] if email_col is not None and email_col < len(r) else None
        out.append((i, phone, email))
    return out


def upload_csv(
    conn: Connection, campaign_id: uuid.UUID, data: str, filename: str | None = None
) -> UploadReport:
    """Match a CSV of phones/emails to customers; record the members and a report of every miss."""
    entries = parse_csv(data)
    problems: list[dict[str, Any]] = []
    keys: list[tuple[int, str | None, str | None]] = []
    for line, phone, email in entries:
        p = normalise_phone(phone) if phone and phone.strip() else None
        e = normalise_email(email) if email and email.strip() else None
        if p is None and e is None:
            problems.append({"line": line, "value": (phone or email or "").strip(), "reason": "invalid"})
        else:
            keys.append((line, p, e))
    conn.execute(text("CREATE TEMP TABLE upload_keys (line int, phone text, email text) ON COMMIT DROP"))
    with conn.connection.driver_connection.cursor().copy(  # type: ignore[union-attr]
        "COPY upload_keys (line, phone, email) FROM STDIN"
    ) as copy:
        for row in keys:
            copy.write_row(row)
    matches = conn.execute(
        text(
            """
            SELECT k.line, k.phone, k.email,
                   coalesce((SELECT id FROM customers c WHERE c.phone = k.phone LIMIT 1),
                            (SELECT id FROM customers c WHERE lower(c.email) = k.email
                              ORDER BY c.created_at, c.id LIMIT 1)) AS customer_id
              FROM upload_keys k ORDER BY k.line
            """
        )
    ).all()
    conn.execute(text("DROP TABLE upload_keys"))
    seen: set[uuid.UUID] = set()
    matched: list[uuid.UUID] = []
    unknown = duplicates = 0
    for line, phone, email, customer_id in matches:
        value = phone or email
        if customer_id is None:
            unknown += 1
            problems.append({"line": line, "value": value, "reason": "unknown"})
        elif customer_id in seen:
            duplicates += 1
            problems.append({"line": line, "value": value, "reason": "duplicate"})
        else:
            seen.add(customer_id)
            matched.append(customer_id)
    add_members(conn, campaign_id, matched, "csv_upload")
    invalid = sum(1 for p in problems if p["reason"] == "invalid")
    problems.sort(key=lambda p: p["line"])
    upload_id = conn.execute(
        text(
            "INSERT INTO campaign_audience_uploads "
            "(campaign_id, filename, total_rows, matched, unknown, invalid, duplicates, report) "
            "VALUES (:c, :f, :t, :m, :u, :i, :d, CAST(:r AS jsonb)) RETURNING id"
        ),
        {"c": campaign_id, "f": filename, "t": len(entries), "m": len(matched), "u": unknown, "i": invalid,
         "d": duplicates, "r": _json(problems)},
    ).scalar_one()  # fmt: skip
    return UploadReport(upload_id, len(entries), len(matched), unknown, invalid, duplicates, problems)


def add_members(
    conn: Connection, campaign_id: uuid.UUID, customer_ids: Iterable[uuid.UUID], source: str
) -> int:
    ids = [str(c) for c in customer_ids]
    if not ids:
        return 0
    result = conn.execute(
        text(
            "INSERT INTO campaign_audience_members (campaign_id, customer_id, source) "
            "SELECT :c, id, :s FROM customers WHERE id = ANY(CAST(:ids AS uuid[])) "
            "ON CONFLICT DO NOTHING"
        ),
        {"c": campaign_id, "s": source, "ids": ids},
    )
    return result.rowcount


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
