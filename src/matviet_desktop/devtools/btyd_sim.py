"""Synthetic customers and orders drawn from BG/NBD + gamma spend (fixed seed), for tests and benches.

Vectorised over customers: one numpy step per purchase index, COPY into PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid

import numpy as np
import pandas as pd
import psycopg

# Days as the unit: about 0.8 purchases a year while alive, ~25 % drop out after each purchase.
DEFAULT_PARAMS = {"r": 0.9, "alpha": 400.0, "a": 0.8, "b": 2.5}


def simulate_summary(
    n: int, seed: int, r: float, alpha: float, a: float, b: float, T_max: float, T_min: float = 0.0
) -> pd.DataFrame:
    """(x, t_x, T) per customer: T ~ U(T_min, T_max) since the first purchase."""
    rng = np.random.default_rng(seed)
    T = rng.uniform(T_min, T_max, n)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    t = np.zeros(n)
    x = np.zeros(n, dtype=np.int64)
    tx = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while alive.any():
        idx = np.flatnonzero(alive)
        t[idx] += rng.exponential(1.0 / lam[idx])
        bought = t[idx] <= T[idx]
        hit = idx[bought]
        x[hit] += 1
        tx[hit] = t[hit]
        alive[idx[~bought]] = False
        # BG/NBD: a customer may drop out right after each purchase.
        alive[hit[rng.random(len(hit)) < p[hit]]] = False
    return pd.DataFrame({"x": x, "t_x": tx, "T": T})


def purchase_days(
    n: int, seed: int, horizon_days: int, params: dict[str, float] | None = None
) -> pd.DataFrame:
    """Long format (customer index, days before the end) of every purchase, first purchases included."""
    prm = params or DEFAULT_PARAMS
    rng = np.random.default_rng(seed)
    first = rng.uniform(0, horizon_days, n)  # days before the end
    lam = rng.gamma(prm["r"], 1.0 / prm["alpha"], n)
    drop = rng.beta(prm["a"], prm["b"], n)
    rows_c = [np.arange(n)]
    rows_d = [first]
    t = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    first_round = True
    while alive.any():
        idx = np.flatnonzero(alive)
        if not first_round:  # BG/NBD: drop-out only right after a repeat purchase
            idx = idx[rng.random(len(idx)) >= drop[idx]]
        first_round = False
        alive[:] = False
        t[idx] += rng.exponential(1.0 / lam[idx])
        hit = idx[t[idx] <= first[idx]]
        rows_c.append(hit)
        rows_d.append(first[hit] - t[hit])
        alive[hit] = True
    return pd.DataFrame({"customer": np.concatenate(rows_c), "days_before_end": np.concatenate(rows_d)})


def load_orders(
    conn: psycopg.Connection, n: int, seed: int, end: dt.datetime, horizon_days: int = 1500
) -> pd.DataFrame:
    """Insert n customers, one store and their completed orders (with one item each); returns purchases."""
    rng = np.random.default_rng(seed + 1)
    ids = [str(uuid.UUID(bytes=rng.bytes(16), version=4)) for _ in range(n)]
    buf = io.StringIO("".join(f"{i}\tKhách {k}\n" for k, i in enumerate(ids)))
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO stores (code, name, province) VALUES ('SIM', 'Cửa hàng mô phỏng', 'Hà Nội') ON CONFLICT DO NOTHING"
        )
        store = cur.execute("SELECT id FROM stores WHERE code = 'SIM'").fetchone()[0]  # type: ignore[index]
        with cur.copy("COPY customers (id, full_name) FROM STDIN") as copy:
            copy.write(buf.getvalue())
        buys = purchase_days(n, seed, horizon_days)
        when = pd.Timestamp(end) - pd.to_timedelta(buys["days_before_end"].to_numpy(), unit="D")
        spend = np.round(rng.gamma(4.0, 500_000, len(buys)), -3) + 100_000
        frame = pd.DataFrame(
            {
                "external_id": [f"S{seed}-{k}" for k in range(len(buys))],
                "customer_id": np.asarray(ids, dtype=object)[buys["customer"].to_numpy()],
                "store_id": store,
                "order_date": when.strftime("%Y-%m-%d %H:%M:%S%z"),
                "total_amount": spend.astype(np.int64),
            }
        )
        with cur.copy(
            "COPY orders (external_id, customer_id, store_id, order_date, total_amount) FROM STDIN"
        ) as copy:
            copy.write(frame.to_csv(sep="\t", header=False, index=False))
        cur.execute(
            "INSERT INTO order_items (order_id, category, unit_price, order_customer_id, order_placed_at, order_status)"
            " SELECT id, 'glasses', total_amount, customer_id, order_date, status FROM orders WHERE external_id LIKE %s",
            (f"S{seed}-%",),
        )
    buys["order_date"] = when
    return buys
