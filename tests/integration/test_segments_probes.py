"""The probe planner decides from PostgreSQL's estimates: probe when few customers reach a test
that many events would have to be hashed for, hash otherwise; counts agree either way."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, insert, text

from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.db.models import Customer
from matviet_desktop.core.segments import halves
from matviet_desktop.core.segments import service as seg_service
from matviet_desktop.core.segments.compiler import as_node, count_query
from matviet_desktop.core.segments.evaluator import Evaluator, load_snapshot
from matviet_desktop.core.segments.probes import choose_probes, explain_tests, guarded_tests
from matviet_desktop.core.segments.service import count
from tests.integration.segments_data import AS_OF_DATES, build_dataset

NOBODY = {"field": "full_name", "op": "eq", "value": "Không Ai Có Tên Này"}
EVERYBODY = {"not": {"field": "full_name", "op": "is_null"}}
ANY_PURCHASE = {"not": {"event": "purchase", "within_last_days": 3650}}
RARE_EVENT = {"event": "nps_response", "where": {"max_score": 0}, "within_last_days": 30}
PROVINCE = {"field": "province", "op": "eq", "value": "Hà Nội"}


@pytest.fixture(scope="module")
def dataset(pg_server: Any, template_db: str) -> Iterator[tuple[Engine, Any]]:
    name = f"seg_probes_{os.getpid()}"
    url = pg_server.create_database(name, template=template_db)
    engine = make_engine(url)
    build_dataset(engine)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # the planner's estimates are what is under test
    yield engine, load_snapshot(engine)
    engine.dispose()
    pg_server.drop_database(name)


def _chosen(engine: Engine, rule: Any) -> list[bool]:
    node = as_node(rule)
    with engine.connect() as conn:
        chosen = choose_probes(conn, node, AS_OF_DATES[0])
    return [id(test) in chosen for test, _ in guarded_tests(node)]


def test_few_customers_reaching_many_events_are_probed(dataset: Any) -> None:
    engine, _ = dataset
    assert _chosen(engine, {"any": [{"all": [NOBODY, ANY_PURCHASE]}, PROVINCE]}) == [True]


def test_everybody_reaching_a_rare_event_is_hashed(dataset: Any) -> None:
    engine, _ = dataset
    assert _chosen(engine, {"any": [{"all": [EVERYBODY, RARE_EVENT]}, PROVINCE]}) == [False]


def test_the_estimates_are_the_customers_reaching_and_the_events_tested(dataset: Any) -> None:
    engine, snapshot = dataset
    node = as_node({"any": [{"all": [EVERYBODY, ANY_PURCHASE]}, PROVINCE]})
    with engine.connect() as conn:
        [(_, (reach, rows))] = explain_tests(conn, node, AS_OF_DATES[0])
        completed = conn.execute(text("SELECT count(*) FROM orders WHERE status = 'completed'")).scalar_one()
    assert reach == pytest.approx(len(snapshot.customers), rel=0.2)
    assert rows == pytest.approx(completed, rel=0.3)


@pytest.mark.parametrize(
    "rule",
    [
        {"any": [{"all": [NOBODY, ANY_PURCHASE]}, PROVINCE]},
        {"any": [{"all": [PROVINCE, ANY_PURCHASE]}, {"all": [EVERYBODY, RARE_EVENT]}]},
    ],
)
def test_counts_agree_with_the_evaluator_whichever_form_is_chosen(dataset: Any, rule: Any) -> None:
    engine, snapshot = dataset
    for as_of in (AS_OF_DATES[0], None):
        assert count(engine, rule, as_of) == len(Evaluator(snapshot, as_of).members(rule))


def test_two_halves_count_every_customer_once(dataset: Any) -> None:
    engine, snapshot = dataset
    rule = {"any": [{"all": [PROVINCE, ANY_PURCHASE]}, {"all": [EVERYBODY, RARE_EVENT]}]}
    node = as_node(rule)
    expected = len(Evaluator(snapshot, AS_OF_DATES[0]).members(rule))
    with engine.connect() as conn:
        every_test = frozenset(id(test) for test, _ in guarded_tests(node))
        lower = conn.execute(
            count_query(node, AS_OF_DATES[0], every_test, (None, halves.MIDDLE))
        ).scalar_one()
    total = halves.count_in_halves(
        engine, lambda conn: None, lambda lo, hi: count_query(node, AS_OF_DATES[0], every_test, (lo, hi))
    )
    assert total == expected
    assert 0 < lower < total  # both halves hold some of the members


def test_both_halves_read_one_snapshot(dataset: Any) -> None:
    """A customer committed after the first half's transaction began is in neither half, even
    when its id falls in the second half and the second transaction starts after the commit."""
    engine, snapshot = dataset
    before = len(snapshot.customers)
    prepared: list[Connection] = []
    late_id = uuid.UUID(int=(1 << 127) | 12345)  # in the second half

    def prepare(conn: Connection) -> None:
        prepared.append(conn)
        if len(prepared) == 2:  # the second half's transaction: commit a customer elsewhere first
            with engine.begin() as other:
                other.execute(insert(Customer).values(id=late_id, full_name="Khách đến muộn"))

    try:
        counted = halves.count_in_halves(
            engine,
            prepare,
            lambda lo, hi: count_query({"field": "full_name", "op": "is_not_null"}, None, ids=(lo, hi)),
        )
        assert counted == before
        assert count(engine, {"field": "full_name", "op": "is_not_null"}) == before + 1  # it is there
    finally:
        with engine.begin() as conn:
            conn.execute(delete(Customer).where(Customer.id == late_id))


def test_a_count_takes_two_connections_only_when_the_pool_spares_one(dataset: Any) -> None:
    engine, _ = dataset
    small = make_engine(str(engine.url.render_as_string(hide_password=False)), pool_size=1)
    try:
        assert not halves.second_connection_free(small)
        assert halves.second_connection_free(engine)
        with engine.connect(), engine.connect(), engine.connect(), engine.connect():
            assert not halves.second_connection_free(engine)  # 4 of 5 taken
    finally:
        small.dispose()


def test_a_count_that_probes_is_taken_in_halves(dataset: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    engine, snapshot = dataset
    calls: list[int] = []

    def observed(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        return halves.count_in_halves(*args, **kwargs)

    monkeypatch.setattr(seg_service, "count_in_halves", observed)  # observed, not replaced
    probing = {"any": [{"all": [NOBODY, ANY_PURCHASE]}, PROVINCE]}
    assert count(engine, probing, AS_OF_DATES[0]) == len(Evaluator(snapshot, AS_OF_DATES[0]).members(probing))
    assert calls == [1]
    plain = {"all": [PROVINCE, ANY_PURCHASE]}  # no test under an OR: one query, no halves
    assert count(engine, plain, AS_OF_DATES[0]) == len(Evaluator(snapshot, AS_OF_DATES[0]).members(plain))
    assert calls == [1]
