"""What every advertising email carries (Decree 91/2020 Art. 17–20, RFC 8058): `[QC]` at the
start of the subject (added by the engine), an opt-out footer at the end of the body, and
List-Unsubscribe headers (one-click only with an https URL)."""

from __future__ import annotations

OPT_OUT_FOOTER = (
    "\n\n--\nBạn nhận thư này vì đã đồng ý nhận tin khuyến mãi từ Mắt Việt. "
    "Để từ chối nhận mọi thư quảng cáo của Mắt Việt, bấm “Hủy đăng ký” hoặc trả lời thư này với tiêu đề “TU CHOI”."
)


def unsubscribe_headers(mailto: str, url: str, request_id: str) -> dict[str, str]:
    parts = []
    if mailto:
        parts.append(f"<mailto:{mailto}?subject=unsubscribe%20{request_id}>")
    if url:
        parts.append(f"<{url.rstrip('/')}/{request_id}>")
    headers = {"List-Unsubscribe": ", ".join(parts)} if parts else {}
    if url.startswith("https://"):
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return headers


def with_footer(body: str) -> str:
    return body if body.rstrip().endswith(OPT_OUT_FOOTER.strip()) else body.rstrip() + OPT_OUT_FOOTER
