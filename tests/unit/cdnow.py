"""CDNOW data from the `lifetimes` wheel (test-only; never shipped with the app)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd


def dataset(name: str) -> Path:
    # Located without importing lifetimes: its import warns under pandas 3 (warnings are errors here),
    # and its own loader breaks with setuptools >= 82.
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The `lifetimes` wheel (dev extra) is needed for the CDNOW tests.")
    return Path(next(iter(spec.submodule_search_locations))) / "datasets" / name


def summary() -> pd.DataFrame:
    return pd.read_csv(dataset("cdnow_customers_summary.csv"))


def summary_with_spend() -> pd.DataFrame:
    return pd.read_csv(dataset("cdnow_customers_summary_with_transactions.csv"))


def sample_transactions() -> pd.DataFrame:
    """The 1/10 sample: one row per transaction, same-day purchases not yet merged."""
    tx = pd.read_csv(
        dataset("CDNOW_sample.txt"),
        sep=r"\s+",
        header=None,
        names=["master_id", "customer", "date", "cds", "dollars"],
        dtype={"date": str},
    )
    tx["date"] = pd.to_datetime(tx["date"], format="%Y%m%d")
    return tx


CALIBRATION_END = pd.Timestamp("1997-09-30")
HOLDOUT_END = pd.Timestamp("1998-06-30")


def calibration_and_holdout() -> pd.DataFrame:
    """Weekly (x, t_x, T) over the 39-week calibration, and holdout purchase-day counts."""
    tx = sample_transactions()
    days = tx.groupby(["customer", "date"], as_index=False)["dollars"].sum()
    cal = days[days["date"] <= CALIBRATION_END]
    hold = days[(days["date"] > CALIBRATION_END) & (days["date"] <= HOLDOUT_END)]
    g = cal.groupby("customer")["date"]
    out = pd.DataFrame(
        {
            "x": g.count() - 1,
            "t_x": (g.max() - g.min()).dt.days / 7.0,
            "T": (CALIBRATION_END - g.min()).dt.days / 7.0,
        }
    )
    out["holdout"] = hold.groupby("customer").size().reindex(out.index, fill_value=0)
    return out.astype({"x": np.float64})
