#!/usr/bin/env python3
"""Regenerate every PDF fixture under fixtures/pdf/ (see scripts/pdf/README.md).

    python3 scripts/pdf/make_fixtures.py [--only STEP,STEP] [--no-check]

Steps, in order: libreoffice weasyprint no-tounicode no-rules page-break cmap bench bad
pdftotext lost-text. Inputs: fixtures/docx/NAME.docx (the python-docx fixtures) and
fixtures/docx/bench/table-30-pages.docx. Needs soffice, pdftoppm/pdftotext (poppler-utils),
poppler-data, qpdf, the Debian CJK fonts, and python-docx, weasyprint, pikepdf, reportlab,
fonttools, img2pdf, pdfplumber (install lines in the README). Then runs scripts/pdf/check.py.

Deterministic where the tools allow: SOURCE_DATE_EPOCH=1609488000 (2021-01-01T08:00:00Z) and
TZ=UTC for every tool; LibreOffice runs with a throw-away profile (-env:UserInstallation) and
a fontconfig file that sends 宋体/SimSun to WenQuanYi Zen Hei; its /CreationDate and /ID are
patched in place afterwards (same length, so the xref stays valid); WeasyPrint gets fixed
dcterms dates; reportlab runs with invariant=1; pikepdf and qpdf write deterministic /IDs.
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts", "docx"))

EPOCH = "1609488000"  # 2021-01-01T08:00:00Z, the date of the DOCX fixtures' core properties
os.environ["SOURCE_DATE_EPOCH"] = EPOCH
os.environ["TZ"] = "UTC"

import badpdf  # noqa: E402
import docxmodel as M  # noqa: E402
import htmlrender as H  # noqa: E402
import pagecheck as P  # noqa: E402
import pdfinspect as I  # noqa: E402

MAIN = ["quanzhou-science-2019", "quanzhou-sasac-2020", "linyi-science-budget-2020", "anxi-science-2021"]
TABLES = MAIN[:3]
OUT = os.path.join(ROOT, "fixtures", "pdf")
DOCX = os.path.join(ROOT, "fixtures", "docx")
STEPS = ["libreoffice", "weasyprint", "no-tounicode", "no-rules", "page-break", "cmap", "bench", "bad",
         "pdftotext", "lost-text"]

from lofonts import FONTS_CONF, LO_CJK  # noqa: E402  (宋体 pinned; see lofonts.py)

# WeasyPrint faces: a Song TrueType face for the table fixtures (CIDFontType2 subsets, as
# Word/WPS exports of 宋体 documents have), an OpenType/CFF face for anxi (CIDFontType0,
# FontFile3/OpenType).
WP_CJK = {"anxi-science-2021": "Noto Serif CJK SC"}
WP_CJK_DEFAULT = "AR PL UMing CN"
WP_LATIN = "Liberation Serif"

# page-break/: row minimum heights (w:trHeight atLeast) that give every 文件依据/一级指标
# merged cell room for its own text, tried in order until LibreOffice's layout shows both
# cuts and loses no text; (factor, bottom margin in mm).
PAGE_BREAK_TRIES = [(1.5, 20), (1.5, 32), (1.6, 20), (1.7, 20), (1.5, 24), (1.6, 28), (1.8, 20)]


def log(*a):
    print(*a, flush=True)


def rel(p):
    return os.path.relpath(p, ROOT)


# ---------------------------------------------------------------- LibreOffice

def soffice_pdf(docx_paths, outdir, tmp):
    """soffice --headless --convert-to pdf, throw-away profile, pinned CJK substitute."""
    os.makedirs(outdir, exist_ok=True)
    conf = os.path.join(tmp, "fonts.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(FONTS_CONF % {"cjk": LO_CJK})
    profile = os.path.join(tmp, "lo-profile")
    env = dict(os.environ, FONTCONFIG_FILE=conf, HOME=tmp)
    cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf",
           "--outdir", outdir] + list(docx_paths)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900, env=env)
    out = []
    for p in docx_paths:
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + ".pdf")
        if not os.path.exists(pdf):
            raise RuntimeError("soffice wrote no %s" % pdf)
        out.append(pdf)
    return out


def fix_lo_pdf(path, name):
    """Same-length, in-place: /CreationDate -> 2021-01-01 08:00:00Z, /ID and /DocChecksum ->
    md5 of the name."""
    with open(path, "rb") as f:
        data = f.read()
    data, n = re.subn(rb"(/CreationDate\s*\(D:)\d{14}", rb"\g<1>20210101080000", data)
    if n != 1:
        raise RuntimeError("%s: %d /CreationDate" % (path, n))
    fid = hashlib.md5(("zhibiao " + name).encode()).hexdigest().upper().encode()
    data, n = re.subn(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>)",
                      rb"\g<1>" + fid + rb"\g<2>" + fid + rb"\g<3>", data)
    if n != 1:
        raise RuntimeError("%s: %d /ID" % (path, n))
    # LibreOffice's own /DocChecksum in the trailer (an MD5 that changes with the clock)
    data, n = re.subn(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", rb"\g<1>" + fid, data)
    if n > 1:
        raise RuntimeError("%s: %d /DocChecksum" % (path, n))
    with open(path, "wb") as f:
        f.write(data)


def step_libreoffice(tmp):
    out = os.path.join(OUT, "libreoffice")
    os.makedirs(out, exist_ok=True)
    work = os.path.join(tmp, "lo-out")
    pdfs = soffice_pdf([os.path.join(DOCX, n + ".docx") for n in MAIN], work, tmp)
    for name, pdf in zip(MAIN, pdfs):
        fix_lo_pdf(pdf, "libreoffice/" + name)
        shutil.copyfile(pdf, os.path.join(out, name + ".pdf"))
        log("wrote", rel(os.path.join(out, name + ".pdf")))


# ---------------------------------------------------------------- WeasyPrint

def weasy(blocks, path, cjk, rules=True):
    import weasyprint

    html = H.document_html(blocks, cjk_font=cjk, latin_font=WP_LATIN, rules=rules)
    weasyprint.HTML(string=html, base_url=HERE).write_pdf(path)
    return html


def step_weasyprint(tmp):
    out = os.path.join(OUT, "weasyprint")
    os.makedirs(out, exist_ok=True)
    for name in MAIN:
        blocks = M.read_docx(os.path.join(DOCX, name + ".docx"))
        path = os.path.join(out, name + ".pdf")
        weasy(blocks, path, WP_CJK.get(name, WP_CJK_DEFAULT))
        log("wrote", rel(path))


def step_no_tounicode(tmp):
    src = os.path.join(OUT, "weasyprint", "quanzhou-science-2019.pdf")
    out = os.path.join(OUT, "no-tounicode")
    os.makedirs(out, exist_ok=True)
    dst = os.path.join(out, "quanzhou-science-2019.pdf")
    n = I.strip_tounicode(src, dst)
    log("wrote", rel(dst), "(%d /ToUnicode removed)" % n)


def step_no_rules(tmp):
    out = os.path.join(OUT, "no-rules")
    os.makedirs(out, exist_ok=True)
    blocks = M.read_docx(os.path.join(DOCX, "quanzhou-science-2019.docx"))
    path = os.path.join(out, "quanzhou-science-2019.pdf")
    weasy(blocks, path, WP_CJK_DEFAULT, rules=False)
    log("wrote", rel(path))


# ---------------------------------------------------------------- page-break variant

def page_break_docx(src, out, factor, bottom_mm):
    """The python-docx fixture with only formatting changed: every data row of the
    12-column table gets w:trHeight hRule=atLeast, large enough for its share of the text of
    the merged 文件依据/一级指标 cells it lies in (lines estimated as characters / (column
    width / 9 pt), each line factor x 9 pt), and the bottom margin set to bottom_mm."""
    import math

    from lxml import etree
    import docxlib as L

    root = etree.fromstring(L.read_member(src, "word/document.xml"))
    body = root.find(M.q("body"))
    tbl = body.find(M.q("tbl"))
    t = M.read_table(tbl)
    trs = tbl.findall(M.q("tr"))
    need = {}
    for ri, row in enumerate(t.rows):
        for c in row.cells:
            if c.rowspan > 1 and c.col in (3, 4):
                w = sum(t.widths[c.col:c.col + c.colspan]) / 20.0 - 10.8
                cpl = max(1, int(w // 9))
                lines = sum(math.ceil(len("".join(p)) / cpl) for p in c.paras)
                per = math.ceil(lines * 9 * factor / c.rowspan * 20)
                for k in range(c.rowspan):
                    need[ri + k] = max(need.get(ri + k, 0), per)
    for ri, twips in sorted(need.items()):
        tr = trs[ri]
        trpr = tr.find(M.q("trPr"))
        if trpr is None:
            trpr = etree.Element(M.q("trPr"))
            tr.insert(0, trpr)
        th = etree.SubElement(trpr, M.q("trHeight"))
        th.set(M.q("val"), str(twips))
        th.set(M.q("hRule"), "atLeast")
    body.find(M.q("sectPr")).find(M.q("pgMar")).set(M.q("bottom"), str(round(bottom_mm * 1440 / 25.4)))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with open(src, "rb") as f:
        data = f.read()
    L.write_normalized(data, out, {"word/document.xml": xml})
    return len(need)


def page_break_ok(pdf, blocks):
    """(ok, lines): no table text lost, a 文件依据/一级指标 merged cell whose rows are on two
    pages, and a row whose (one-row) cell text is split by the page break."""
    miss = P.missing(pdf, blocks)
    table = [b for b in blocks if isinstance(b, M.Table)][0]
    _, rows = P.analyse(pdf, table)
    by_index = {r["index"]: r for r in rows}
    merged_cut = False
    row_split = False
    for r in rows:
        for col, span, text, frags in r["cells"]:
            if span > 1 and col in (3, 4):
                pages = {p for k in range(span) for p in (by_index.get(r["index"] + k) or {}).get("pages", [])}
                merged_cut = merged_cut or len(pages) > 1
            if span == 1 and frags and len({p for p, _ in frags}) > 1:
                row_split = True
    lines = P.cuts(pdf, table, P.PERF_NAMES)
    return (not miss and merged_cut and row_split), miss, lines


def step_page_break(tmp):
    out = os.path.join(OUT, "page-break")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(DOCX, "quanzhou-science-2019.docx")
    for factor, bottom in PAGE_BREAK_TRIES:
        d = os.path.join(tmp, "pb-%g-%g" % (factor, bottom))
        os.makedirs(d, exist_ok=True)
        variant = os.path.join(d, "quanzhou-science-2019.docx")
        page_break_docx(src, variant, factor, bottom)
        pdf = soffice_pdf([variant], d, tmp)[0]
        blocks = M.read_docx(variant)
        ok, miss, lines = page_break_ok(pdf, blocks)
        log("page-break: trHeight factor %g, bottom margin %g mm: %s" % (
            factor, bottom, "ok" if ok else "no (%d cells lose text)" % len(miss)))
        if ok:
            fix_lo_pdf(pdf, "page-break/quanzhou-science-2019")
            dst = os.path.join(out, "quanzhou-science-2019.pdf")
            shutil.copyfile(pdf, dst)
            with open(os.path.join(tmp, "page-break-params.txt"), "w") as f:
                f.write("%g %g\n" % (factor, bottom))
            log("wrote", rel(dst))
            for ln in lines:
                if not ln.startswith("merged 项目"):
                    log("   ", ln)
            return
    raise RuntimeError("page-break: no variant shows both cuts without losing text")


# ---------------------------------------------------------------- reportlab CID fonts

def step_cmap(tmp):
    import rlrender as R

    out = os.path.join(OUT, "cmap")
    os.makedirs(out, exist_ok=True)
    blocks = M.read_docx(os.path.join(DOCX, "quanzhou-sasac-2020.docx"))
    ucs2 = os.path.join(out, "quanzhou-sasac-2020-ucs2.pdf")
    cuts = R.render(blocks, ucs2)
    log("wrote", rel(ucs2), "(table page breaks before rows %s)" % cuts)
    gbk = os.path.join(out, "quanzhou-sasac-2020-gbk.pdf")
    rep = R.to_gbk(ucs2, gbk)
    log("wrote", rel(gbk), "(%d strings, %d distinct characters re-encoded; %d CIDs changed; /W +%d)" % (
        rep["strings"], rep["chars"], len(rep["cid_changes"]), len(rep["w_added"])))


# ---------------------------------------------------------------- bench

def step_bench(tmp):
    out = os.path.join(OUT, "bench")
    os.makedirs(out, exist_ok=True)
    pdf = soffice_pdf([os.path.join(DOCX, "bench", "table-30-pages.docx")], os.path.join(tmp, "bench"), tmp)[0]
    fix_lo_pdf(pdf, "bench/table-30-pages")
    shutil.copyfile(pdf, os.path.join(out, "table-30-pages.pdf"))
    log("wrote", rel(os.path.join(out, "table-30-pages.pdf")))


def step_bad(tmp):
    badpdf.build_all(ROOT, os.path.join(OUT, "bad"), os.path.join(OUT, "libreoffice"), tmp, log)


# ---------------------------------------------------------------- pdftotext

def all_pdfs():
    out = []
    for d, _, files in os.walk(OUT):
        for f in files:
            if f.endswith(".pdf"):
                out.append(os.path.join(d, f))
    return sorted(out)


def step_pdftotext(tmp):
    """NAME.pdftotext.txt next to every PDF that pdftotext reads (exit 0 within 5 min and
    2 GiB of address space)."""
    failed = []
    for pdf in all_pdfs():
        txt = pdf[:-4] + ".pdftotext.txt"
        cmd = "ulimit -v 2097152; exec pdftotext -layout -enc UTF-8 \"$0\" \"$1\""
        try:
            r = subprocess.run(["bash", "-c", cmd, pdf, txt], capture_output=True, text=True, timeout=300)
            rc = r.returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        if rc != 0:
            if os.path.exists(txt):
                os.unlink(txt)
            failed.append((rel(pdf), rc))
    for f, rc in failed:
        log("pdftotext failed (no .txt):", f, rc)
    log("wrote %d .pdftotext.txt" % (len(all_pdfs()) - len(failed)))


# ---------------------------------------------------------------- lost text

def renderings():
    """(PDF, the DOCX whose content it carries) for every good PDF whose text pdfplumber reads
    (not no-tounicode/: checked through its fonts' cmaps, see check.py)."""
    out = []
    for d in ("libreoffice", "weasyprint"):
        for n in MAIN:
            out.append((os.path.join(OUT, d, n + ".pdf"), os.path.join(DOCX, n + ".docx")))
    q = os.path.join(DOCX, "quanzhou-science-2019.docx")
    out.append((os.path.join(OUT, "no-rules", "quanzhou-science-2019.pdf"), q))
    out.append((os.path.join(OUT, "page-break", "quanzhou-science-2019.pdf"), q))
    for v in ("ucs2", "gbk"):
        out.append((os.path.join(OUT, "cmap", "quanzhou-sasac-2020-%s.pdf" % v),
                    os.path.join(DOCX, "quanzhou-sasac-2020.docx")))
    out.append((os.path.join(OUT, "bench", "table-30-pages.pdf"), os.path.join(DOCX, "bench", "table-30-pages.docx")))
    return out


def step_lost_text(tmp):
    """fixtures/pdf/lost-text.json: the table cells of each rendering whose text is not (all)
    in the PDF (LibreOffice clips merged cells cut by a page break)."""
    import json

    report = []
    for pdf, docx in renderings():
        if not os.path.exists(pdf):
            continue
        lost = P.missing(pdf, M.read_docx(docx), detail=True)
        if lost:
            report.append({"pdf": os.path.relpath(pdf, OUT), "docx": rel(docx), "cells": lost})
        log("lost text: %s: %d cells" % (os.path.relpath(pdf, OUT), len(lost)))
    path = os.path.join(OUT, "lost-text.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
        f.write("\n")
    log("wrote", rel(path))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(STEPS))
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()
    steps = a.only.split(",")
    for s in steps:
        if s not in STEPS:
            ap.error("unknown step %s" % s)
    os.chdir(ROOT)
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhibiao-pdf-") as tmp:
        for s in STEPS:
            if s in steps:
                globals()["step_" + s.replace("-", "_")](tmp)
    if not a.no_check:
        subprocess.run([sys.executable, os.path.join(HERE, "check.py")], check=True)


if __name__ == "__main__":
    main()
