#!/usr/bin/env python3
"""Check the PDF fixtures under fixtures/pdf/ (generator side; not the project's reader).

    python3 scripts/pdf/check.py            # everything, a report on stdout; exit 1 on a failure
    python3 scripts/pdf/check.py --sums     # also the sha256 of every file (to compare two runs)

Checks: pdfinfo and pdftotext on every good PDF; the font types each producer must give
(pdffonts); the table text of every rendering against its DOCX (pagecheck.missing) equal to
fixtures/pdf/lost-text.json (nothing lost except where LibreOffice clips); prose paragraphs
present; no-tounicode: no /ToUnicode left, every glyph used mapped by its font program's cmap
to what the ToUnicode said, content streams identical to the WeasyPrint file; no-rules: no
path painted; page-break: both cuts, nothing lost; cmap: not embedded, no ToUnicode, the GBK
strings decode to the UCS-2 ones; bad/: qpdf --check and pdftotext give the intended result;
sizes.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts", "docx"))

import docxmodel as M  # noqa: E402
import pagecheck as P  # noqa: E402
import pdfinspect as I  # noqa: E402

OUT = os.path.join(ROOT, "fixtures", "pdf")
DOCX = os.path.join(ROOT, "fixtures", "docx")
MAIN = ["quanzhou-science-2019", "quanzhou-sasac-2020", "linyi-science-budget-2020", "anxi-science-2021"]
FAIL = []


def fail(msg):
    FAIL.append(msg)
    print("FAIL:", msg)


def run(*cmd, timeout=300):
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout)


def pdfinfo(path):
    r = run("pdfinfo", path)
    info = {}
    for line in r.stdout.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            info[k.strip()] = v.strip()
    return r.returncode, info


def pdffonts(path):
    r = run("pdffonts", path)
    rows = []
    for line in r.stdout.splitlines()[2:]:
        m = re.match(r"^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        if m:
            rows.append(m.groups())
    return rows


def kib(path):
    return os.path.getsize(path) / 1024


def good_pdfs():
    out = []
    for d in ("libreoffice", "weasyprint", "no-tounicode", "no-rules", "page-break", "cmap", "bench"):
        dd = os.path.join(OUT, d)
        for f in sorted(os.listdir(dd)):
            if f.endswith(".pdf"):
                out.append(os.path.join(dd, f))
    return out


def check_good():
    print("== good PDFs: pages, size, fonts (pdffonts: type/encoding/emb/uni)")
    for p in good_pdfs():
        rc, info = pdfinfo(p)
        if rc != 0:
            fail("pdfinfo %s" % p)
            continue
        fonts = pdffonts(p)
        kinds = sorted({"%s/%s/emb=%s/uni=%s" % (t, e, emb, uni) for _, t, e, emb, _, uni in fonts})
        print("%-45s %3s pages %7.1f KiB  %s; %s" % (os.path.relpath(p, OUT), info.get("Pages"), kib(p),
                                                   info.get("Producer"), ", ".join(kinds)))
        txt = p[:-4] + ".pdftotext.txt"
        if not os.path.exists(txt) or os.path.getsize(txt) == 0:
            fail("no/empty %s" % txt)
        d = os.path.basename(os.path.dirname(p))
        types = {t for _, t, _, _, _, _ in fonts}
        if d in ("libreoffice", "page-break", "bench"):
            if types - {"TrueType", "Type 1"} or any(uni != "yes" or emb != "yes" for _, _, _, emb, _, uni in fonts):
                fail("%s: LibreOffice fonts not all embedded simple fonts with ToUnicode: %s" % (p, fonts))
        elif d in ("weasyprint", "no-rules", "no-tounicode"):
            want_uni = "no" if d == "no-tounicode" else "yes"
            for name, t, enc, emb, sub, uni in fonts:
                if not t.startswith("CID") or enc != "Identity-H" or emb != "yes" or uni != want_uni:
                    fail("%s: font %s is %s %s emb=%s uni=%s" % (p, name, t, enc, emb, uni))
        elif d == "cmap":
            song = [f for f in fonts if f[0] == "STSong-Light"]
            want = "GBK-EUC-H" if p.endswith("-gbk.pdf") else "UniGB-UCS2-H"
            if len(song) != 1 or song[0][1] != "CID Type 0" or song[0][2] != want or song[0][3] != "no" \
                    or song[0][5] != "no":
                fail("%s: STSong-Light is %s" % (p, song))


def prose_missing(pdf, blocks):
    """Prose paragraphs (white space removed) not in the PDF's text (pdfplumber, all pages
    joined line by line)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = P.compact("".join(P.text_between(pg.chars, -1e9, 1e9) for pg in doc.pages))
    out = []
    for b in blocks:
        if isinstance(b, M.Para) and not b.empty:
            for line in b.lines:
                t = P.compact(line)
                if t and t not in text:
                    out.append(t)
    return out


def renderings():
    out = []
    for d in ("libreoffice", "weasyprint"):
        for n in MAIN:
            out.append(("%s/%s.pdf" % (d, n), os.path.join(DOCX, n + ".docx")))
    q = os.path.join(DOCX, "quanzhou-science-2019.docx")
    out += [("no-rules/quanzhou-science-2019.pdf", q), ("page-break/quanzhou-science-2019.pdf", q)]
    s = os.path.join(DOCX, "quanzhou-sasac-2020.docx")
    out += [("cmap/quanzhou-sasac-2020-ucs2.pdf", s), ("cmap/quanzhou-sasac-2020-gbk.pdf", s)]
    out.append(("bench/table-30-pages.pdf", os.path.join(DOCX, "bench", "table-30-pages.docx")))
    return out


def check_content():
    print("== content against the DOCX (table cells, prose lines)")
    with open(os.path.join(OUT, "lost-text.json"), encoding="utf-8") as f:
        known = {e["pdf"]: e["cells"] for e in json.load(f)}
    for relp, docx in renderings():
        pdf = os.path.join(OUT, relp)
        blocks = M.read_docx(docx)
        lost = P.missing(pdf, blocks, detail=True)
        pm = prose_missing(pdf, blocks)
        ncells = sum(1 for b in blocks if isinstance(b, M.Table) for r in b.rows for c in r.cells if c.paras)
        nprose = sum(len(b.lines) for b in blocks if isinstance(b, M.Para))
        print("%-45s %4d cells, %3d lost; %3d prose lines, %d missing" % (relp, ncells, len(lost), nprose, len(pm)))
        for c in lost:
            print("      lost: table %d row %s %s: …%s" % (c["table"], c["id"], c["column"], c["lost"][:50]))
        if lost != known.get(relp, []):
            fail("%s: lost cells differ from lost-text.json" % relp)
        if pm:
            for t in pm[:5]:
                print("      prose missing:", t[:60])
            fail("%s: %d prose lines missing" % (relp, len(pm)))
        if not relp.startswith(("libreoffice/", "bench/")) and lost:
            fail("%s loses table text" % relp)


def check_no_tounicode():
    print("== no-tounicode/quanzhou-science-2019.pdf")
    p = os.path.join(OUT, "no-tounicode", "quanzhou-science-2019.pdf")
    ref = os.path.join(OUT, "weasyprint", "quanzhou-science-2019.pdf")
    import pikepdf

    with pikepdf.open(p) as a, pikepdf.open(ref) as b:
        if any("/ToUnicode" in o for o in a.objects if isinstance(o, pikepdf.Dictionary)):
            fail("no-tounicode still has a /ToUnicode")
        if len(a.pages) != len(b.pages) or any(
                x.Contents.read_bytes() != y.Contents.read_bytes() for x, y in zip(a.pages, b.pages)):
            fail("no-tounicode content streams differ from weasyprint/")
    for r in I.check_identity_fonts(p, ref):
        print("  %-32s %s %s CIDToGIDMap=%s glyphs(program)=%s cmap=%s used=%d mapped=%d agree=%s" % (
            r["font"], r["subtype"], r["program"], r["cid_to_gid"], r["num_glyphs"], r["cmap_tables"],
            r["used"], r["mapped"], r["agree_with_tounicode"]))
        if r["mapped"] != r["used"] or r["agree_with_tounicode"] != r["used"] or r["cid_to_gid"] != "Identity":
            fail("no-tounicode: %s: %s" % (r["font"], r))


def check_no_rules():
    print("== no-rules: painted paths per page")
    p = os.path.join(OUT, "no-rules", "quanzhou-science-2019.pdf")
    rc, info = pdfinfo(p)
    for k in range(1, int(info["Pages"]) + 1):
        st = I.content_stats(p, k)
        painted = {o: n for o, n in st["ops"].items() if o in ("re", "m", "l", "S", "s", "f", "F", "f*", "B", "b", "sh")}
        if painted:
            fail("no-rules page %d paints %s" % (k, painted))
    print("  no re/m/l/S/f/sh on any page")


def check_page_break():
    print("== page-break/quanzhou-science-2019.pdf: cuts")
    p = os.path.join(OUT, "page-break", "quanzhou-science-2019.pdf")
    blocks = M.read_docx(os.path.join(DOCX, "quanzhou-science-2019.docx"))
    t = [b for b in blocks if isinstance(b, M.Table)][0]
    lines = [ln for ln in P.cuts(p, t, P.PERF_NAMES) if not ln.startswith("merged 项目")]
    for ln in lines:
        print("  " + ln)
    if not any(ln.startswith(("merged 文件依据", "merged 一级指标")) for ln in lines):
        fail("page-break: no 文件依据/一级指标 merged cell cut")
    if not any(ln.startswith("row ") for ln in lines):
        fail("page-break: no row split")


def check_cmap():
    print("== cmap: GBK strings against UCS-2 strings")
    import pikepdf

    a = os.path.join(OUT, "cmap", "quanzhou-sasac-2020-ucs2.pdf")
    b = os.path.join(OUT, "cmap", "quanzhou-sasac-2020-gbk.pdf")
    with pikepdf.open(a) as pa, pikepdf.open(b) as pb:
        sa = [s.decode("utf-16-be") for f, s in I._walk_text(pa) if f.get("/Subtype") == "/Type0"]
        sb = [s.decode("gbk") for f, s in I._walk_text(pb) if f.get("/Subtype") == "/Type0"]
        if sa != sb:
            fail("cmap: GBK strings do not decode to the UCS-2 ones")
        print("  %d strings, GBK bytes decode to the UCS-2 text: %s" % (len(sa), sa == sb))
        fa = [o for o in pa.objects if isinstance(o, pikepdf.Dictionary) and o.get("/BaseFont") == "/STSong-Light"
              and o.get("/Subtype") == "/Type0"]
        for f in fa:
            d = f.DescendantFonts[0]
            print("  ucs2 font: %s %s, CIDSystemInfo %s-%s-%s, FontFile: %s, DW %s" % (
                f.Encoding, d.Subtype, d.CIDSystemInfo.Registry, d.CIDSystemInfo.Ordering,
                d.CIDSystemInfo.Supplement, any(k in d.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                d.get("/DW")))
    ta = open(a[:-4] + ".pdftotext.txt", encoding="utf-8").read()
    tb = open(b[:-4] + ".pdftotext.txt", encoding="utf-8").read()
    import unicodedata

    same = unicodedata.normalize("NFKC", ta) == unicodedata.normalize("NFKC", tb)
    print("  pdftotext: ucs2 and gbk texts equal %s, equal after NFKC %s" % (ta == tb, same))
    if not same:
        fail("cmap: pdftotext of the GBK file differs beyond full-width forms")


BAD = {
    # file: (pdftotext exit code expected, qpdf --check exit codes allowed, a qpdf output substring)
    "scanned.pdf": (0, (0,), ""),
    "mixed-scan.pdf": (0, (0,), ""),
    "encrypted-empty-password.pdf": (0, (0,), "AESv2"),
    "encrypted-empty-password-rc4.pdf": (0, (0,), "R = 3"),
    "encrypted-aes256.pdf": (0, (0,), "AESv3"),
    "encrypted-password.pdf": (1, (2,), "invalid password"),
    "truncated.pdf": (1, (2,), "can't find startxref"),
    "broken-xref.pdf": (0, (3,), "reconstruct cross-reference table"),
    "no-xref-garbage.pdf": (1, (2,), "can't find startxref"),
    "reference-loop.pdf": (0, (2,), "Loop detected in /Pages structure"),
    "xobject-loop.pdf": (0, (0,), ""),
    "length-loop.pdf": (0, (3,), "recovered stream length"),
    "content-bomb.pdf": (0, (0,), ""),
    "endless-content.pdf": (0, (0,), ""),
    "deep-q.pdf": (0, (0,), ""),
    "deep-arrays.pdf": (0, (3,), "excessively deeply nested"),
    "not-a-pdf.pdf": (1, (2,), "can't find PDF header"),
    "empty.pdf": (1, (2,), "can't find PDF header"),
    "no-pages.pdf": (99, (0, 2, 3), ""),
}


def check_bad():
    print("== bad/: qpdf --check, pdftotext")
    d = os.path.join(OUT, "bad")
    for f in sorted(os.listdir(d)):
        if not f.endswith(".pdf"):
            continue
        p = os.path.join(d, f)
        if f not in BAD:
            fail("bad/%s not described" % f)
            continue
        want_txt, want_q, sub = BAD[f]
        q = run("qpdf", "--check", p, timeout=600)
        out = (q.stdout + q.stderr).replace(p, f)
        first = [ln for ln in out.splitlines() if ln.startswith(("WARNING", "ERROR", "qpdf:"))
                 or "encryption method" in ln or ln.startswith("R = ")]
        txt = p[:-4] + ".pdftotext.txt"
        has_txt = os.path.exists(txt)
        print("  %-36s %8.1f KiB qpdf=%d %s | pdftotext.txt: %s" % (
            f, kib(p), q.returncode, "; ".join(dict.fromkeys(first[:3])) or "clean",
            ("%d bytes" % os.path.getsize(txt)) if has_txt else "none"))
        if q.returncode not in want_q or (sub and sub not in out):
            fail("bad/%s: qpdf --check rc %d, want %s with %r" % (f, q.returncode, want_q, sub))
        if (want_txt == 0) != has_txt:
            fail("bad/%s: pdftotext.txt %s, expected %s" % (f, has_txt, want_txt == 0))
        if os.path.getsize(p) > 5 * 1024 * 1024:
            fail("bad/%s over 5 MB" % f)


def check_sizes():
    total = 0
    for dd, _, files in os.walk(OUT):
        if os.path.relpath(dd, OUT).startswith("bench"):
            continue
        total += sum(os.path.getsize(os.path.join(dd, f)) for f in files)
    print("== size of fixtures/pdf without bench/: %.1f MB" % (total / 1e6))
    if total > 15e6:
        fail("fixtures/pdf over 15 MB")


def sums():
    print("== sha256")
    for dd, _, files in sorted(os.walk(OUT)):
        for f in sorted(files):
            p = os.path.join(dd, f)
            with open(p, "rb") as fh:
                print(hashlib.sha256(fh.read()).hexdigest(), os.path.relpath(p, OUT))


def main():
    check_good()
    check_content()
    check_no_tounicode()
    check_no_rules()
    check_page_break()
    check_cmap()
    check_bad()
    check_sizes()
    if "--sums" in sys.argv:
        sums()
    if FAIL:
        print("%d FAILED" % len(FAIL))
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
