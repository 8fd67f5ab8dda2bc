"""Shared helpers for the DOCX fixture generator (python-docx + lxml).

Everything here is deterministic: no clock, no randomness. Tables are built as raw
WordprocessingML (w:tbl / w:tr / w:tc with w:gridSpan and w:vMerge) appended to a python-docx
Document, because the merges then come out exactly as specified, cell by cell.
"""

import datetime
import io
import json
import re
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FIXED_DATE = datetime.datetime(2021, 1, 1, 8, 0, 0)
ZIP_DATE = (2021, 1, 1, 0, 0, 0)

EAST_ASIA_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# Landscape A4 with 20 mm margins: 257 mm text width = 14570 twips.
TEXT_WIDTH = 14570

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------- gold / seed helpers

def unwrap(v):
    """A gold value `{"uncertain": X}` is rendered as X."""
    if isinstance(v, dict) and set(v) == {"uncertain"}:
        return v["uncertain"]
    return v


def fmt_num(x):
    """4.0 -> '4', 4.5 -> '4.5', None -> ''."""
    if x is None:
        return ""
    x = float(x)
    if x == int(x):
        return str(int(x))
    return ("%.6f" % x).rstrip("0").rstrip(".")


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_seed(path):
    """The seed's lines (no trailing empty line from the final newline)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def split_seed(lines):
    """(prose before the first TAB row, prose after the last TAB row, 说明/注 TAB rows)."""
    tab_idx = [i for i, l in enumerate(lines) if "\t" in l]
    if not tab_idx:
        return list(lines), [], []
    first, last = tab_idx[0], tab_idx[-1]
    notes = []
    for i in tab_idx:
        cells = [c.strip() for c in lines[i].split("\t") if c.strip()]
        if cells and re.match(r"^(说明|注)", cells[0]):
            notes.append("".join(cells))
    return lines[:first], lines[last + 1:], notes


def prose_text(line):
    """A seed prose line as a paragraph text: a markdown heading marker (`## 附件`, from the
    OCR's markdown output) is not part of the text; a DOCX carries it as a heading style."""
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    if m:
        return m.group(2), len(m.group(1))
    return line, 0


ID_CELL = re.compile(r"^\s*[0-9０-９]{1,2}(\s*[-－—–]\s*[0-9０-９]{1,2}){1,2}\s*$")


def split_generated(lines):
    """split_seed for a generated notice (crates/synth), whose prose may hold TAB tables of its
    own (指标设置情况表 before the indicator table, a 联络员 list after it). The indicator
    table's lines run from the first to the last TAB block (TAB lines between non-TAB lines)
    that has an id cell (`1-2`, `1-2-1`); each other TAB block is a side table, rendered where
    it stands. Returns (blocks before, blocks after, 说明/注 rows), a block being a prose line
    or a list of TAB lines."""
    blocks = []
    for l in lines:
        if "\t" in l:
            if blocks and isinstance(blocks[-1], list):
                blocks[-1].append(l)
            else:
                blocks.append([l])
        else:
            blocks.append(l)
    has_id = [isinstance(b, list) and any(ID_CELL.match(c) for l in b for c in l.split("\t")) for b in blocks]
    main = [i for i, h in enumerate(has_id) if h]
    if not main:
        return blocks, [], []
    first, last = main[0], main[-1]
    notes = []
    for b in blocks[first:last + 1]:
        for l in (b if isinstance(b, list) else []):
            cells = [c.strip() for c in l.split("\t") if c.strip()]
            if cells and re.match(r"^(说明|注)", cells[0]):
                notes.append("".join(cells))
    return blocks[:first], blocks[last + 1:], notes


def side_table(tab_lines):
    """A TAB block of a generated notice's prose as a plain table (one row per line, no merges)."""
    rows = [[c.strip() for c in l.split("\t")] for l in tab_lines]
    n = max(len(r) for r in rows)
    widths = scale_widths([1] * n)
    return build_tbl(widths, [([text_cell(c) for c in r + [""] * (n - len(r))], {}) for r in rows])


def add_blocks(doc, blocks):
    for b in blocks:
        if isinstance(b, list):
            body_append(doc, side_table(b))
        else:
            add_prose(doc, b, letterhead=is_letterhead(b))


# ---------------------------------------------------------------- document

def new_document():
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width = Mm(297)
    sec.page_height = Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(20))
    # Normal style: 宋体 for East-Asian text.
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    cp = doc.core_properties
    cp.author = "zhibiao fixtures"
    cp.last_modified_by = "zhibiao fixtures"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.title = ""
    cp.comments = ""
    return doc


def make_rpr(size=None, bold=False, color=None):
    rpr = OxmlElement("w:rPr")
    rfonts = OxmlElement("w:rFonts")
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)
    rpr.append(rfonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if color:
        c = OxmlElement("w:color")
        c.set(qn("w:val"), color)
        rpr.append(c)
    if size:
        for tag in ("w:sz", "w:szCs"):
            s = OxmlElement(tag)
            s.set(qn("w:val"), str(int(size * 2)))
            rpr.append(s)
    return rpr


def make_t(text):
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip() or "  " in text:
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def make_run(lines, size=None, bold=False, color=None):
    """One w:r holding the lines separated by w:br (what run.add_break() writes)."""
    if isinstance(lines, str):
        lines = [lines]
    r = OxmlElement("w:r")
    r.append(make_rpr(size, bold, color))
    for i, line in enumerate(lines):
        if i:
            r.append(OxmlElement("w:br"))
        if line != "":
            r.append(make_t(line))
    return r


def make_para(lines=(), size=None, bold=False, color=None, align=None, style=None, spacing0=False):
    """A w:p. `lines` is a string or a list of lines (joined by w:br in one run)."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    if style:
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), style)
        ppr.append(ps)
    if spacing0:
        sp = OxmlElement("w:spacing")
        sp.set(qn("w:before"), "0")
        sp.set(qn("w:after"), "0")
        sp.set(qn("w:line"), "240")
        sp.set(qn("w:lineRule"), "auto")
        ppr.append(sp)
    if align:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), align)
        ppr.append(jc)
    # paragraph mark run properties carry the font too
    ppr.append(make_rpr(size, bold, color))
    p.append(ppr)
    if isinstance(lines, str):
        lines = [lines]
    lines = list(lines)
    if lines and not (len(lines) == 1 and lines[0] == ""):
        p.append(make_run(lines, size, bold, color))
    return p


def body_append(doc, el):
    """Append a block element before the body's final w:sectPr."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(el)
    else:
        body.append(el)
    return el


def add_prose(doc, line, letterhead=False):
    text, heading = prose_text(line)
    if letterhead:
        p = make_para(text, size=26, bold=True, color="FF0000", align="center")
    elif heading:
        p = make_para(text, size=16, bold=True, align="center", style="Heading%d" % min(heading, 9))
    else:
        p = make_para(text, size=12)
    return body_append(doc, p)


def is_letterhead(line):
    s = line.strip()
    return bool(re.match(r"^\S{4,30}文件$", s))


def add_prose_lines(doc, lines):
    for line in lines:
        add_prose(doc, line, letterhead=is_letterhead(line))


def page_break_para():
    p = OxmlElement("w:p")
    r = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    r.append(br)
    p.append(r)
    return p


# ---------------------------------------------------------------- tables

class Cell:
    """One w:tc: `paras` is a list of paragraphs, each a list of lines (w:br between lines)."""

    def __init__(self, paras=None, span=1, vmerge=None, hmerge=None, bold=False, align=None):
        if paras is None:
            paras = []
        elif isinstance(paras, str):
            paras = [[paras]] if paras != "" else []
        self.paras = paras
        self.span = span
        self.vmerge = vmerge  # None, 'restart', 'continue'
        self.hmerge = hmerge  # None, 'restart', 'continue' (legacy horizontal merge)
        self.bold = bold
        self.align = align
        self.extra = []  # extra block elements (nested tables) appended after the paragraphs


def lines_cell(lines, **kw):
    """A cell with one paragraph whose lines are separated by w:br."""
    lines = [l for l in lines if l != ""]
    return Cell([lines] if lines else [], **kw)


def paras_cell(paras, **kw):
    """A cell with one paragraph per entry."""
    paras = [p for p in paras if p != ""]
    return Cell([[p] for p in paras], **kw)


def text_cell(text, **kw):
    return Cell("" if text is None else str(text), **kw)


def build_tc(cell, width, size):
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(width))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    if cell.span > 1:
        gs = OxmlElement("w:gridSpan")
        gs.set(qn("w:val"), str(cell.span))
        tcpr.append(gs)
    if cell.hmerge:
        hm = OxmlElement("w:hMerge")
        if cell.hmerge == "restart":
            hm.set(qn("w:val"), "restart")
        tcpr.append(hm)
    if cell.vmerge:
        vm = OxmlElement("w:vMerge")
        if cell.vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        tcpr.append(vm)
    va = OxmlElement("w:vAlign")
    va.set(qn("w:val"), "center")
    tcpr.append(va)
    tc.append(tcpr)
    paras = [] if cell.vmerge == "continue" or cell.hmerge == "continue" else cell.paras
    for lines in paras:
        tc.append(make_para(lines, size=size, bold=cell.bold, align=cell.align, spacing0=True))
    for el in cell.extra:
        tc.append(el)
    if not paras or cell.extra:
        # a w:tc must end with a paragraph
        tc.append(make_para([], size=size, spacing0=True))
    return tc


def build_tr(cells, widths, header=False, cant_split=False):
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    if cant_split:
        trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))
    if len(trpr):
        tr.append(trpr)
    col = 0
    for c in cells:
        w = sum(widths[col:col + c.span])
        tr.append(build_tc(c, w, SIZE_TABLE))
        col += c.span
    if col != len(widths):
        raise ValueError("row covers %d grid columns, table has %d" % (col, len(widths)))
    return tr


SIZE_TABLE = 9


def build_tbl(widths, rows, style="TableGrid", borders=True):
    """rows: list of (cells, opts dict with header/cant_split)."""
    tbl = OxmlElement("w:tbl")
    tblpr = OxmlElement("w:tblPr")
    if style:
        ts = OxmlElement("w:tblStyle")
        ts.set(qn("w:val"), style)
        tblpr.append(ts)
    tw = OxmlElement("w:tblW")
    tw.set(qn("w:w"), str(sum(widths)))
    tw.set(qn("w:type"), "dxa")
    tblpr.append(tw)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    tblpr.append(jc)
    bd = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement("w:" + side)
        if borders:
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), "4")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        else:
            e.set(qn("w:val"), "nil")
        bd.append(e)
    tblpr.append(bd)
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblpr.append(lay)
    look = OxmlElement("w:tblLook")
    look.set(qn("w:val"), "04A0")
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "1")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "0")
    look.set(qn("w:noVBand"), "1")
    tblpr.append(look)
    tbl.append(tblpr)
    grid = OxmlElement("w:tblGrid")
    for w in widths:
        gc = OxmlElement("w:gridCol")
        gc.set(qn("w:w"), str(w))
        grid.append(gc)
    tbl.append(grid)
    for cells, opts in rows:
        tbl.append(build_tr(cells, widths, **opts))
    return tbl


def scale_widths(rel, total=TEXT_WIDTH):
    s = sum(rel)
    out = [int(total * r / s) for r in rel]
    out[-1] += total - sum(out)
    return out


# ---------------------------------------------------------------- performance tables

PERF_WIDTHS = scale_widths([6, 6, 6, 22, 22, 24, 4.5, 5, 7, 8, 7, 4.5])
ADMIN_WIDTHS = scale_widths([7, 8, 5, 50, 5, 6, 8, 9, 8, 6])

# Column order of the 12-column performance table.
PERF_COLUMNS = ["category", "group", "id", "basis", "primary", "secondary", "weight", "deadline",
                "leaders", "units", "persons", "remarks"]
ADMIN_COLUMNS = ["category", "group", "id", "secondary", "weight", "deadline", "leaders", "units",
                 "persons", "remarks"]


def perf_header_rows():
    """Two header rows of the 12-column table, both w:tblHeader."""
    r1 = [
        Cell("项目", span=2, vmerge="restart", bold=True, align="center"),
        Cell("目标内容", span=5, bold=True, align="center"),
        Cell("完成时限", vmerge="restart", bold=True, align="center"),
        Cell("责任分解", span=3, bold=True, align="center"),
        Cell("备注", vmerge="restart", bold=True, align="center"),
    ]
    r2 = [
        Cell(None, span=2, vmerge="continue"),
        Cell("序号", bold=True, align="center"),
        Cell("文件依据", bold=True, align="center"),
        Cell("一级指标", bold=True, align="center"),
        Cell("二级指标", bold=True, align="center"),
        Cell("权重", bold=True, align="center"),
        Cell(None, vmerge="continue"),
        Cell("分管领导", bold=True, align="center"),
        Cell("责任单位", bold=True, align="center"),
        Cell("责任人", bold=True, align="center"),
        Cell(None, vmerge="continue"),
    ]
    return r1, r2


def admin_header_row():
    return [Cell(t, span=2 if t == "项目" else 1, bold=True, align="center")
            for t in ["项目", "序号", "目标内容", "权重", "完成时限", "分管领导", "责任单位", "责任人", "备注"]]


def indicator_key(rid):
    parts = rid.split("-")
    return "-".join(parts[:-1]) if len(parts) >= 3 else rid


def runs_of(items, key):
    """[(key, [items...]), ...] for consecutive items with equal key."""
    out = []
    for it in items:
        k = key(it)
        if out and out[-1][0] == k:
            out[-1][1].append(it)
        else:
            out.append((k, [it]))
    return out


def vm(i, n):
    """vMerge value for the i-th row of a run of n rows."""
    if n == 1:
        return None
    return "restart" if i == 0 else "continue"


def points_text(name, pts):
    return "%s（%s分）" % (name, fmt_num(pts))


def primary_text(rec):
    prim = unwrap(rec.get("primary"))
    if prim is None:
        return ""
    pts = unwrap(rec.get("primary_points"))
    return prim if pts is None else "%s（%s分）" % (prim, fmt_num(pts))


def basis_paras(rec, basis_mode):
    basis = unwrap(rec.get("basis")) or []
    if basis_mode == "join":
        return ["；".join(basis)] if basis else []
    return list(basis)


def perf_data_cells(rec, pos, basis_mode, name_cells=None):
    """The 12 cells of one record row. pos: dict col -> vmerge state for merged columns
    (category, group, basis, primary), and the texts of the merged cells."""
    return (
        lead_cells(rec, pos)
        + [
            paras_cell(basis_paras(rec, basis_mode), vmerge=pos["ind_vm"]),
            text_cell(primary_text(rec), vmerge=pos["ind_vm"]),
        ]
        + responsibility_cells(rec)
    )


def admin_data_cells(rec, pos):
    return lead_cells(rec, pos) + responsibility_cells(rec)


def lead_cells(rec, pos):
    """The first cells of a record row, shared by both table kinds: 类别, 组, 序号."""
    return [
        text_cell(pos["category_text"], vmerge=pos["category_vm"], align="center"),
        text_cell(pos["group_text"], vmerge=pos["group_vm"], align="center"),
        text_cell(rec["id"], align="center"),
    ]


def responsibility_cells(rec):
    """The trailing cells of a record row, shared by both table kinds: 二级指标, 权重, 时限,
    分管领导, 责任单位, 责任人, 备注."""
    leaders = unwrap(rec.get("leaders")) or []
    units = unwrap(rec.get("units")) or []
    persons = unwrap(rec.get("persons")) or []
    return [
        text_cell(unwrap(rec.get("secondary"))),
        text_cell(fmt_num(unwrap(rec.get("weight"))), align="center"),
        text_cell(unwrap(rec.get("deadline")), align="center"),
        lines_cell(leaders, align="center"),
        paras_cell(units, align="center"),
        lines_cell(persons, align="center"),
        text_cell(unwrap(rec.get("remarks"))),
    ]


def total_row(label, value, ncols, weight_col):
    cells = [Cell(label, span=weight_col, align="center", bold=True), text_cell(fmt_num(value), align="center")]
    cells += [Cell(None) for _ in range(ncols - weight_col - 1)]
    return cells


def weight_sum(recs):
    return sum(float(unwrap(r.get("weight")) or 0) for r in recs)


def split_perf_records(records):
    """(records of the 12-column table, records of the administrative table): a category
    goes to the 12-column table when any of its ids has three parts."""
    cats3 = {r["category"] for r in records if r["id"].count("-") >= 2}
    a = [r for r in records if r["category"] in cats3]
    b = [r for r in records if r["category"] not in cats3]
    return a, b


def perf_rows_for(records, basis_mode, totals_after=None, header=True, cat_text=None):
    """Rows of a 12-column performance table. totals_after: {category: (label, value)} rows
    appended after the category's last row. Returns a list of (cells, opts)."""
    rows = []
    if header:
        h1, h2 = perf_header_rows()
        rows.append((h1, {"header": True, "cant_split": True}))
        rows.append((h2, {"header": True, "cant_split": True}))
    cat_sum = {}
    for r in records:
        cat_sum[r["category"]] = cat_sum.get(r["category"], 0) + float(unwrap(r.get("weight")) or 0)
    for cat, crecs in runs_of(records, lambda r: r["category"]):
        ctext = cat_text(cat) if cat_text else points_text(cat, cat_sum[cat])
        flat = []
        for grp, grecs in runs_of(crecs, lambda r: r.get("group")):
            for ind, irecs in runs_of(grecs, lambda r: indicator_key(r["id"])):
                check_indicator(irecs)
                for k, rec in enumerate(irecs):
                    flat.append((rec, grp, grecs, k, len(irecs), irecs))
        gpos = {}
        for grp, grecs in runs_of(crecs, lambda r: r.get("group")):
            for k, rec in enumerate(grecs):
                gpos[id(rec)] = (k, len(grecs))
        for ci, (rec, grp, grecs, k, n, irecs) in enumerate(flat):
            gk, gn = gpos[id(rec)]
            pos = {
                "category_text": ctext if ci == 0 else None,
                "category_vm": vm(ci, len(flat)),
                "group_text": (grp or "") if gk == 0 else None,
                "group_vm": vm(gk, gn),
                "ind_vm": vm(k, n),
            }
            src = irecs[0]
            row = perf_data_cells(rec, pos, basis_mode)
            # merged basis / primary: text of the indicator's first record, on its first row
            if k == 0:
                row[3] = paras_cell(basis_paras(src, basis_mode), vmerge=pos["ind_vm"])
                row[4] = text_cell(primary_text(src), vmerge=pos["ind_vm"])
            rows.append((row, {}))
        if totals_after and cat in totals_after:
            label, value = totals_after[cat]
            rows.append((total_row(label, value, 12, 6), {}))
    return rows


def admin_rows_for(records, totals_after=None, header=True):
    rows = []
    if header:
        rows.append((admin_header_row(), {"header": True, "cant_split": True}))
    for cat, crecs in runs_of(records, lambda r: r["category"]):
        ctext = points_text(cat, weight_sum(crecs))
        # a category without groups (generated notices' 文明创建, 平安建设): its label spans both
        # 项目 columns
        no_groups = all(r.get("group") is None for r in crecs)
        ci = 0
        for grp, grecs in runs_of(crecs, lambda r: r.get("group")):
            gtext = "" if grp is None else points_text(grp, weight_sum(grecs))
            for k, rec in enumerate(grecs):
                pos = {
                    "category_text": ctext if ci == 0 else None,
                    "category_vm": vm(ci, len(crecs)),
                    "group_text": gtext if k == 0 else None,
                    "group_vm": vm(k, len(grecs)),
                }
                cells = admin_data_cells(rec, pos)
                if no_groups:
                    cells[0:2] = [text_cell(pos["category_text"], span=2, vmerge=pos["category_vm"], align="center")]
                rows.append((cells, {}))
                ci += 1
        if totals_after and cat in totals_after:
            label, value = totals_after[cat]
            rows.append((total_row(label, value, 10, 4), {}))
    return rows


def check_indicator(irecs):
    first = irecs[0]
    for r in irecs[1:]:
        for f in ("basis", "primary", "primary_points"):
            if unwrap(r.get(f)) != unwrap(first.get(f)):
                raise ValueError("indicator %s: %s differs between %s and %s" % (
                    indicator_key(first["id"]), f, first["id"], r["id"]))


def render_performance(doc, table, basis_mode, notes):
    """The performance table(s): the 12-column table of the three-part ids, then (one empty
    paragraph between) the administrative table of the two-part-only categories."""
    records = table["records"]
    a, b = split_perf_records(records)
    cats = []
    for r in records:
        if r["category"] not in cats:
            cats.append(r["category"])
    totals = [(t["label"], t["value"]) for t in table.get("declared_totals", [])]
    per_cat = {}
    end_totals = totals
    if totals and len(totals) == len(cats) + 1:
        per_cat = {c: totals[i] for i, c in enumerate(cats)}
        end_totals = totals[-1:]
    tables = []
    if a:
        tables.append(("perf", perf_rows_for(a, basis_mode, per_cat), PERF_WIDTHS))
    if b:
        tables.append(("admin", admin_rows_for(b, per_cat), ADMIN_WIDTHS))
    if not tables:
        return []
    last_kind, last_rows, last_widths = tables[-1]
    ncols = len(last_widths)
    wcol = 6 if last_kind == "perf" else 4
    for label, value in end_totals:
        last_rows.append((total_row(label, value, ncols, wcol), {}))
    for text in notes:
        last_rows.append(([Cell(text, span=ncols)], {}))
    out = []
    for i, (kind, rows, widths) in enumerate(tables):
        if i:
            body_append(doc, make_para([]))
        out.append(body_append(doc, build_tbl(widths, rows)))
    return out


# ---------------------------------------------------------------- budget table

BUDGET_WIDTHS = scale_widths([4, 7, 16, 9, 14, 7, 5, 6, 7, 5, 6, 6, 8, 8, 7])
BUDGET_COLUMNS = ["duty_no", "duty", "duty_goal", "indicator", "explanation", "target", "plan_value",
                  "standard_value", "standard_source", "history_avg", "history_last", "history_source",
                  "remarks", "activity", "budget_item"]

# Header label texts, as printed in the seed (page 1, lines 8-10).
BUDGET_H1 = ["职责序号", "部门职责", "职责目标", "绩效指标", "指标解释", "年度指标值"]
BUDGET_SPAN = "指标参考值"
BUDGET_TAIL = ["备注 (标准值和历史值均无的原因/其他需要说明的问题)", "工作活动", "预算项目"]
BUDGET_H2 = ["标准值 (规划目标、行业标准或其他明确标准)", "历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)"]
BUDGET_H3 = ["“十三五”规划值", "2020年标准值", "来源", "2017-2019年 均值", "2019年值 (实际完成)",
             "数据来源 (统计年鉴/统计公报/内部统计/其他需明确的来源)"]


def budget_preamble_rows(table):
    b = table.get("budget") or {}
    sources = b.get("sources") or []
    s1 = sources[0] if len(sources) > 0 else {"name": "", "amount": None}
    s2 = sources[1] if len(sources) > 1 else {"name": "", "amount": None}
    p1 = [
        Cell("部门名称", span=2, vmerge="restart", bold=True, align="center"),
        text_cell(table.get("unit"), vmerge="restart", align="center"),
        Cell("部门整体预算总额", vmerge="restart", bold=True, align="center"),
        text_cell(b.get("total"), span=2, vmerge="restart", align="center"),
        text_cell("1. 资金来源：（1）" + s1["name"], span=2),
        text_cell(s1.get("amount"), span=2, align="center"),
        text_cell("2. 资金结构：（1）基本支出", span=2),
        text_cell(b.get("basic"), span=3, align="center"),
    ]
    p2 = [
        Cell(None, span=2, vmerge="continue"),
        Cell(None, vmerge="continue"),
        Cell(None, vmerge="continue"),
        Cell(None, span=2, vmerge="continue"),
        text_cell("（2）" + s2["name"] if s2["name"] else "", span=2),
        text_cell(s2.get("amount"), span=2, align="center"),
        text_cell("（2）项目支出", span=2),
        text_cell(b.get("project"), span=3, align="center"),
    ]
    p3 = [Cell("战略目标", span=2, bold=True, align="center"), text_cell(table.get("strategy"), span=13)]
    return [(p1, {}), (p2, {}), (p3, {})]


def budget_header_rows():
    h1 = [Cell(t, vmerge="restart", bold=True, align="center") for t in BUDGET_H1]
    h1.append(Cell(BUDGET_SPAN, span=6, bold=True, align="center"))
    h1 += [Cell(t, vmerge="restart", bold=True, align="center") for t in BUDGET_TAIL]
    h2 = [Cell(None, vmerge="continue") for _ in BUDGET_H1]
    h2 += [Cell(t, span=3, bold=True, align="center") for t in BUDGET_H2]
    h2 += [Cell(None, vmerge="continue") for _ in BUDGET_TAIL]
    h3 = [Cell(None, vmerge="continue") for _ in BUDGET_H1]
    h3 += [Cell(t, bold=True, align="center") for t in BUDGET_H3]
    h3 += [Cell(None, vmerge="continue") for _ in BUDGET_TAIL]
    opts = {"header": True, "cant_split": True}
    return [(h1, opts), (h2, opts), (h3, opts)]


def budget_rows(records):
    rows = []
    for duty_no, drecs in runs_of(records, lambda r: r["duty_no"]):
        n = len(drecs)
        # 工作活动 / 预算项目: merged over consecutive rows of the duty with the same non-empty value
        merge = {}
        for f in ("activity", "budget_item"):
            states = [None] * n
            texts = [unwrap(r.get(f)) for r in drecs]
            i = 0
            while i < n:
                j = i
                while j + 1 < n and texts[i] and texts[j + 1] == texts[i]:
                    j += 1
                if j > i:
                    states[i] = "restart"
                    for k in range(i + 1, j + 1):
                        states[k] = "continue"
                i = j + 1
            merge[f] = states
        for k, rec in enumerate(drecs):
            v = vm(k, n)
            row = [
                text_cell(str(rec["duty_no"]) if k == 0 else None, vmerge=v, align="center"),
                text_cell(rec["duty"] if k == 0 else None, vmerge=v, align="center"),
                text_cell(unwrap(rec.get("duty_goal")) if k == 0 else None, vmerge=v),
            ]
            for f in BUDGET_COLUMNS[3:13]:
                row.append(text_cell(unwrap(rec.get(f))))
            for f in ("activity", "budget_item"):
                st = merge[f][k]
                row.append(text_cell(None if st == "continue" else unwrap(rec.get(f)), vmerge=st))
            rows.append((row, {}))
    return rows


def render_budget(doc, table):
    rows = budget_preamble_rows(table) + budget_header_rows() + budget_rows(table["records"])
    return [body_append(doc, build_tbl(BUDGET_WIDTHS, rows))]


# ---------------------------------------------------------------- whole fixture

def render_fixture(seed_path, gold_path, basis_mode=None, generated=False):
    """Build the python-docx Document of one fixture. generated: the seed is a generated
    notice (crates/synth): its TAB tables outside the indicator table are rendered as tables
    (split_generated), and every gold table after the first gets its title as a paragraph."""
    lines = read_seed(seed_path)
    gold = load_gold(gold_path)
    if generated:
        before, after, notes = split_generated(lines)
    else:
        before, after, notes = split_seed(lines)
    if basis_mode is None:
        basis_mode = "join" if "sasac" in seed_path else "paragraphs"
    doc = new_document()
    if generated:
        add_blocks(doc, before)
    else:
        add_prose_lines(doc, before)
    tables = gold.get("tables", [])
    for k, t in enumerate(tables):
        if generated and k and t.get("title"):
            add_prose(doc, "")
            add_prose(doc, t["title"])
        if t["kind"] == "performance_targets":
            render_performance(doc, t, basis_mode, notes if not generated or k == len(tables) - 1 else [])
        elif t["kind"] == "budget_targets":
            render_budget(doc, t)
        else:
            raise ValueError("unknown table kind %s" % t["kind"])
    if generated:
        add_blocks(doc, after)
    else:
        add_prose_lines(doc, after)
    return doc


# ---------------------------------------------------------------- zip normalisation

def save_docx(doc, path):
    buf = io.BytesIO()
    doc.save(buf)
    write_normalized(buf.getvalue(), path)


def write_normalized(data, path, replace=None):
    """Rewrite a docx zip with fixed timestamps and attributes (deterministic bytes).
    replace: {member: bytes} members to substitute (None value drops a member)."""
    replace = replace or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        names = src.namelist()
        for name in names:
            blob = replace.get(name, src.read(name)) if name in replace else src.read(name)
            if blob is None:
                continue
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, blob, compresslevel=9)
        for name, blob in replace.items():
            if name not in names and blob is not None:
                zi = zipfile.ZipInfo(name, ZIP_DATE)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                zi.create_system = 3
                z.writestr(zi, blob, compresslevel=9)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def read_member(path, name):
    with zipfile.ZipFile(path) as z:
        return z.read(name)


# ---------------------------------------------------------------- layout variations

# What apply_layout understands (every key optional; a missing key leaves that part of the
# document exactly as render_fixture wrote it, so apply_layout(doc, {}) changes nothing):
#   page_mm        [width, height] of the page in mm (landscape when width > height)
#   margins_mm     [top, right, bottom, left] in mm
#   cjk_font       the w:eastAsia font of every run, paragraph mark and the Normal style
#   table_size     font size (pt) of every table run
#   table_frac     table width as a share of the text width (default: the text width)
#   col_factor     {column name: factor} on the column's share of the table width; names are
#                  PERF_COLUMNS (12-column tables), ADMIN_COLUMNS (10), BUDGET_COLUMNS (15)
#   col_min        {column name: twips}: least width of a column after col_factor (what it
#                  lacks is taken from the other columns, in proportion to their widths)
#   cell_margins   {"top"|"left"|"bottom"|"right": twips} as w:tblCellMar
#   border_sz      w:sz of the table borders (eighths of a point; render_fixture writes 4)
#   valign         w:vAlign of the data cells: top, center, bottom
#   row_height     {"rule": "exact"|"atLeast", "twips": N}: w:trHeight on every data row
#                  (rows without w:tblHeader); "exact" clips or overruns what does not fit
#   cant_split     true: data rows get w:cantSplit (a row is never cut by a page break)
#   repeat_header  false: w:tblHeader removed (header rows printed on the first page only)
LAYOUT_KEYS = {"page_mm", "margins_mm", "cjk_font", "table_size", "table_frac", "col_factor", "col_min",
               "cell_margins", "border_sz", "valign", "row_height", "cant_split", "repeat_header"}

# w:trPr children in schema order (CT_TrPr is a choice list, but Word and LibreOffice expect
# this order), and the w:tblPr children before which w:tblCellMar goes.
_TRPR_ORDER = ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
               "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange"]
_AFTER_CELLMAR = ["tblLook", "tblCaption", "tblDescription", "tblPrChange"]


def _columns_of(ncols):
    return {12: PERF_COLUMNS, 10: ADMIN_COLUMNS, 15: BUDGET_COLUMNS}.get(ncols, [str(i) for i in range(ncols)])


def _twips(mm):
    return int(round(mm * 1440 / 25.4))


def _insert_ordered(parent, el, order):
    """Insert el among parent's children at its place in `order` (local names)."""
    name = el.tag.split("}")[1]
    rank = order.index(name)
    for i, child in enumerate(parent):
        cname = child.tag.split("}")[1] if isinstance(child.tag, str) else ""
        if cname in order and order.index(cname) > rank:
            child.addprevious(el)
            return el
    parent.append(el)
    return el


def _set_tr_prop(tr, el):
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(0, trpr)
    old = trpr.find(el.tag)
    if old is not None:
        trpr.remove(old)
    _insert_ordered(trpr, el, _TRPR_ORDER)


def apply_layout(doc, layout):
    """Change the page, fonts and table formatting of a rendered Document in place (see
    LAYOUT_KEYS above); the text and the table structure (grid, merges) stay as rendered."""
    unknown = set(layout) - LAYOUT_KEYS
    if unknown:
        raise ValueError("unknown layout keys: %s" % ", ".join(sorted(unknown)))
    sec = doc.sections[0]
    if "page_mm" in layout:
        w, h = layout["page_mm"]
        sec.orientation = WD_ORIENT.LANDSCAPE if w > h else WD_ORIENT.PORTRAIT
        sec.page_width = Mm(w)
        sec.page_height = Mm(h)
    if "margins_mm" in layout:
        t, r, b, l = layout["margins_mm"]
        sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = Mm(t), Mm(r), Mm(b), Mm(l)
    text_width = int(round((sec.page_width - sec.left_margin - sec.right_margin) / 635))  # EMU -> twips
    if "cjk_font" in layout:
        for root in (doc.element.body, doc.styles.element):
            for rf in root.iter(qn("w:rFonts")):
                if rf.get(qn("w:eastAsia")) is not None:
                    rf.set(qn("w:eastAsia"), layout["cjk_font"])
    for tbl in doc.element.body.iter(qn("w:tbl")):
        _layout_table(tbl, layout, text_width)
    return doc


def _layout_table(tbl, layout, text_width):
    tblpr = tbl.find(qn("w:tblPr"))
    grid = tbl.find(qn("w:tblGrid"))
    cols = grid.findall(qn("w:gridCol"))
    if "table_frac" in layout or "col_factor" in layout or "page_mm" in layout or "margins_mm" in layout:
        names = _columns_of(len(cols))
        fac = layout.get("col_factor") or {}
        rel = [int(c.get(qn("w:w"))) * fac.get(n, 1.0) for c, n in zip(cols, names)]
        total = int(text_width * layout.get("table_frac", 1.0))
        widths = scale_widths(rel, total)
        least = [int((layout.get("col_min") or {}).get(n, 0)) for n in names]
        fixed = set()
        while sum(least) < total:
            short = [i for i in range(len(widths)) if i not in fixed and widths[i] < least[i]]
            if not short:
                break
            fixed.update(short)
            free = total - sum(least[i] for i in fixed)
            widths = scale_widths([0 if i in fixed else r for i, r in enumerate(rel)], free)
            for i in fixed:
                widths[i] = least[i]
            widths[max(range(len(widths)), key=lambda i: widths[i])] += total - sum(widths)
        for c, w in zip(cols, widths):
            c.set(qn("w:w"), str(w))
        tblpr.find(qn("w:tblW")).set(qn("w:w"), str(sum(widths)))
        for tr in tbl.iterchildren(qn("w:tr")):
            col = 0
            for tc in tr.iterchildren(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                gs = tcpr.find(qn("w:gridSpan"))
                span = int(gs.get(qn("w:val"))) if gs is not None else 1
                tcpr.find(qn("w:tcW")).set(qn("w:w"), str(sum(widths[col:col + span])))
                col += span
    if "table_size" in layout:
        v = str(int(round(layout["table_size"] * 2)))
        for tag in ("w:sz", "w:szCs"):
            for el in tbl.iter(qn(tag)):
                if el.getparent().tag == qn("w:rPr"):
                    el.set(qn("w:val"), v)
    if "border_sz" in layout:
        for el in tblpr.find(qn("w:tblBorders")):
            if el.get(qn("w:val")) == "single":
                el.set(qn("w:sz"), str(layout["border_sz"]))
    if "cell_margins" in layout:
        mar = OxmlElement("w:tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            if side in layout["cell_margins"]:
                e = OxmlElement("w:" + side)
                e.set(qn("w:w"), str(int(layout["cell_margins"][side])))
                e.set(qn("w:type"), "dxa")
                mar.append(e)
        _insert_ordered(tblpr, mar, ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                                     "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd",
                                     "tblBorders", "shd", "tblLayout", "tblCellMar"] + _AFTER_CELLMAR)
    for tr in tbl.iterchildren(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        if header:
            if layout.get("repeat_header", True) is False:
                trpr.remove(trpr.find(qn("w:tblHeader")))
            continue
        if "row_height" in layout:
            th = OxmlElement("w:trHeight")
            th.set(qn("w:val"), str(int(layout["row_height"]["twips"])))
            th.set(qn("w:hRule"), layout["row_height"]["rule"])
            _set_tr_prop(tr, th)
        if layout.get("cant_split"):
            _set_tr_prop(tr, OxmlElement("w:cantSplit"))
        if "valign" in layout:
            for va in tr.iter(qn("w:vAlign")):
                va.set(qn("w:val"), layout["valign"])
