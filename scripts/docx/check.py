#!/usr/bin/env python3
"""Generator-side sanity check of the DOCX fixtures (not the project's reader).

    python3 scripts/docx/check.py              # check everything under fixtures/docx/
    python3 scripts/docx/check.py FILE.docx    # print what the reference walk reads

It reads each DOCX back with a small namespace-aware walk over word/document.xml (lxml):
content controls, hyperlinks, simple fields, insertions and smart tags are transparent;
deletions, w:delText, w:instrText, mc:Fallback and deleted rows are skipped; a 1x1 layout
table is unwrapped; a nested table inside a cell gives one line per inner cell; w:gridSpan,
w:hMerge and w:vMerge are followed (a continued cell takes the text of the cell it continues).
From the table grid it rebuilds the records and compares them with the gold file (main
fixtures) or with NAME.expected.json (edge cases), and compares the body paragraphs with the
seed's prose lines. The plain python-docx files are also read a second time through
python-docx's own `table.rows[i].cells` (which follows gridSpan and vMerge) as a cross-check.
"""

import json
import os
import re
import sys
import zipfile

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import docxlib  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag):
    return "{%s}%s" % (W, tag)


TRANSPARENT = {w(t) for t in ("sdtContent", "hyperlink", "fldSimple", "ins", "moveTo", "smartTag",
                              "customXml", "dir", "bdo", "r")}
SKIP = {w(t) for t in ("del", "moveFrom", "delText", "instrText", "sdtPr", "sdtEndPr", "rPr", "pPr",
                       "tblPr", "trPr", "tcPr", "tblGrid", "proofErr", "bookmarkStart", "bookmarkEnd",
                       "lastRenderedPageBreak", "fldChar", "commentRangeStart", "commentRangeEnd")}


# ---------------------------------------------------------------- walk

def inline_text(el, out):
    """Text of runs under el (one paragraph's inline content); '\n' for w:br / w:cr."""
    for ch in el:
        tag = ch.tag
        if not isinstance(tag, str):
            continue
        if tag in SKIP:
            continue
        if tag == w("t"):
            out.append(ch.text or "")
        elif tag == w("tab"):
            out.append("\t")
        elif tag in (w("br"), w("cr")):
            if ch.get(w("type")) not in ("page", "column"):
                out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
        elif tag == "{%s}AlternateContent" % MC:
            choice = ch.find("{%s}Choice" % MC)
            if choice is not None:
                for tb in choice.iter(w("txbxContent")):
                    out.append("".join(p for p in paragraphs_of(tb)))
        elif tag == w("sdt"):
            c = ch.find(w("sdtContent"))
            if c is not None:
                inline_text(c, out)
        elif tag == w("drawing") or tag == w("pict"):
            for tb in ch.iter(w("txbxContent")):
                out.append("".join(paragraphs_of(tb)))
        else:
            inline_text(ch, out)


def para_text(p):
    out = []
    inline_text(p, out)
    return "".join(out)


def paragraphs_of(container):
    """Texts of the paragraphs directly in a block container (through sdt)."""
    res = []
    for kind, v in blocks(container):
        if kind == "p":
            res.append(v)
    return res


def blocks(container):
    """Block content: [('p', text) | ('tbl', rows)], content controls unwrapped."""
    res = []
    for ch in container:
        tag = ch.tag
        if tag == w("p"):
            res.append(("p", para_text(ch)))
        elif tag == w("tbl"):
            t = read_table(ch)
            # a 1x1 layout table: its content is the document's content
            if len(t) == 1 and len(t[0]) == 1 and t[0][0]["blocks"] is not None:
                res.extend(t[0][0]["blocks"])
            else:
                res.append(("tbl", t))
        elif tag == w("sdt"):
            c = ch.find(w("sdtContent"))
            if c is not None:
                res.extend(blocks(c))
        elif tag in (w("customXml"), w("ins"), w("moveTo")):
            res.extend(blocks(ch))
    return res


def iter_wrapped(parent, tag, keep=lambda el: True):
    """The children of `parent` with tag `tag` (and passing `keep`), in order, looking through
    w:sdt/w:sdtContent and w:customXml wrappers."""
    for ch in parent:
        if ch.tag == tag:
            if keep(ch):
                yield ch
        elif ch.tag == w("sdt"):
            c = ch.find(w("sdtContent"))
            if c is not None:
                yield from iter_wrapped(c, tag, keep)
        elif ch.tag == w("customXml"):
            yield from iter_wrapped(ch, tag, keep)


def row_not_deleted(tr):
    trpr = tr.find(w("trPr"))
    return trpr is None or trpr.find(w("del")) is None


def iter_rows(tbl):
    return iter_wrapped(tbl, w("tr"), row_not_deleted)


def iter_cells(tr):
    return iter_wrapped(tr, w("tc"))


def cell_content(tc):
    """(paragraph texts, block list) of a cell; a nested table contributes one paragraph per
    inner cell, in reading order."""
    bl = blocks(tc)
    paras = []
    for kind, v in bl:
        if kind == "p":
            paras.append(v)
        else:
            for row in v:
                seen = set()
                for c in row:
                    if id(c) in seen:
                        continue
                    seen.add(id(c))
                    paras.extend(c["paras"])
    return paras, bl


def read_table(tbl):
    """Rows of grid cells. A cell dict appears once per grid column it covers; a vMerge /
    hMerge continuation is the dict of the cell it continues."""
    rows = []
    for tr in iter_rows(tbl):
        row = []
        col = 0
        for tc in iter_cells(tr):
            tcpr = tc.find(w("tcPr"))
            span, vmerge, hmerge = 1, None, None
            if tcpr is not None:
                gs = tcpr.find(w("gridSpan"))
                if gs is not None:
                    span = int(gs.get(w("val")))
                v = tcpr.find(w("vMerge"))
                if v is not None:
                    vmerge = v.get(w("val")) or "continue"
                h = tcpr.find(w("hMerge"))
                if h is not None:
                    hmerge = h.get(w("val")) or "continue"
            paras, bl = cell_content(tc)
            cell = {"paras": paras, "vmerge": vmerge, "blocks": bl}
            if hmerge == "continue" and row:
                cell = row[-1]
            elif vmerge == "continue" and rows and col < len(rows[-1]):
                cell = rows[-1][col]
            for _ in range(span):
                row.append(cell)
            col += span
        rows.append(row)
    return rows


def read_docx(path):
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        headers = {}
        for name in z.namelist():
            if re.match(r"word/(header|footer)\d+\.xml$", name):
                headers[name] = paragraphs_of(etree.fromstring(z.read(name)))
    body = root.find(w("body"))
    return blocks(body), headers


# ---------------------------------------------------------------- records

def cell_text(c):
    return "\n".join(c["paras"]).strip() if c else ""


def split_lines(c):
    out = []
    for p in c["paras"] if c else []:
        for line in p.split("\n"):
            line = line.strip()
            if line:
                out.append(line)
    return out


POINTS = re.compile(r"[（(]\s*([0-9]+(?:\.[0-9]+)?)\s*分\s*[)）]$")


def strip_points(s):
    m = POINTS.search(s)
    if not m:
        return s, None
    v = float(m.group(1))
    return s[:m.start()], (int(v) if v == int(v) else v)


def num(s):
    s = s.strip()
    if not s:
        return None
    v = float(s)
    return int(v) if v == int(v) else v


PERF_LABELS = {"序号": "id", "文件依据": "basis", "一级指标": "primary", "二级指标": "secondary",
               "目标内容": "secondary", "权重": "weight", "完成时限": "deadline", "分管领导": "leaders",
               "责任单位": "units", "责任人": "persons", "备注": "remarks", "项目": "project"}
ID = re.compile(r"^\d+(-\d+){1,2}$")


def perf_tables(blks):
    """Records and declared totals from every performance table (continuing tables, whose
    header repeats, carry the merged columns over)."""
    records, totals = [], []
    prev = None
    for kind, rows in blks:
        if kind != "tbl":
            continue
        colmap, start = {}, 0
        for i, row in enumerate(rows):
            texts = [cell_text(c) for c in row]
            if "序号" in texts:
                for j, t in enumerate(texts):
                    if t in PERF_LABELS and PERF_LABELS[t] != "project":
                        if not (t == "目标内容" and "二级指标" in texts):
                            colmap[PERF_LABELS[t]] = j
                start = i + 1
                proj = [j for j, t in enumerate([cell_text(c) for c in rows[0]]) if t == "项目"]
                if proj:
                    colmap["category"], colmap["group"] = proj[0], proj[0] + 1
                break
        if "id" not in colmap:
            continue
        # a repeated header row further down (split-table) is skipped too
        for row in rows[start:]:
            texts = [cell_text(c) for c in row]
            if texts and texts[colmap["id"]] == "序号":
                continue
            rid = texts[colmap["id"]] if colmap["id"] < len(texts) else ""
            if not ID.match(rid):
                first = texts[0]
                if first and not first.startswith(("说明", "注")):
                    wv = texts[colmap["weight"]] if "weight" in colmap else ""
                    totals.append({"label": first, "value": num(wv)})
                continue
            rec = {"id": rid}
            cat = texts[colmap["category"]]
            grp = texts[colmap["group"]]
            rec["category"] = strip_points(cat)[0] if cat else (prev or {}).get("category")
            rec["group"] = strip_points(grp)[0] if grp else (prev or {}).get("group")
            if "basis" in colmap:
                bc = row[colmap["basis"]]
                basis = []
                for p in bc["paras"]:
                    basis += [x for x in (s.strip() for s in p.split("；")) if x]
                ptxt = texts[colmap["primary"]]
                same_ind = prev is not None and docxlib.indicator_key(prev["id"]) == docxlib.indicator_key(rid)
                if not basis and not ptxt and same_ind and bc["vmerge"] == "restart":
                    # cut by a table break: the merged cell goes on from the previous table
                    basis, rec["primary"], rec["primary_points"] = prev["basis"], prev["primary"], prev["primary_points"]
                else:
                    prim, pts = strip_points(ptxt) if ptxt else (None, None)
                    rec["primary"], rec["primary_points"] = prim, pts
                rec["basis"] = basis
            else:
                rec["basis"], rec["primary"], rec["primary_points"] = [], None, None
            rec["secondary"] = texts[colmap["secondary"]] or None
            rec["weight"] = num(texts[colmap["weight"]])
            rec["deadline"] = texts[colmap["deadline"]] or None
            rec["leaders"] = split_lines(row[colmap["leaders"]])
            rec["units"] = [p.strip() for p in row[colmap["units"]]["paras"] if p.strip()]
            rec["persons"] = split_lines(row[colmap["persons"]])
            rec["remarks"] = texts[colmap["remarks"]] or None
            records.append(rec)
            prev = rec
    return records, totals


def budget_table(blks):
    for kind, rows in blks:
        if kind != "tbl":
            continue
        texts0 = [[cell_text(c) for c in row] for row in rows]
        hdr = [i for i, t in enumerate(texts0) if t and t[0] == "职责序号"]
        if not hdr:
            continue
        h = hdr[0]
        # header rows: h, h+1, h+2; the lowest label of each column names it
        colmap = {}
        for i in range(h, h + 3):
            for j, t in enumerate(texts0[i]):
                key = re.sub(r"\s+", "", re.sub(r"\s*[(（].*[)）]$", "", t))
                colmap[j] = key
        fields = {"职责序号": "duty_no", "部门职责": "duty", "职责目标": "duty_goal", "绩效指标": "indicator",
                  "指标解释": "explanation", "年度指标值": "target", "“十三五”规划值": "plan_value",
                  "2020年标准值": "standard_value", "来源": "standard_source", "2017-2019年均值": "history_avg",
                  "2019年值": "history_last", "数据来源": "history_source", "备注": "remarks",
                  "工作活动": "activity", "预算项目": "budget_item"}
        cols = {fields[v]: j for j, v in colmap.items() if v in fields}
        pre = {"department": None, "budget": {"sources": []}, "strategy": None}
        for t in texts0[:h]:
            for j, x in enumerate(t):
                if j and t[j - 1] == x:
                    continue
                nxt = next((y for y in t[j + 1:] if y != x), "")
                if x == "部门名称":
                    pre["department"] = nxt
                elif x == "部门整体预算总额":
                    pre["budget"]["total"] = nxt
                elif x == "战略目标":
                    pre["strategy"] = nxt
                elif "基本支出" in x:
                    pre["budget"]["basic"] = nxt
                elif "项目支出" in x:
                    pre["budget"]["project"] = nxt
                elif re.search(r"[(（]\d[)）]", x):
                    name = re.sub(r"^.*[(（]\d[)）]", "", x)
                    amt = t[j + 2] if j + 2 < len(t) and t[j + 1] == x else nxt
                    pre["budget"]["sources"].append({"name": name, "amount": amt or None})
        recs = []
        counters = {}
        for row in rows[h + 3:]:
            t = [cell_text(c) for c in row]
            rec = {f: (t[j] or None) for f, j in cols.items()}
            rec["duty_no"] = int(rec["duty_no"])
            counters[rec["duty_no"]] = counters.get(rec["duty_no"], 0) + 1
            rec["id"] = "%d-%d" % (rec["duty_no"], counters[rec["duty_no"]])
            recs.append(rec)
        return recs, pre
    return [], None


# ---------------------------------------------------------------- comparing

class Report:
    def __init__(self):
        self.errors = []
        self.checked = 0

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


def compare_records(rep, where, got, want, fields=None):
    gmap = {r["id"]: r for r in got}
    if [r["id"] for r in got] != [r["id"] for r in want]:
        rep.err(where, "ids differ: got %s want %s" % ([r["id"] for r in got], [r["id"] for r in want]))
    for wr in want:
        gr = gmap.get(wr["id"])
        if gr is None:
            continue
        for f, wv in wr.items():
            if fields is not None and f not in fields:
                continue
            if f.endswith("_value") and f not in ("plan_value", "standard_value") or f.endswith("_parsed") \
                    or f == "deadline_month":
                continue
            wv = docxlib.unwrap(wv)
            gv = gr.get(f)
            if isinstance(wv, (int, float)) and isinstance(gv, (int, float)):
                ok = float(wv) == float(gv)
            else:
                ok = wv == gv or (wv in ([], None) and gv in ([], None))
            rep.checked += 1
            if not ok:
                rep.err(where, "%s %s: got %r want %r" % (wr["id"], f, gv, wv))


def compare_prose(rep, where, blks, seed_path):
    lines = docxlib.read_seed(seed_path)
    before, after, _ = docxlib.split_seed(lines)
    want = [docxlib.prose_text(l)[0] for l in before + after]
    got = [v for k, v in blks if k == "p"]
    # the one empty paragraph between two tables is layout, not prose
    ntab = sum(1 for k, _ in blks if k == "tbl")
    if ntab > 1:
        first = next(i for i, (k, _) in enumerate(blks) if k == "tbl")
        lastt = max(i for i, (k, _) in enumerate(blks) if k == "tbl")
        got = [v for i, (k, v) in enumerate(blks) if k == "p" and not (first < i < lastt and v == "")]
    got = [g.replace("\t", "").rstrip("\n") for g in got]
    rep.checked += 1
    if got != want:
        for i, (g, x) in enumerate(zip(got, want)):
            if g != x:
                rep.err(where, "prose line %d: got %r want %r" % (i, g[:60], x[:60]))
                break
        if len(got) != len(want):
            rep.err(where, "prose: %d paragraphs, seed has %d prose lines" % (len(got), len(want)))


def check_main(rep, path, name):
    gold = docxlib.load_gold(os.path.join(ROOT, "fixtures/gold/%s.json" % name))
    blks, _ = read_docx(path)
    where = os.path.relpath(path, ROOT)
    compare_prose(rep, where, blks, os.path.join(ROOT, "fixtures/seeds/%s.txt" % name))
    for t in gold["tables"]:
        if t["kind"] == "performance_targets":
            recs, totals = perf_tables(blks)
            compare_records(rep, where, recs, t["records"])
            rep.checked += 1
            if totals != t["declared_totals"]:
                rep.err(where, "declared_totals: got %r want %r" % (totals, t["declared_totals"]))
        else:
            recs, pre = budget_table(blks)
            compare_records(rep, where, recs, t["records"])
            rep.checked += 1
            wb = dict(t["budget"])
            if pre is None or pre["department"] != t["unit"] or pre["strategy"] != t["strategy"] or \
                    {k: pre["budget"].get(k) for k in ("total", "basic", "project", "sources")} != \
                    {k: wb.get(k) for k in ("total", "basic", "project", "sources")}:
                rep.err(where, "budget preamble: got %r" % (pre,))
    if not gold["tables"]:
        rep.checked += 1
        if any(k == "tbl" for k, _ in blks):
            rep.err(where, "a table where the gold has none")


def check_python_docx(rep, path, name):
    """Cross-check through python-docx's own cell model (plain python-docx files only)."""
    import docx
    gold = docxlib.load_gold(os.path.join(ROOT, "fixtures/gold/%s.json" % name))
    d = docx.Document(path)
    where = os.path.relpath(path, ROOT) + " [python-docx]"
    blks = []
    for t in d.tables:
        rows = []
        for r in t.rows:
            row = []
            for c in r.cells:
                vmerge = c._tc.vMerge
                row.append({"paras": [p.text for p in c.paragraphs], "vmerge": vmerge, "blocks": None})
            rows.append(row)
        blks.append(("tbl", rows))
    for t in gold["tables"]:
        if t["kind"] == "performance_targets":
            recs, totals = perf_tables(blks)
        else:
            recs, _ = budget_table(blks)
        compare_records(rep, where, recs, t["records"])


def check_edge(rep, path):
    exp_path = path[:-5] + ".expected.json"
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    blks, headers = read_docx(path)
    where = os.path.relpath(path, ROOT)
    recs, totals = perf_tables(blks)
    compare_records(rep, where, recs, exp["records"])
    if "declared_totals" in exp:
        rep.checked += 1
        if totals != exp["declared_totals"]:
            rep.err(where, "declared_totals: got %r want %r" % (totals, exp["declared_totals"]))
    if "header_text" in exp:
        rep.checked += 1
        allh = [p for ps in headers.values() for p in ps]
        if exp["header_text"] not in allh:
            rep.err(where, "header parts do not hold %r: %r" % (exp["header_text"], headers))
        if any(v == exp["header_text"] for k, v in blks if k == "p"):
            rep.err(where, "letterhead found in the body too")


MAIN = ["quanzhou-science-2019", "quanzhou-sasac-2020", "linyi-science-budget-2020", "anxi-science-2021"]


def main():
    if len(sys.argv) > 1:
        blks, headers = read_docx(sys.argv[1])
        for k, v in blks:
            if k == "p":
                print("P  %r" % v)
            else:
                print("TABLE %d rows" % len(v))
                for row in v:
                    print("   | " + " | ".join(cell_text(c).replace("\n", "⏎")[:18] for c in row))
        for k, v in headers.items():
            print("%s: %r" % (k, v))
        return 0
    rep = Report()
    base = os.path.join(ROOT, "fixtures/docx")
    for sub in ("", "libreoffice", "wps"):
        for name in MAIN:
            p = os.path.join(base, sub, name + ".docx")
            if os.path.exists(p):
                check_main(rep, p, name)
                if sub == "":
                    check_python_docx(rep, p, name)
            elif sub != "wps" or name in ("quanzhou-science-2019", "linyi-science-budget-2020"):
                rep.err(p, "missing")
    edge = os.path.join(base, "edge")
    if os.path.isdir(edge):
        for f in sorted(os.listdir(edge)):
            if f.endswith(".docx"):
                check_edge(rep, os.path.join(edge, f))
    for e in rep.errors:
        print("FAIL", e)
    print("%d values checked, %d problems" % (rep.checked, len(rep.errors)))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
