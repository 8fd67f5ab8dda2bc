#!/usr/bin/env python3
"""Varied PDF renderings of generated notices, with exact gold, and the PDF reader's accuracy on them.

    python3 scripts/pdf/synth_pdf.py [--seed 1] [--count 50] [--keep DIR] [--show N] [--fields]
                                     [--jobs 2] [--no-lost] [--zhibiao BIN] [--synth BIN]

Per seed S (seeds S … S+count-1):

1. `target/release/examples/synth write --family performance --seed S --count N` writes the
   notices `performance-00000S.txt` and their gold `gold/performance-00000S.json`;
2. each DOCX is rendered from them as `scripts/docx/render.py --generated` does
   (`docxlib.render_fixture`: prose from the text, the tables from the gold, real
   gridSpan/vMerge merges; the text's own TAB tables, 指标设置情况表 and 联络员 list, as
   tables in place), then `docxlib.apply_layout` applies the layout drawn for the seed (below;
   `render.py --generated --layout @NAME.layout.json` writes the same bytes);
3. LibreOffice converts all DOCX files to PDF, in `--jobs` soffice processes (one batch each,
   throw-away profiles, `宋体` pinned to WenQuanYi Zen Hei by a fontconfig file); the
   PDFs' dates and ids are fixed afterwards, so a seed gives the same bytes every run;
4. `zhibiao extract FILE.pdf` reads each PDF, and the output is scored against the gold with
   `/work/shared/tools/score.py` (`--score-py`; the synth crate has no scoring CLI for files):
   field F1, wrong fields (record fields that differ from the gold) and silent wrong fields
   (those whose record carries no issue of severity warning/error naming the record id or a
   key it belongs to: `1-3` covers `1-3-2`; crates/synth/src/eval.rs);
5. with pdfplumber installed, the gold text of every wrong field is looked up in the PDF, in
   its column between the row rules of its record (of the records its merged cell covers):
   `inside` (printed whole inside the rows: a misreading), `overrun` (only with the line that
   crosses a row's bottom rule: an exact row height cuts through it, LibreOffice clips its
   glyphs at the rule, the text layer has them whole) or `lost` (not printed: LibreOffice drops
   the lines below the cut, and clips some merged cells cut by a page break; no reader can
   give it).

Printed: one line per document (F1, wrong, silent, lost, overrun, pages, layout code), then the
summary: mean F1, worst F1 (and which), the silent-error rate (silent wrong fields / all
non-empty gold fields, notice fields included, as eval.rs counts), wrong/silent fields by where
their text is in the PDF and per field, and the wall time. `--show N` lists the wrong fields of
the N worst documents, `--fields` of all of them. `--keep DIR` keeps DIR/src (text + gold),
DIR/docx (+ NAME.layout.json), DIR/pdf, DIR/out (zhibiao JSON) and DIR/results.json.

Layout variations, drawn from `random.Random("synth_pdf:S")` only (deterministic per seed; the
layout code in the per-document line names them):
- page: A4 landscape 40 %, A4 portrait 25 %, Letter landscape 15 %, B5 landscape 10 %, A3
  landscape 10 %; margins 12–30 mm each side (`A4P`, `A4L`, `LtrL`, `B5L`, `A3L`);
- CJK face: 宋体 → WenQuanYi Zen Hei 40 %, AR PL UMing CN 30 %, Noto Serif CJK SC 20 %, Noto Sans
  CJK SC 10 % (`wqy`, `uming`, `serif`, `sans`): other glyph widths and line heights;
- table font size 7.5–12 pt (`9pt`), at most a 55th of the table width (A4 portrait: ≤ 9 pt);
  table width 85–100 % of the text width;
- column widths: every column's share × 0.7–1.4; 40 % of documents have narrow 分管领导/责任单位/
  责任人 columns (× 0.3–0.6: a name or unit wraps over several lines, often one character a
  line; `narrow`), 20 % a narrow 完成时限 column (`ndl`);
- cell margins: left/right 0–170 twips, top/bottom 0–57 twips (`cmL/T`); no column is narrower
  than one character (序号 and 权重: their whole text on one line) plus its margins;
- border width 0.25–1.5 pt (`b4` = 0.5 pt);
- vertical alignment of data cells: centre 60 %, top 30 %, bottom 10 % (`vC`, `vT`, `vB`);
- row heights: auto 45 %; `atLeast` 20 % (1.5–3 lines: rows taller than their text, merged cells
  with room); `exact` 35 % (1.2–3 lines, `exact1.8`): every data row has a fixed height, so
  long cells lose their last lines (LibreOffice clips the glyphs of the line the cut goes
  through at the bottom rule, the text layer keeping it whole, and drops the lines below);
- 25 % of documents forbid rows to split across pages (`cant`); 20 % print the header rows on
  the first page only (`nohdr`).
The generated tables have 40–65 records and run over 2–20 pages (7 on average over seeds
1–50), so merged 文件依据/一级指标/项目 cells are cut by page breaks in every document.

Needs: soffice (libreoffice-writer-nogui), the fonts above (fonts-noto-cjk, fonts-arphic-uming,
fonts-wqy-zenhei, fonts-liberation), python-docx; pdfplumber for the lost-text check. See
scripts/pdf/README.md ("Generated PDFs with gold").
"""

import argparse
import concurrent.futures
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "docx"))
import docxlib as L  # noqa: E402

SCORE_PY = "/work/shared/tools/score.py"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lofonts import FONTS_CONF, LO_CJK  # noqa: E402

# ---------------------------------------------------------------- layout per seed

PAGES = [("A4L", (297, 210), 40), ("A4P", (210, 297), 25), ("LtrL", (279.4, 215.9), 15),
         ("B5L", (250, 176), 10), ("A3L", (420, 297), 10)]
FONTS = [("wqy", "宋体", 40), ("uming", "AR PL UMing CN", 30), ("serif", "Noto Serif CJK SC", 20),
         ("sans", "Noto Sans CJK SC", 10)]
# line height / font size in LibreOffice, roughly, per face (for the row heights only)
LINE_FACTOR = {"wqy": 1.17, "uming": 1.17, "serif": 1.45, "sans": 1.45}
COLUMNS = sorted(set(L.PERF_COLUMNS) | set(L.ADMIN_COLUMNS))


def weighted(rng, items):
    total = sum(it[-1] for it in items)
    x = rng.random() * total
    for it in items:
        x -= it[-1]
        if x < 0:
            return it
    return items[-1]


def draw_layout(seed):
    """(layout dict for docxlib.apply_layout, short code naming its variations)."""
    rng = random.Random("synth_pdf:%d" % seed)
    code = []
    pname, page, _ = weighted(rng, PAGES)
    fname, font, _ = weighted(rng, FONTS)
    lay = {"page_mm": list(page), "cjk_font": font}
    lay["margins_mm"] = [rng.randint(12, 30) for _ in range(4)]
    lay["table_frac"] = round(rng.uniform(0.85, 1.0), 3)
    # at least 55 characters across the table (A4 portrait: at most 9 pt)
    table_pt = (page[0] - lay["margins_mm"][1] - lay["margins_mm"][3]) / 25.4 * 72 * lay["table_frac"]
    size = rng.choice([z for z in (7.5, 8, 9, 9, 10, 10.5, 12) if z <= table_pt / 55] or [7.5])
    lay["table_size"] = size
    fac = {c: round(rng.uniform(0.7, 1.4), 3) for c in COLUMNS}
    code += [pname, fname, "%gpt" % size]
    if rng.random() < 0.4:
        for c in ("leaders", "units", "persons"):
            fac[c] = round(rng.uniform(0.3, 0.6), 3)
        code.append("narrow")
    if rng.random() < 0.2:
        fac["deadline"] = round(rng.uniform(0.4, 0.6), 3)
        code.append("ndl")
    lay["col_factor"] = fac
    lr = rng.choice([0, 28, 57, 108, 108, 170])
    if 12 * (2 * lr + 1.2 * size * 20) > 0.5 * table_pt * 20:  # margins leave room for text
        lr = 57
    tb = rng.choice([0, 0, 20, 57])
    lay["cell_margins"] = {"top": tb, "left": lr, "right": lr, "bottom": tb}
    # no column narrower than its least content: one character (a 序号 `1-10-2`, a 权重 `1.5` on
    # one line), plus the cell margins
    least = dict({c: 1.2 for c in COLUMNS}, id=3.4, weight=2.0)
    lay["col_min"] = {c: int(round(em * size * 20 + 2 * lr + 20)) for c, em in least.items()}
    code.append("cm%d/%d" % (lr, tb))
    lay["border_sz"] = rng.choice([2, 4, 4, 4, 8, 12])
    code.append("b%d" % lay["border_sz"])
    va = weighted(rng, [("center", 60), ("top", 30), ("bottom", 10)])[0]
    lay["valign"] = va
    code.append("v" + va[0].upper())
    mode = weighted(rng, [(None, 45), ("atLeast", 20), ("exact", 35)])[0]
    if mode:
        lines = round(rng.uniform(1.5, 3.0) if mode == "atLeast" else rng.uniform(1.2, 3.0), 2)
        twips = int(round(lines * size * LINE_FACTOR[fname] * 20)) + 2 * tb
        lay["row_height"] = {"rule": mode, "twips": twips}
        code.append("%s%g" % (mode, lines))
    if rng.random() < 0.25:
        lay["cant_split"] = True
        code.append("cant")
    if rng.random() < 0.2:
        lay["repeat_header"] = False
        code.append("nohdr")
    return lay, " ".join(code)


# ---------------------------------------------------------------- steps

def log(*a):
    print(*a, file=sys.stderr, flush=True)


def synth_write(synth, seed, count, out):
    subprocess.run([synth, "write", "--family", "performance", "--seed", str(seed), "--count", str(count),
                    "--out", out], check=True, stdout=subprocess.DEVNULL)
    names = ["performance-%06d" % s for s in range(seed, seed + count)]
    for n in names:
        if not os.path.exists(os.path.join(out, n + ".txt")):
            raise RuntimeError("synth wrote no %s.txt" % n)
    return names


def render(src, name, seed, docx_dir):
    lay, code = draw_layout(seed)
    doc = L.render_fixture(os.path.join(src, name + ".txt"), os.path.join(src, "gold", name + ".json"),
                           generated=True)
    L.apply_layout(doc, lay)
    path = os.path.join(docx_dir, name + ".docx")
    L.save_docx(doc, path)
    with open(os.path.join(docx_dir, name + ".layout.json"), "w", encoding="utf-8") as f:
        json.dump(lay, f, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    return path, code


def soffice_batch(paths, outdir, tmp, k):
    conf = os.path.join(tmp, "fonts.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(FONTS_CONF % {"cjk": LO_CJK})
    profile = os.path.join(tmp, "lo-profile-%d" % k)
    env = dict(os.environ, FONTCONFIG_FILE=conf, HOME=tmp, TZ="UTC", SOURCE_DATE_EPOCH="1609488000")
    cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
           "--outdir", outdir] + list(paths)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800, env=env)


def soffice_all(paths, outdir, tmp, jobs):
    """One soffice call per batch; the batches run at the same time (own profiles)."""
    os.makedirs(outdir, exist_ok=True)
    batches = [paths[k::jobs] for k in range(jobs) if paths[k::jobs]]
    with concurrent.futures.ThreadPoolExecutor(len(batches)) as ex:
        list(ex.map(lambda kb: soffice_batch(kb[1], outdir, tmp, kb[0]), enumerate(batches)))
    out = []
    for p in paths:
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + ".pdf")
        if not os.path.exists(pdf):
            raise RuntimeError("soffice wrote no %s" % pdf)
        fix_lo_pdf(pdf, os.path.basename(pdf))
        out.append(pdf)
    return out


def fix_lo_pdf(path, name):
    """Same-length, in place: /CreationDate and /ID (and /DocChecksum) fixed, so the bytes do
    not depend on the clock (as scripts/pdf/make_fixtures.py does)."""
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb"(/CreationDate\s*\(D:)\d{14}", rb"\g<1>20210101080000", data)
    fid = hashlib.md5(("zhibiao " + name).encode()).hexdigest().upper().encode()
    data = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)",
                  rb"\g<1>" + fid + rb"\g<2>" + fid + rb"\g<3>", data)
    data = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", rb"\g<1>" + fid, data)
    with open(path, "wb") as f:
        f.write(data)


def extract(zhibiao, pdf, out_json):
    r = subprocess.run([zhibiao, "extract", pdf], capture_output=True, timeout=600)
    if r.returncode != 0 or not r.stdout.strip():
        out = {"error": r.stderr.decode("utf-8", "replace")[-2000:], "tables": [], "issues": []}
    else:
        out = json.loads(r.stdout)
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
    return out


# ---------------------------------------------------------------- scoring

def load_scorer(path):
    spec = importlib.util.spec_from_file_location("zhibiao_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def warned_records(out):
    """The `record` of every warning or error issue (eval.rs warned_records)."""
    return [i["record"] for i in out.get("issues") or []
            if i.get("severity") in ("warning", "error") and i.get("record")]


def covered(rid, warned):
    """A warning names record `rid` or a key it belongs to (`1-3` covers `1-3-2`, not `1-30-1`)."""
    return any(rid == w or (rid.startswith(w) and rid[len(w)] == "-") for w in warned)


def evaluate(S, out, gold):
    res = S.score(out, gold)
    t = res["tally"]
    _, _, f1 = t.f1()
    warned = warned_records(out)
    wrong = []
    for (kind, rid), field, gv, ov in res["mismatches"]:
        wrong.append({"id": rid, "field": field, "gold": gv, "got": ov, "silent": not covered(rid, warned)})
    return {"f1": f1, "fields": t.tp + t.fn, "wrong": wrong,
            "notice_bad": [{"field": f, "gold": g, "got": o} for f, g, o in res["notice_bad"]],
            "records": res["gold_records"], "matched": res["matched"], "extra": len(res["extra"])}


# ---------------------------------------------------------------- lost text (pdfplumber)

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_geometry(docx_path):
    """(page width pt, left margin pt, text width pt, [grid widths in pt per table])."""
    from lxml import etree
    root = etree.fromstring(L.read_member(docx_path, "word/document.xml"))
    sect = root.find(W_NS + "body").find(W_NS + "sectPr")
    pw = int(sect.find(W_NS + "pgSz").get(W_NS + "w")) / 20.0
    mar = sect.find(W_NS + "pgMar")
    left = int(mar.get(W_NS + "left")) / 20.0
    right = int(mar.get(W_NS + "right")) / 20.0
    tables = []
    for tbl in root.iter(W_NS + "tbl"):
        tables.append([int(g.get(W_NS + "w")) / 20.0 for g in tbl.find(W_NS + "tblGrid")])
    return pw, left, pw - left - right, tables


def compact(s):
    return re.sub(r"\s+", "", s)


def table_edges(geom):
    """Per table: {column name: (x0, x1)} in pt (the table is centred in the text area)."""
    pw, left, text_w, tables = geom
    out = []
    for widths in tables:
        names = L._columns_of(len(widths))
        x = left + (text_w - sum(widths)) / 2.0
        cols = {}
        for name, w in zip(names, widths):
            cols[name] = (x, x + w)
            x += w
        out.append(cols)
    return out


def record_bands(pages, cols, ids):
    """{record id: [(page, top, bottom)]}: the row bands of each record, found by the
    horizontal rules across the 序号 column and the id printed between them. A band without
    an id is the part of a row cut by a page break: it joins the row printed at the other side
    of the break."""
    x0, x1 = cols["id"]
    xm = (x0 + x1) / 2.0
    bands = []  # (page, top, bottom, id text)
    for k, (chars, lines) in enumerate(pages):
        ys = sorted({round(l["top"], 1) for l in lines
                     if abs(l["top"] - l["bottom"]) < 0.5 and l["x0"] <= xm <= l["x1"]})
        idch = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
        page = []
        for top, bottom in zip(ys, ys[1:]):
            if bottom - top < 1:
                continue
            t = compact("".join(c["text"] for c in sorted(idch, key=lambda c: (round(c["top"]), c["x0"]))
                                if top <= (c["top"] + c["bottom"]) / 2 < bottom))
            if t == "序号":  # the header: it and the bands above it are no record's
                page = []
                continue
            page.append((k, top, bottom, t))
        bands += page
    out = {}
    for i, (k, top, bottom, t) in enumerate(bands):
        if t in ids:
            out.setdefault(t, []).append((k, top, bottom))
        elif t == "":
            first = not any(b[0] == k and b[3] in ids for b in bands[:i])
            if first:
                prev = [b for b in bands[:i] if b[0] == k - 1 and b[3] in ids]
                if prev:
                    out.setdefault(prev[-1][3], []).append((k, top, bottom))
            else:
                nxt = [b for b in bands[i + 1:] if b[0] == k + 1 and b[3] in ids]
                later = [b for b in bands[i + 1:] if b[0] == k and b[3] in ids]
                if nxt and not later:
                    out.setdefault(nxt[0][3], []).append((k, top, bottom))
    return out


def text_in(pages, bands, x0, x1, overrun=False):
    """The text printed between x0 and x1 in the bands (in order), white space removed. A
    character belongs to a band when its box is inside it (1 pt of slack); with overrun, also
    when only its top is: a line that crosses the band's bottom rule (LibreOffice cuts the
    glyphs at the rule; the text layer holds them whole)."""
    out = []
    for k, top, bottom in sorted(bands):
        if overrun:
            def inside(c):
                return top - 1 <= c["top"] < bottom - 1
        else:
            def inside(c):
                return top - 1 <= c["top"] and c["bottom"] <= bottom + 1
        chars = [c for c in pages[k][0] if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and inside(c)]
        chars.sort(key=lambda c: (-round(c["matrix"][5], 1), c["x0"]))
        out.append("".join(c["text"] for c in chars))
    return compact("".join(out))


def field_texts(rec, field):
    """The texts a field is printed as (None: not checked)."""
    v = L.unwrap(rec.get(field))
    if field in ("basis", "units", "persons", "leaders"):
        return list(v or [])
    if field == "weight":
        return [L.fmt_num(v)] if v is not None else []
    if field == "primary_points":
        return ["%s分" % L.fmt_num(v)] if v is not None else []
    if field == "deadline_month":
        return field_texts(rec, "deadline")
    if field in ("category", "group", "primary", "secondary", "deadline", "remarks"):
        return [str(v)] if v else []
    return None


FIELD_COLUMN = {"primary_points": "primary", "deadline_month": "deadline"}
# merged fields: the records whose rows the merged cell covers
MERGED_KEY = {"basis": lambda r: (r["category"], L.indicator_key(r["id"])),
              "primary": lambda r: (r["category"], L.indicator_key(r["id"])),
              "primary_points": lambda r: (r["category"], L.indicator_key(r["id"])),
              "category": lambda r: (r["category"],),
              "group": lambda r: (r["category"], r.get("group"))}


def lost_fields(pdf_path, docx_path, gold, wrong):
    """Marks where each wrong field's gold text is in the PDF (`pdf`): `inside` printed whole
    inside the rows of its record (of the records its merged cell covers), in its column;
    `overrun` only when the lines that cross a row's bottom rule count (an exact row height
    cuts through the line: LibreOffice clips its glyphs at the rule, the text layer has them);
    `lost` not printed whole at all (the lines below the cut are dropped); None when not
    checkable."""
    import pdfplumber
    with pdfplumber.open(pdf_path) as pdf:
        pages = [(list(p.chars), list(p.lines)) for p in pdf.pages]
    tables = table_edges(docx_geometry(docx_path))
    recs = [r for t in gold.get("tables", []) for r in t["records"]]
    by_id = {str(r["id"]): r for r in recs}
    ids = set(by_id)
    # the DOCX table a record is in: 12 columns (categories with three-part ids) or 10
    # (docxlib.split_perf_records)
    width = {}
    for t in gold.get("tables", []):
        a, b = L.split_perf_records(t["records"])
        width.update({str(r["id"]): 12 for r in a})
        width.update({str(r["id"]): 10 for r in b})
    bands = {}
    for cols in tables:
        if "id" in cols:
            for rid, b in record_bands(pages, cols, ids).items():
                if width.get(rid) == len(cols):
                    bands.setdefault(rid, (cols, b))
    for w in wrong:
        w["pdf"] = None
        rec = by_id.get(w["id"])
        texts = field_texts(rec, w["field"]) if rec else None
        if not texts or w["id"] not in bands:  # nothing to look for (gold empty), or no row found
            continue
        cols = bands[w["id"]][0]
        key = MERGED_KEY.get(w["field"])
        members = [str(r["id"]) for r in recs if key(r) == key(rec)] if key else [w["id"]]
        region = [b for m in members if m in bands for b in bands[m][1]]
        col = FIELD_COLUMN.get(w["field"], w["field"])
        spans = []
        if col in cols:
            spans.append(cols[col])
        if col in ("category", "group") and "category" in cols:
            spans.append((cols["category"][0], cols["group"][1]))
        if col == "secondary" and "secondary" not in cols:
            continue
        if not spans:
            continue
        for state, over in (("inside", False), ("overrun", True)):
            printed_text = [text_in(pages, region, x0, x1, over) for x0, x1 in spans]
            if all(any(compact(t) in p for p in printed_text) for t in texts):
                w["pdf"] = state
                break
        else:
            w["pdf"] = "lost"


_SCORERS = {}


def score_doc(job):
    """Scores one output (in a worker process): F1, wrong and silent fields, where the wrong
    fields' gold text is in the PDF."""
    score_py, pdf, docx, gold_path, out, check_lost = job
    if score_py not in _SCORERS:
        _SCORERS[score_py] = load_scorer(score_py)
    gold = L.load_gold(gold_path)
    res = evaluate(_SCORERS[score_py], out, gold)
    res["pages"] = pdf_pages(pdf)
    res["error"] = out.get("error")
    if check_lost and res["wrong"]:
        lost_fields(pdf, docx, gold, res["wrong"])
    return res


# ---------------------------------------------------------------- main

def short(v, n=40):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 1] + "…"


def pdf_pages(pdf):
    r = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    m = re.search(r"Pages:\s+(\d+)", r.stdout)
    return int(m.group(1)) if m else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--count", type=int, default=50, help="number of documents (default 50)")
    ap.add_argument("--keep", metavar="DIR", help="keep text, gold, DOCX, PDF and outputs in DIR")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel soffice batches and extracts")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="wrong fields of the N worst documents")
    ap.add_argument("--fields", action="store_true", help="wrong fields of every document")
    ap.add_argument("--no-lost", action="store_true", help="skip the lost-text check (pdfplumber)")
    ap.add_argument("--zhibiao", default=os.path.join(ROOT, "target", "release", "zhibiao"))
    ap.add_argument("--synth", default=os.path.join(ROOT, "target", "release", "examples", "synth"))
    ap.add_argument("--score-py", default=SCORE_PY)
    a = ap.parse_args()
    for b in (a.zhibiao, a.synth):
        if not os.path.exists(b):
            sys.exit("%s missing: cargo build --release --bin zhibiao --example synth" % b)
    if not shutil.which("soffice"):
        sys.exit("soffice missing (apt-get install libreoffice-writer-nogui, see scripts/pdf/README.md)")
    load_scorer(a.score_py)  # fails early when score.py is missing
    check_lost = not a.no_lost
    if check_lost:
        try:
            import pdfplumber  # noqa: F401
        except ImportError:
            log("pdfplumber not installed: no lost-text check")
            check_lost = False

    started = time.time()
    tmp = tempfile.mkdtemp(prefix="synth_pdf-")
    work = a.keep or tmp
    src, docx_dir, pdf_dir, out_dir = (os.path.join(work, d) for d in ("src", "docx", "pdf", "out"))
    for d in (src, docx_dir, pdf_dir, out_dir):
        os.makedirs(d, exist_ok=True)
    try:
        names = synth_write(a.synth, a.seed, a.count, src)
        docs = []
        for k, name in enumerate(names):
            path, code = render(src, name, a.seed + k, docx_dir)
            docs.append({"name": name, "seed": a.seed + k, "docx": path, "layout": code})
        t1 = time.time()
        pdfs = soffice_all([d["docx"] for d in docs], pdf_dir, tmp, max(1, a.jobs))
        t2 = time.time()
        for d, pdf in zip(docs, pdfs):
            d["pdf"] = pdf
            d["out"] = os.path.join(out_dir, d["name"] + ".json")
        with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
            outs = list(ex.map(lambda d: extract(a.zhibiao, d["pdf"], d["out"]), docs))
        t3 = time.time()
        jobs = [(a.score_py, d["pdf"], d["docx"], os.path.join(src, "gold", d["name"] + ".json"), out, check_lost)
                for d, out in zip(docs, outs)]
        with concurrent.futures.ProcessPoolExecutor(max(1, a.jobs)) as ex:
            for d, res in zip(docs, ex.map(score_doc, jobs)):
                d.update(res)
        t4 = time.time()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the profiles; everything when not --keep

    # ------------------------------------------------ report
    print("%-20s %6s %5s %6s %5s %5s %5s  %s" % ("document", "F1", "wrong", "silent", "lost", "over", "pages", "layout"))
    for d in docs:
        nlost = sum(1 for w in d["wrong"] if w.get("pdf") == "lost") if check_lost else "-"
        nover = sum(1 for w in d["wrong"] if w.get("pdf") == "overrun") if check_lost else "-"
        print("%-20s %6.4f %5d %6d %5s %5s %5d  %s%s" % (
            d["name"], d["f1"], len(d["wrong"]), sum(w["silent"] for w in d["wrong"]),
            nlost, nover, d["pages"], d["layout"], "  ERROR" if d["error"] else ""))
    n = len(docs)
    fields = sum(d["fields"] for d in docs)
    wrong = sum(len(d["wrong"]) for d in docs)
    silent = sum(w["silent"] for d in docs for w in d["wrong"])
    worst = min(docs, key=lambda d: d["f1"])
    print()
    print("%d documents (seeds %d-%d): mean F1 %.4f, worst %.4f (%s); wrong fields %d, silent %d "
          "(silent-error rate %.2f%% of %d gold fields)" % (
              n, a.seed, a.seed + n - 1, sum(d["f1"] for d in docs) / n, worst["f1"], worst["name"],
              wrong, silent, 100.0 * silent / fields if fields else 0.0, fields))
    if check_lost:
        ws = [w for d in docs for w in d["wrong"]]
        print("where the wrong fields' gold text is in the PDF (wrong/silent): " + ", ".join(
            "%s %d/%d" % (state or "not checked", sum(1 for w in ws if w.get("pdf") == state),
                          sum(w["silent"] for w in ws if w.get("pdf") == state))
            for state in ("inside", "overrun", "lost", None)))
    notice_bad = sum(len(d["notice_bad"]) for d in docs)
    if notice_bad:
        print("notice fields wrong: %d" % notice_bad)
    per_field = {}
    for d in docs:
        for w in d["wrong"]:
            pf = per_field.setdefault(w["field"], [0, 0, 0])
            pf[0] += 1
            pf[1] += w["silent"]
            pf[2] += w.get("pdf") == "lost"
    if per_field:
        print("wrong / silent / lost per field: " + ", ".join(
            "%s %d/%d/%d" % (f, *v) for f, v in sorted(per_field.items(), key=lambda kv: -kv[1][0])))
    print("wall time %.1f s (synth+render %.1f s, soffice %.1f s, extract %.1f s, score %.1f s)" % (
        time.time() - started, t1 - started, t2 - t1, t3 - t2, t4 - t3))
    shown = sorted(docs, key=lambda d: d["f1"]) if a.fields else sorted(docs, key=lambda d: d["f1"])[:a.show]
    for d in shown:
        if not d["wrong"] and not d["notice_bad"]:
            continue
        print("\n%s F1 %.4f (%s)" % (d["name"], d["f1"], d["layout"]))
        for w in d["wrong"]:
            tag = ("SILENT" if w["silent"] else "warned") + (" " + w["pdf"] if w.get("pdf") else "")
            print("  %-14s %-8s %-14s %s → %s" % (tag, w["id"], w["field"], short(w["gold"]), short(w["got"])))
        for m in d["notice_bad"]:
            print("  notice       %-14s %s → %s" % (m["field"], short(m["gold"]), short(m["got"])))
    if a.keep:
        with open(os.path.join(a.keep, "results.json"), "w", encoding="utf-8") as f:
            json.dump(docs, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
