"""The demo product catalogue: frames, lenses, sunglasses, contact lenses, accessories, eye exams.

Brands and price bands are those of Vietnamese optical chains (VND, list prices ending in 000).
The catalogue is the same for every seed: it is built from a fixed generator.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Kinds of product slot the order generator fills; several kinds share one schema category.
FRAME, LENS, SUNGLASSES, CONTACTS, SOLUTION, ACCESSORY, EXAM_FREE, EXAM_PAID = range(8)
KIND_CATEGORY = {
    FRAME: "glasses",
    LENS: "glasses",
    SUNGLASSES: "sunglasses",
    CONTACTS: "contact_lenses",
    SOLUTION: "accessories",
    ACCESSORY: "accessories",
    EXAM_FREE: "eye_exam",
    EXAM_PAID: "eye_exam",
}

_FRAME_BRANDS = (  # brand, SKU prefix, low, high (thousand VND), models
    ("MV Basic", "MVB", 390, 690, 8),
    ("Exfash", "EXF", 690, 1190, 8),
    ("Parim", "PAR", 890, 1590, 10),
    ("Molsion", "MOL", 990, 1790, 10),
    ("Esprit", "ESP", 1490, 2490, 6),
    ("Tommy Hilfiger", "TH", 2190, 3490, 6),
    ("Police", "POL", 2490, 3990, 5),
    ("Carrera", "CAR", 2490, 4490, 5),
    ("Ray-Ban", "RB", 2590, 4990, 10),
    ("Lacoste", "LAC", 2790, 4490, 5),
    ("Oakley", "OX", 2990, 5490, 6),
    ("Hugo Boss", "BOSS", 3490, 5990, 4),
    ("Prada", "PR", 6990, 10990, 4),
    ("Gucci", "GG", 7490, 12490, 4),
)
_SUN_BRANDS = (
    ("MV Sun", "MVS", 490, 890, 6),
    ("Molsion", "MOLS", 1090, 1890, 8),
    ("Polaroid", "PLD", 1190, 2190, 8),
    ("Carrera", "CARS", 2990, 4990, 6),
    ("Police", "POLS", 2990, 4490, 4),
    ("Ray-Ban", "RBS", 3190, 5490, 12),
    ("Oakley", "OO", 3490, 5990, 8),
    ("Prada", "PRS", 7990, 11990, 4),
    ("Gucci", "GGS", 7990, 13990, 5),
)
_LENSES = (  # name, brand, price (thousand VND) for a pair
    ("Tròng Chemi 1.56 chống UV", "Chemi", 450),
    ("Tròng Kodak 1.56 UV400", "Kodak", 650),
    ("Tròng Chemi U2 1.60 chống ánh sáng xanh", "Chemi", 850),
    ("Tròng Chemi đổi màu 1.56", "Chemi", 1190),
    ("Tròng Essilor Crizal Alizé 1.56", "Essilor", 1290),
    ("Tròng Hoya BlueControl 1.60", "Hoya", 1890),
    ("Tròng Essilor Crizal Rock 1.60", "Essilor", 2190),
    ("Tròng Essilor Eyezen 1.60", "Essilor", 2490),
    ("Tròng Hoya Nulux 1.67 siêu mỏng", "Hoya", 3190),
    ("Tròng Zeiss DuraVision BlueProtect 1.60", "Zeiss", 3490),
    ("Tròng Rodenstock 1.67", "Rodenstock", 3990),
    ("Tròng Essilor Transitions Gen S 1.60", "Essilor", 4290),
    ("Tròng đa tròng Essilor Varilux Comfort", "Essilor", 5990),
    ("Tròng đa tròng Hoya Lifestyle 3", "Hoya", 6990),
    ("Tròng đa tròng Essilor Varilux X", "Essilor", 8990),
    ("Tròng đa tròng Zeiss SmartLife", "Zeiss", 10990),
)
_CONTACTS = (
    ("Kính áp tròng Bausch + Lomb SofLens 59 (hộp 6 chiếc)", "Bausch + Lomb", 260),
    ("Kính áp tròng Clearlab Clear 1 Day (hộp 30 chiếc)", "Clearlab", 390),
    ("Kính áp tròng Air Optix Aqua 1 tháng (hộp 6 chiếc)", "Alcon", 450),
    ("Kính áp tròng Acuvue Oasys 2 tuần (hộp 6 chiếc)", "Acuvue", 490),
    ("Kính áp tròng Seed 1dayPure (hộp 32 chiếc)", "Seed", 520),
    ("Kính áp tròng Bausch + Lomb ULTRA (hộp 6 chiếc)", "Bausch + Lomb", 520),
    ("Kính áp tròng Biotrue ONEday (hộp 30 chiếc)", "Bausch + Lomb", 550),
    ("Kính áp tròng Acuvue Moist 1 ngày (hộp 30 chiếc)", "Acuvue", 650),
    ("Kính áp tròng màu Acuvue Define (hộp 30 chiếc)", "Acuvue", 680),
    ("Kính áp tròng Acuvue Oasys 1-Day (hộp 30 chiếc)", "Acuvue", 790),
    ("Kính áp tròng Dailies Total1 (hộp 30 chiếc)", "Alcon", 890),
)
_SOLUTIONS = (
    ("Nước ngâm lens Renu Fresh 120ml", "Bausch + Lomb", 75),
    ("Nước ngâm lens Renu Fresh 355ml", "Bausch + Lomb", 145),
    ("Nước ngâm lens Opti-Free PureMoist 300ml", "Alcon", 220),
    ("Nhỏ mắt Systane Ultra 10ml", "Alcon", 95),
)
_ACCESSORIES = (
    ("Khăn lau kính microfiber", "Mắt Việt", 30),
    ("Nhỏ mắt V.Rohto 13ml", "Rohto", 55),
    ("Xịt rửa kính 60ml", "Mắt Việt", 60),
    ("Hộp đựng kính cứng", "Mắt Việt", 80),
    ("Dây đeo kính", "Mắt Việt", 90),
    ("Hộp đựng kính da", "Mắt Việt", 120),
    ("Bộ vệ sinh kính", "Mắt Việt", 150),
    ("Thay ốc, chỉnh gọng", "Mắt Việt", 50),
)
_EXAMS_FREE = (("Đo khám mắt miễn phí", "Mắt Việt", 0),)
_EXAMS_PAID = (
    ("Đo khúc xạ cho trẻ em", "Mắt Việt", 100),
    ("Khám mắt chuyên sâu với bác sĩ", "Mắt Việt", 150),
    ("Tư vấn và thử kính áp tròng", "Mắt Việt", 200),
)
_COLOURS = ("Đen", "Nâu", "Bạc", "Vàng", "Xanh navy", "Đồi mồi", "Trong suốt", "Hồng", "Xám", "Đen nhám")


@dataclass(frozen=True)
class Catalog:
    """Products as parallel arrays; product ids are 1…n in this order."""

    sku: list[str]
    name: list[str]
    brand: list[str]
    kind: np.ndarray  # int8, one of the kind constants
    price: np.ndarray  # int64 VND

    @property
    def category(self) -> list[str]:
        return [KIND_CATEGORY[int(k)] for k in self.kind]

    def ids_of_kind(self, kind: int) -> np.ndarray:
        """Product ids (1-based) of a kind, cheapest first."""
        idx = np.flatnonzero(self.kind == kind)
        return idx[np.argsort(self.price[idx], kind="stable")] + 1


def build_catalog() -> Catalog:
    rng = np.random.default_rng(20240101)
    sku: list[str] = []
    name: list[str] = []
    brand: list[str] = []
    kind: list[int] = []
    price: list[int] = []

    def add(s: str, n: str, b: str, k: int, p_thousand: int) -> None:
        sku.append(s)
        name.append(n)
        brand.append(b)
        kind.append(k)
        price.append(p_thousand * 1000)

    for brands, k, label in ((_FRAME_BRANDS, FRAME, "Gọng kính"), (_SUN_BRANDS, SUNGLASSES, "Kính mát")):
        for brand_name, prefix, low, high, models in brands:
            codes = rng.choice(np.arange(1000, 9999), size=models, replace=False)
            for code in codes:
                colour = _COLOURS[int(rng.integers(len(_COLOURS)))]
                p = int(round(rng.uniform(low, high) / 100) * 100 - 10)
                add(
                    f"{prefix}{code}-{len(sku):03d}",
                    f"{label} {brand_name} {prefix}{code} {colour}",
                    brand_name,
                    k,
                    p,
                )
    simple = (
        (_LENSES, LENS, "LENS"),
        (_CONTACTS, CONTACTS, "CL"),
        (_SOLUTIONS, SOLUTION, "SOL"),
        (_ACCESSORIES, ACCESSORY, "ACC"),
        (_EXAMS_FREE, EXAM_FREE, "EXAM"),
        (_EXAMS_PAID, EXAM_PAID, "EXAMP"),
    )
    for items, k, prefix in simple:
        for i, (n, b, p) in enumerate(items, start=1):
            add(f"{prefix}-{i:03d}", n, b, k, p)
    return Catalog(sku, name, brand, np.asarray(kind, dtype=np.int8), np.asarray(price, dtype=np.int64))
