"""`matviet score`, `matviet clv fit`, `matviet model evaluate`: the scoring engine from the shell."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import typer

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for, fail

VN = ZoneInfo("Asia/Ho_Chi_Minh")

clv_app = typer.Typer(help="Mô hình giá trị vòng đời khách hàng (CLV).", no_args_is_help=True)
model_app = typer.Typer(help="Kiểm định mô hình chấm điểm.", no_args_is_help=True)

AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Ngày chấm điểm YYYY-MM-DD (tính đến hết ngày, giờ Việt Nam); mặc định: bây giờ."
    ),
]


def parse_as_of(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=VN)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        fail(f"--as-of '{value}' không hợp lệ: dùng YYYY-MM-DD hoặc thời điểm ISO 8601.", code=2)
        raise
    return moment if moment.tzinfo else moment.replace(tzinfo=VN)


def score(database_url: DatabaseUrl = None, as_of: AsOf = None, as_json: JsonOutput = False) -> None:
    """Chấm điểm toàn bộ khách hàng: RFM, vòng đời, CLV, nguy cơ rời bỏ, tương tác, hành vi."""
    from matviet_desktop.core.scoring.pipeline import score_all

    def progress(label: str, fraction: float) -> None:
        if not as_json:
            typer.echo(f"[{fraction:4.0%}] {label}", err=True)

    engine = engine_for(database_url)
    try:
        result = score_all(engine, parse_as_of(as_of), progress=progress)
    finally:
        engine.dispose()
    payload = {
        "run_id": result.run_id,
        "as_of": result.as_of,
        "customers_scored": result.customers_scored,
        "model": {k: result.params.get(k) for k in ("bgnbd", "gamma_gamma", "chain_interval_days")},
        "counts": result.counts,
        "timings": result.timings,
    }
    emit(
        payload,
        as_json,
        f"Đã chấm điểm {result.customers_scored:,} khách hàng trong {result.timings.get('total', 0):.1f} s "
        f"(lần chạy #{result.run_id}).",
    )


class ModelName(StrEnum):
    bgnbd = "bgnbd"
    mbgnbd = "mbgnbd"
    pnbd = "pnbd"
    gg = "gg"


REQUIRED = {
    ModelName.bgnbd: ("frequency", "recency", "T"),
    ModelName.mbgnbd: ("frequency", "recency", "T"),
    ModelName.pnbd: ("frequency", "recency", "T"),
    ModelName.gg: ("frequency", "monetary_value"),
}


@clv_app.command("fit")
def clv_fit(
    summary: Annotated[
        Path, typer.Option("--summary", help="CSV: frequency, recency, T (và monetary_value cho gg).")
    ],
    model: Annotated[
        ModelName, typer.Option("--model", help="bgnbd, mbgnbd, pnbd hoặc gg (Gamma-Gamma).")
    ] = ModelName.bgnbd,
    as_json: JsonOutput = False,
) -> None:
    """Ước lượng một mô hình trên bảng tóm tắt và in tham số cùng log-likelihood."""
    from matviet_desktop.core.scoring.btyd import fit_bgnbd, fit_gamma_gamma, fit_mbgnbd, fit_pnbd
    from matviet_desktop.core.scoring.btyd._fit import FitError

    if not summary.is_file():
        fail(f"Không tìm thấy tệp {summary}.", code=2)
    table = pd.read_csv(summary)
    missing = [c for c in REQUIRED[model] if c not in table.columns]
    if missing:
        fail(f"Tệp {summary} thiếu cột {', '.join(missing)} (cần: {', '.join(REQUIRED[model])}).", code=2)
    columns = [pd.to_numeric(table[c], errors="coerce").to_numpy(np.float64) for c in REQUIRED[model]]
    bad = np.flatnonzero(np.any([np.isnan(c) for c in columns], axis=0))
    if len(bad):
        fail(
            f"Dòng {int(bad[0]) + 2} của {summary}: giá trị không phải số trong {', '.join(REQUIRED[model])}.",
            code=2,
        )
    try:
        if model is ModelName.bgnbd:
            p = fit_bgnbd(*columns)
            params = {"r": p.r, "alpha": p.alpha, "a": p.a, "b": p.b}
            ll, n = p.log_likelihood, p.n_customers
        elif model is ModelName.mbgnbd:
            m = fit_mbgnbd(*columns)
            params = {"r": m.r, "alpha": m.alpha, "a": m.a, "b": m.b}
            ll, n = m.log_likelihood, m.n_customers
        elif model is ModelName.pnbd:
            q = fit_pnbd(*columns)
            params = {"r": q.r, "alpha": q.alpha, "s": q.s, "beta": q.beta}
            ll, n = q.log_likelihood, q.n_customers
        else:
            g = fit_gamma_gamma(*columns)
            params = {"p": g.p, "q": g.q, "v": g.v}
            ll, n = g.log_likelihood, g.n_customers
    except FitError as exc:
        fail(str(exc))
        return
    payload = {"model": model.value, **params, "log_likelihood": ll, "customers": n}
    emit(payload, as_json, " ".join(f"{k}={v:.6g}" for k, v in params.items()) + f" LL={ll:.4f}")


@model_app.command("evaluate")
def model_evaluate(
    holdout_days: Annotated[
        int, typer.Option("--holdout-days", help="Độ dài giai đoạn kiểm tra (ngày).")
    ] = 365,
    database_url: DatabaseUrl = None,
    as_of: AsOf = None,
    as_json: JsonOutput = False,
) -> None:
    """Kiểm định theo thời gian: ước lượng trước mốc cắt, so với thực tế trong giai đoạn kiểm tra."""
    from matviet_desktop.core.scoring.evaluate import backtest

    engine = engine_for(database_url)
    try:
        report = backtest(engine, holdout_days, parse_as_of(as_of))
    except ValueError as exc:
        fail(str(exc))
        return
    finally:
        engine.dispose()
    p = report.purchases
    human = (
        f"Kiểm định {report.holdout_days} ngày từ {report.cut:%d/%m/%Y}, {report.customers:,} khách: "
        f"lượt mua dự báo {p['predicted_total']:,.0f} / thực tế {p['actual_total']:,.0f} (lệch {p['bias']:+.1%}), "
        f"MAE {p['mae']:.3f}, Spearman {p['spearman']:.3f}, lift top 10 % {p['top_decile_lift']:.2f}×, "
        f"AUC rời bỏ {report.churn_auc:.3f}."
    )
    emit(report.as_dict(), as_json, human)


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.add_typer(clv_app, name="clv")
    app.add_typer(model_app, name="model")
