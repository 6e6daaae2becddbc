"""Compile a parsed rule into one SQLAlchemy select over the field whitelist.

Every value is a bound parameter; column and table names come only from the mappings below,
keyed by the catalogue. Negation is pushed down to the leaves (De Morgan), each leaf having a
positive and a two-valued negative form, so `not` keeps the documented semantics for NULLs
("a condition on an empty field is false; its negation is true") while the plain positive forms
stay index-friendly.

Relative dates use the as-of calendar day in Asia/Ho_Chi_Minh: events and timestamps up to the
end of that day count; "within the last N days" starts at 00:00 of (as-of − N).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from typing import cast as cast_type
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    Numeric,
    Select,
    Table,
    and_,
    case,
    cast,
    exists,
    extract,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
)

from matviet_desktop.core.db.models import (
    Campaign,
    CampaignTarget,
    Customer,
    CustomerEngagement,
    CustomerScore,
    CustomerSegment,
    Order,
    OrderItem,
    SegmentMembershipHistory,
    Store,
)
from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.catalogue import FieldType
from matviet_desktop.core.segments.rules import (
    AllOf,
    AnyOf,
    EventCondition,
    FieldCondition,
    Node,
    Not,
    SegmentCondition,
    parse_rule,
)
from matviet_desktop.core.segments.textfold import sql_fold
from matviet_desktop.core.text import fold

VN = ZoneInfo("Asia/Ho_Chi_Minh")

customers = cast_type(Table, Customer.__table__)
scores = cast_type(Table, CustomerScore.__table__)
orders = cast_type(Table, Order.__table__)
order_items = cast_type(Table, OrderItem.__table__)
stores = cast_type(Table, Store.__table__)
engagements = cast_type(Table, CustomerEngagement.__table__)
targets = cast_type(Table, CampaignTarget.__table__)
campaigns = cast_type(Table, Campaign.__table__)
memberships = cast_type(Table, CustomerSegment.__table__)
history = cast_type(Table, SegmentMembershipHistory.__table__)

Bool = ColumnElement[bool]

# The whitelist: catalogue field → SQL expression on `customers` or its scores. Scored fields
# live in the 1:1 `customer_scores`; PostgreSQL drops the outer join when a rule uses none.
_c = customers.c
_s = scores.c
customer_rows = customers.outerjoin(scores, _s.customer_id == _c.id)
# For rules no customer without a score row can match: scores first (see _source).
scored_customer_rows = scores.join(customers, _c.id == _s.customer_id)
FIELD_COLUMNS: dict[str, ColumnElement[Any]] = {
    "full_name": _c.full_name,
    "search": _c.search_text,
    "gender": _c.gender,
    "birthday": _c.birthday,
    "province": _c.province,
    "home_store_code": _c.home_store_id,
    "created_at": _c.created_at,
    "has_email": and_(_c.email.is_not(None), _c.email != ""),
    "has_phone": and_(_c.phone.is_not(None), _c.phone != ""),
    "sms_consent": func.coalesce(_c.sms_consent, false()),
    "zalo_consent": func.coalesce(_c.zalo_consent, false()),
    "email_consent": func.coalesce(_c.email_consent, false()),
    "lifecycle_stage": _s.lifecycle_stage,
    "clv_predicted": _s.clv_predicted,
    "clv_formula": _s.clv_formula,
    "clv_tier": _s.clv_tier,
    "engagement_score": _s.engagement_score,
    "churn_risk": _s.churn_risk,
    "days_to_next_purchase": _s.days_to_next_purchase,
    "p_alive": _s.p_alive,
    "expected_purchases_1y": _s.expected_purchases_1y,
    "rfm_recency_days": _s.rfm_recency_days,
    "rfm_r": _s.rfm_r,
    "rfm_f": _s.rfm_f,
    "rfm_m": _s.rfm_m,
    "rfm_segment": _s.rfm_segment,
    "price_sensitivity": _s.price_sensitivity,
    "preferred_channel": _s.preferred_channel,
    "preferred_category": _s.preferred_category,
    "preferred_store_code": _s.preferred_store_id,
    "purchase_timing": _s.purchase_timing,
    "order_count": _c.order_count,
    "total_spent": _c.total_spent,
    "avg_order_value": _c.avg_order_value,
    "first_purchase_at": _c.first_purchase_at,
    "last_purchase_at": _c.last_purchase_at,
    "discount_share": _c.discount_share,
}


def today_vn() -> dt.date:
    return dt.datetime.now(VN).date()


def day_start(day: dt.date) -> dt.datetime:
    """00:00 of `day` in Vietnam, as an aware datetime (bound as timestamptz)."""
    return dt.datetime.combine(day, dt.time(), VN)


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    # True when the caller gave no as-of date: segment membership is then the current one.
    live: bool
    # The customer id that event and segment conditions test (see _source).
    customer_id: Any = _c.id
    # id() of the event/segment nodes whose EXISTS should probe per customer (see probes.py).
    probes: frozenset[int] = frozenset()

    @property
    def end(self) -> dt.datetime:
        return day_start(self.as_of + dt.timedelta(days=1))

    def since(self, days: int) -> dt.datetime:
        return day_start(self.as_of - dt.timedelta(days=days))


def month_day(col: Any) -> Any:
    """month * 100 + day as an integer: immutable, so `birthday` has an expression index on it."""
    return cast(extract("month", col), Integer) * 100 + cast(extract("day", col), Integer)


def anniversary_keys(as_of: dt.date, days: int) -> list[int]:
    """MMDD keys of the next `days` days from as-of; Feb 29 counts on Feb 28 of common years."""
    keys = []
    for k in range(days + 1):
        day = as_of + dt.timedelta(days=k)
        keys.append(day.month * 100 + day.day)
        if day.month == 2 and day.day == 28 and not _is_leap(day.year):
            keys.append(229)
    return sorted(set(keys))


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _two_valued_not(expr: Bool) -> Bool:
    return not_(func.coalesce(expr, false()))


# --- field conditions -----------------------------------------------------------------------


def _store_ids(codes: list[str]) -> Select[Any]:
    return select(stores.c.id).where(stores.c.code.in_(codes))


def _field_positive(cond: FieldCondition, ctx: Context) -> Bool:
    spec = cat.FIELDS[cond.field]
    col = FIELD_COLUMNS[cond.field]
    op, value = cond.op, cond.value
    if op == "is_null":
        return col.is_(None)
    if op == "is_not_null":
        return col.is_not(None)
    ftype = spec.type
    if ftype == FieldType.STORE:
        codes = list(value) if op == "in" else [value]
        return col.in_(_store_ids(codes))
    if ftype == FieldType.BOOL:
        return col if value else not_(col)
    if ftype == FieldType.SEARCH:
        # search_text is stored folded (core.text.search_text): no per-row folding needed.
        if op == "starts_with":
            return col.startswith(fold(value), autoescape=True)
        return col.contains(fold(value), autoescape=True)
    if ftype == FieldType.TEXT:
        folded = sql_fold(col)
        if op == "contains":
            return folded.contains(fold(value), autoescape=True)
        if op == "starts_with":
            return folded.startswith(fold(value), autoescape=True)
        if op == "in":
            return folded.in_([fold(v) for v in value])
        return folded == fold(value)
    if ftype == FieldType.DATETIME:
        return _datetime_positive(col, op, value, ctx)
    if ftype == FieldType.DATE:
        return _date_positive(col, op, value, ctx)
    # numbers and enums
    if op == "in":
        return col.in_(list(value))
    if op == "between":
        return col.between(value[0], value[1])
    return _COMPARE[op](col, value)


_COMPARE: dict[str, Callable[[Any, Any], Bool]] = {
    "eq": lambda c, v: c == v,
    "lt": lambda c, v: c < v,
    "lte": lambda c, v: c <= v,
    "gt": lambda c, v: c > v,
    "gte": lambda c, v: c >= v,
}


def _datetime_positive(col: Any, op: str, value: Any, ctx: Context) -> Bool:
    one = dt.timedelta(days=1)
    if op == "within_last_days":
        return and_(col >= ctx.since(value), col < ctx.end)
    if op == "more_than_days_ago":
        return col < ctx.since(value)
    if op == "anniversary_within_days":
        return month_day(func.timezone("Asia/Ho_Chi_Minh", col)).in_(anniversary_keys(ctx.as_of, value))
    if op == "between":
        return and_(col >= day_start(value[0]), col < day_start(value[1] + one))
    if op == "eq":
        return and_(col >= day_start(value), col < day_start(value + one))
    return {
        "lt": lambda: col < day_start(value),
        "lte": lambda: col < day_start(value + one),
        "gt": lambda: col >= day_start(value + one),
        "gte": lambda: col >= day_start(value),
    }[op]()


def _date_positive(col: Any, op: str, value: Any, ctx: Context) -> Bool:
    if op == "within_last_days":
        return and_(col >= ctx.as_of - dt.timedelta(days=value), col <= ctx.as_of)
    if op == "more_than_days_ago":
        return col < ctx.as_of - dt.timedelta(days=value)
    if op == "anniversary_within_days":
        return month_day(col).in_(anniversary_keys(ctx.as_of, value))
    if op == "between":
        return col.between(value[0], value[1])
    return _COMPARE[op](col, value)


_NEGATED_OPS = {"ne": "eq", "not_in": "in"}


def _field_forms(cond: FieldCondition, ctx: Context) -> tuple[Bool, Bool]:
    if cond.op in _NEGATED_OPS:
        pos, neg = _field_forms(FieldCondition(cond.field, _NEGATED_OPS[cond.op], cond.value), ctx)
        return neg, pos
    pos = _field_positive(cond, ctx)
    if cond.op in ("is_null", "is_not_null"):
        return pos, not_(pos)
    return pos, _two_valued_not(pos)


# --- event conditions -----------------------------------------------------------------------

_CAMPAIGN_TIMES = {
    "campaign_sent": targets.c.sent_at,
    "campaign_delivered": targets.c.delivered_at,
    "campaign_opened": targets.c.opened_at,
    "campaign_clicked": targets.c.clicked_at,
}


def _purchase_filters(where: dict[str, Any], placed_at: Any) -> list[Bool]:
    """The `where` properties of a purchase that are order columns (all but `category`)."""
    o = orders.c
    filters: list[Bool] = []
    if "store_code" in where:
        filters.append(o.store_id.in_(_store_ids([where["store_code"]])))
    if "channel" in where:
        filters.append(o.channel == where["channel"])
    if "min_amount" in where:
        filters.append(o.total_amount >= where["min_amount"])
    if "promo_code" in where:
        filters.append(func.upper(o.promo_code) == where["promo_code"].upper())
    if "weekend" in where:
        weekend = extract("isodow", func.timezone("Asia/Ho_Chi_Minh", placed_at)).in_([6, 7])
        filters.append(weekend if where["weekend"] else not_(weekend))
    return filters


def _purchase_rows(cond: EventCondition, ctx: Context, counted: bool) -> Select[Any]:
    where = dict(cond.where)
    if "category" not in where:
        o = orders.c
        q = select(o.customer_id).where(o.status == "completed", o.order_date < ctx.end)
        if cond.within_last_days is not None:
            q = q.where(o.order_date >= ctx.since(cond.within_last_days))
        return q.where(*_purchase_filters(where, o.order_date))
    # By category: order lines carry their order's customer, date and status (kept exact by
    # triggers, migration 0009), so one index-only scan finds them without joining `orders`.
    i = order_items.c
    q = select(i.order_customer_id.label("customer_id")).where(
        i.category == where["category"], i.order_status == "completed", i.order_placed_at < ctx.end
    )
    if cond.within_last_days is not None:
        q = q.where(i.order_placed_at >= ctx.since(cond.within_last_days))
    filters = _purchase_filters(where, i.order_placed_at)
    if filters:
        q = q.where(i.order_id.in_(select(orders.c.id).where(*filters)))
    if not counted:
        return q
    # An order with several lines of the category is one purchase.
    per_order = q.add_columns(i.order_id).group_by(i.order_id, i.order_customer_id).subquery()
    return select(per_order.c.customer_id)


def event_rows(cond: EventCondition, ctx: Context, counted: bool = True) -> Select[Any]:
    """customer_id of every matching event (one row per event), up to the end of the as-of day.

    With `counted` false only the set of customers matters, and rows may repeat.
    """
    where = dict(cond.where)
    if cond.event == "purchase":
        return _purchase_rows(cond, ctx, counted)
    if cond.event in _CAMPAIGN_TIMES:
        at = _CAMPAIGN_TIMES[cond.event]
        t = targets.c
        q = select(t.customer_id).where(t.customer_id.is_not(None), at.is_not(None), at < ctx.end)
        if cond.within_last_days is not None:
            q = q.where(at >= ctx.since(cond.within_last_days))
        if "campaign_id" in where:
            q = q.where(t.campaign_id == uuid.UUID(where["campaign_id"]))
        if "channel" in where:
            q = q.where(
                t.campaign_id.in_(select(campaigns.c.id).where(campaigns.c.campaign_type == where["channel"]))
            )
        return q
    e = engagements.c
    q = select(e.customer_id).where(e.engagement_type == cond.event, e.created_at < ctx.end)
    if cond.within_last_days is not None:
        q = q.where(e.created_at >= ctx.since(cond.within_last_days))
    if cond.event == "nps_response":
        score = case(
            (func.jsonb_typeof(e.metadata["score"]) == "number", cast(e.metadata["score"], Numeric)),
            else_=None,
        )
        if "min_score" in where:
            q = q.where(score >= where["min_score"])
        if "max_score" in where:
            q = q.where(score <= where["max_score"])
    return q


def _event_rows_for(cond: EventCondition, ctx: Context) -> Select[Any]:
    n, op = cond.count, cond.count_op
    return event_rows(cond, ctx, counted=not (n == 0 or (op == "gte" and n == 1)))


def event_members(cond: EventCondition, ctx: Context) -> Select[Any] | None:
    """The customers an event condition selects, one row each, when that is a set of customers
    with events (gte N ≥ 1, eq N ≥ 1); None when customers without events match too."""
    n, op = cond.count, cond.count_op
    if n == 0 or op == "lte":
        return None
    rows = _event_rows_for(cond, ctx)
    cid = rows.selected_columns[0]
    if op == "gte" and n == 1:
        return rows.group_by(cid)
    return rows.group_by(cid).having(func.count() >= n if op == "gte" else func.count() == n)


def _event_forms(cond: EventCondition, ctx: Context) -> tuple[Bool, Bool]:
    n, op = cond.count, cond.count_op
    # Customers with zero events satisfy gte 0, lte N and eq 0: express those as "not in the set
    # of customers whose count breaks the condition", so customers without events are included.
    if op == "gte" and n == 0:
        return true(), false()
    rows = _event_rows_for(cond, ctx)
    cid = rows.selected_columns[0]
    probe = id(cond) in ctx.probes
    if op in ("lte", "eq") and (op == "lte" or n == 0):
        if n == 0:
            return not_(_has_row(rows, ctx, probe)), _has_row(rows, ctx, probe)
        breaking = rows.group_by(cid).having(func.count() > n)
        return not_(ctx.customer_id.in_(breaking)), ctx.customer_id.in_(breaking)
    if op == "gte" and n == 1:
        return _has_row(rows, ctx, probe), not_(_has_row(rows, ctx, probe))
    matching = rows.group_by(cid).having(func.count() >= n if op == "gte" else func.count() == n)
    return ctx.customer_id.in_(matching), not_(ctx.customer_id.in_(matching))


def tests_by_exists(node: Node) -> bool:
    """True for the event and segment conditions compiled to EXISTS (see _has_row)."""
    if isinstance(node, SegmentCondition):
        return True
    if isinstance(node, EventCondition):
        n, op = node.count, node.count_op
        return (n == 0 and op in ("eq", "lte")) or (op == "gte" and n == 1)
    return False


def _has_row(rows: Select[Any], ctx: Context, probe: bool = False) -> Bool:
    """EXISTS (rows of this customer). Unlike `id IN (rows)`, PostgreSQL can turn a negated
    EXISTS into an anti-join. Ids are never NULL on either side, so IN and EXISTS agree.

    Inside an OR no join is possible: PostgreSQL either hashes every matching event once or
    probes the index per customer reaching the test, and it picks hashing even when a few
    thousand customers reach it (it costs a probe as a random page read). With `probe` the
    subquery gets OFFSET 0, which PostgreSQL cannot turn into a hashed set, so it probes."""
    cid = rows.selected_columns[0]
    correlated = rows.where(cid == ctx.customer_id)
    return exists(correlated.offset(literal_column("0")) if probe else correlated)


# --- segment membership ---------------------------------------------------------------------


def segment_members(segment_id: Any, ctx: Context) -> Select[Any]:
    if ctx.live:
        m = memberships.c
        return select(m.customer_id).where(m.segment_rule_id == segment_id, m.customer_id.is_not(None))
    h = history.c
    return select(h.customer_id).where(
        h.segment_rule_id == segment_id,
        h.joined_at < ctx.end,
        or_(h.left_at.is_(None), h.left_at >= ctx.end),
    )


def _segment_forms(cond: SegmentCondition, ctx: Context) -> tuple[Bool, Bool]:
    probe = id(cond) in ctx.probes
    inside = _has_row(segment_members(cond.segment, ctx), ctx, probe)
    outside = not_(_has_row(segment_members(cond.segment, ctx), ctx, probe))
    return (inside, outside) if cond.member else (outside, inside)


# --- tree -----------------------------------------------------------------------------------


def compile_node(node: Node, ctx: Context, negate: bool = False) -> Bool:
    match node:
        case AllOf(children) | AnyOf(children):
            conjunction = isinstance(node, AllOf) != negate
            if not children:
                return true() if conjunction else false()
            # Column tests first: inside an OR PostgreSQL evaluates an AND in written order, so
            # a subquery then runs only for the customers the columns leave.
            parts = [compile_node(c, ctx, negate) for c in sorted(children, key=has_subquery)]
            if len(parts) == 1:
                return parts[0]
            return and_(*parts) if conjunction else or_(*parts)
        case Not(child):
            return compile_node(child, ctx, not negate)
        case FieldCondition():
            forms = _field_forms(node, ctx)
        case EventCondition():
            forms = _event_forms(node, ctx)
        case SegmentCondition():
            forms = _segment_forms(node, ctx)
        case _:
            raise TypeError(node)
    return forms[1] if negate else forms[0]


_NODE_TYPES = (AllOf, AnyOf, Not, FieldCondition, EventCondition, SegmentCondition)


SCORED_FIELDS = frozenset(
    name for name, col in FIELD_COLUMNS.items() if getattr(col, "table", None) is scores
)


def has_subquery(node: Node) -> bool:
    """True when a node contains an event or segment condition (a subquery, not a column test)."""
    match node:
        case AllOf(children) | AnyOf(children):
            return any(has_subquery(c) for c in children)
        case Not(child):
            return has_subquery(child)
    return isinstance(node, EventCondition | SegmentCondition)


def _fields(node: Node) -> set[str]:
    match node:
        case AllOf(children) | AnyOf(children):
            return set().union(*(_fields(c) for c in children))
        case Not(child):
            return _fields(child)
        case FieldCondition():
            return {node.field}
    return set()


def _needs_scores(node: Node, negate: bool = False) -> bool:
    """True when no customer without a score row can match (every match passes a strict test
    on a scored column), so the count can be taken over `customer_scores` alone."""
    match node:
        case AllOf(children) | AnyOf(children):
            results = [_needs_scores(c, negate) for c in children]
            conjunction = isinstance(node, AllOf) != negate
            return any(results) if conjunction else bool(results) and all(results)
        case Not(child):
            return _needs_scores(child, not negate)
        case FieldCondition() if node.field in SCORED_FIELDS:
            flipped = negate != (node.op in _NEGATED_OPS)
            if node.op == "is_null":
                return flipped  # NOT (x IS NULL) rejects the empty scores
            if node.op == "is_not_null":
                return not flipped
            return not flipped  # a positive comparison is false on NULL; its negation is not
    return False


@dataclass(frozen=True)
class _Source:
    from_: Any
    customer_id: Any
    key: Any  # the id column of the table the scan starts from


def _source(node: Node) -> _Source:
    """Which tables a rule needs, and the id expression its event/segment conditions test.

    * no scored field: `customers` alone;
    * a score row required to match (`_needs_scores`): `customer_scores` alone when the rule
      has only scored fields (the join to a million customers would only confirm what the
      foreign key guarantees), else `customer_scores JOIN customers`. Event and segment
      conditions test the score row's id, so a branch of scored and event conditions is
      decided on the scores scan, and PostgreSQL fetches only the customers it leaves by
      primary key instead of scanning all of them (nested: 58k scored rows → 28k survivors);
    * otherwise `customers LEFT JOIN customer_scores`, with event and segment conditions on
      coalesce(score id, customer id) — always the customer's id, but referencing both tables,
      so PostgreSQL does not copy an OR of those subqueries onto the customers scan, where it
      would probe every customer instead of the few the scored conditions leave.
    """
    fields = _fields(node)
    if not fields & SCORED_FIELDS:
        return _Source(customers, _c.id, _c.id)
    if _needs_scores(node):
        from_ = scores if fields <= SCORED_FIELDS else scored_customer_rows
        return _Source(from_, _s.customer_id, _s.customer_id)
    return _Source(customer_rows, func.coalesce(_s.customer_id, _c.id), _c.id)


def fetches_customers_by_key(rule: Any) -> bool:
    """True when a count starts from `customer_scores` and joins `customers` (see _source): its
    plan should fetch the customers the scored conditions leave by primary key."""
    return _source(as_node(rule)).from_ is scored_customer_rows


def _context(
    as_of: dt.date | None, customer_id: Any = _c.id, probes: frozenset[int] = frozenset()
) -> Context:
    return Context(as_of or today_vn(), live=as_of is None, customer_id=customer_id, probes=probes)


def rule_context(node: Node, as_of: dt.date | None = None) -> tuple[_Source, Context]:
    """The tables a count or member query of `node` reads, and the context it compiles in."""
    source = _source(node)
    return source, _context(as_of, source.customer_id)


def as_node(rule: Any) -> Node:
    return rule if isinstance(rule, _NODE_TYPES) else parse_rule(rule)


def where_clause(rule: Any, as_of: dt.date | None = None) -> Bool:
    """The WHERE condition for a rule (JSON or parsed) over `customer_rows`. Raises RuleInvalid."""
    node = as_node(rule)
    # The score row's id, when a rule requires one, is NULL only on rows the rule rejects.
    return compile_node(node, _context(as_of, _source(node).customer_id))


def _lone_set(node: Node, as_of: dt.date | None) -> Any:
    """A rule that is one positive event or segment-membership condition selects a set of ids
    that already name customers (foreign keys, never NULL): its members are read from that set,
    without joining a million customers (2+ sunglasses purchases: 13,765 customers found in
    163k order lines, then 13,765 primary-key probes or a scan of customers, for nothing).
    Returns a subquery with one `customer_id` per member, or None."""
    while isinstance(node, AllOf | AnyOf) and len(node.children) == 1:
        node = node.children[0]
    ctx = _context(as_of)
    members: Select[Any] | None = None
    if isinstance(node, EventCondition):
        members = event_members(node, ctx)
    elif isinstance(node, SegmentCondition) and node.member:
        rows = segment_members(node.segment, ctx)
        members = rows.group_by(rows.selected_columns[0])
    if members is None:
        return None
    return members.with_only_columns(members.selected_columns[0].label("customer_id")).subquery()


def members_query(
    rule: Any, as_of: dt.date | None = None, probes: frozenset[int] = frozenset()
) -> Select[Any]:
    """`SELECT customer_id …`: the members of a rule, for refreshes and campaigns to freeze.

    `probes`: the id() of the parsed rule's nodes to test per customer (probes.choose_probes);
    pass the parsed rule then."""
    node = as_node(rule)
    lone = _lone_set(node, as_of)
    if lone is not None:
        return select(lone.c.customer_id)
    source = _source(node)
    condition = compile_node(node, _context(as_of, source.customer_id, probes))
    return select(source.customer_id.label("customer_id")).select_from(source.from_).where(condition)


IdRange = tuple[uuid.UUID | None, uuid.UUID | None]


def count_query(
    rule: Any, as_of: dt.date | None = None, probes: frozenset[int] = frozenset(), ids: IdRange = (None, None)
) -> Select[Any]:
    """`SELECT count(*) …` of a rule's members; `ids` = [lo, hi) counts only those customer ids
    (None: unbounded), for counting in halves (halves.py)."""
    node = as_node(rule)
    lone = _lone_set(node, as_of)
    if lone is not None:
        query = select(func.count()).select_from(lone)
        key = lone.c.customer_id
    else:
        source = _source(node)
        condition = compile_node(node, _context(as_of, source.customer_id, probes))
        query = select(func.count()).select_from(source.from_).where(condition)
        key = source.key
    lo, hi = ids
    if lo is not None:
        query = query.where(key >= lo)
    if hi is not None:
        query = query.where(key < hi)
    return query
