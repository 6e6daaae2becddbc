"""The rule language: a typed model of rule trees, parsed and validated from JSON.

A rule is one node: a group (`all`, `any`, `not`), a field condition, an event condition or a
segment-membership condition (docs/segments.md). Parsing either returns a typed tree whose values
are already normalised (Decimal, date, int, str) or raises `RuleInvalid` with every error found,
each naming the node path (`$.all[2].value`) and saying what to do, in Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from matviet_desktop.core.segments import catalogue as cat
from matviet_desktop.core.segments.catalogue import FieldType

RULE_VERSION = 1


@dataclass(frozen=True)
class AllOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class FieldCondition:
    field: str
    op: str
    value: Any = None  # normalised: Decimal | int | str | bool | date | tuple | None


@dataclass(frozen=True)
class EventCondition:
    event: str
    where: tuple[tuple[str, Any], ...] = ()
    count_op: str = "gte"
    count: int = 1
    within_last_days: int | None = None


@dataclass(frozen=True)
class SegmentCondition:
    segment: uuid.UUID
    member: bool = True


Node = AllOf | AnyOf | Not | FieldCondition | EventCondition | SegmentCondition


@dataclass(frozen=True)
class RuleError:
    path: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RuleInvalid(ValueError):
    def __init__(self, errors: list[RuleError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


def unwrap(data: Any) -> Any:
    """Accept the stored node or the versioned envelope `{"version": 1, "rule": node}`."""
    if isinstance(data, dict) and set(data) == {"version", "rule"}:
        return data["rule"]
    return data


def parse_rule(data: Any) -> Node:
    parser = _Parser()
    node = parser.node(unwrap(data), "$", 1)
    if parser.nodes > cat.MAX_NODES:
        parser.error("$", f"Quy tắc có {parser.nodes} điều kiện, tối đa {cat.MAX_NODES}.", "too_many_nodes")
    if parser.errors:
        raise RuleInvalid(parser.errors)
    assert node is not None
    return node


def validate(data: Any) -> list[RuleError]:
    """Every error in a rule (empty when valid). Never touches the database."""
    try:
        parse_rule(data)
    except RuleInvalid as exc:
        return exc.errors
    return []


def segment_references(node: Node) -> set[uuid.UUID]:
    """The segments a rule tests membership of."""
    match node:
        case AllOf(children) | AnyOf(children):
            return set().union(*(segment_references(c) for c in children)) if children else set()
        case Not(child):
            return segment_references(child)
        case SegmentCondition(segment):
            return {segment}
    return set()


def to_json(node: Node) -> Any:
    """The canonical JSON form of a parsed rule (dates ISO, decimals as numbers)."""

    def scalar(v: Any) -> Any:
        if isinstance(v, Decimal):
            return int(v) if v == v.to_integral_value() else float(v)
        if isinstance(v, dt.date):
            return v.isoformat()
        if isinstance(v, tuple):
            return [scalar(x) for x in v]
        return v

    match node:
        case AllOf(children):
            return {"all": [to_json(c) for c in children]}
        case AnyOf(children):
            return {"any": [to_json(c) for c in children]}
        case Not(child):
            return {"not": to_json(child)}
        case FieldCondition(field, op, value):
            out: dict[str, Any] = {"field": field, "op": op}
            if op not in cat.NO_VALUE_OPS:
                out["value"] = scalar(value)
            return out
        case EventCondition(event, where, count_op, count, within):
            ev: dict[str, Any] = {"event": event, "count_op": count_op, "count": count}
            if where:
                ev["where"] = {k: scalar(v) for k, v in where}
            if within is not None:
                ev["within_last_days"] = within
            return ev
        case SegmentCondition(segment, member):
            return {"segment": str(segment), "member": member}
    raise TypeError(node)


_GROUP_KEYS = {"all", "any", "not"}


class _Parser:
    def __init__(self) -> None:
        self.errors: list[RuleError] = []
        self.nodes = 0

    def error(self, path: str, message: str, code: str) -> None:
        self.errors.append(RuleError(path, message, code))

    def node(self, data: Any, path: str, depth: int) -> Node | None:
        self.nodes += 1
        if depth > cat.MAX_DEPTH:
            self.error(path, f"Quy tắc lồng quá sâu (tối đa {cat.MAX_DEPTH} cấp).", "too_deep")
            return None
        if not isinstance(data, dict):
            self.error(path, "Mỗi điều kiện phải là một đối tượng JSON.", "not_an_object")
            return None
        keys = set(data)
        if keys & _GROUP_KEYS:
            return self.group(data, path, depth)
        if "field" in keys:
            return self.field(data, path)
        if "event" in keys:
            return self.event(data, path)
        if "segment" in keys:
            return self.segment(data, path)
        self.error(
            path,
            "Điều kiện không rõ loại: cần một trong các khóa all, any, not, field, event, segment.",
            "unknown_node",
        )
        return None

    def _extra_keys(self, data: dict[str, Any], allowed: set[str], path: str) -> None:
        for key in sorted(set(data) - allowed, key=str):
            self.error(f"{path}.{key}", f"Khóa “{key}” không được phép ở đây.", "unknown_key")

    def group(self, data: dict[str, Any], path: str, depth: int) -> Node | None:
        kinds = set(data) & _GROUP_KEYS
        if len(kinds) != 1:
            self.error(path, "Một nhóm chỉ có đúng một khóa all, any hoặc not.", "ambiguous_group")
            return None
        kind = kinds.pop()
        self._extra_keys(data, {kind}, path)
        if kind == "not":
            child = self.node(data["not"], f"{path}.not", depth + 1)
            return Not(child) if child is not None else None
        items = data[kind]
        if not isinstance(items, list):
            self.error(f"{path}.{kind}", "Nhóm phải chứa một danh sách điều kiện.", "not_a_list")
            return None
        children = [self.node(item, f"{path}.{kind}[{i}]", depth + 1) for i, item in enumerate(items)]
        if any(c is None for c in children):
            return None
        kids = tuple(c for c in children if c is not None)
        return AllOf(kids) if kind == "all" else AnyOf(kids)

    def field(self, data: dict[str, Any], path: str) -> Node | None:
        self._extra_keys(data, {"field", "op", "value"}, path)
        name, op = data.get("field"), data.get("op")
        spec = cat.FIELDS.get(name) if isinstance(name, str) else None
        if spec is None or not isinstance(name, str):
            self.error(
                f"{path}.field", f"Trường “{name}” không tồn tại trong danh mục trường.", "unknown_field"
            )
            return None
        if op not in spec.operators:
            allowed = ", ".join(spec.operators)
            self.error(
                f"{path}.op",
                f"Phép so sánh “{op}” không dùng được cho trường “{spec.label}” ({spec.type}); dùng: {allowed}.",
                "bad_operator",
            )
            return None
        vpath = f"{path}.value"
        if op in cat.NO_VALUE_OPS:
            if "value" in data:
                self.error(vpath, f"Phép “{op}” không nhận giá trị.", "unexpected_value")
            return FieldCondition(name, op)
        if "value" not in data:
            self.error(vpath, f"Thiếu giá trị cho phép “{op}”.", "missing_value")
            return None
        raw = data["value"]
        value: Any
        if op in cat.DAY_COUNT_OPS:
            limit = cat.MAX_ANNIVERSARY_DAYS if op == "anniversary_within_days" else cat.MAX_DAYS
            value = self.integer(raw, vpath, 0, limit)
        elif op in cat.LIST_OPS:
            if not isinstance(raw, list) or not raw or len(raw) > cat.MAX_LIST_ITEMS:
                self.error(vpath, f"Cần một danh sách 1–{cat.MAX_LIST_ITEMS} giá trị.", "bad_list")
                return None
            items = [self.scalar(spec.type, x, f"{vpath}[{i}]", spec) for i, x in enumerate(raw)]
            value = None if any(x is None for x in items) else tuple(items)
        elif op == "between":
            if not isinstance(raw, list) or len(raw) != 2:
                self.error(vpath, "“trong khoảng” cần đúng hai giá trị [từ, đến].", "bad_between")
                return None
            lo = self.scalar(spec.type, raw[0], f"{vpath}[0]", spec)
            hi = self.scalar(spec.type, raw[1], f"{vpath}[1]", spec)
            if lo is None or hi is None:
                return None
            if lo > hi:
                self.error(vpath, "Giá trị đầu phải nhỏ hơn hoặc bằng giá trị sau.", "bad_between")
                return None
            value = (lo, hi)
        elif op in cat.TEXT_MATCH_OPS:
            value = self.text(raw, vpath)
            if value == "":
                self.error(vpath, "Cần ít nhất một ký tự để tìm.", "empty_text")
                return None
        else:
            value = self.scalar(spec.type, raw, vpath, spec)
        return None if value is None else FieldCondition(name, op, value)

    def event(self, data: dict[str, Any], path: str) -> Node | None:
        self._extra_keys(data, {"event", "where", "count_op", "count", "within_last_days"}, path)
        name = data.get("event")
        spec = cat.EVENTS.get(name) if isinstance(name, str) else None
        if spec is None or not isinstance(name, str):
            allowed = ", ".join(cat.EVENTS)
            self.error(f"{path}.event", f"Sự kiện “{name}” không tồn tại; dùng: {allowed}.", "unknown_event")
            return None
        ok = True
        where: list[tuple[str, Any]] = []
        raw_where = data.get("where", {})
        if not isinstance(raw_where, dict):
            self.error(f"{path}.where", "“where” phải là một đối tượng {thuộc tính: giá trị}.", "bad_where")
            ok = False
        else:
            for key in sorted(raw_where, key=str):
                prop = spec.properties.get(key)
                ppath = f"{path}.where.{key}"
                if prop is None:
                    allowed = ", ".join(spec.properties) or "(không có)"
                    self.error(
                        ppath,
                        f"Sự kiện “{name}” không có thuộc tính “{key}”; dùng: {allowed}.",
                        "unknown_property",
                    )
                    ok = False
                    continue
                v = self.scalar(prop.type, raw_where[key], ppath, prop)
                if v is None:
                    ok = False
                elif prop.type == FieldType.TEXT and prop.name == "campaign_id":
                    try:
                        v = str(uuid.UUID(v))
                    except ValueError:
                        self.error(ppath, "Mã chiến dịch phải là UUID.", "bad_uuid")
                        ok = False
                        continue
                    where.append((key, v))
                elif prop.name in ("min_score", "max_score") and not 0 <= v <= 10:
                    self.error(ppath, "Điểm NPS phải từ 0 đến 10.", "out_of_range")
                    ok = False
                else:
                    where.append((key, v))
        count_op = data.get("count_op", "gte")
        if count_op not in cat.COUNT_OPS:
            self.error(f"{path}.count_op", "“count_op” phải là gte, lte hoặc eq.", "bad_count_op")
            ok = False
        count = self.integer(data.get("count", 1), f"{path}.count", 0, cat.MAX_EVENT_COUNT)
        within = None
        if "within_last_days" in data:
            within = self.integer(data["within_last_days"], f"{path}.within_last_days", 0, cat.MAX_DAYS)
            ok = ok and within is not None
        if not ok or count is None:
            return None
        return EventCondition(name, tuple(where), count_op, count, within)

    def segment(self, data: dict[str, Any], path: str) -> Node | None:
        self._extra_keys(data, {"segment", "member"}, path)
        try:
            seg = uuid.UUID(str(data["segment"]))
        except ValueError:
            self.error(f"{path}.segment", "Mã phân khúc phải là UUID.", "bad_uuid")
            return None
        member = data.get("member", True)
        if not isinstance(member, bool):
            self.error(f"{path}.member", "“member” phải là true hoặc false.", "bad_bool")
            return None
        return SegmentCondition(seg, member)

    # --- scalar values ---------------------------------------------------------------------

    def integer(self, raw: Any, path: str, lo: int, hi: int) -> int | None:
        if isinstance(raw, bool) or not isinstance(raw, int) or not lo <= raw <= hi:
            self.error(path, f"Cần một số nguyên từ {lo} đến {hi}.", "bad_integer")
            return None
        return raw

    def text(self, raw: Any, path: str) -> str | None:
        if not isinstance(raw, str) or len(raw) > cat.MAX_TEXT_LENGTH or "\x00" in raw:
            self.error(path, f"Cần một chuỗi tối đa {cat.MAX_TEXT_LENGTH} ký tự.", "bad_text")
            return None
        return raw

    def scalar(self, ftype: FieldType, raw: Any, path: str, spec: Any) -> Any:
        if ftype in (FieldType.INTEGER,):
            if isinstance(raw, float) and raw.is_integer():
                raw = int(raw)
            return self.integer(raw, path, -(2**31), 2**31 - 1)
        if ftype in (FieldType.NUMBER, FieldType.MONEY):
            if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
                self.error(path, "Cần một số.", "bad_number")
                return None
            try:
                value = Decimal(str(raw))
            except InvalidOperation:  # pragma: no cover - finite floats always convert
                self.error(path, "Cần một số.", "bad_number")
                return None
            if abs(value) >= Decimal("1e13"):
                self.error(path, "Số quá lớn.", "bad_number")
                return None
            return value
        if ftype == FieldType.BOOL:
            if not isinstance(raw, bool):
                self.error(path, "Cần true hoặc false.", "bad_bool")
                return None
            return raw
        if ftype in (FieldType.DATE, FieldType.DATETIME):
            try:
                if not isinstance(raw, str) or len(raw) != 10:
                    raise ValueError
                return dt.date.fromisoformat(raw)
            except ValueError:
                self.error(path, "Cần một ngày dạng YYYY-MM-DD.", "bad_date")
                return None
        text = self.text(raw, path)
        if text is None:
            return None
        if ftype == FieldType.ENUM and getattr(spec, "strict", True):
            allowed = [v.value for v in spec.values]
            if text not in allowed:
                self.error(path, f"Giá trị “{text}” không hợp lệ; dùng: {', '.join(allowed)}.", "bad_enum")
                return None
        return text
