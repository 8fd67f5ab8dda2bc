#!/usr/bin/env python3
"""Reads a zhibiao dataset (the OUT of `zhibiao extract INPUTS -o OUT`) back with the tools
our users load it with, and checks that they all see the same records:

  - Python's csv module on records.csv (with or without the --excel byte-order mark);
  - pandas.read_json(lines=True) on records.jsonl and pandas.read_csv on records.csv;
  - DuckDB's read_csv_auto on records.csv and read_json_auto on records.jsonl.

pandas and DuckDB are optional (pip install pandas duckdb): each is checked when it can be
imported and said to be skipped otherwise. Exit status 1 on the first disagreement.

    python3 scripts/check-dataset.py OUT
"""
import csv
import json
import sys
from pathlib import Path


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def main(out):
    out = Path(out)
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    if len(records) != summary["records"]:
        fail(f"records.jsonl has {len(records)} lines, summary.json says {summary['records']}")
    ids = [(r["file"], r["id"]) for r in records]

    # The csv module, strict: a malformed quote is an error, not a guess.
    with open(out / "records.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    if len(body) != len(records):
        fail(f"records.csv has {len(body)} rows, records.jsonl {len(records)}")
    if any(len(r) != len(header) for r in body):
        fail("a records.csv row has another number of cells than the header")
    fi, ii = header.index("file"), header.index("id")
    if [(r[fi], r[ii]) for r in body] != ids:
        fail("records.csv rows are not the records of records.jsonl, in order")
    print(f"csv module: ok ({len(body)} rows, {len(header)} columns)")

    try:
        import pandas as pd
    except ImportError:
        print("pandas: not installed, skipped")
    else:
        df = pd.read_json(out / "records.jsonl", lines=True, dtype=False)
        if len(df) != len(records) or list(zip(df["file"], df["id"])) != ids:
            fail("pandas.read_json(lines=True) does not give the records")
        dc = pd.read_csv(out / "records.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if list(dc.columns) != header or len(dc) != len(records):
            fail("pandas.read_csv does not give the header and rows")
        print(f"pandas {pd.__version__}: ok (read_json lines: {len(df)} rows, {len(df.columns)} columns; read_csv: {len(dc)} rows)")

    try:
        import duckdb
    except ImportError:
        print("duckdb: not installed, skipped")
    else:
        con = duckdb.connect()
        csv_path = str(out / "records.csv").replace("'", "''")
        rel = con.sql(f"SELECT * FROM read_csv_auto('{csv_path}')")
        if rel.columns != header:
            fail(f"DuckDB read_csv_auto columns differ: {rel.columns[:5]}…")
        got = con.sql(f"SELECT file, id FROM read_csv_auto('{csv_path}', all_varchar=true)").fetchall()
        if [tuple(g) for g in got] != ids:
            fail("DuckDB read_csv_auto rows are not the records")
        types = dict(zip(rel.columns, rel.types))
        json_path = str(out / "records.jsonl").replace("'", "''")
        n = con.sql(f"SELECT count(*) FROM read_json_auto('{json_path}', format='newline_delimited')").fetchall()[0][0]
        if n != len(records):
            fail(f"DuckDB read_json_auto counts {n} records")
        print(f"duckdb {duckdb.__version__}: ok (read_csv_auto: {len(got)} rows, year as {types.get('year')}, weight as {types.get('weight')}; read_json_auto: {n} rows)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
