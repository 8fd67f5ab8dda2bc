"""The docxmodel layout through reportlab with the non-embedded CID font STSong-Light
(UnicodeCIDFont: /Type0, /Encoding /UniGB-UCS2-H, Adobe-GB1 CIDFontType0 descendant, no
/FontFile, no /ToUnicode): platypus Paragraphs for the prose, a Table with GRID lines, SPAN
for merged cells and repeatRows for the header rows. Then `to_gbk`: the same PDF with the
font's /Encoding /GBK-EUC-H and every string shown with it re-encoded from UCS-2BE to GBK.
"""

import os
import re
import zlib
from xml.sax.saxutils import escape

import docxmodel as M

FONT = "STSong-Light"
CMAP_DIR = "/usr/share/poppler/cMap/Adobe-GB1"  # poppler-data: only used to check CIDs


CUTTABLE_COLS = (0, 1)  # 项目 (category, group): merged over many rows, cut at page breaks


def _rl():
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                    Table, TableStyle)
    return locals()


class Layout:
    """Builds the platypus story. Reportlab cannot split a table between two rows that a SPAN
    covers, and the 项目 cells span all rows of a table; so the table is paginated here: the
    page breaks are chosen at row boundaries that no other merged cell crosses (the
    文件依据/一级指标 cells of an indicator stay on one page), and the 项目 spans are cut there,
    their text in the first piece only (as Word and LibreOffice print a merged cell cut by a
    page break). Reportlab's own split (repeatRows = the header rows) then breaks exactly there,
    as no other row boundary is free."""

    def __init__(self, blocks):
        self.R = _rl()
        R = self.R
        R["pdfmetrics"].registerFont(R["UnicodeCIDFont"](FONT))
        self.blocks = blocks
        self.pagesize = R["landscape"](R["A4"])
        self.margin = 20 * R["mm"]
        self.cuts = {}  # table index -> sorted list of rows that start a page

    def pstyle(self, size, align=None, color=None, lead=1.3):
        R = self.R
        aligns = {None: R["TA_LEFT"], "left": R["TA_LEFT"], "center": R["TA_CENTER"],
                  "right": R["TA_RIGHT"], "both": R["TA_JUSTIFY"]}
        return R["ParagraphStyle"]("p", fontName=FONT, fontSize=size, leading=size * lead,
                                   alignment=aligns.get(align, R["TA_LEFT"]),
                                   textColor=R["colors"].HexColor("#" + color) if color else R["colors"].black,
                                   wordWrap="CJK")

    @staticmethod
    def markup(lines):
        return "<br/>".join(escape(l) for l in lines)

    def table(self, ti, b):
        R = self.R
        ncols = len(b.widths)
        cuts = self.cuts.get(ti, [])
        data = [["" for _ in range(ncols)] for _ in b.rows]
        cmds = [
            ("FONT", (0, 0), (-1, -1), FONT, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, R["colors"].black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5.4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5.4),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        nh = M.header_row_count(b)
        for ri, row in enumerate(b.rows):
            for c in row.cells:
                if c.paras:
                    st = self.pstyle(c.size, c.align, None, 1.25)
                    flow = [R["Paragraph"](self.markup(lines), st) for lines in c.paras]
                    data[ri][c.col] = flow if len(flow) > 1 else flow[0]
                if c.colspan == 1 and c.rowspan == 1:
                    continue
                r0, r1 = ri, ri + c.rowspan - 1
                pieces = [(r0, r1)]
                if ri >= nh and c.col in CUTTABLE_COLS:
                    pieces = []
                    s = r0
                    for k in cuts:
                        if s < k <= r1:
                            pieces.append((s, k - 1))
                            s = k
                    pieces.append((s, r1))
                for a, z in pieces:
                    if z > a or c.colspan > 1:
                        cmds.append(("SPAN", (c.col, a), (c.col + c.colspan - 1, z)))
        return R["Table"](data, colWidths=[w / 20.0 for w in b.widths], repeatRows=nh,
                          style=R["TableStyle"](cmds), hAlign="CENTER")

    def story(self, upto=None, probe=None):
        """Flowables of the blocks before block index `upto` (all without it), then `probe`."""
        R = self.R
        out = []
        ti = 0
        for bi, b in enumerate(self.blocks):
            if upto is not None and bi >= upto:
                break
            if isinstance(b, M.Para):
                if b.empty:
                    out.append(R["Spacer"](1, b.size * 1.3))
                else:
                    align = b.align or ("center" if b.heading else None)
                    out.append(R["Paragraph"](self.markup(b.lines), self.pstyle(b.size, align, b.color)))
            else:
                out.append(self.table(ti, b))
                ti += 1
        if probe is not None:
            out.append(probe)
        return out

    def doc(self, path, title=""):
        R = self.R
        return R["SimpleDocTemplate"](path, pagesize=self.pagesize, leftMargin=self.margin,
                                      rightMargin=self.margin, topMargin=self.margin,
                                      bottomMargin=self.margin, title=title,
                                      author="zhibiao fixtures", creator="zhibiao fixtures (reportlab)",
                                      invariant=1)

    def probe_at(self, upto):
        """(page, height left in the frame) after the blocks before block index upto."""
        import io
        rec = []

        class Probe(self.R["Flowable"]):
            def wrap(self, aw, ah):
                self._ah = ah
                return (0, 0)

            def draw(self):
                rec.append((self.canv.getPageNumber(), self._ah))

        self.doc(io.BytesIO()).build(self.story(upto, Probe()))
        return rec[-1]

    def frame_height(self):
        import io
        rec = []

        class Probe(self.R["Flowable"]):
            def wrap(self, aw, ah):
                self._ah = ah
                return (0, 0)

            def draw(self):
                rec.append(self._ah)

        self.doc(io.BytesIO()).build([Probe()])
        return rec[-1]

    def paginate(self):
        full = self.frame_height()
        width = self.pagesize[0] - 2 * self.margin - 12
        tables = [(bi, b) for bi, b in enumerate(self.blocks) if isinstance(b, M.Table)]
        for ti, (bi, b) in enumerate(tables):
            nh = M.header_row_count(b)
            n = len(b.rows)
            # row boundaries p (a page starting at row p) that no uncuttable merge crosses
            blocked = set()
            for ri, row in enumerate(b.rows):
                for c in row.cells:
                    if c.rowspan > 1 and not (ri >= nh and c.col in CUTTABLE_COLS):
                        blocked.update(range(ri + 1, ri + c.rowspan))
            for _ in range(6):
                _, avail = self.probe_at(bi)
                t = self.table(ti, b)
                t.wrap(width, 1e9)
                rh = t._rowHeights
                head = sum(rh[:nh])
                cuts = []
                s = nh
                while True:
                    used = head
                    best = None
                    p = s
                    while p < n:
                        used += rh[p]
                        if used > avail + 1e-6:
                            break
                        p += 1
                        if p not in blocked:
                            best = p
                    if p >= n:
                        break  # the rest fits on this page
                    if best is None or best == s:
                        if avail < full and s == nh and not cuts:
                            avail = full  # platypus moves the whole table to the next page
                            continue
                        raise ValueError("table %d: rows from %d do not fit on one page" % (ti, s))
                    cuts.append(best)
                    s = best
                    avail = full
                if cuts == self.cuts.get(ti):
                    break
                self.cuts[ti] = cuts
        return self.cuts


def render(blocks, out_path, title=""):
    lay = Layout(blocks)
    lay.paginate()
    lay.doc(out_path, title).build(lay.story())
    return lay.cuts


# ---------------------------------------------------------------- GBK variant

def parse_cmap(path, _seen=None):
    """{code bytes: CID} of an Adobe CMap file (cidrange / cidchar, usecmap followed)."""
    out = {}
    with open(path, encoding="latin-1") as f:
        text = f.read()
    m = re.search(r"/([\w-]+)\s+usecmap", text)
    if m:
        out.update(parse_cmap(os.path.join(os.path.dirname(path), m.group(1))))
    for block in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for lo, hi, cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)", block):
            n = len(lo) // 2
            a, z, cid = int(lo, 16), int(hi, 16), int(cid)
            for code in range(a, z + 1):
                out[code.to_bytes(n, "big")] = cid + code - a
    for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for code, cid in re.findall(r"<([0-9a-fA-F]+)>\s*(\d+)", block):
            out[bytes.fromhex(code)] = int(cid)
    return out


def ucs2_to_gbk(data):
    """UCS-2BE string bytes -> GBK bytes."""
    return data.decode("utf-16-be").encode("gbk")


def _expand_w(w):
    """/W array -> {cid: width}."""
    out = {}
    i = 0
    items = list(w)
    while i < len(items):
        first = int(items[i])
        nxt = items[i + 1]
        if isinstance(nxt, (list,)) or hasattr(nxt, "as_list"):
            for k, v in enumerate(list(nxt)):
                out[first + k] = float(v)
            i += 2
        else:
            last, v = int(nxt), float(items[i + 2])
            for cid in range(first, last + 1):
                out[cid] = v
            i += 3
    return out


def to_gbk(src, dst):
    """Copy src with the STSong-Light font switched to /GBK-EUC-H and every string it shows
    re-encoded from UCS-2BE to GBK. Returns a report dict (counts, CID changes, /W entries added).

    CIDs: for every character shown, the CID through UniGB-UCS2-H and through GBK-EUC-H are
    compared (Adobe's CMap files from poppler-data). CJK characters keep their CID; ASCII moves
    from the proportional CIDs 1-95 to the half-width CIDs 814-907 (space 7716). /W is keyed by
    CID, so the CIDs that GBK reaches get the width that the UCS-2 CID had: the glyph positions
    and line widths stay exactly those reportlab laid out."""
    import pikepdf

    ucs2 = parse_cmap(os.path.join(CMAP_DIR, "UniGB-UCS2-H"))
    gbk = parse_cmap(os.path.join(CMAP_DIR, "GBK-EUC-H"))
    pdf = pikepdf.open(src)
    fonts = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" \
                and obj.get("/Subtype") == "/Type0" and str(obj.get("/Encoding")) == "/UniGB-UCS2-H":
            fonts.append(obj)
    if not fonts:
        raise ValueError("no UniGB-UCS2-H font in %s" % src)
    font_ids = {f.objgen for f in fonts}
    chars = set()
    nstrings = 0

    def conv(s):
        nonlocal nstrings
        raw = bytes(s)
        txt = raw.decode("utf-16-be")
        chars.update(txt)
        nstrings += 1
        return pikepdf.String(txt.encode("gbk"))

    for page in pdf.pages:
        res_fonts = page.Resources.get("/Font", {})
        names = {k for k, v in res_fonts.items() if v.objgen in font_ids}
        ops = pikepdf.parse_content_stream(page)
        new = []
        cur = None
        for operands, op in ops:
            o = str(op)
            if o == "Tf":
                cur = str(operands[0])
            elif cur in names and o in ("Tj", "'"):
                operands = [conv(operands[0])]
            elif cur in names and o == '"':
                operands = [operands[0], operands[1], conv(operands[2])]
            elif cur in names and o == "TJ":
                arr = pikepdf.Array()
                for it in operands[0]:
                    arr.append(conv(it) if isinstance(it, pikepdf.String) else it)
                operands = [arr]
            new.append((operands, op))
        page.Contents = pdf.make_stream(zlib.compress(pikepdf.unparse_content_stream(new), 9),
                                        Filter=pikepdf.Name.FlateDecode)
    changed = {}
    for ch in sorted(chars):
        c1 = ucs2.get(ch.encode("utf-16-be"))
        c2 = gbk.get(ch.encode("gbk"))
        if c1 is None or c2 is None:
            raise ValueError("%r has no CID (UCS2 %s, GBK %s)" % (ch, c1, c2))
        if c1 != c2:
            changed[ch] = (c1, c2)
    added = {}
    for f in fonts:
        f.Encoding = pikepdf.Name("/GBK-EUC-H")
        desc = f.DescendantFonts[0]
        dw = float(desc.get("/DW", 1000))
        widths = _expand_w(desc.get("/W", pikepdf.Array()))
        for ch, (c1, c2) in changed.items():
            w1 = widths.get(c1, dw)
            if widths.get(c2, dw) != w1:
                widths[c2] = w1
                added[c2] = w1
        desc.W = compact_w(widths)
    pdf.save(dst, deterministic_id=True, compress_streams=True)
    return {"strings": nstrings, "chars": len(chars), "cid_changes": changed, "w_added": added}


def compact_w(widths):
    """{cid: width} -> /W array of `first [w1 w2 …]` runs of consecutive CIDs."""
    import pikepdf

    arr = pikepdf.Array()
    run = []
    start = None
    prev = None
    for cid in sorted(widths):
        if prev is not None and cid == prev + 1:
            run.append(widths[cid])
        else:
            if run:
                arr.append(start)
                arr.append(pikepdf.Array(run))
            start, run = cid, [widths[cid]]
        prev = cid
    if run:
        arr.append(start)
        arr.append(pikepdf.Array(run))
    return arr
