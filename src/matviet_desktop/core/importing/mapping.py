"""Which file column feeds which field, per kind of import.

Headers are recognised after folding (lower case, no diacritics, no punctuation), so "Số điện
thoại", "SO DIEN THOAI", "so_dien_thoai" and "Phone" all land on `phone`. Any other layout is
described by a mapping file (JSON):

    {"kind": "orders", "columns": {"Số HĐ": "external_id", "SĐT khách": "customer_phone"},
     "date_order": "dmy"}

A flat object {"file header": "field"} is accepted too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matviet_desktop.core.text import fold

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def header_key(header: str) -> str:
    """'Số điện thoại (*)' → 'sodienthoai'."""
    return _NON_ALNUM.sub("", fold(header))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # Vietnamese, used in messages
    required: bool = False
    synonyms: tuple[str, ...] = ()


def _f(name: str, label: str, *synonyms: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, required, (name, *synonyms))


_CUSTOMER_REF = (
    _f(
        "customer_external_id",
        "Mã khách hàng",
        "ma kh",
        "ma khach hang",
        "customer id",
        "customer code",
        "makh",
    ),
    _f(
        "customer_phone",
        "Số điện thoại khách",
        "so dien thoai",
        "sdt",
        "dien thoai",
        "phone",
        "di dong",
        "mobile",
    ),
)
_DATE_OF_EVENT = ("ngay", "thoi gian", "date", "ngay gio", "created at")

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "stores": (
        _f("code", "Mã cửa hàng", "ma cua hang", "ma ch", "store code", "cua hang", required=True),
        _f("name", "Tên cửa hàng", "ten cua hang", "ten", "store name", "name", required=True),
        _f("province", "Tỉnh/Thành phố", "tinh", "tinh thanh", "tinh thanh pho", "thanh pho", required=True),
        _f("district", "Quận/Huyện", "quan", "huyen", "quan huyen"),
        _f("opened_at", "Ngày khai trương", "ngay khai truong", "ngay mo cua", "opened"),
        _f("is_active", "Đang hoạt động", "hoat dong", "dang hoat dong", "active"),
    ),
    "customers": (
        _f("external_id", "Mã khách hàng", "ma kh", "ma khach hang", "customer id", "customer code", "makh"),
        _f(
            "full_name",
            "Họ tên",
            "ho ten",
            "ho va ten",
            "ten khach hang",
            "khach hang",
            "ten",
            "name",
            required=True,
        ),
        _f(
            "phone",
            "Số điện thoại",
            "so dien thoai",
            "sdt",
            "dien thoai",
            "di dong",
            "mobile",
            "phone number",
        ),
        _f("email", "Email", "e mail", "thu dien tu", "mail"),
        _f("gender", "Giới tính", "gioi tinh", "sex"),
        _f("birthday", "Ngày sinh", "ngay sinh", "sinh nhat", "date of birth", "dob", "birth date"),
        _f("province", "Tỉnh/Thành phố", "tinh", "tinh thanh", "tinh thanh pho", "thanh pho", "city"),
        _f(
            "home_store_code",
            "Cửa hàng",
            "cua hang",
            "ma cua hang",
            "ma ch",
            "store",
            "store code",
            "home store",
        ),
    ),
    "orders": (
        _f(
            "external_id",
            "Mã đơn hàng",
            "ma don",
            "ma don hang",
            "so hoa don",
            "so hd",
            "ma hd",
            "order id",
            "order code",
            required=True,
        ),
        *_CUSTOMER_REF,
        _f("store_code", "Cửa hàng", "cua hang", "ma cua hang", "ma ch", "store", required=True),
        _f(
            "order_date",
            "Ngày mua",
            "ngay mua",
            "ngay ban",
            "ngay dat",
            "ngay hoa don",
            *_DATE_OF_EVENT,
            required=True,
        ),
        _f(
            "total_amount",
            "Thành tiền",
            "thanh tien",
            "tong tien",
            "tong cong",
            "total",
            "amount",
            required=True,
        ),
        _f("discount_amount", "Giảm giá", "giam gia", "chiet khau", "discount"),
        _f("status", "Trạng thái", "trang thai"),
        _f("channel", "Kênh bán", "kenh", "kenh ban"),
        _f("promo_code", "Mã khuyến mãi", "ma khuyen mai", "ma km", "voucher", "promo"),
    ),
    "order_items": (
        _f(
            "order_external_id",
            "Mã đơn hàng",
            "ma don",
            "ma don hang",
            "so hoa don",
            "so hd",
            "order id",
            required=True,
        ),
        _f("line_id", "Mã dòng", "ma dong", "stt", "line", "line no", "item id"),
        _f("sku", "Mã sản phẩm", "ma sp", "ma san pham", "ma hang", "product code"),
        _f("category", "Nhóm hàng", "nhom hang", "loai", "danh muc", "loai san pham"),
        _f("quantity", "Số lượng", "so luong", "sl", "qty"),
        _f("unit_price", "Đơn giá", "don gia", "gia", "price", required=True),
        _f("discount", "Giảm giá", "giam gia", "chiet khau"),
    ),
    "engagements": (
        *_CUSTOMER_REF,
        _f("engagement_type", "Loại tương tác", "loai", "loai tuong tac", "type", "su kien", required=True),
        _f("channel", "Kênh", "kenh"),
        _f("occurred_at", "Thời gian", *_DATE_OF_EVENT, required=True),
        _f("note", "Ghi chú", "ghi chu", "noi dung", "notes"),
    ),
    "consents": (
        *_CUSTOMER_REF,
        _f("customer_email", "Email khách", "email", "e mail"),
        _f("channel", "Kênh", "kenh", required=True),
        _f("status", "Đồng ý/Từ chối", "trang thai", "dong y", "consent", "granted", required=True),
        _f("occurred_at", "Thời gian", *_DATE_OF_EVENT, required=True),
        _f("source", "Nguồn", "nguon"),
        _f("evidence", "Bằng chứng", "bang chung", "ghi chu", "note"),
    ),
    "do_not_contact": (
        _f("phone", "Số điện thoại", "so dien thoai", "sdt", "dien thoai", "di dong", "mobile"),
        _f("email", "Email", "e mail"),
        _f("channel", "Kênh", "kenh"),
        _f("reason", "Lý do", "ly do", "ghi chu"),
        _f("source", "Nguồn", "nguon"),
    ),
}

KINDS = tuple(FIELDS)


class MappingError(ValueError):
    """A mapping that cannot work; the message is Vietnamese and names the column or field."""


@dataclass
class ColumnMapping:
    kind: str
    columns: dict[str, int]  # field → index of the file column
    date_order: str = "dmy"  # how to read 03/04/2025: day first (Vietnam) unless told otherwise
    unmapped_headers: list[str] = field(default_factory=list)

    def missing_required(self) -> list[str]:
        return [f.name for f in FIELDS[self.kind] if f.required and f.name not in self.columns]

    def to_json(self, headers: list[str]) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "columns": {headers[i]: f for f, i in self.columns.items()},
            "date_order": self.date_order,
        }


def field_spec(kind: str, name: str) -> FieldSpec:
    return next(f for f in FIELDS[kind] if f.name == name)


def propose_mapping(kind: str, headers: list[str]) -> ColumnMapping:
    """Match headers to fields by folded synonyms; the first column wins for a field."""
    if kind not in FIELDS:
        raise MappingError(f"Loại dữ liệu không hỗ trợ: {kind}. Chọn một trong: {', '.join(KINDS)}.")
    lookup: dict[str, str] = {}
    for spec in FIELDS[kind]:
        for synonym in spec.synonyms:
            lookup.setdefault(header_key(synonym), spec.name)
    columns: dict[str, int] = {}
    unmapped: list[str] = []
    for index, header in enumerate(headers):
        name = lookup.get(header_key(header))
        if name and name not in columns:
            columns[name] = index
        else:
            unmapped.append(header)
    return ColumnMapping(kind, columns, unmapped_headers=unmapped)


def guess_kind(headers: list[str]) -> str | None:
    """The kind whose required fields are all present, with the most mapped columns."""
    best: tuple[int, str] | None = None
    for kind in KINDS:
        proposal = propose_mapping(kind, headers)
        score = len(proposal.columns)
        if proposal.missing_required() or score == 0:
            continue
        if best is None or score > best[0]:
            best = (score, kind)
    return best[1] if best else None


def load_mapping_file(path: Path, kind: str, headers: list[str]) -> ColumnMapping:
    """Apply a JSON mapping file on top of the automatic proposal."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise MappingError(f"Không đọc được tệp ánh xạ {path.name}: {exc}") from exc
    return apply_mapping(kind, headers, data)


def apply_mapping(kind: str, headers: list[str], data: dict[str, Any]) -> ColumnMapping:
    if data.get("kind") not in (None, kind):
        raise MappingError(f"Tệp ánh xạ dành cho '{data['kind']}', không phải '{kind}'.")
    pairs = data.get("columns", {k: v for k, v in data.items() if k not in ("kind", "date_order")})
    mapping = propose_mapping(kind, headers)
    by_key = {header_key(h): i for i, h in enumerate(headers)}
    known = {f.name for f in FIELDS[kind]}
    for header, field_name in pairs.items():
        if field_name not in known:
            raise MappingError(
                f"Trường '{field_name}' không có trong loại '{kind}'. Các trường: {', '.join(sorted(known))}."
            )
        index = by_key.get(header_key(header))
        if index is None:
            raise MappingError(f"Tệp không có cột '{header}' (ánh xạ tới '{field_name}').")
        mapping.columns = {f: i for f, i in mapping.columns.items() if i != index and f != field_name}
        mapping.columns[field_name] = index
    mapping.date_order = data.get("date_order", "dmy")
    if mapping.date_order not in ("dmy", "mdy", "ymd"):
        raise MappingError("date_order phải là 'dmy', 'mdy' hoặc 'ymd'.")
    mapped = set(mapping.columns.values())
    mapping.unmapped_headers = [h for i, h in enumerate(headers) if i not in mapped]
    return mapping
