#!/usr/bin/python3
"""The pandas baseline of bench_wide_table: the whole table into a DataFrame with
read_sql, then per column its non-null count (isna), distinct count (nunique) and the
passes of the same checks the profiler runs (rule masks). Prints one line per column:
name, non-null, distinct, then the passes of each check in the order of CHECKS."""

import sqlite3
import sys

import pandas as pd

TABLE = "wide_lines"
CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN"]


def text_length(column, limit):
    return column.str.len() <= limit


CHECKS = {
    "line_key": [lambda c: c.notna() & (c % 1 == 0)],
    "code": [lambda c: text_length(c, 7), lambda c: c.str.fullmatch(r"[A-Z]{2}-[0-9]{4}", na=False)],
    "amount": [lambda c: c.round(2) == c, lambda c: c.between(0, 10_000_000)],
    "currency": [lambda c: text_length(c, 3), lambda c: c.isin(CURRENCIES)],
    "booking_date": [lambda c: pd.to_datetime(c, format="%Y-%m-%d", errors="coerce").notna()],
    "customer_id": [lambda c: text_length(c, 11)],
}


def main():
    connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    frame = pd.read_sql(f"SELECT {', '.join(CHECKS)} FROM {TABLE}", connection)
    print("rows", len(frame))
    for name, checks in CHECKS.items():
        column = frame[name]
        present = column[~column.isna()]
        passes = [int(check(present).sum()) for check in checks]
        print(name, len(present), column.nunique(dropna=True), *passes)


if __name__ == "__main__":
    main()
