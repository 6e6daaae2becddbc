"""What staff type in the customer search box, turned into a search."""

from __future__ import annotations

from matviet_desktop.core.customers.queries import parse_search


def test_phone_in_any_format_becomes_local_digits_prefix() -> None:
    for typed in ("0912 345 678", "+84 912 345 678", "84-912-345-678", "(091) 234.5678"):
        term = parse_search(typed)
        assert term.kind == "phone"
        assert term.tsquery.startswith("091") and term.tsquery.endswith(":*")
    assert parse_search("0912").tsquery == "0912:*"


def test_names_fold_diacritics_and_only_the_word_being_typed_is_a_prefix() -> None:
    assert parse_search("Nguyễn Thị Á").tsquery == "nguyen & thi & a:*"
    assert parse_search("trần văn ").tsquery == "tran & van"  # a trailing space: every word is complete
    assert parse_search("Đào").tsquery == "dao:*"


def test_email_and_empty() -> None:
    assert parse_search(" An.Nguyen@Gmail.com ").email == "an.nguyen@gmail.com"
    assert parse_search("   ").kind == "empty"
    assert parse_search("—").kind == "empty"
