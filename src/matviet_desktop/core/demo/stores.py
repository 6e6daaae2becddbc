"""The demo chain's stores: 60 shops in real provinces and cities, plus the web shop.

Provinces use the pre-July-2025 names (63 provinces), which is what existing customer records
carry. `weight` is the relative footfall used to place customers; `region` picks the family-name
spelling (Hoàng/Vũ in the north, Huỳnh/Võ in the south).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoStore:
    code: str
    name: str
    province: str
    district: str | None
    opened_at: dt.date
    weight: float
    region: str  # 'north', 'central', 'south'
    online: bool = False


def _s(
    code: str, street: str, province: str, district: str, opened: str, weight: float, region: str
) -> DemoStore:
    return DemoStore(
        code, f"Mắt Việt {street}", province, district, dt.date.fromisoformat(opened), weight, region
    )


HCM, HN = "Hồ Chí Minh", "Hà Nội"

STORES: tuple[DemoStore, ...] = (
    _s("HCM01", "Nguyễn Trãi", HCM, "Quận 1", "2008-03-15", 1.6, "south"),
    _s("HCM02", "Võ Văn Tần", HCM, "Quận 3", "2009-06-01", 1.3, "south"),
    _s("HCM03", "Trần Hưng Đạo", HCM, "Quận 5", "2010-01-20", 1.1, "south"),
    _s("HCM04", "Crescent Mall", HCM, "Quận 7", "2012-09-08", 1.4, "south"),
    _s("HCM05", "Ba Tháng Hai", HCM, "Quận 10", "2011-04-12", 1.2, "south"),
    _s("HCM06", "Xô Viết Nghệ Tĩnh", HCM, "Bình Thạnh", "2013-07-01", 1.0, "south"),
    _s("HCM07", "Phan Xích Long", HCM, "Phú Nhuận", "2012-11-22", 1.1, "south"),
    _s("HCM08", "Cộng Hòa", HCM, "Tân Bình", "2014-03-03", 1.0, "south"),
    _s("HCM09", "Quang Trung", HCM, "Gò Vấp", "2015-08-15", 1.0, "south"),
    _s("HCM10", "Vincom Thủ Đức", HCM, "Thủ Đức", "2017-05-20", 1.1, "south"),
    _s("HCM11", "Aeon Tân Phú", HCM, "Tân Phú", "2016-01-09", 1.2, "south"),
    _s("HCM12", "Aeon Bình Tân", HCM, "Bình Tân", "2018-10-27", 0.9, "south"),
    _s("HCM13", "Lê Lợi", HCM, "Quận 1", "2019-04-18", 1.0, "south"),
    _s("HCM14", "Khánh Hội", HCM, "Quận 4", "2020-12-05", 0.7, "south"),
    _s("HCM15", "Hậu Giang", HCM, "Quận 6", "2021-06-19", 0.7, "south"),
    _s("HCM16", "Phạm Thế Hiển", HCM, "Quận 8", "2022-03-26", 0.6, "south"),
    _s("HCM17", "Lạc Long Quân", HCM, "Quận 11", "2022-09-10", 0.6, "south"),
    _s("HCM18", "Nguyễn Ảnh Thủ", HCM, "Quận 12", "2023-05-13", 0.6, "south"),
    _s("HCM19", "Vincom Vạn Hạnh", HCM, "Quận 10", "2024-01-06", 0.8, "south"),
    _s("HN01", "Tràng Tiền", HN, "Hoàn Kiếm", "2011-10-10", 1.4, "north"),
    _s("HN02", "Kim Mã", HN, "Ba Đình", "2012-05-19", 1.1, "north"),
    _s("HN03", "Xã Đàn", HN, "Đống Đa", "2013-02-28", 1.2, "north"),
    _s("HN04", "Xuân Thủy", HN, "Cầu Giấy", "2014-09-09", 1.2, "north"),
    _s("HN05", "Bạch Mai", HN, "Hai Bà Trưng", "2015-06-06", 1.0, "north"),
    _s("HN06", "Royal City", HN, "Thanh Xuân", "2016-11-11", 1.1, "north"),
    _s("HN07", "Aeon Long Biên", HN, "Long Biên", "2017-08-19", 1.0, "north"),
    _s("HN08", "Giải Phóng", HN, "Hoàng Mai", "2019-03-16", 0.8, "north"),
    _s("HN09", "Lạc Long Quân", HN, "Tây Hồ", "2020-07-25", 0.7, "north"),
    _s("HN10", "Mỹ Đình", HN, "Nam Từ Liêm", "2021-10-16", 0.8, "north"),
    _s("HN11", "Aeon Hà Đông", HN, "Hà Đông", "2022-12-10", 0.8, "north"),
    _s("HN12", "Phạm Văn Đồng", HN, "Bắc Từ Liêm", "2024-06-22", 0.6, "north"),
    _s("DN01", "Lê Duẩn", "Đà Nẵng", "Hải Châu", "2013-09-02", 1.0, "central"),
    _s("DN02", "Điện Biên Phủ", "Đà Nẵng", "Thanh Khê", "2018-06-30", 0.7, "central"),
    _s("DN03", "Võ Nguyên Giáp", "Đà Nẵng", "Sơn Trà", "2023-08-19", 0.5, "central"),
    _s("HP01", "Cầu Đất", "Hải Phòng", "Ngô Quyền", "2014-04-26", 0.9, "north"),
    _s("HP02", "Aeon Lê Chân", "Hải Phòng", "Lê Chân", "2021-01-09", 0.6, "north"),
    _s("CT01", "Ninh Kiều", "Cần Thơ", "Ninh Kiều", "2014-12-13", 0.9, "south"),
    _s("CT02", "Vincom Xuân Khánh", "Cần Thơ", "Ninh Kiều", "2022-06-04", 0.5, "south"),
    _s("BD01", "Thủ Dầu Một", "Bình Dương", "Thủ Dầu Một", "2016-05-14", 0.8, "south"),
    _s("BD02", "Aeon Bình Dương", "Bình Dương", "Thuận An", "2019-11-23", 0.8, "south"),
    _s("DNA01", "Biên Hòa", "Đồng Nai", "Biên Hòa", "2015-10-17", 0.8, "south"),
    _s("DNA02", "Long Khánh", "Đồng Nai", "Long Khánh", "2023-11-25", 0.4, "south"),
    _s("VT01", "Vũng Tàu", "Bà Rịa - Vũng Tàu", "Vũng Tàu", "2016-08-27", 0.6, "south"),
    _s("KH01", "Nha Trang", "Khánh Hòa", "Nha Trang", "2015-04-04", 0.7, "central"),
    _s("TTH01", "Huế", "Thừa Thiên Huế", "Huế", "2017-03-18", 0.6, "central"),
    _s("BDI01", "Quy Nhơn", "Bình Định", "Quy Nhơn", "2018-09-15", 0.5, "central"),
    _s("DL01", "Buôn Ma Thuột", "Đắk Lắk", "Buôn Ma Thuột", "2019-07-13", 0.5, "central"),
    _s("LD01", "Đà Lạt", "Lâm Đồng", "Đà Lạt", "2020-10-31", 0.4, "central"),
    _s("NA01", "Vinh", "Nghệ An", "Vinh", "2018-04-21", 0.6, "central"),
    _s("QN01", "Hạ Long", "Quảng Ninh", "Hạ Long", "2019-12-14", 0.5, "north"),
    _s("TN01", "Thái Nguyên", "Thái Nguyên", "Thái Nguyên", "2021-04-24", 0.4, "north"),
    _s("ND01", "Nam Định", "Nam Định", "Nam Định", "2020-05-30", 0.4, "north"),
    _s("AG01", "Long Xuyên", "An Giang", "Long Xuyên", "2021-09-18", 0.4, "south"),
    _s("KG01", "Rạch Giá", "Kiên Giang", "Rạch Giá", "2022-04-16", 0.4, "south"),
    _s("TG01", "Mỹ Tho", "Tiền Giang", "Mỹ Tho", "2022-11-19", 0.4, "south"),
    _s("LA01", "Tân An", "Long An", "Tân An", "2023-03-11", 0.3, "south"),
    _s("BN01", "Bắc Ninh", "Bắc Ninh", "Bắc Ninh", "2022-08-13", 0.5, "north"),
    _s("TH01", "Thanh Hóa", "Thanh Hóa", "Thanh Hóa", "2023-10-07", 0.5, "central"),
    _s("QNA01", "Hội An", "Quảng Nam", "Hội An", "2024-04-20", 0.3, "central"),
    _s("BTH01", "Phan Thiết", "Bình Thuận", "Phan Thiết", "2025-03-15", 0.3, "south"),
    DemoStore(
        "WEB", "Mắt Việt Online (matviet.vn)", HCM, None, dt.date(2019, 1, 1), 0.0, "south", online=True
    ),
)
