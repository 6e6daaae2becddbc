"""Plain-Vietnamese explanations of the scored metrics, for staff who are not analysts.

Each function reads the Customer 360 profile dict and returns one or two short sentences that
say what the number means for this customer and what to do about it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from matviet_desktop.core.customers.profile import TimelineEvent
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.labels import label as code_label


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; look them up there.
    return QCoreApplication.translate("", text)


def clv_hint(p: dict[str, Any]) -> str:
    model, formula = p.get("clv_predicted"), p.get("clv_formula")
    if model is None:
        return tr("Chưa chấm điểm: cần chạy chấm điểm khách hàng.")
    text = tr("Số tiền dự kiến khách sẽ chi trong 12 tháng tới (mô hình BG/NBD).")
    if formula is not None:
        text += " " + tr("Theo công thức truyền thống: %1.").replace("%1", fmt.vnd(formula))
    return text


def tier_hint(p: dict[str, Any]) -> str:
    return {
        "vip": tr("Nhóm 5% khách có giá trị dự báo cao nhất: ưu tiên chăm sóc riêng."),
        "high": tr("Trong nhóm 20% khách giá trị cao."),
        "medium": tr("Nhóm giữa: tiềm năng nâng hạng với ưu đãi phù hợp."),
        "low": tr("Nhóm 30% giá trị thấp nhất: nên dùng kênh chi phí thấp."),
    }.get(p.get("clv_tier") or "", tr("Chưa xếp hạng."))


def churn_hint(p: dict[str, Any]) -> str:
    risk = p.get("churn_risk")
    if risk is None:
        return tr("Chưa chấm điểm.")
    risk = Decimal(str(risk))  # percent 0–100, as the scoring engine writes it
    if risk >= 70:
        return tr("Rất có thể đã ngừng mua: nên liên hệ lại ngay với ưu đãi quay lại.")
    if risk >= 40:
        return tr("Đang có dấu hiệu giảm mua: nhắc lịch khám mắt hoặc thay kính.")
    return tr("Khả năng còn mua cao: duy trì chăm sóc bình thường.")


def next_purchase_hint(p: dict[str, Any]) -> tuple[str, str]:
    days = p.get("days_to_next_purchase")
    if days is None:
        return "—", tr("Chưa đủ lịch sử mua để dự đoán.")
    base = p.get("scored_at") or dt.datetime.now(dt.UTC)
    when = base + dt.timedelta(days=int(days))
    return fmt.date(when), tr("Khoảng %1 ngày nữa, dựa trên nhịp mua trước đây.").replace(
        "%1", fmt.integer(days)
    )


def engagement_hint(p: dict[str, Any]) -> str:
    score = p.get("engagement_score")
    if score is None:
        return tr("Chưa chấm điểm.")
    if score >= 70:
        return tr("Thường xuyên ghé, mở tin và phản hồi.")
    if score >= 40:
        return tr("Tương tác ở mức trung bình.")
    return tr("Ít tương tác gần đây: tin nhắn có thể không được đọc.")


def rfm_explanation(p: dict[str, Any]) -> str:
    r, f, m = p.get("rfm_r"), p.get("rfm_f"), p.get("rfm_m")
    parts = []
    if r is not None and f is not None and m is not None:
        parts.append(
            tr("Điểm RFM: R%1 F%2 M%3 (thang 1–5, 5 là tốt nhất).")
            .replace("%1", str(r))
            .replace("%2", str(f))
            .replace("%3", str(m))
        )
        parts.append(
            tr("R: mua gần đây thế nào (lần cuối cách đây %1 ngày). F: mua thường xuyên ra sao (%2 đơn). "
               "M: chi bao nhiêu (%3).")
            .replace("%1", fmt.integer(p.get("rfm_recency_days")))
            .replace("%2", fmt.integer(p.get("order_count")))
            .replace("%3", fmt.vnd(p.get("total_spent")))
        )  # fmt: skip
    if p.get("rfm_segment"):
        parts.append(tr("Nhóm RFM: %1.").replace("%1", code_label("rfm_segment", p["rfm_segment"])))
    if p.get("lifecycle_stage"):
        parts.append(tr("Giai đoạn hiện tại: %1.").replace("%1", code_label("stage", p["lifecycle_stage"])))
    if p.get("p_alive") is not None:
        parts.append(tr("Xác suất còn là khách hàng: %1.").replace("%1", fmt.percent(p["p_alive"], 0)))
    if p.get("scored_at"):
        parts.append(tr("Chấm điểm lúc %1.").replace("%1", fmt.datetime(p["scored_at"])))
    return "\n".join(parts) if parts else tr("Chưa chấm điểm khách hàng này.")


def event_detail(event: TimelineEvent) -> str:
    d = event.detail
    if event.kind == "purchase":
        amount = d.get("amount")
        order = d.get("order") or d.get("external_id") or ""
        return " · ".join(x for x in (str(order), fmt.vnd(amount) if amount is not None else "") if x)
    if event.kind == "nps_response" and "score" in d:
        return tr("Điểm %1/10").replace("%1", str(d["score"]))
    if event.kind == "eye_exam" and d.get("result"):
        return str(d["result"])
    if event.kind == "store_visit" and d.get("purpose"):
        purposes = {
            "consultation": tr("tư vấn"),
            "pickup": tr("nhận kính"),
            "repair": tr("sửa, chỉnh kính"),
            "eye_exam": tr("khám mắt"),
        }
        return tr("Mục đích: %1").replace("%1", purposes.get(str(d["purpose"]), str(d["purpose"])))
    if d.get("campaign_name") or d.get("campaign"):
        return str(d.get("campaign_name") or d.get("campaign"))
    # Ids mean nothing to staff; show the remaining plain values.
    return ", ".join(f"{k}: {v}" for k, v in list(d.items())[:3] if not k.endswith("_id"))
