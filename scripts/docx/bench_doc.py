#!/usr/bin/env python3
"""Build the benchmark DOCX: quanzhou-science-2019's notice with its 职能工作目标 indicators
repeated COPIES times (renumbered 1-1 … 1-N), rendered like the other fixtures.

    python3 scripts/docx/bench_doc.py COPIES OUT.docx

With COPIES=4 the table runs to 30+ A4 landscape pages (check: soffice --convert-to pdf, pdfinfo).
The file is committed as fixtures/docx/bench/table-30-pages.docx so the benchmark needs no Python.
"""
import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import docxlib as L  # noqa: E402


def main():
    copies, out = int(sys.argv[1]), sys.argv[2]
    name = "quanzhou-science-2019"
    gold = json.load(open(os.path.join(ROOT, "fixtures/gold/%s.json" % name), encoding="utf-8"))
    table = gold["tables"][0]
    key = [r for r in table["records"] if r["id"].startswith("1-")]
    rest = [r for r in table["records"] if not r["id"].startswith("1-")]
    n_first = max(int(r["id"].split("-")[1]) for r in key)
    records = []
    for c in range(copies):
        for r in key:
            parts = r["id"].split("-")
            r2 = dict(r)
            r2["id"] = "-".join([parts[0], str(int(parts[1]) + c * n_first)] + parts[2:])
            records.append(r2)
    table["records"] = records + rest
    # The totals still name the original points: a benchmark input, not a gold file.
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False)
        tmp = f.name
    try:
        doc = L.render_fixture(os.path.join(ROOT, "fixtures/seeds/%s.txt" % name), tmp)
        L.save_docx(doc, out)
    finally:
        os.unlink(tmp)
    print("wrote", out, len(records) + len(rest), "records")


if __name__ == "__main__":
    main()
