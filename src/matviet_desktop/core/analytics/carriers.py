"""Vietnamese mobile carriers by number prefix (after the 2018 11→10 digit renumbering)."""

from __future__ import annotations

CARRIER_PREFIXES: dict[str, tuple[str, ...]] = {
    "Viettel": ("086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"),
    "Mobifone": ("089", "090", "093", "070", "076", "077", "078", "079"),
    "Vinaphone": ("088", "091", "094", "081", "082", "083", "084", "085"),
    "Vietnamobile": ("092", "056", "058"),
    "Gmobile": ("099", "059"),
    "Itelecom": ("087",),
    "Wintel": ("055",),
}


def carrier_of(phone: str | None) -> str | None:
    """Carrier for a canonical +84… (or 0…) phone; None when unknown."""
    if not phone:
        return None
    digits = phone.lstrip("+")
    local = "0" + digits[2:] if digits.startswith("84") else digits
    for name, prefixes in CARRIER_PREFIXES.items():
        if local[:3] in prefixes:
            return name
    return None


def carrier_rows() -> list[dict[str, str]]:
    """(prefix, carrier) rows to bind into SQL as a lookup table."""
    return [{"prefix": p, "carrier": name} for name, ps in CARRIER_PREFIXES.items() for p in ps]
