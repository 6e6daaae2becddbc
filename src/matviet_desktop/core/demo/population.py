"""Who the demo customers are: home store, acquisition time, identity, contact data, latent behaviour.

Everything is drawn column-wise with numpy (no loop per customer). Latent behaviour follows a
BG/NBD-like story per persona: a purchase rate λ from a gamma distribution, regular-ish gaps
between purchases (gamma-distributed, so glasses come every 12–24 months rather than at random),
and after each purchase a per-customer probability p of dropping out for good.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matviet_desktop.core.db.bulk import zero_padded_text
from matviet_desktop.core.demo import vn_names, vn_phones
from matviet_desktop.core.demo.calendar import OperationalClock, draw_local_hour_seconds
from matviet_desktop.core.demo.stores import STORES
from matviet_desktop.core.text import fold

SECONDS_PER_DAY = 86400
VN_OFFSET = 7 * 3600


@dataclass(frozen=True)
class Persona:
    name: str
    share: float
    rate_shape: float  # gamma shape of λ across customers
    rate_mean: float  # mean purchases per year while alive
    gap_shape: float  # gamma shape of the gap between purchases (higher = more regular)
    drop_a: float  # Beta(a, b) of the per-purchase dropout probability
    drop_b: float
    spend_median: int  # VND, typical order value
    tier_shift: float  # shifts product choice towards dearer (+) or cheaper (−) items
    promo_propensity: float
    # main category of an order: glasses, sunglasses, contact_lenses, accessories, eye_exam
    category_mix: tuple[float, float, float, float, float]


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "glasses_regular",
        0.48,
        2.5,
        0.62,
        4.0,
        1.5,
        4.0,
        2_600_000,
        0.0,
        0.15,
        (0.78, 0.07, 0.05, 0.05, 0.05),
    ),
    Persona(
        "contact_lens", 0.12, 2.0, 3.2, 3.0, 1.0, 7.0, 700_000, 0.0, 0.15, (0.08, 0.02, 0.80, 0.08, 0.02)
    ),
    Persona(
        "sunglasses_fashion",
        0.12,
        2.0,
        0.55,
        2.0,
        2.0,
        3.0,
        3_000_000,
        0.4,
        0.20,
        (0.25, 0.65, 0.02, 0.08, 0.0),
    ),
    Persona("premium", 0.06, 3.0, 0.9, 3.0, 1.0, 5.0, 7_000_000, 1.3, 0.08, (0.55, 0.35, 0.05, 0.05, 0.0)),
    Persona(
        "bargain_hunter", 0.22, 2.0, 0.7, 1.5, 2.0, 3.0, 1_200_000, -0.7, 0.55, (0.50, 0.15, 0.15, 0.15, 0.05)
    ),
)

GENDERS = np.array([b"female", b"male", b"other"])


def _vocab(pairs: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    names = np.array([n.encode() for n, _ in pairs], dtype="S")
    folded = np.array([fold(n).encode() for n, _ in pairs], dtype="S")
    w = np.array([w for _, w in pairs], dtype=float)
    return names, folded, w / w.sum()


def _pick(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    return np.searchsorted(np.cumsum(weights), rng.random(n) * weights.sum(), side="right").clip(
        0, weights.size - 1
    )


@dataclass
class Population:
    n: int
    store_idx: np.ndarray  # index into STORES (home store)
    birth_s: np.ndarray  # first purchase, epoch seconds
    gender: np.ndarray  # 0 female, 1 male, 2 other
    full_name: np.ndarray  # S, UTF-8
    name_folded: np.ndarray  # S, ASCII
    phone: np.ndarray  # S canonical, b'' when absent
    phone_kind: np.ndarray  # vn_phones kind, -1 when absent
    email: np.ndarray  # S, b'' when absent
    birthday_days: np.ndarray  # epoch days, -1 when unknown
    province_store_idx: np.ndarray  # store whose province is the customer's province
    persona: np.ndarray
    rate_per_year: np.ndarray
    gap_shape: np.ndarray
    drop_p: np.ndarray
    tier_q: np.ndarray  # 0–1 position in the price range of each product kind
    spend_scale: np.ndarray
    duplicate_of: np.ndarray  # −1, or the index of the customer this record duplicates


def draw_population(rng: np.random.Generator, n: int, clock: OperationalClock, end_s: int) -> Population:
    store_idx, birth_s = _acquisition(rng, n, clock, end_s)
    physical = np.array([not s.online for s in STORES])
    province_store_idx = store_idx.copy()
    online = ~physical[store_idx]
    store_weights = np.array([s.weight for s in STORES])
    province_store_idx[online] = _pick(rng, store_weights, int(online.sum()))

    gender = rng.choice(3, size=n, p=[0.57, 0.42, 0.01]).astype(np.int8)
    age_years = _draw_age(rng, n)
    birthday_days = (
        birth_s // SECONDS_PER_DAY - (age_years * 365.25).astype(np.int64) - rng.integers(0, 365, n)
    ).astype(np.int64)
    birth_year = 1970 + birth_s / (365.25 * SECONDS_PER_DAY) - age_years
    full_name, name_folded, family_folded, given_folded = _names(
        rng, gender, province_store_idx, birth_year >= 1995
    )

    phone, phone_kind = vn_phones.draw_phones(rng, n)
    phone_kind = phone_kind.astype(np.int8)
    _, first = np.unique(phone, return_index=True)
    keep = np.zeros(n, dtype=bool)
    keep[first] = True  # a number drawn twice stays with its first holder only
    no_phone = ~keep | (rng.random(n) < 0.02)
    phone[no_phone] = b""
    phone_kind[no_phone] = -1

    email = _emails(rng, family_folded, given_folded, birthday_days, age_years)
    unknown_birthday = rng.random(n) < 0.2
    birthday_days[unknown_birthday] = -1

    persona = _pick(rng, np.array([p.share for p in PERSONAS]), n).astype(np.int8)
    rate = np.empty(n)
    gap_shape = np.empty(n)
    drop_p = np.empty(n)
    tier_shift = np.empty(n)
    spend_median = np.empty(n)
    for k, p in enumerate(PERSONAS):
        m = persona == k
        c = int(m.sum())
        rate[m] = rng.gamma(p.rate_shape, p.rate_mean / p.rate_shape, c)
        gap_shape[m] = p.gap_shape
        drop_p[m] = rng.beta(p.drop_a, p.drop_b, c)
        tier_shift[m] = p.tier_shift
        spend_median[m] = p.spend_median
    z = rng.standard_normal(n)
    tier_q = _normal_cdf(0.8 * z + tier_shift)
    spend_scale = np.round(spend_median * np.exp(0.35 * z), -3)

    duplicate_of = _duplicates(
        rng, n, full_name, name_folded, gender, birthday_days, email, phone, phone_kind
    )
    return Population(
        n,
        store_idx,
        birth_s,
        gender,
        full_name,
        name_folded,
        phone,
        phone_kind,
        email,
        birthday_days,
        province_store_idx,
        persona,
        rate,
        gap_shape,
        drop_p,
        tier_q,
        spend_scale,
        duplicate_of,
    )


def _normal_cdf(x: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr

    return np.asarray(ndtr(x))


def _acquisition(
    rng: np.random.Generator, n: int, clock: OperationalClock, end_s: int
) -> tuple[np.ndarray, np.ndarray]:
    """Home store and first-purchase instant: footfall × store open × chain growth × seasonality."""
    days = clock.days
    years = (days - days[0]).astype(np.int64) / 365.25
    growth = np.exp(0.15 * years) * clock.intensity
    weights = np.zeros((len(STORES), days.size))
    for i, store in enumerate(STORES):
        opened = days >= np.datetime64(store.opened_at, "D")
        if store.online:
            weights[i] = 1.2 * opened * growth * np.clip(years / years[-1], 0.3, 1.0)
        else:
            weights[i] = store.weight * opened * growth
    flat = np.cumsum(weights.ravel())
    cell = np.searchsorted(flat, rng.random(n) * flat[-1], side="right")
    store_idx, day_idx = np.divmod(cell, days.size)
    day_s = days[day_idx].astype("datetime64[s]").astype(np.int64)
    birth_s = day_s - VN_OFFSET + draw_local_hour_seconds(rng, n)
    birth_s = np.minimum(birth_s, end_s - 1)
    order = np.argsort(birth_s, kind="stable")  # customer numbers follow registration time
    return store_idx[order].astype(np.int16), birth_s[order]


def _draw_age(rng: np.random.Generator, n: int) -> np.ndarray:
    bands = np.array([[6, 18], [18, 31], [31, 46], [46, 61], [61, 80]])
    band = _pick(rng, np.array([0.12, 0.35, 0.30, 0.15, 0.08]), n)
    return rng.uniform(bands[band, 0], bands[band, 1])


def _names(
    rng: np.random.Generator, gender: np.ndarray, province_store_idx: np.ndarray, young: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = gender.size
    region = np.array([s.region for s in STORES])[province_store_idx]
    fam_names = np.array([f.encode() for f, _, _ in vn_names.FAMILY_NAMES], dtype="S")
    fam_folded = np.array([fold(f).encode() for f, _, _ in vn_names.FAMILY_NAMES], dtype="S")
    north = np.array([w for _, w, _ in vn_names.FAMILY_NAMES])
    south = np.array([w for _, _, w in vn_names.FAMILY_NAMES])
    family = np.empty(n, dtype=np.int64)
    for reg, w in (("north", north), ("central", (north + south) / 2), ("south", south)):
        m = region == reg
        family[m] = _pick(rng, w, int(m.sum()))

    full = np.empty(n, dtype="S64")
    folded = np.empty(n, dtype="S64")
    given_folded = np.empty(n, dtype="S16")
    as_female = (gender == 0) | ((gender == 2) & (rng.random(n) < 0.5))
    for is_female, middles, givens, common in (
        (True, vn_names.MIDDLE_FEMALE, vn_names.GIVEN_FEMALE, "Thị"),
        (False, vn_names.MIDDLE_MALE, vn_names.GIVEN_MALE, "Văn"),
    ):
        m_names, m_folded, m_w = _vocab(middles)
        g_names, g_folded, g_w = _vocab(givens)
        young_w = m_w.copy()
        young_w[[i for i, (name, _) in enumerate(middles) if name == common]] *= (
            0.3  # fewer Thị/Văn since the 1990s
        )
        sel = np.flatnonzero(as_female == is_female)
        middle = np.empty(sel.size, dtype=np.int64)
        y = young[sel]
        middle[y] = _pick(rng, young_w, int(y.sum()))
        middle[~y] = _pick(rng, m_w, int((~y).sum()))
        given = _pick(rng, g_w, sel.size)
        f = family[sel]
        full[sel] = _join3(fam_names[f], m_names[middle], g_names[given])
        folded[sel] = _join3(fam_folded[f], m_folded[middle], g_folded[given])
        given_folded[sel] = g_folded[given]
    return full, folded, fam_folded[family], given_folded


def _join3(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.strings.add(np.strings.add(np.strings.add(np.strings.add(a, b" "), b), b" "), c)


def _emails(
    rng: np.random.Generator,
    family_folded: np.ndarray,
    given_folded: np.ndarray,
    birthday_days: np.ndarray,
    age: np.ndarray,
) -> np.ndarray:
    """Some customers leave an email: given+family name and digits at a common provider."""
    n = family_folded.size
    p = np.where((age >= 18) & (age < 41), 0.45, np.where(age < 18, 0.08, 0.22))
    has = rng.random(n) < p
    family = family_folded[has]
    given = given_folded[has]
    year = (1970 + birthday_days[has] // 365.25).astype(np.int64) % 100
    style = rng.integers(0, 4, has.sum())
    suffix = np.where(style == 0, zero_padded_text(year, 2), rng.integers(1, 999, has.sum()).astype("S3"))
    sep = np.where(style == 1, b".", b"")
    local = np.where(
        style == 3,
        np.strings.add(np.strings.add(family, given), suffix),
        np.strings.add(np.strings.add(np.strings.add(given, sep), family), suffix),
    )
    domains, _, dw = _vocab(vn_names.EMAIL_DOMAINS)
    domain = domains[_pick(rng, dw, int(has.sum()))]
    out = np.full(n, b"", dtype="S80")
    out[has] = np.strings.add(np.strings.add(local, b"@"), domain)
    return out


def _duplicates(
    rng: np.random.Generator,
    n: int,
    full_name: np.ndarray,
    name_folded: np.ndarray,
    gender: np.ndarray,
    birthday_days: np.ndarray,
    email: np.ndarray,
    phone: np.ndarray,
    phone_kind: np.ndarray,
) -> np.ndarray:
    """About 0.8 % of records re-register an earlier customer: same person, often typed without
    diacritics, no phone (the number already belongs to the first record, and phone is unique)."""
    duplicate_of = np.full(n, -1, dtype=np.int64)
    dup = np.flatnonzero(rng.random(n) < 0.008)
    dup = dup[dup > 0]
    if dup.size == 0:
        return duplicate_of
    source = (rng.random(dup.size) * dup).astype(np.int64)  # an earlier registration
    duplicate_of[dup] = source
    unaccented = rng.random(dup.size) < 0.5
    plain = _title_words(name_folded[source])
    full_name[dup] = np.where(unaccented, plain, full_name[source])
    name_folded[dup] = name_folded[source]
    gender[dup] = gender[source]
    birthday_days[dup] = birthday_days[source]
    email[dup] = email[source]
    phone[dup] = b""
    phone_kind[dup] = -1
    return duplicate_of


def _title_words(folded: np.ndarray) -> np.ndarray:
    """b'nguyen van an' → b'Nguyen Van An' (ASCII, vectorised over the byte matrix)."""
    text = np.ascontiguousarray(folded)
    if text.size == 0:
        return text
    matrix = text.view(np.uint8).reshape(text.size, text.dtype.itemsize).copy()
    starts = np.ones_like(matrix, dtype=bool)
    starts[:, 1:] = matrix[:, :-1] == ord(" ")
    lower = (matrix >= ord("a")) & (matrix <= ord("z"))
    matrix[starts & lower] -= 32
    return matrix.view(text.dtype).ravel()
