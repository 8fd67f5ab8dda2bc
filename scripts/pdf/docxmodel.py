"""Read one of the python-docx fixtures (fixtures/docx/NAME.docx) into a small layout model,
so that every PDF rendering (HTML/WeasyPrint, reportlab) carries exactly the DOCX content.

Model: a list of blocks, in body order.
  Para(lines, size, bold, color, align, heading)   lines: the paragraph's lines (w:br between)
  Table(widths, rows)                               widths: grid column widths in twips
    rows: list of Row(header, cells)                header: w:tblHeader
      cells: list of TCell(col, colspan, rowspan, paras, bold, align)
        paras: list of paragraphs, each a list of lines; a w:vMerge continuation cell is not
        listed (it is covered by the rowspan of the cell that restarts the merge).

Only the constructs that scripts/docx/docxlib.py writes are understood (w:p, w:r, w:t, w:br,
w:tbl with w:gridSpan / w:vMerge); anything else raises, so a new construct is not dropped
silently.
"""

from dataclasses import dataclass, field
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag):
    return "{%s}%s" % (W, tag)


@dataclass
class Para:
    lines: list
    size: float = 12.0
    bold: bool = False
    color: str = None
    align: str = None
    heading: int = 0

    @property
    def empty(self):
        return not any(self.lines)


@dataclass
class TCell:
    col: int
    colspan: int
    rowspan: int
    paras: list
    bold: bool = False
    align: str = None
    size: float = 9.0


@dataclass
class Row:
    header: bool
    cells: list = field(default_factory=list)
    cant_split: bool = False


@dataclass
class Table:
    widths: list
    rows: list


def _val(el, tag):
    if el is None:
        return None
    c = el.find(q(tag))
    if c is None:
        return None
    return c.get(q("val"), True)


def _run_props(rpr):
    size = bold = color = None
    if rpr is not None:
        sz = rpr.find(q("sz"))
        if sz is not None:
            size = int(sz.get(q("val"))) / 2
        b = rpr.find(q("b"))
        if b is not None:
            bold = b.get(q("val"), "1") not in ("0", "false")
        c = rpr.find(q("color"))
        if c is not None:
            color = c.get(q("val"))
    return size, bold, color


def read_para(p, default_size):
    ppr = p.find(q("pPr"))
    align = None
    heading = 0
    size, bold, color = None, None, None
    if ppr is not None:
        jc = ppr.find(q("jc"))
        if jc is not None:
            align = jc.get(q("val"))
        ps = ppr.find(q("pStyle"))
        if ps is not None and ps.get(q("val")).startswith("Heading"):
            heading = int(ps.get(q("val"))[len("Heading"):] or 1)
        size, bold, color = _run_props(ppr.find(q("rPr")))
    lines = [""]
    for child in p:
        if child.tag == q("pPr"):
            continue
        if child.tag != q("r"):
            raise ValueError("unexpected %s in w:p" % child.tag)
        rs, rb, rc = _run_props(child.find(q("rPr")))
        size = rs if rs is not None else size
        bold = rb if rb is not None else bold
        color = rc if rc is not None else color
        for el in child:
            if el.tag == q("rPr"):
                continue
            if el.tag == q("t"):
                lines[-1] += el.text or ""
            elif el.tag == q("br"):
                if el.get(q("type")) == "page":
                    continue
                lines.append("")
            else:
                raise ValueError("unexpected %s in w:r" % el.tag)
    if lines == [""]:
        lines = []
    return Para(lines, size or default_size, bool(bold), color, align, heading)


def read_table(tbl):
    widths = [int(gc.get(q("w"))) for gc in tbl.find(q("tblGrid")).findall(q("gridCol"))]
    raw = []  # per row: list of (col, span, vmerge, tc)
    headers = []
    cant = []
    for tr in tbl.findall(q("tr")):
        trpr = tr.find(q("trPr"))
        headers.append(trpr is not None and trpr.find(q("tblHeader")) is not None)
        cant.append(trpr is not None and trpr.find(q("cantSplit")) is not None)
        col = 0
        cells = []
        for tc in tr.findall(q("tc")):
            tcpr = tc.find(q("tcPr"))
            span = int(_val(tcpr, "gridSpan") or 1)
            vmerge = _val(tcpr, "vMerge")
            if vmerge is True:
                vmerge = "continue"
            cells.append((col, span, vmerge, tc))
            col += span
        if col != len(widths):
            raise ValueError("row covers %d of %d grid columns" % (col, len(widths)))
        raw.append(cells)
    rows = []
    for ri, cells in enumerate(raw):
        row = Row(headers[ri], [], cant[ri])
        for col, span, vmerge, tc in cells:
            if vmerge == "continue":
                continue
            rowspan = 1
            if vmerge == "restart":
                for rj in range(ri + 1, len(raw)):
                    nxt = [c for c in raw[rj] if c[0] == col]
                    if nxt and nxt[0][2] == "continue" and nxt[0][1] == span:
                        rowspan += 1
                    else:
                        break
            paras = []
            bold = False
            align = None
            size = 9.0
            for p in tc.findall(q("p")):
                para = read_para(p, 9.0)
                bold = bold or para.bold
                align = align or para.align
                size = para.size
                if not para.empty:
                    paras.append(para.lines)
            row.cells.append(TCell(col, span, rowspan, paras, bold, align, size))
        rows.append(row)
    return Table(widths, rows)


def read_docx(path):
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(q("body"))
    blocks = []
    for el in body:
        if el.tag == q("p"):
            blocks.append(read_para(el, 12.0))
        elif el.tag == q("tbl"):
            blocks.append(read_table(el))
        elif el.tag == q("sectPr"):
            continue
        else:
            raise ValueError("unexpected body element %s" % el.tag)
    return blocks


def header_row_count(table):
    """Rows that Word repeats on each page: the w:tblHeader rows at the top of the table
    (w:tblHeader on rows that are not the first rows has no effect in Word or LibreOffice)."""
    n = 0
    for row in table.rows:
        if not row.header:
            break
        n += 1
    return n
