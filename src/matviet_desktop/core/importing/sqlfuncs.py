"""Session-local SQL helper used where names are compared inside the database.

`pg_temp.mv_fold(text)` is core.text.fold in SQL (no unaccent extension): NFD, drop the combining
diacritics block, đ → d, lower case, collapse spaces. It agrees with Python's fold for Vietnamese and
other Latin text. Values read from files are folded in Python instead (once per distinct value);
this function serves the few comparisons against stored customers.
"""

from __future__ import annotations


def create_functions_sql() -> str:
    return r"""
CREATE OR REPLACE FUNCTION pg_temp.mv_fold(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
    lower(translate(regexp_replace(normalize(v, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dd')),
    '\s+', ' ', 'g'))
$$;
"""
