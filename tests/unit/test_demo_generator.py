"""The demo generator without a database: determinism, encodings and plausibility of the columns."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid

import numpy as np
import pytest

from matviet_desktop.core.db import bulk
from matviet_desktop.core.demo import seed as demo_seed
from matviet_desktop.core.demo.stores import STORES
from matviet_desktop.core.demo.vn_phones import MOBILE_PREFIXES, draw_phones, is_valid_mobile
from matviet_desktop.core.text import search_text

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def data() -> demo_seed.DemoData:
    return demo_seed.generate(customers=4000, seed=11, as_of=AS_OF)


def _column(data: demo_seed.DemoData, table: str, name: str) -> list[str]:
    names, cols = data.build(table)
    return [v.decode() for v in cols[names.index(name)].tolist()]


def _digest(data: demo_seed.DemoData) -> str:
    h = hashlib.md5()
    for table in sorted(data.builders):
        for col in data.build(table)[1]:
            h.update(bulk.encode_rows([col]))
    return h.hexdigest()


def test_same_seed_same_data_and_other_seed_other_data(data: demo_seed.DemoData) -> None:
    again = demo_seed.generate(customers=4000, seed=11, as_of=AS_OF)
    other = demo_seed.generate(customers=4000, seed=12, as_of=AS_OF)
    assert _digest(again) == _digest(data)
    assert _digest(other) != _digest(data)


def test_encode_rows_matches_a_plain_python_rendering() -> None:
    cols = [np.array([b"a", b"bcd", b"\\N"]), np.array([b"x\xc3\xa1", b"", b"12345"])]
    expected = b"".join(b"\t".join(row) + b"\n" for row in zip(*(c.tolist() for c in cols), strict=True))
    assert bulk.encode_rows(cols) == expected


def test_uuid_text_is_canonical_version_4() -> None:
    raw = bulk.new_uuids(np.random.default_rng(1), 50)
    texts = [t.decode() for t in bulk.uuid_text(raw).tolist()]
    for text, row in zip(texts, raw, strict=True):
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.bytes == row.tobytes()


def test_phones_are_canonical_vietnamese_numbers() -> None:
    phones, kind = draw_phones(np.random.default_rng(3), 20000)
    values = [p.decode() for p in phones.tolist()]
    assert all(re.fullmatch(r"\+84\d{9,10}", v) for v in values)
    mobile = [v for v, k in zip(values, kind, strict=True) if k == 0]
    assert all(is_valid_mobile(v) for v in mobile)
    assert 0.98 < len(mobile) / len(values) < 1.0  # a few retired or landline numbers, as real data has
    viettel = sum(
        v[3:5] in ("86", "96", "97", "98", "32", "33", "34", "35", "36", "37", "38", "39") for v in mobile
    )
    assert 0.45 < viettel / len(mobile) < 0.62
    assert {v[3:5] for v in mobile} <= set(MOBILE_PREFIXES)


def test_search_text_equals_the_python_folding(data: demo_seed.DemoData) -> None:
    names = _column(data, "customers", "full_name")
    phones = _column(data, "customers", "phone")
    emails = _column(data, "customers", "email")
    stored = _column(data, "customers", "search_text")
    for name, phone, email, text in list(zip(names, phones, emails, stored, strict=True))[:1500]:
        expected = search_text(name, None if phone == "\\N" else phone, None if email == "\\N" else email)
        assert text == expected


def test_names_have_diacritics_and_real_family_name_shares(data: demo_seed.DemoData) -> None:
    names = _column(data, "customers", "full_name")
    family = [n.split(" ")[0] for n in names]
    assert 0.30 <= family.count("Nguyễn") / len(names) <= 0.45
    assert family.count("Trần") > family.count("Phạm") > family.count("Đặng")
    assert sum(n != n.encode("ascii", "ignore").decode() for n in names) / len(names) > 0.9
    assert all(2 <= len(n.split(" ")) <= 5 for n in names)


def test_stores_are_about_sixty_in_real_provinces() -> None:
    physical = [s for s in STORES if not s.online]
    assert 55 <= len(physical) <= 65
    assert len({s.code for s in STORES}) == len(STORES)
    assert len({s.province for s in physical}) >= 25
    assert min(s.opened_at for s in physical).year <= 2010 and max(s.opened_at for s in physical).year >= 2024


@pytest.mark.parametrize(
    ("customers", "as_of"), [(1, AS_OF), (40, dt.date(2028, 2, 29)), (40, dt.date(2012, 1, 1))]
)
def test_small_counts_leap_days_and_early_dates_render_every_table(customers: int, as_of: dt.date) -> None:
    data = demo_seed.generate(customers=customers, seed=5, as_of=as_of)
    for table in demo_seed.DEMO_TABLES:
        names, cols = data.build(table)
        assert len(names) == len(cols)
        text = bulk.encode_rows(cols)
        assert text.count(b"\n") == len(cols[0])
    orders = data.build("orders")
    dates = orders[1][orders[0].index("order_date")].tolist()
    end = (
        (dt.datetime.combine(as_of, dt.time()) - dt.timedelta(hours=7)).strftime("%Y-%m-%d %H:%M:%S").encode()
    )
    assert all(d[:19] < end for d in dates)  # nothing on or after the as-of date (Vietnam time)
