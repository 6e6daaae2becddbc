"""Differential tests: random rules, compiled to SQL and run on PostgreSQL, must select exactly the
customers the independent in-memory evaluator selects on the same data."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments import halves
from matviet_desktop.core.segments.catalogue import FieldType
from matviet_desktop.core.segments.compiler import as_node, count_query, members_query
from matviet_desktop.core.segments.evaluator import Evaluator, load_snapshot
from matviet_desktop.core.segments.probes import guarded_tests
from matviet_desktop.core.segments.service import count
from tests.integration.segments_data import AS_OF_DATES, PROMOS, STORE_CODES, VN, build_dataset

# Date fields carry most of the boundary logic (time zones, day ends, anniversaries): draw them more.
WEIGHTED_FIELDS = [
    spec
    for spec in cat.FIELDS.values()
    for _ in range(4 if spec.type in (FieldType.DATE, FieldType.DATETIME) else 1)
]
EXAMPLES = int(os.environ.get("SEGMENTS_DIFF_EXAMPLES", "400"))


@pytest.fixture(scope="module")
def dataset(pg_server: Any, template_db: str) -> Iterator[tuple[Engine, dict[str, Any], Any]]:
    name = f"seg_diff_{os.getpid()}"
    url = pg_server.create_database(name, template=template_db)
    engine = make_engine(url)
    ids = build_dataset(engine)
    yield engine, ids, load_snapshot(engine)
    engine.dispose()
    pg_server.drop_database(name)


def _observed(customers: list[dict[str, Any]], column: str) -> list[Any]:
    return sorted({c[column] for c in customers if c.get(column) is not None}, key=str)


def _value_strategy(spec: cat.FieldSpec, pools: dict[str, list[Any]]) -> st.SearchStrategy[Any]:
    seen = pools.get(spec.name, [])
    t = spec.type
    if t == FieldType.BOOL:
        return st.booleans()
    if t == FieldType.INTEGER:
        return st.one_of(st.sampled_from(seen or [0]), st.integers(-5, 1500))
    if t in (FieldType.NUMBER, FieldType.MONEY):
        return st.one_of(
            st.sampled_from([float(v) if v != v.to_integral_value() else int(v) for v in seen] or [0]),
            st.integers(-10, 40_000_000),
            st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2).map(float),
        )
    if t in (FieldType.DATE, FieldType.DATETIME):
        days = st.dates(dt.date(2023, 1, 1), dt.date(2027, 1, 1))
        if seen:
            # Observed calendar days (in Vietnam), so that boundaries are hit exactly and often.
            local = sorted({v.astimezone(VN).date() if isinstance(v, dt.datetime) else v for v in seen})
            days = st.one_of(days, st.sampled_from(local), st.sampled_from(local))
        return days.map(dt.date.isoformat)
    if t == FieldType.STORE:
        return st.sampled_from([*STORE_CODES, "XX99"])
    if t == FieldType.ENUM:
        return st.sampled_from(
            [v.value for v in spec.values] if spec.strict else [*{str(v) for v in seen}, "x"]
        )
    # text: fragments of real values, folded or not, plus LIKE wildcards
    fragments = [
        "nguyen",
        "Nguyễn",
        "THỊ",
        "đức",
        "100%",
        "%",
        "_",
        "a",
        "hà",
        "ho chi minh",
        "Hà Nội",
        "Vũ 100%_Mạnh",
    ]
    return st.sampled_from(fragments + [str(v) for v in seen])


def _field_condition(pools: dict[str, list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        spec = draw(st.sampled_from(WEIGHTED_FIELDS))
        op = draw(st.sampled_from(spec.operators))
        node: dict[str, Any] = {"field": spec.name, "op": op}
        if op in cat.NO_VALUE_OPS:
            return node
        if op in cat.DAY_COUNT_OPS:
            node["value"] = draw(st.integers(0, 400 if op != "anniversary_within_days" else 40))
        elif op in cat.LIST_OPS:
            node["value"] = draw(st.lists(_value_strategy(spec, pools), min_size=1, max_size=4))
        elif op == "between":
            a, b = draw(_value_strategy(spec, pools)), draw(_value_strategy(spec, pools))
            node["value"] = sorted([a, b], key=lambda v: Decimal(str(v)) if isinstance(v, int | float) else v)
        else:
            node["value"] = draw(_value_strategy(spec, pools))
        return node

    return build()


def _event_condition(ids: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    wheres = {
        "purchase": st.fixed_dictionaries(
            {},
            optional={
                "category": st.sampled_from(list(cat.CATEGORY_LABELS)),
                "store_code": st.sampled_from(STORE_CODES),
                "channel": st.sampled_from(["in_store", "website", "phone"]),
                "min_amount": st.sampled_from([0, 150_000, 600_000, 2_500_000]),
                "promo_code": st.sampled_from([p for p in PROMOS if p] + ["Summer10"]),
                "weekend": st.booleans(),
            },
        ),
        "nps_response": st.fixed_dictionaries(
            {}, optional={"min_score": st.integers(0, 10), "max_score": st.integers(0, 10)}
        ),
        "store_visit": st.just({}),
        "eye_exam": st.just({}),
    }
    campaign_where = st.fixed_dictionaries(
        {},
        optional={
            "campaign_id": st.sampled_from([str(c) for c in ids["campaigns"]]),
            "channel": st.sampled_from(["sms", "zalo", "email"]),
        },
    )
    for kind in ("campaign_sent", "campaign_delivered", "campaign_opened", "campaign_clicked"):
        wheres[kind] = campaign_where

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        event = draw(st.sampled_from(list(wheres)))
        node: dict[str, Any] = {
            "event": event,
            "count_op": draw(st.sampled_from(cat.COUNT_OPS)),
            "count": draw(st.integers(0, 4)),
        }
        where = draw(wheres[event])
        if where:
            node["where"] = where
        if draw(st.booleans()):
            node["within_last_days"] = draw(st.integers(0, 400))
        return node

    return build()


def rules(ids: dict[str, Any], pools: dict[str, list[Any]]) -> st.SearchStrategy[Any]:
    segment = st.builds(
        lambda s, m: {"segment": str(s), "member": m}, st.sampled_from(ids["segments"]), st.booleans()
    )
    leaf = st.one_of(_field_condition(pools), _field_condition(pools), _event_condition(ids), segment)
    return st.recursive(
        leaf,
        lambda children: st.one_of(
            st.lists(children, min_size=0, max_size=4).map(lambda xs: {"all": xs}),
            st.lists(children, min_size=0, max_size=4).map(lambda xs: {"any": xs}),
            children.map(lambda x: {"not": x}),
        ),
        max_leaves=8,
    )


def _pools(ids: dict[str, Any]) -> dict[str, list[Any]]:
    columns = {name for name in cat.FIELDS} & set(ids["customers"][0])
    return {name: _observed(ids["customers"], name) for name in columns}


def test_random_rules_agree_with_the_in_memory_evaluator(dataset: Any) -> None:
    engine, ids, snapshot = dataset
    seen_sizes: set[int] = set()
    probed: list[int] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(rule=rules(ids, _pools(ids)), as_of=st.sampled_from([*AS_OF_DATES, None]))
    def check(rule: Any, as_of: dt.date | None) -> None:
        with engine.connect() as conn:
            got = {row[0] for row in conn.execute(members_query(rule, as_of))}
        expected = Evaluator(snapshot, as_of).members(rule)
        assert got == expected, (
            f"rule={rule} as_of={as_of}: sql-only={got - expected} memory-only={expected - got}"
        )
        # Counts take their own routes (a lone event set, scores first): they must agree too.
        assert count(engine, rule, as_of) == len(expected), f"rule={rule} as_of={as_of}"
        seen_sizes.add(len(got))
        # The per-customer probe form of EXISTS tests under an OR (probes.py) selects the same.
        node = as_node(rule)
        every_test = frozenset(id(test) for test, _ in guarded_tests(node))
        if every_test:
            with engine.connect() as conn:
                probing = {row[0] for row in conn.execute(members_query(node, as_of, every_test))}
            assert probing == expected, f"rule={rule} as_of={as_of} (probes)"
            # ... and so does its count in two halves (halves.py), whatever the planner estimates.
            in_halves = halves.count_in_halves(
                engine, lambda conn: None, lambda lo, hi: count_query(node, as_of, every_test, (lo, hi))
            )
            assert in_halves == len(expected), f"rule={rule} as_of={as_of} (halves)"
            probed.append(len(every_test))

    check()
    # The generated rules must not be trivially all-or-nothing: they select many different sizes.
    assert len(seen_sizes) > 30
    assert len(probed) > EXAMPLES // 20, "too few rules with EXISTS tests under an OR"


@pytest.mark.parametrize(
    "rule",
    [
        {"field": "full_name", "op": "contains", "value": "nguyen"},
        {"field": "full_name", "op": "starts_with", "value": "NGUYỄN THI"},
        {"field": "full_name", "op": "contains", "value": "100%_"},
        {"field": "province", "op": "eq", "value": "Hồ Chí Minh"},
        {"field": "search", "op": "contains", "value": "NGUYỄN"},
        {"field": "search", "op": "starts_with", "value": "tran thi"},
        {"field": "birthday", "op": "anniversary_within_days", "value": 0},
        {"event": "purchase", "where": {"promo_code": "summer10"}, "count_op": "gte", "count": 1},
        {"event": "nps_response", "where": {"max_score": 6}},
        {"event": "campaign_opened", "count_op": "eq", "count": 0},
        {"not": {"field": "lifecycle_stage", "op": "eq", "value": "churned"}},
    ],
)
def test_documented_examples_agree_and_select_someone(dataset: Any, rule: Any) -> None:
    engine, _, snapshot = dataset
    as_of = AS_OF_DATES[0]
    expected = Evaluator(snapshot, as_of).members(rule)
    assert count(engine, rule, as_of) == len(expected)
    assert 0 < len(expected) < len(snapshot.customers)


@pytest.mark.parametrize("category", list(cat.CATEGORY_LABELS))
def test_purchases_by_category_count_orders_not_lines(dataset: Any, category: str) -> None:
    """Category conditions read the order lines (0009): an order with two lines is one purchase."""
    engine, _, snapshot = dataset
    with engine.connect() as conn:
        doubled = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT order_id FROM order_items WHERE category = :c"
                " GROUP BY order_id HAVING count(*) > 1) d"
            ),
            {"c": category},
        ).scalar_one()
    assert doubled > 0  # the dataset has orders with two lines of the category
    as_of = AS_OF_DATES[0]
    evaluator = Evaluator(snapshot, as_of)
    for op in cat.COUNT_OPS:
        for n in (1, 2, 3):
            for days in (None, 300):
                rule: dict[str, Any] = {"event": "purchase", "where": {"category": category}, "count_op": op}
                rule |= {"count": n} | ({"within_last_days": days} if days else {})
                assert count(engine, rule, as_of) == len(evaluator.members(rule)), rule


def test_diacritics_insensitive_text_matching(dataset: Any) -> None:
    engine, ids, _ = dataset
    names = {c["full_name"] for c in ids["customers"]}
    assert {"Nguyễn Văn An", "NGUYỄN THỊ ÁNH"} <= names
    n_nguyen = sum(1 for c in ids["customers"] if c["full_name"].startswith(("Nguyễn", "NGUYỄN")))
    assert count(engine, {"field": "full_name", "op": "starts_with", "value": "nguyen"}) == n_nguyen


def _boundary_days(ids: dict[str, Any], field: str) -> list[dt.date]:
    """Local days of values sitting on a Vietnam midnight (± 1 µs), and their neighbours."""
    days = set()
    for c in ids["customers"]:
        v = c.get(field)
        if isinstance(v, dt.datetime):
            local = v.astimezone(VN)
            if local.time() in (dt.time(0, 0), dt.time(23, 59, 59, 999999)):
                days |= {local.date() + dt.timedelta(days=k) for k in (-1, 0, 1)}
    return sorted(days)[:12]


@pytest.mark.parametrize(
    "field", [f.name for f in cat.FIELDS.values() if f.type in (FieldType.DATE, FieldType.DATETIME)]
)
def test_every_date_operator_agrees_on_day_boundaries(dataset: Any, field: str) -> None:
    engine, ids, snapshot = dataset
    days = _boundary_days(ids, field) or [dt.date(2000, 2, 29), AS_OF_DATES[0]]
    checked = 0
    for as_of in (AS_OF_DATES[0], days[len(days) // 2]):
        evaluator = Evaluator(snapshot, as_of)
        for op in cat.FIELDS[field].operators:
            if op in cat.NO_VALUE_OPS:
                values: list[Any] = [None]
            elif op in cat.DAY_COUNT_OPS:
                values = [0, 1, 30, 365]
            elif op == "between":
                values = [[days[0].isoformat(), d.isoformat()] for d in days]
            elif op in cat.LIST_OPS:
                continue
            else:
                values = [d.isoformat() for d in days]
            for value in values:
                rule = {"field": field, "op": op} | ({} if value is None else {"value": value})
                with engine.connect() as conn:
                    got = {row[0] for row in conn.execute(members_query(rule, as_of))}
                assert got == evaluator.members(rule), rule
                checked += 1
    assert checked > 40
