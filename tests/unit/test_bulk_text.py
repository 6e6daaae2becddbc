"""COPY text built as byte matrices (core.db.bulk) reads back as what a str() would give."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matviet_desktop.core.db import bulk


@given(st.lists(st.integers(-(10**15), 10**15), min_size=1, max_size=50), st.integers(0, 4))
def test_fixed_point_text_matches_python_formatting(values: list[int], places: int) -> None:
    text = bulk.encode_rows([bulk.fixed_point_text(np.array(values), places)]).decode().splitlines()
    expected = [
        str(v)
        if places == 0
        else f"{'-' if v < 0 else ''}{abs(v) // 10**places}.{abs(v) % 10**places:0{places}d}"
        for v in values
    ]
    assert text == expected


def test_labels_text_encodes_utf8_and_nulls() -> None:
    values = ["active", None, "Khách trung thành", "active", float("nan")]
    assert bulk.encode_rows([bulk.labels_text(values)]).decode().splitlines() == [
        "active",
        "\\N",
        "Khách trung thành",
        "active",
        "\\N",
    ]


@pytest.mark.parametrize("kind", ["int4", "float8"])
def test_parse_fixed_binary_names_a_null_field(kind: str) -> None:
    header = b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
    row = (1).to_bytes(2, "big") + (-1).to_bytes(4, "big", signed=True)  # one field, NULL
    with pytest.raises(ValueError, match="field x has -1 bytes"):
        bulk.parse_fixed_binary(header + row + b"\xff\xff", [("x", kind)])
