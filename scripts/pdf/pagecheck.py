"""Where the rows and cells of a table land on the pages of a PDF (generator-side check).

For a docxmodel Table drawn full text width on a landscape A4 page, the text of every page is
cut into the table's grid columns by x position (pdfplumber characters); then each cell's text
(white space removed) is looked up: on one page, or split over consecutive pages (a prefix at
the bottom of page k, the rest on page k+1), and each row's 序号 (grid column 2) gives the
page of the row. From that: the merged cells (rowspan > 1) whose rows are on two pages, and the
rows whose cell text is split by a page break.

    python3 scripts/pdf/pagecheck.py FILE.pdf fixtures/docx/NAME.docx [TABLE_INDEX]
"""

import re
import sys

import pdfplumber

import docxmodel as M

WS = re.compile(r"\s+")


def compact(s):
    return WS.sub("", s)


def cell_text(c):
    return compact("".join("".join(lines) for lines in c.paras))


def column_edges(widths, page_width):
    total = sum(widths) / 20.0
    left = (page_width - total) / 2.0
    edges = [left]
    for w in widths:
        edges.append(edges[-1] + w / 20.0)
    return edges


def page_chars(pdf_path):
    """[(page width, characters)] per page."""
    with pdfplumber.open(pdf_path) as pdf:
        return [(float(page.width), list(page.chars)) for page in pdf.pages]


def text_between(chars, x0, x1):
    """The characters whose middle lies in [x0, x1): lines by baseline (the text matrix's y,
    shared by the Latin and CJK faces of a line, unlike their tops), then left to right;
    white space removed."""
    sel = [ch for ch in chars if x0 <= (ch["x0"] + ch["x1"]) / 2 < x1]
    sel.sort(key=lambda ch: (-round(ch["matrix"][5], 1), ch["x0"]))
    return compact("".join(ch["text"] for ch in sel))


def page_columns(pdf_path, widths, spans=None, chars=None):
    """Per page: {(first grid column, span): text} for the single columns and the spans
    asked for."""
    out = []
    keys = [(i, 1) for i in range(len(widths))] + list(spans or [])
    for width, chs in (chars or page_chars(pdf_path)):
        edges = column_edges(widths, width)
        out.append({(c, n): text_between(chs, edges[c], edges[c + n]) for c, n in keys})
    return out


class Stream:
    """One grid column over all pages, read cell by cell in row order."""

    HEADER_SLACK = 16  # repeated header labels allowed before the rest of a split cell
    WINDOW = 1  # pages after the rows read so far where the next cell may start

    def __init__(self, segs):
        self.text = "".join(segs)
        self.starts = []
        pos = 0
        for s in segs:
            self.starts.append(pos)
            pos += len(s)
        self.ends = self.starts[1:] + [pos]
        self.ptr = 0

    def page_of(self, pos):
        for k in range(len(self.starts) - 1, -1, -1):
            if self.starts[k] <= pos and (pos < self.ends[k] or self.starts[k] == self.ends[k] == pos):
                return k
        return len(self.starts) - 1

    def split_at(self, text, k, lo):
        """Fragments of text starting in page k at or after lo and going on at the top of k+1…"""
        tail = self.text[lo:self.ends[k]]
        for n in range(min(len(text) - 1, len(tail)), 1, -1):
            if not tail.endswith(text[:n]):
                continue
            rest = text[n:]
            if k + 1 >= len(self.starts):
                return None
            s1 = self.starts[k + 1]
            j = self.text.find(rest, s1, self.ends[k + 1])
            if 0 <= j <= s1 + self.HEADER_SLACK:
                return [(k, text[:n], self.ends[k] - n), (k + 1, rest, j + len(rest))]
            more = self.split_at(rest, k + 1, s1)
            if more:
                return [(k, text[:n], self.ends[k] - n)] + more
            return None
        return None

    def take(self, text, last_page=None):
        """[(page, fragment)] of the next occurrence of text (possibly split), or None.
        last_page: the page of the table's rows read so far; the text must start at the latest
        on the next page (else a text that is missing could match a later identical text)."""
        if not text:
            return []
        limit = len(self.text)
        if last_page is not None:
            limit = self.ends[min(last_page + self.WINDOW, len(self.ends) - 1)]
        a = self.text.find(text, self.ptr, limit)
        ka = self.page_of(a) if a >= 0 else len(self.starts) - 1
        best = None
        kmax = ka + (0 if a >= 0 else 1)
        if a < 0 and last_page is not None:
            kmax = min(kmax, last_page + self.WINDOW)
        for k in range(self.page_of(self.ptr), kmax):
            if k >= len(self.starts) - 1:
                break
            frags = self.split_at(text, k, max(self.ptr, self.starts[k]))
            if frags:
                best = frags
                break
        if best is not None and (a < 0 or best[0][2] < a):
            self.ptr = best[-1][2]
            return [(p, t) for p, t, _ in best]
        if a < 0:
            return None
        self.ptr = a + len(text)
        kb = self.page_of(a + len(text) - 1)
        if kb != ka:  # straddles a page with no repeated header
            n = self.ends[ka] - a
            return [(ka, text[:n]), (kb, text[n:])]
        return [(ka, text)]


def analyse(pdf_path, table, id_col=2, first_data_row=None):
    """Per data row: {'id', 'pages' (page of its 序号), 'cells': [(col, rowspan, text, fragments)]}."""
    pages = page_columns(pdf_path, table.widths)
    streams = [Stream([p[(c, 1)] for p in pages]) for c in range(len(table.widths))]
    nh = M.header_row_count(table) if first_data_row is None else first_data_row
    for ri in range(nh):  # the header as printed on the first table page
        for c in table.rows[ri].cells:
            if c.colspan == 1:
                streams[c.col].take(cell_text(c))
    rows = []
    last = None
    for ri, row in enumerate(table.rows):
        if ri < nh:
            continue
        rid = None
        id_pages = []
        cells = []
        row_last = last
        for c in row.cells:
            t = cell_text(c)
            frags = streams[c.col].take(t, last) if c.colspan == 1 else []
            if frags:
                row_last = max([p for p, _ in frags] + ([row_last] if row_last is not None else []))
            if c.col == id_col and c.colspan == 1:
                rid = t
                id_pages = sorted({p for p, _ in frags or []})
            cells.append((c.col, c.rowspan, t, frags))
        rows.append({"index": ri, "id": rid, "pages": id_pages, "cells": cells})
        last = row_last
    return pages, rows


def cuts(pdf_path, table, names=None):
    """Human-readable lines: merged cells whose rows are on two pages, rows whose text is split."""
    names = names or {}
    pages, rows = analyse(pdf_path, table)
    by_index = {r["index"]: r for r in rows}
    lines = []
    # merged cells cut by a page break
    for r in rows:
        for col, span, text, frags in r["cells"]:
            if span < 2:
                continue
            covered = [by_index.get(r["index"] + k) for k in range(span)]
            ids = [(x["id"], x["pages"][0] + 1 if x and x["pages"] else None) for x in covered if x]
            pg = sorted({p for _, p in ids if p})
            if len(pg) < 2:
                continue
            where = describe(frags)
            lines.append("merged %s (grid col %d, rows %s): %s; text %s" % (
                names.get(col, "col %d" % col), col, "…".join([ids[0][0] or "?", ids[-1][0] or "?"]),
                ", ".join("%s p%s" % (i, p) for i, p in ids), where))
    # rows with a cell whose text is split
    for r in rows:
        split = [(col, text, frags) for col, span, text, frags in r["cells"]
                 if frags and len({p for p, _ in frags}) > 1 and span == 1]
        if split:
            lines.append("row %s split (序号 on p%s): %s" % (
                r["id"], ",".join(str(p + 1) for p in r["pages"]),
                "; ".join("%s %s" % (names.get(col, "col %d" % col), describe(frags))
                          for col, text, frags in split)))
    return lines


def describe(frags):
    if frags is None:
        return "not found"
    if not frags:
        return "empty"
    if len(frags) == 1:
        return "all on p%d" % (frags[0][0] + 1)
    return " | ".join("p%d “%s”" % (p + 1, short(t)) for p, t in frags)


def short(t, n=12):
    if len(t) <= 2 * n + 1:
        return t
    return t[:n] + "…" + t[-n:]


PERF_NAMES = {0: "项目(类别)", 1: "项目(组)", 2: "序号", 3: "文件依据", 4: "一级指标", 5: "二级指标",
              6: "权重", 7: "完成时限", 8: "分管领导", 9: "责任单位", 10: "责任人", 11: "备注"}


def main():
    pdf, docx = sys.argv[1], sys.argv[2]
    ti = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    tables = [b for b in M.read_docx(docx) if isinstance(b, M.Table)]
    for line in cuts(pdf, tables[ti], PERF_NAMES if len(tables[ti].widths) == 12 else None):
        print(line)


if __name__ == "__main__":
    main()


def missing(pdf_path, blocks, detail=False):
    """Table cells whose text is not in the PDF: [(table index, row index, grid col, text)]
    (detail: dicts that also give the row's 序号, the longest prefix of the text that is
    there and the rest, which is not). Sequential search, one stream per grid column (or per
    run of columns, for a spanning cell), a cell cut by a page break allowed; each table
    searched from the page where the previous one ended."""
    out = []
    tables = [b for b in blocks if isinstance(b, M.Table)]
    chars = page_chars(pdf_path)
    start_page = 0
    for ti, t in enumerate(tables):
        spans = {(c.col, c.colspan) for r in t.rows for c in r.cells if c.colspan > 1}
        pages = page_columns(pdf_path, t.widths, spans, chars)
        streams = {}
        for key in pages[0]:
            st = Stream([p[key] for p in pages])
            st.ptr = st.starts[start_page]
            streams[key] = st
        last_page = start_page
        seen = None  # page of the rows read so far (None until the table's first text)
        for ri, row in enumerate(t.rows):
            row_seen = seen
            for c in row.cells:
                txt = cell_text(c)
                if not txt:
                    continue
                st = streams[(c.col, c.colspan)]
                ptr = st.ptr
                frags = st.take(txt, seen)
                if frags is not None:
                    if frags:
                        top = max(p for p, _ in frags)
                        last_page = max(last_page, top)
                        row_seen = top if row_seen is None else max(row_seen, top)
                    continue
                if not detail:
                    out.append((ti, ri, c.col, txt))
                    continue
                n = len(txt) - 1
                while n > 0:
                    st.ptr = ptr
                    if st.take(txt[:n], seen) is not None:
                        break
                    n -= 1
                if n == 0:
                    st.ptr = ptr
                out.append({"table": ti, "row": ri, "id": row_id(t, ri), "col": c.col,
                            "column": column_name(t, c.col), "rowspan": c.rowspan,
                            "text": txt, "present": txt[:n], "lost": txt[n:]})
            seen = row_seen
        start_page = last_page
    return out


ADMIN_NAMES = {0: "项目(类别)", 1: "项目(组)", 2: "序号", 3: "目标内容", 4: "权重", 5: "完成时限",
               6: "分管领导", 7: "责任单位", 8: "责任人", 9: "备注"}
BUDGET_NAMES = {0: "职责序号", 1: "部门职责", 2: "职责目标", 3: "绩效指标", 4: "指标解释", 5: "年度指标值",
                6: "“十三五”规划值", 7: "2020年标准值", 8: "来源", 9: "2017-2019年均值", 10: "2019年值",
                11: "数据来源", 12: "备注", 13: "工作活动", 14: "预算项目"}


def column_name(t, col):
    names = {12: PERF_NAMES, 10: ADMIN_NAMES, 15: BUDGET_NAMES}.get(len(t.widths), {})
    return names.get(col, "col %d" % col)


def row_id(t, ri):
    """The row's 序号 (grid column 2 of the performance tables, 0 of the budget table)."""
    idc = 0 if len(t.widths) == 15 else 2
    for c in t.rows[ri].cells:
        if c.col == idc and c.colspan == 1:
            return cell_text(c) or None
    return None
