"""Message content: personalisation tokens, SMS part counting, "bỏ dấu", legal labels.

SMS lengths follow the carriers' rules (messaging-apis.md §1.9): GSM-7 text is 160 characters in
one part or 153 per part when split, and the GSM extension characters count twice; anything outside
GSM-7 — every Vietnamese letter with a diacritic — switches the whole message to UCS-2: 70 characters
in one part, 67 per part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# GSM 03.38 basic character set (the euro sign and friends live in the extension table).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
MAX_SMS_PARTS = 3  # eSMS brandname SMS: 459 GSM-7 / 201 UCS-2 characters at most

# Token → (what it means, default when the customer has no value). Defaults are Vietnamese.
TOKENS: dict[str, tuple[str, str]] = {
    "ten": ("Tên gọi (từ cuối của họ tên)", "Quý khách"),
    "ho_ten": ("Họ và tên", "Quý khách"),
    "cua_hang": ("Cửa hàng quen", "Mắt Việt"),
    "tinh": ("Tỉnh/thành phố", ""),
    "ma_km": ("Mã khuyến mãi của chiến dịch", ""),
    "sdt": ("Số điện thoại (0xxxxxxxxx)", ""),
}
# {ten} or {ten|bạn}: the part after '|' overrides the default for this message.
_TOKEN = re.compile(r"\{([a-z_]+)(?:\|([^{}]*))?\}")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})

QC_LABEL = "[QC]"


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # 'GSM-7' or 'UCS-2'
    characters: int  # in the encoding's units (GSM extension chars count 2; UCS-2 counts UTF-16 units)
    parts: int
    per_part: int  # capacity of one part for this message (160/153 or 70/67)
    remaining: int  # characters left before the next part starts
    too_long: bool  # more than MAX_SMS_PARTS parts


def tokens_in(template: str) -> list[str]:
    return [m.group(1) for m in _TOKEN.finditer(template or "")]


def unknown_tokens(template: str) -> list[str]:
    return sorted({t for t in tokens_in(template) if t not in TOKENS})


def render(
    template: str, values: Mapping[str, object | None], defaults: Mapping[str, str] | None = None
) -> str:
    """Replace tokens with the recipient's values, falling back to inline, campaign, then built-in defaults."""
    defaults = defaults or {}

    def substitute(match: re.Match[str]) -> str:
        name, inline_default = match.group(1), match.group(2)
        if name not in TOKENS:
            return match.group(0)  # left visible so that the check before sending reports it
        value = values.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
        if inline_default is not None:
            return inline_default
        return defaults.get(name, TOKENS[name][1])

    return unicodedata.normalize("NFC", _TOKEN.sub(substitute, template or ""))


def recipient_values(
    full_name: str | None,
    store_name: str | None = None,
    province: str | None = None,
    promo_code: str | None = None,
    phone: str | None = None,
) -> dict[str, str | None]:
    """Token values for one customer (the same rules as the bulk renderer)."""
    name = (full_name or "").strip()
    national = None
    if phone:
        digits = re.sub(r"\D", "", phone)
        national = "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits
    return {
        "ten": name.split()[-1] if name else None,
        "ho_ten": name or None,
        "cua_hang": store_name,
        "tinh": province,
        "ma_km": promo_code,
        "sdt": national,
    }


def bo_dau(text: str) -> str:
    """Strip Vietnamese diacritics so the SMS fits GSM-7: 'Đặng Thị Ánh' → 'Dang Thi Anh'."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def is_gsm7(text: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text)


def sms_length(text: str) -> SmsLength:
    text = unicodedata.normalize("NFC", text or "")
    if is_gsm7(text):
        encoding, single, multi = "GSM-7", 160, 153
        units = sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)
    else:
        encoding, single, multi = "UCS-2", 70, 67
        units = len(text.encode("utf-16-le")) // 2
    if units <= single:
        parts, per_part = (1 if units else 0), single
        remaining = single - units
    else:
        parts, per_part = -(-units // multi), multi
        remaining = parts * multi - units
    return SmsLength(encoding, units, parts, per_part, remaining, parts > MAX_SMS_PARTS)


def with_legal_wrapping(text: str, *, advertising: bool, opt_out_line: str | None) -> str:
    """Advertising SMS: '[QC]' first and the opt-out instructions last (Decree 91/2020 Art. 15–16)."""
    body = (text or "").strip()
    if not advertising:
        return body
    if not body.upper().startswith(("[QC]", "[AD]")):
        body = f"{QC_LABEL} {body}"
    if opt_out_line and not body.endswith(opt_out_line.strip()):
        body = f"{body} {opt_out_line.strip()}"
    return body


def email_subject(subject: str, *, advertising: bool) -> str:
    subject = (subject or "").strip()
    if advertising and not subject.upper().startswith(("[QC]", "[AD]")):
        return f"{QC_LABEL} {subject}"
    return subject


# SQL for each token, in the freeze query's scope: cu = customers, st = stores (home store),
# c = campaigns, f.phone = the target's +84 number. Kept next to `recipient_values` so both agree.
TOKEN_SQL: dict[str, str] = {
    "ten": r"nullif(regexp_replace(trim(cu.full_name), '^.*\s', ''), '')",
    "ho_ten": "nullif(trim(cu.full_name), '')",
    "cua_hang": "nullif(trim(st.name), '')",
    "tinh": "nullif(trim(cu.province), '')",
    "ma_km": "nullif(trim(c.promo_code), '')",
    "sdt": "CASE WHEN f.phone IS NOT NULL THEN '0' || substr(f.phone, 4) END",
}


def render_sql(
    template: str, defaults: Mapping[str, str] | None = None, prefix: str = "tpl"
) -> tuple[str, dict[str, str]]:
    """The same rendering as `render`, as one SQL expression with bound literals (set-based freeze)."""
    defaults = defaults or {}
    template = unicodedata.normalize("NFC", template or "")
    pieces: list[str] = []
    params: dict[str, str] = {}
    pos = 0
    for i, match in enumerate(_TOKEN.finditer(template)):
        params[f"{prefix}_lit{i}"] = template[pos : match.start()]
        pieces.append(f":{prefix}_lit{i}")
        name, inline_default = match.group(1), match.group(2)
        if name in TOKEN_SQL:
            fallback = inline_default if inline_default is not None else defaults.get(name, TOKENS[name][1])
            params[f"{prefix}_def{i}"] = fallback
            pieces.append(f"coalesce({TOKEN_SQL[name]}, :{prefix}_def{i})")
        else:
            params[f"{prefix}_tok{i}"] = match.group(0)
            pieces.append(f":{prefix}_tok{i}")
        pos = match.end()
    params[f"{prefix}_tail"] = template[pos:]
    pieces.append(f":{prefix}_tail")
    return "normalize(concat(" + ", ".join(
        f"CAST({p} AS text)" if p.startswith(":") else p for p in pieces
    ) + "), NFC)", params
