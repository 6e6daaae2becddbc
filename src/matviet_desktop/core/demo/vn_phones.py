"""Vietnamese phone numbers by carrier prefix, drawn in bulk for the demo data.

Mobile numbers are 10 digits nationally (0 + 3-digit prefix + 7 digits) and stored canonically as
+84 followed by 9 digits. Real CRM data also carries a few numbers that no longer work: 11-digit
numbers from before the September 2018 prefix change (016x, 012x …) that were never converted,
and landlines typed into the mobile field. Those are kept, as real exports have them.
"""

from __future__ import annotations

import numpy as np

from matviet_desktop.core.db.bulk import zero_padded_text

# Current mobile prefixes (national form without the leading 0) and rough subscriber shares.
CARRIER_PREFIXES: dict[str, tuple[tuple[str, ...], float]] = {
    "Viettel": (("86", "96", "97", "98", "32", "33", "34", "35", "36", "37", "38", "39"), 54.0),
    "Vinaphone": (("88", "91", "94", "81", "82", "83", "84", "85"), 23.0),
    "MobiFone": (("89", "90", "93", "70", "76", "77", "78", "79"), 20.0),
    "Vietnamobile": (("92", "56", "58"), 2.0),
    "Gmobile": (("99", "59"), 0.7),
    "Itelecom": (("87",), 0.3),
}
MOBILE_PREFIXES: tuple[str, ...] = tuple(p for prefixes, _ in CARRIER_PREFIXES.values() for p in prefixes)

# Retired 11-digit mobile prefixes (converted in 2018) and landline area codes (HCM, Hà Nội).
LEGACY_PREFIXES: tuple[str, ...] = (
    "162",
    "163",
    "164",
    "165",
    "166",
    "167",
    "168",
    "169",
    "120",
    "121",
    "122",
    "126",
    "128",
    "123",
    "124",
    "125",
    "127",
    "129",
)
LANDLINE_PREFIXES: tuple[str, ...] = ("2838", "2839", "2437", "2438", "2363")

PHONE_KIND_MOBILE = 0
PHONE_KIND_LEGACY = 1
PHONE_KIND_LANDLINE = 2


def _prefix_weights() -> tuple[np.ndarray, np.ndarray]:
    prefixes, weights = [], []
    for carrier_prefixes, share in CARRIER_PREFIXES.values():
        for prefix in carrier_prefixes:
            prefixes.append(prefix)
            weights.append(share / len(carrier_prefixes))
    w = np.asarray(weights)
    return np.asarray(prefixes, dtype="S2"), w / w.sum()


def _digits(rng: np.random.Generator, n: int, width: int) -> np.ndarray:
    return zero_padded_text(rng.integers(0, 10**width, size=n, dtype=np.int64), width)


def draw_phones(
    rng: np.random.Generator, n: int, *, legacy_share: float = 0.006, landline_share: float = 0.003
) -> tuple[np.ndarray, np.ndarray]:
    """n canonical phone numbers (bytes, e.g. b'+84901234567') and their kind (0 mobile, 1 legacy, 2 landline)."""
    prefixes, weights = _prefix_weights()
    mobile = np.strings.add(
        np.strings.add(b"+84", prefixes[rng.choice(len(prefixes), n, p=weights)]), _digits(rng, n, 7)
    )
    kind = rng.choice(3, size=n, p=[1 - legacy_share - landline_share, legacy_share, landline_share]).astype(
        np.int8
    )
    legacy_idx = np.flatnonzero(kind == PHONE_KIND_LEGACY)
    legacy = np.asarray(LEGACY_PREFIXES, dtype="S3")[rng.integers(0, len(LEGACY_PREFIXES), legacy_idx.size)]
    land_idx = np.flatnonzero(kind == PHONE_KIND_LANDLINE)
    land = np.asarray(LANDLINE_PREFIXES, dtype="S4")[rng.integers(0, len(LANDLINE_PREFIXES), land_idx.size)]
    out = mobile.astype("S16")
    out[legacy_idx] = np.strings.add(np.strings.add(b"+84", legacy), _digits(rng, legacy_idx.size, 7))
    out[land_idx] = np.strings.add(np.strings.add(b"+84", land), _digits(rng, land_idx.size, 6))
    return out, kind


def is_valid_mobile(canonical: str) -> bool:
    """True for a +84 number with a current mobile prefix and 9 national digits."""
    return (
        len(canonical) == 12
        and canonical.startswith("+84")
        and canonical[3:].isdigit()
        and canonical[3:5] in MOBILE_PREFIXES
    )
