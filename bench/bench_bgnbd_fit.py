"""BG/NBD fit on 1M synthetic customers: ours vs lifetimes' BetaGeoFitter on the same data.

Data: drawn from FHL's CDNOW parameters (r=0.243, alpha=4.414, a=0.793, b=2.426), weeks, T ~ U(26, 78),
times rounded to whole days as real order data is. Prints both fits, the largest relative parameter
difference (target <= 1e-3) and the speed ratio (target >= 4x).

    PYTHONPATH=src python bench/bench_bgnbd_fit.py [--customers 1000000] [--seed 1]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

from matviet_desktop.core.scoring.btyd import fit_bgnbd
from matviet_desktop.core.scoring.btyd._fit import compress
from matviet_desktop.devtools.btyd_sim import simulate_summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    data = simulate_summary(
        args.customers, args.seed, r=0.243, alpha=4.414, a=0.793, b=2.426, T_max=78.0, T_min=26.0
    )
    data["T"] = np.round(data["T"] * 7) / 7  # whole days, in weeks
    data["t_x"] = np.minimum(np.round(data["t_x"] * 7) / 7, data["T"])
    x, tx, T = (data[c].to_numpy(np.float64) for c in ("x", "t_x", "T"))
    unique_rows = len(compress(x, tx, T).weights)
    print(f"customers {len(x):,}, unique (x, t_x, T) rows {unique_rows:,}, repeaters {(x > 0).mean():.1%}")

    start = time.perf_counter()
    ours = fit_bgnbd(x, tx, T)
    ours_s = time.perf_counter() - start
    print(
        f"ours      {ours_s:7.2f} s  r={ours.r:.5f} alpha={ours.alpha:.5f} a={ours.a:.5f} b={ours.b:.5f} LL={ours.log_likelihood:.2f}"
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from lifetimes import BetaGeoFitter  # test/bench-only oracle

        start = time.perf_counter()
        theirs = BetaGeoFitter().fit(x, tx, T)
        theirs_s = time.perf_counter() - start
    p = theirs.params_
    print(f"lifetimes {theirs_s:7.2f} s  r={p['r']:.5f} alpha={p['alpha']:.5f} a={p['a']:.5f} b={p['b']:.5f}")
    rel = max(abs(getattr(ours, k) - p[k]) / abs(p[k]) for k in ("r", "alpha", "a", "b"))
    print(f"max relative parameter difference {rel:.2e} (target <= 1e-3): {'OK' if rel <= 1e-3 else 'FAIL'}")
    ratio = theirs_s / ours_s
    print(f"speed ratio {ratio:.1f}x (target >= 4x): {'OK' if ratio >= 4 else 'FAIL'}")


if __name__ == "__main__":
    main()
