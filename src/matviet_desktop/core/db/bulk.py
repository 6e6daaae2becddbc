"""Bulk loading: numpy columns → PostgreSQL COPY text, and deferred indexes/foreign keys.

Rows are assembled with vectorised numpy byte-string operations (no Python loop per row) and
streamed to `COPY … FROM STDIN` in chunks. Values must not contain tabs, newlines or
backslashes (the generator's vocabularies do not); NULL is the two bytes \\N.

Loading millions of rows into empty tables is several times faster when indexes, keys and
foreign keys are built once afterwards (what pg_restore does); `deferred_indexes_and_keys` drops
them and recreates them from their own catalogue definitions, inside the caller's transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import psycopg
from psycopg.copy import QueuedLibpqWriter

log = logging.getLogger(__name__)

NULL = b"\\N"
_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_UUID_DASHES = (8, 12, 16, 20)  # hex positions before which a dash goes


def new_uuids(rng: np.random.Generator, n: int) -> np.ndarray:
    """n random version-4 UUIDs as an (n, 16) uint8 array (deterministic for the generator)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    return raw


def uuid_text(raw: np.ndarray) -> np.ndarray:
    """(n, 16) uint8 → canonical 36-character UUID text (bytes dtype S36)."""
    n = raw.shape[0]
    hexed = np.empty((n, 32), dtype=np.uint8)
    hexed[:, 0::2] = _HEX[raw >> 4]
    hexed[:, 1::2] = _HEX[raw & 0x0F]
    out = np.full((n, 36), ord("-"), dtype=np.uint8)
    src = 0
    dst = 0
    for stop in (*_UUID_DASHES, 32):
        width = stop - src
        out[:, dst : dst + width] = hexed[:, src:stop]
        src, dst = stop, dst + width + 1
    return out.view("S36").ravel()


def _digit_matrix(values: np.ndarray, width: int) -> np.ndarray:
    """Non-negative integers → (n, width) ASCII digits, zero-padded on the left."""
    out = np.empty((values.size, width), dtype=np.uint8)
    rest = values.copy()
    for position in range(width - 1, -1, -1):
        rest, digit = np.divmod(rest, 10)
        out[:, position] = digit + 48
    return out


def int_text(values: np.ndarray) -> np.ndarray:
    """Integers → decimal COPY text, built arithmetically (several times faster than astype('S')).

    The values are right-aligned with leading NUL bytes, which `encode_rows` drops: use the result
    for COPY (alone or concatenated into larger values), not for string functions such as zfill.
    """
    v = np.asarray(values, dtype=np.int64).ravel()
    if v.size == 0:
        return np.empty(0, dtype="S1")
    width = len(str(int(np.abs(v).max()))) + 1  # room for a sign
    digits = _digit_matrix(np.abs(v), width)
    leading = np.logical_and.accumulate(digits == 48, axis=1)
    leading[:, -1] = False  # zero itself keeps one digit
    digits[leading] = 0
    negative = np.flatnonzero(v < 0)
    if negative.size:
        digits[negative, leading[negative].sum(axis=1) - 1] = ord("-")
    return digits.view(f"S{width}").ravel()


def zero_padded_text(values: np.ndarray, width: int) -> np.ndarray:
    """Non-negative integers → fixed-width decimal text with leading zeros (b'000042')."""
    return _digit_matrix(np.asarray(values, dtype=np.int64).ravel(), width).view(f"S{width}").ravel()


def fixed_point_text(scaled: np.ndarray, places: int) -> np.ndarray:
    """Signed integers counting 10**-places → decimal text with `places` decimals (b'-12.05').
    Like int_text, padded with NUL bytes that `encode_rows` drops."""
    v = np.asarray(scaled, dtype=np.int64).ravel()
    if places == 0:
        return int_text(v)
    magnitude = np.abs(v)
    whole = int_text(magnitude // 10**places).view(np.uint8).reshape(v.size, -1)
    parts = [
        np.where(v < 0, ord("-"), 0).astype(np.uint8).reshape(-1, 1),
        whole,
        np.full((v.size, 1), ord("."), dtype=np.uint8),
        _digit_matrix(magnitude % 10**places, places),
    ]
    matrix = np.concatenate(parts, axis=1)
    return matrix.view(f"S{matrix.shape[1]}").ravel()


def labels_text(values: Sequence[object] | np.ndarray) -> np.ndarray:
    """Text labels from a small vocabulary (None/NaN → NULL) → UTF-8 COPY text: each distinct
    label is encoded once, then taken by code."""
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    encoded = np.array([str(u).encode() for u in uniques] + [NULL], dtype=object).astype(bytes)
    return encoded[np.where(codes < 0, len(uniques), codes)]


def _civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm)."""
    z = days + 719468
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    year = yoe + era * 400 + (month <= 2)
    return year, month, day


def _date_matrix(days: np.ndarray, width: int) -> np.ndarray:
    year, month, day = _civil(days)
    out = np.zeros((days.size, width), dtype=np.uint8)
    out[:, 0:4] = _digit_matrix(year, 4)
    out[:, 4] = ord("-")
    out[:, 5:7] = _digit_matrix(month, 2)
    out[:, 7] = ord("-")
    out[:, 8:10] = _digit_matrix(day, 2)
    return out


def timestamp_text(epoch_seconds: np.ndarray) -> np.ndarray:
    """UTC epoch seconds → 'YYYY-MM-DD HH:MM:SS+00' (timestamptz input)."""
    s = np.asarray(epoch_seconds, dtype=np.int64).ravel()
    days, second = np.divmod(s, 86400)
    out = _date_matrix(days, 22)
    out[:, 10] = ord(" ")
    out[:, 11:13] = _digit_matrix(second // 3600, 2)
    out[:, 13] = ord(":")
    out[:, 14:16] = _digit_matrix(second // 60 % 60, 2)
    out[:, 16] = ord(":")
    out[:, 17:19] = _digit_matrix(second % 60, 2)
    out[:, 19:22] = np.frombuffer(b"+00", dtype=np.uint8)
    return out.view("S22").ravel()


def date_text(epoch_days: np.ndarray) -> np.ndarray:
    return _date_matrix(np.asarray(epoch_days, dtype=np.int64).ravel(), 10).view("S10").ravel()


def bool_text(values: np.ndarray) -> np.ndarray:
    return np.where(np.asarray(values, dtype=bool), b"t", b"f")


def with_nulls(text: np.ndarray, null_mask: np.ndarray) -> np.ndarray:
    return np.where(null_mask, NULL, text)


def encode_rows(columns: Sequence[np.ndarray]) -> bytes:
    """Tab-separated, newline-terminated COPY text for equally long byte-string columns.

    Columns are laid side by side in one (rows × total width) byte matrix, NUL-padded as numpy
    stores fixed-width strings; dropping the NUL bytes leaves exactly the COPY text. Linear in
    the data size, and values never contain NUL.
    """
    n = len(columns[0])
    if n == 0:
        return b""
    arrays = [np.ascontiguousarray(c) for c in columns]
    total = sum(a.dtype.itemsize for a in arrays) + len(arrays)
    matrix = np.zeros((n, total), dtype=np.uint8)
    position = 0
    for j, array in enumerate(arrays):
        width = array.dtype.itemsize
        if width:
            matrix[:, position : position + width] = array.view(np.uint8).reshape(n, width)
        position += width
        matrix[:, position] = 9 if j < len(arrays) - 1 else 10  # tab, or newline after the last column
        position += 1
    flat = matrix.ravel()
    return flat[flat != 0].tobytes()


def copy_rows(
    cursor: psycopg.Cursor,
    table: str,
    column_names: Sequence[str],
    columns: Sequence[np.ndarray],
    *,
    chunk_rows: int = 250_000,
    freeze: bool = False,
    while_draining: Callable[[], None] | None = None,
) -> int:
    """COPY byte-string columns into `table`; returns the number of rows written.

    Chunks go through psycopg's queued writer, so encoding the next chunk overlaps with sending
    the previous one; `while_draining` runs after the last chunk is queued, while the server is
    still consuming (the seeder renders the next table there).
    """
    n = len(columns[0])
    if any(len(c) != n for c in columns):
        raise ValueError(f"columns for {table} differ in length")
    options = " (FREEZE)" if freeze else ""
    sql = f"COPY {table} ({', '.join(column_names)}) FROM STDIN{options}"
    with cursor.copy(sql, writer=QueuedLibpqWriter(cursor)) as copy:
        for start in range(0, n, chunk_rows):
            copy.write(encode_rows([c[start : start + chunk_rows] for c in columns]))
        if while_draining is not None:
            while_draining()
    return n


# Binary COPY types of fixed width: PostgreSQL type → numpy big-endian dtype.
FIXED_BINARY = {"int2": ">i2", "int4": ">i4", "int8": ">i8", "float8": ">f8", "bool": "?", "uuid": "V16"}
_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00"


def parse_fixed_binary(data: bytes, fields: Sequence[tuple[str, str]]) -> dict[str, np.ndarray]:
    """`COPY … TO STDOUT (FORMAT binary)` output whose fields are all fixed-width and never NULL
    (the query casts and coalesces them) → one numpy array per field, without a loop per row:
    every row then has the same layout, so the whole body is one structured array."""
    if not data.startswith(_BINARY_HEADER):
        raise ValueError("not PostgreSQL binary COPY data")
    start = len(_BINARY_HEADER) + 8 + int.from_bytes(data[15:19], "big")  # flags, extension area
    layout: list[tuple[str, str]] = [("_count", ">i2")]
    for k, (_, kind) in enumerate(fields):
        layout += [(f"_len{k}", ">i4"), (f"f{k}", FIXED_BINARY[kind])]
    row = np.dtype(layout)
    body = len(data) - start - 2  # the trailer is a field count of -1
    if body % row.itemsize or data[-2:] != b"\xff\xff":
        raise ValueError(
            f"binary COPY rows do not have the expected layout: {_first_misfit(data, start, fields)}"
        )
    rows = np.frombuffer(data, dtype=row, offset=start, count=body // row.itemsize)
    if rows.size and (rows["_count"] != len(fields)).any():
        raise ValueError("binary COPY rows have an unexpected number of fields")
    out = {}
    for k, (name, kind) in enumerate(fields):
        width = np.dtype(FIXED_BINARY[kind]).itemsize
        if rows.size and (rows[f"_len{k}"] != width).any():
            raise ValueError(f"binary COPY field {name} is NULL or not {kind}")
        column = np.ascontiguousarray(rows[f"f{k}"])
        out[name] = (
            column.view(np.uint8).reshape(-1, 16)
            if kind == "uuid"
            else column.astype(column.dtype.newbyteorder("="))
        )
    return out


def _first_misfit(data: bytes, start: int, fields: Sequence[tuple[str, str]]) -> str:
    """Name the first field of the first row that is NULL or of another width than declared."""
    position = start + 2
    for name, kind in fields:
        length = int.from_bytes(data[position : position + 4], "big", signed=True)
        if length != np.dtype(FIXED_BINARY[kind]).itemsize:
            return f"field {name} has {length} bytes, not the {kind} declared (-1 = NULL)"
        position += 4 + length
    return "the first row fits; a later one does not"


@contextmanager
def deferred_indexes_and_keys(connection: psycopg.Connection, tables: Sequence[str]) -> Iterator[None]:
    """Drop indexes, primary/unique keys and foreign keys of `tables`; recreate them on exit.

    Everything is recreated from its own catalogue definition (pg_get_indexdef /
    pg_get_constraintdef), keys first, then indexes, then foreign keys, which is the order
    pg_restore uses. Must run inside the caller's transaction: on an exception it rolls back
    and the dropped objects come back with it.
    """
    names = list(tables)
    foreign_keys = connection.execute(
        """
        SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c
        WHERE c.contype = 'f'
          AND (c.conrelid::regclass::text = ANY(%(t)s) OR c.confrelid::regclass::text = ANY(%(t)s))
        ORDER BY 1, 2
        """,
        {"t": names},
    ).fetchall()
    keys = connection.execute(
        """
        SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c
        WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY(%(t)s)
        ORDER BY c.contype, 1, 2
        """,
        {"t": names},
    ).fetchall()
    indexes = connection.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid::regclass::text = ANY(%(t)s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1
        """,
        {"t": names},
    ).fetchall()
    for table, constraint, _ in foreign_keys:
        connection.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint}"')
    for table, constraint, _ in keys:
        connection.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint}"')
    for index, _ in indexes:
        connection.execute(f"DROP INDEX {index}")
    yield
    statements = [f'ALTER TABLE {t} ADD CONSTRAINT "{c}" {d}' for t, c, d in keys]
    statements += [definition for _, definition in indexes]
    statements += [f'ALTER TABLE {t} ADD CONSTRAINT "{c}" {d}' for t, c, d in foreign_keys]
    for statement in statements:
        started = time.perf_counter()
        connection.execute(statement)
        log.debug("%.2fs %s", time.perf_counter() - started, statement)
