"""Session-local SQL helpers (pg_temp functions) that parse staged text without ever raising:
a value that cannot be read becomes a sentinel ('-infinity', NaN) that validation reports, so a
bad cell rejects its row instead of aborting the whole import.
"""

from __future__ import annotations

from functools import lru_cache

from matviet_desktop.core.text import fold


@lru_cache(maxsize=1)
def _fold_translation() -> tuple[str, str]:
    """Characters whose Python fold() is one ASCII letter: the same folding in SQL via translate()."""
    source: list[str] = []
    target: list[str] = []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalpha() and folded != char:
            source.append(char)
            target.append(folded)
    return "".join(source), "".join(target)


def create_functions_sql() -> str:
    source, target = _fold_translation()
    return f"""
CREATE OR REPLACE FUNCTION pg_temp.mv_fold(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(lower(translate(v, '{source}', '{target}')), '\\s+', ' ', 'g'))
$$;

-- Amount in VND as written by staff: "1.250.000", "1,250,000 đ", "1250000.0", "-50.000".
-- NULL when empty, NaN when unreadable.
CREATE OR REPLACE FUNCTION pg_temp.mv_amount(v text) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE s text;
BEGIN
  IF v IS NULL THEN RETURN NULL; END IF;
  s := regexp_replace(lower(v), '(vnđ|vnd|đồng|đ|₫|\\s)', '', 'g');
  IF s = '' THEN RETURN NULL; END IF;
  IF s ~ '^-?\\d{{1,3}}([.,]\\d{{3}})+$' AND s !~ '\\..*,|,.*\\.' THEN
    s := replace(replace(s, '.', ''), ',', '');
  ELSIF s ~ '^-?\\d{{1,3}}(\\.\\d{{3}})+,\\d{{1,2}}$' THEN
    s := replace(replace(s, '.', ''), ',', '.');
  ELSIF s ~ '^-?\\d{{1,3}}(,\\d{{3}})+\\.\\d{{1,2}}$' THEN
    s := replace(s, ',', '');
  ELSIF s ~ '^-?\\d{{1,13}}([.,]\\d+)?$' THEN
    s := replace(s, ',', '.');
  ELSE
    RETURN 'NaN';
  END IF;
  IF length(split_part(ltrim(s, '-'), '.', 1)) > 13 THEN RETURN 'NaN'; END IF;
  RETURN s::numeric;
END $$;

-- Timestamp as written: ISO "2024-12-25 14:30[:00][+07:00|Z]" or "25/12/2024 [14:30[:00]]"
-- (also - and . separators); day first unless ord = 'mdy'. Naive times are Asia/Ho_Chi_Minh.
-- NULL when empty, -infinity when unreadable or impossible (31/02).
CREATE OR REPLACE FUNCTION pg_temp.mv_ts(v text, ord text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE m text[]; y int; mo int; d int; h int; mi int; sec numeric; off int; ts timestamp;
BEGIN
  v := btrim(v);
  IF v IS NULL OR v = '' THEN RETURN NULL; END IF;
  m := regexp_match(v, '^(\\d{{4}})[-/.](\\d{{1,2}})[-/.](\\d{{1,2}})(?:[ T](\\d{{1,2}}):(\\d{{2}})(?::(\\d{{2}}(?:\\.\\d+)?))?)?\\s*(Z|[+-]\\d{{2}}:?\\d{{2}})?$');
  IF m IS NOT NULL THEN
    y := m[1]; mo := m[2]; d := m[3];
  ELSE
    m := regexp_match(v, '^(\\d{{1,2}})[-/.](\\d{{1,2}})[-/.](\\d{{4}})(?:[ T](\\d{{1,2}}):(\\d{{2}})(?::(\\d{{2}}(?:\\.\\d+)?))?)?\\s*(Z|[+-]\\d{{2}}:?\\d{{2}})?$');
    IF m IS NULL THEN RETURN '-infinity'; END IF;
    IF ord = 'mdy' THEN mo := m[1]; d := m[2]; ELSE d := m[1]; mo := m[2]; END IF;
    y := m[3];
  END IF;
  h := coalesce(m[4]::int, 0); mi := coalesce(m[5]::int, 0); sec := coalesce(m[6]::numeric, 0);
  IF y < 1900 OR y > 2200 OR mo < 1 OR mo > 12 OR d < 1 OR h > 23 OR mi > 59 OR sec >= 60
     OR d > extract(day FROM make_date(y, mo, 1) + interval '1 month - 1 day') THEN
    RETURN '-infinity';
  END IF;
  ts := make_timestamp(y, mo, d, h, mi, sec::double precision);
  IF m[7] IS NULL THEN RETURN ts AT TIME ZONE 'Asia/Ho_Chi_Minh'; END IF;
  IF m[7] = 'Z' THEN RETURN ts AT TIME ZONE 'UTC'; END IF;
  off := (substr(replace(m[7], ':', ''), 2, 2)::int * 60 + substr(replace(m[7], ':', ''), 4, 2)::int)
         * CASE WHEN left(m[7], 1) = '-' THEN -1 ELSE 1 END;
  RETURN (ts - make_interval(mins => off)) AT TIME ZONE 'UTC';
END $$;

CREATE OR REPLACE FUNCTION pg_temp.mv_date(v text, ord text) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN t = '-infinity' THEN '-infinity'::date
              ELSE (t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END
  FROM (SELECT pg_temp.mv_ts(v, ord) AS t) x
$$;
"""
