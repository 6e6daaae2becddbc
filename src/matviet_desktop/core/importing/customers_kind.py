"""Customer import with phone-first identity (issue 5, "Identity").

A row is the same customer as an existing one when:
1. its external id matches; else
2. its canonical phone matches and no external id contradicts it (a row without an external id
   is identified by its phone; a row with one matches only a holder without one and the same
   folded name); else
3. its email matches exactly one customer with the same folded name and no contradicting id.
Anything weaker creates a new customer and, for a shared phone or email or the same name and
birthday, a pair in `duplicate_candidates` for a person to review. A phone already held by
another customer is never moved silently: the new customer is created without it.
Blank cells never erase stored values.
"""

from __future__ import annotations

from matviet_desktop.core.importing import enums
from matviet_desktop.core.importing.kinds import (
    EMAIL_RE,
    Outcome,
    StageContext,
    create_stage,
    date_checks,
    duplicate_check,
    enum_expr,
    lit,
    problem,
)


def search_text_sql(name: str, phone: str, email: str) -> str:
    """The same text as core.text.search_text(name, phone, email), in SQL."""
    digits = f"regexp_replace({phone}, '\\D', '', 'g')"
    return (
        f"concat_ws(' ', NULLIF(pg_temp.mv_fold({name}), ''), NULLIF({digits}, ''),"
        f" CASE WHEN {digits} LIKE '84%' THEN '0' || substr({digits}, 3) END, lower({email}))"
    )


def stage(ctx: StageContext) -> None:
    c = ctx.col
    gender = enum_expr(c("gender"), enums.GENDER)
    birthday = f"pg_temp.mv_date({c('birthday')}, {ctx.date_order})"
    email = f"lower({c('email')})"
    columns = [
        f"{c('external_id')} AS external_id",
        f"{c('full_name')} AS full_name",
        "pm.e164 AS phone",
        f"{email} AS email",
        f"{gender} AS gender",
        f"{birthday} AS birthday",
        f"{c('province')} AS province",
        "st.id AS home_store_id",
    ]
    checks = [
        problem(f"{c('full_name')} IS NULL", "missing_value", "full_name"),
        problem(f"{c('phone')} IS NOT NULL AND pm.e164 IS NULL", "bad_phone", "phone", "pm.message"),
        problem(f"{email} IS NOT NULL AND {email} !~ '{EMAIL_RE}'", "bad_email", "email"),
        problem(
            f"{c('gender')} IS NOT NULL AND {gender} IS NULL",
            "bad_value",
            "gender",
            lit("'nam', 'nữ', 'khác'"),
        ),
        *date_checks("birthday", birthday, c("birthday"), False),
        problem(f"{c('home_store_code')} IS NOT NULL AND st.id IS NULL", "unknown_store", "home_store_code"),
        problem(
            f"{c('external_id')} IS NULL AND {c('phone')} IS NULL AND {c('email')} IS NULL",
            "missing_identity",
            "external_id",
        ),
        duplicate_check("external_id", c("external_id")),
        duplicate_check("phone", "pm.e164"),
    ]
    joins = (
        f"LEFT JOIN stg_phone pm ON pm.raw = {c('phone')} "
        f"LEFT JOIN stores st ON st.code = {c('home_store_code')}"
    )
    create_stage(ctx, columns, joins, checks)
    _match(ctx)


def _match(ctx: StageContext) -> None:
    cur = ctx.cur
    cur.execute(
        """
        CREATE TEMP TABLE stg_match ON COMMIT DROP AS
        SELECT x.*, COALESCE(x.target, gen_random_uuid()) AS cid FROM (
          SELECT s.line_no, ce.id AS by_ext, cp.id AS by_phone,
            COALESCE(
              ce.id,
              CASE WHEN cp.id IS NOT NULL AND (s.external_id IS NULL OR (cp.external_id IS NULL
                   AND pg_temp.mv_fold(cp.full_name) = pg_temp.mv_fold(s.full_name))) THEN cp.id END,
              CASE WHEN em.n = 1 AND (s.external_id IS NULL OR em.external_id IS NULL)
                   AND pg_temp.mv_fold(em.full_name) = pg_temp.mv_fold(s.full_name) THEN em.id END
            ) AS target
          FROM stg s
          LEFT JOIN customers ce ON ce.external_id = s.external_id
          LEFT JOIN customers cp ON cp.phone = s.phone
          LEFT JOIN LATERAL (
            SELECT (array_agg(e.id))[1] AS id, count(*) AS n, (array_agg(e.external_id))[1] AS external_id,
                   (array_agg(e.full_name))[1] AS full_name
            FROM customers e WHERE lower(e.email) = s.email
          ) em ON s.email IS NOT NULL
          WHERE cardinality(s.problems) = 0
        ) x
        """
    )
    # Two rows of the file resolving to one stored customer: keep the first, reject the others.
    cur.execute(
        """
        WITH d AS (
          SELECT line_no, row_number() OVER (PARTITION BY target ORDER BY line_no) AS rn,
                 min(line_no) OVER (PARTITION BY target) AS first_line
          FROM stg_match WHERE target IS NOT NULL
        ), marked AS (
          UPDATE stg s SET problems = s.problems || ('same_customer_in_file||' || d.first_line)
          FROM d WHERE d.line_no = s.line_no AND d.rn > 1 RETURNING s.line_no
        )
        DELETE FROM stg_match m USING marked WHERE m.line_no = marked.line_no
        """
    )
    cur.execute(
        "ALTER TABLE stg_match ADD COLUMN phone_to_set text; "
        "UPDATE stg_match m SET phone_to_set = s.phone FROM stg s "
        "WHERE s.line_no = m.line_no AND (m.by_phone IS NULL OR m.by_phone = m.cid)"
    )
    cur.execute("CREATE UNIQUE INDEX ON stg_match (line_no); ANALYZE stg_match")


def apply(ctx: StageContext) -> Outcome:
    cur = ctx.cur
    updated = cur.execute(
        f"""
        WITH nv AS (
          SELECT m.target AS id,
                 COALESCE(c.external_id, s.external_id) AS external_id,
                 CASE WHEN s.external_id IS NULL THEN c.full_name ELSE s.full_name END AS full_name,
                 COALESCE(m.phone_to_set, c.phone) AS phone,
                 COALESCE(s.email, c.email) AS email,
                 COALESCE(s.gender, c.gender) AS gender,
                 COALESCE(s.birthday, c.birthday) AS birthday,
                 COALESCE(s.province, c.province) AS province,
                 COALESCE(s.home_store_id, c.home_store_id) AS home_store_id
          FROM stg_match m JOIN stg s ON s.line_no = m.line_no JOIN customers c ON c.id = m.target
        ), upd AS (
          UPDATE customers c SET external_id = nv.external_id, full_name = nv.full_name, phone = nv.phone,
                 email = nv.email, gender = nv.gender, birthday = nv.birthday, province = nv.province,
                 home_store_id = nv.home_store_id,
                 search_text = {search_text_sql("nv.full_name", "nv.phone", "nv.email")}, updated_at = now()
          FROM nv WHERE c.id = nv.id
            AND (c.external_id, c.full_name, c.phone, c.email, c.gender, c.birthday, c.province, c.home_store_id)
                IS DISTINCT FROM (nv.external_id, nv.full_name, nv.phone, nv.email, nv.gender, nv.birthday,
                                  nv.province, nv.home_store_id)
          RETURNING 1
        ) SELECT count(*) FROM upd
        """
    ).fetchone()
    inserted = cur.execute(
        f"""
        WITH ins AS (
          INSERT INTO customers (id, external_id, full_name, phone, email, gender, birthday, province,
                                 home_store_id, search_text)
          SELECT m.cid, s.external_id, s.full_name, m.phone_to_set, s.email, s.gender, s.birthday, s.province,
                 s.home_store_id, {search_text_sql("s.full_name", "m.phone_to_set", "s.email")}
          FROM stg_match m JOIN stg s ON s.line_no = m.line_no WHERE m.target IS NULL
          RETURNING 1
        ) SELECT count(*) FROM ins
        """
    ).fetchone()
    candidates = cur.execute(
        """
        WITH pairs AS (
          SELECT m.cid AS x, m.by_phone AS y, 'same_phone' AS reason, 0.900 AS score, 1 AS prio
          FROM stg_match m WHERE m.by_phone IS NOT NULL AND m.by_phone <> m.cid
          UNION ALL
          SELECT m.cid, e.id, 'same_email', 0.700, 2
          FROM stg_match m JOIN stg s ON s.line_no = m.line_no
          JOIN customers e ON lower(e.email) = s.email AND e.id <> m.cid
          UNION ALL
          SELECT m.cid, b.id, 'same_name_birthday', 0.600, 3
          FROM stg_match m JOIN stg s ON s.line_no = m.line_no
          JOIN customers b ON b.birthday = s.birthday AND b.id <> m.cid
           AND pg_temp.mv_fold(b.full_name) = pg_temp.mv_fold(s.full_name)
        ), ins AS (
          INSERT INTO duplicate_candidates (customer_a, customer_b, reason, score)
          SELECT DISTINCT ON (LEAST(x, y), GREATEST(x, y)) LEAST(x, y), GREATEST(x, y), reason, score
          FROM pairs ORDER BY LEAST(x, y), GREATEST(x, y), prio
          ON CONFLICT (customer_a, customer_b) DO NOTHING
          RETURNING 1
        ) SELECT count(*) FROM ins
        """
    ).fetchone()
    assert updated is not None and inserted is not None and candidates is not None
    return Outcome(int(inserted[0]), int(updated[0]), int(candidates[0]))
