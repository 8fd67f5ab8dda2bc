"""Hand-made DOCX edge cases (fixtures/docx/edge/), each with NAME.expected.json.

The records come from fixtures/gold/quanzhou-science-2019.json; the expected values are the
gold values of the records taken (tracked changes: the accepted text).
"""

import copy
import json
import os

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import docxlib as L

GOLD = "fixtures/gold/quanzhou-science-2019.json"
SEED = "fixtures/seeds/quanzhou-science-2019.txt"

RECORD_FIELDS = ["id", "category", "group", "basis", "primary", "primary_points", "secondary", "weight",
                 "deadline", "deadline_month", "leaders", "units", "persons", "remarks"]

AUTHOR = "张三"
REV_DATE = "2019-07-10T09:00:00Z"

NOTICE_ATTACHMENT_ONLY = {"issuer": None, "doc_number": None, "title": None, "date": None, "year": 2019,
                          "declared_counts": []}
HEADING = "2019年度泉州市科技局绩效目标考评表"
UNIT_LINE = "参评单位（盖章）：泉州市科学技术局"
TABLE_INFO = {"kind": "performance_targets", "title": HEADING, "unit": "泉州市科学技术局"}


def gold_records(root, ids):
    g = L.load_gold(os.path.join(root, GOLD))
    recs = {r["id"]: r for r in g["tables"][0]["records"]}
    return [recs[i] for i in ids]


def expected_record(r):
    return {f: L.unwrap(r.get(f)) for f in RECORD_FIELDS}


def write_expected(path, notice, tables, records, notes, totals=(), extra=None):
    out = {"notice": notice, "tables": tables, "declared_totals": list(totals),
           "records": [expected_record(r) for r in records], "notes": notes}
    if extra:
        out.update(extra)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")


def heading_paras(_doc):
    return [L.make_para(HEADING, size=16, bold=True, align="center"), L.make_para(UNIT_LINE, size=12)]


def cat80(_cat):
    return "职能工作目标（80分）"


def rev(tag, rid):
    el = OxmlElement("w:" + tag)
    el.set(qn("w:id"), str(rid))
    el.set(qn("w:author"), AUTHOR)
    el.set(qn("w:date"), REV_DATE)
    return el


def tcs(tr):
    return tr.findall(qn("w:tc"))


def row_with_id(tbl, rid, col=2):
    for tr in tbl.findall(qn("w:tr")):
        cells = tcs(tr)
        if len(cells) > col and "".join(t.text or "" for t in cells[col].iter(qn("w:t"))) == rid:
            return tr
    raise KeyError(rid)


# ---------------------------------------------------------------- a. split table

def split_table(root, out_dir):
    ids = ["1-8-1", "1-8-2", "1-8-3", "1-9-1", "1-9-2", "1-9-3", "1-10-1", "1-10-2"]
    recs = gold_records(root, ids)
    doc = L.new_document()
    for p in heading_paras(doc):
        L.body_append(doc, p)
    rows1 = L.perf_rows_for(recs[:4], "paragraphs", cat_text=cat80)
    # 1-9-1 is the last row before the break: Word leaves vMerge="restart" on the cut cells
    last = rows1[-1][0]
    for k in (3, 4):
        last[k].vmerge = "restart"
    L.body_append(doc, L.build_tbl(L.PERF_WIDTHS, rows1))
    L.body_append(doc, L.page_break_para())
    rows2 = L.perf_rows_for(recs[4:], "paragraphs", cat_text=cat80)
    # the header repeated by hand: ordinary rows, not w:tblHeader
    rows2[0] = (rows2[0][0], {})
    rows2[1] = (rows2[1][0], {})
    first = rows2[2][0]  # 1-9-2: the cells merged over the break are empty here
    first[0] = L.Cell(None, vmerge="restart")
    first[1] = L.Cell(None, vmerge="restart")
    first[3] = L.Cell(None, vmerge="restart")
    first[4] = L.Cell(None, vmerge="restart")
    L.body_append(doc, L.build_tbl(L.PERF_WIDTHS, rows2))
    name = os.path.join(out_dir, "split-table")
    L.save_docx(doc, name + ".docx")
    write_expected(
        name + ".expected.json", NOTICE_ATTACHMENT_ONLY, [TABLE_INFO], recs,
        "One performance table split into two w:tbl by a page break (a paragraph holding "
        "<w:br w:type=\"page\"/>). The second w:tbl repeats the two header rows as ordinary rows (no "
        "w:tblHeader); they are neither records nor totals. The first-level indicator 1-9 is cut after "
        "1-9-1: its 文件依据 and 一级指标 are printed in the first w:tbl only (a one-row vMerge restart); "
        "in the second w:tbl the 1-9-2 cells are an empty vMerge restart continued over 1-9-3, so 1-9-2 "
        "and 1-9-3 take basis/primary/primary_points from 1-9-1 (the same 一级指标 id prefix). The "
        "项目 cells (category, group) of the second w:tbl are empty too and go on from the first: every "
        "record is 职能工作目标 / 重点工作目标. Expected: one table (the continuation is the same table), "
        "8 records, no declared_totals.")


# ---------------------------------------------------------------- b. nested tables

def nested_table(root, out_dir):
    ids = ["1-1-1", "1-1-2", "1-2-1", "1-2-2"]
    recs = gold_records(root, ids)
    doc = L.new_document()
    rows = L.perf_rows_for(recs, "paragraphs", cat_text=cat80)
    inner = L.build_tbl(L.PERF_WIDTHS, rows)
    # 1-2-1's 责任人 cell: a nested 2x1 table, one name per cell
    tr = row_with_id(inner, "1-2-1")
    person_tc = tcs(tr)[10]
    for p in person_tc.findall(qn("w:p")):
        person_tc.remove(p)
    w10 = L.PERF_WIDTHS[10]
    names = L.unwrap(recs[2]["persons"])
    nested = L.build_tbl([w10 - 200], [([L.text_cell(n, align="center")], {}) for n in names])
    person_tc.append(nested)
    person_tc.append(L.make_para([], size=L.SIZE_TABLE, spacing0=True))
    # the whole form inside the single cell of a borderless 1x1 layout table
    layout_cell = L.Cell(None)
    layout_cell.extra = heading_paras(doc) + [inner]
    layout = L.build_tbl([L.TEXT_WIDTH], [([layout_cell], {})], style=None, borders=False)
    L.body_append(doc, layout)
    L.body_append(doc, L.make_para([]))
    name = os.path.join(out_dir, "nested-table")
    L.save_docx(doc, name + ".docx")
    write_expected(
        name + ".expected.json", NOTICE_ATTACHMENT_ONLY, [TABLE_INFO], recs,
        "(i) The whole form (heading, 参评单位 line and the 12-column performance table) sits inside the "
        "single cell of a borderless 1x1 layout table, as web-exported documents do: the layout table is "
        "not an indicator table, its content is read as if it stood in the body (one table, 4 records). "
        "(ii) The 责任人 cell of 1-2-1 holds a nested 2x1 w:tbl with one name per cell (黄奕冰, 张翎), "
        "followed by the empty w:p a cell must end with: persons [黄奕冰, 张翎]; the nested table is "
        "neither a table of its own nor extra rows.")


# ---------------------------------------------------------------- c. tracked changes

def runs_of_tc(tc):
    return tc.findall(".//" + qn("w:r"))


def track_row(tr, kind, nid):
    """Mark a whole row as a tracked revision: w:trPr/w:<kind> (kind "ins" or "del"), and each of
    its runs wrapped in w:<kind>; for "del" the runs' w:t become w:delText. `nid` hands out the
    revision ids, taken in document order (the row mark first)."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(0, trpr)
    trpr.append(rev(kind, nid()))
    for tc in tcs(tr):
        for p in tc.findall(qn("w:p")):
            for r in p.findall(qn("w:r")):
                if kind == "del":
                    for t in r.findall(qn("w:t")):
                        t.tag = qn("w:delText")
                wrap = rev(kind, nid())
                r.addprevious(wrap)
                wrap.append(r)


def tracked_changes(root, out_dir):
    ids = ["1-4-1", "1-4-2", "1-5-1", "1-5-2", "1-6-1", "1-6-2"]
    recs = gold_records(root, ids)
    doc = L.new_document()
    for p in heading_paras(doc):
        L.body_append(doc, p)
    rows = L.perf_rows_for(recs, "paragraphs", cat_text=cat80)
    tbl = L.build_tbl(L.PERF_WIDTHS, rows)
    rid = [100]

    def nid():
        rid[0] += 1
        return rid[0]

    # 1-4-1 权重: "1" deleted, "2" inserted
    tc = tcs(row_with_id(tbl, "1-4-1"))[6]
    p = tc.find(qn("w:p"))
    r = p.find(qn("w:r"))
    assert "".join(t.text for t in r.iter(qn("w:t"))) == "2"
    rdel = copy.deepcopy(r)
    t = rdel.find(qn("w:t"))
    t.tag = qn("w:delText")
    t.text = "1"
    d = rev("del", nid())
    d.append(rdel)
    i = rev("ins", nid())
    r.addprevious(d)
    p.remove(r)
    i.append(r)
    d.addnext(i)
    # 1-4-1 二级指标: a formatting change (w:rPrChange), text unchanged
    sec_r = tcs(row_with_id(tbl, "1-4-1"))[5].find(qn("w:p")).find(qn("w:r"))
    rpr = sec_r.find(qn("w:rPr"))
    ch = rev("rPrChange", nid())
    ch.append(OxmlElement("w:rPr"))
    rpr.append(ch)
    # 1-5-1 二级指标: the last clause inserted, a phrase deleted in the middle
    tc = tcs(row_with_id(tbl, "1-5-1"))[5]
    p = tc.find(qn("w:p"))
    r = p.find(qn("w:r"))
    text = r.find(qn("w:t")).text
    k = text.rindex("，") + 1
    mid = text.index("，") + 1
    head, middle, tail = text[:mid], text[mid:k], text[k:]
    pieces = []
    for s in (head, "（暂定）", middle, tail):
        nr = copy.deepcopy(r)
        nr.find(qn("w:t")).text = s
        pieces.append(nr)
    p.remove(r)
    dwrap = rev("del", nid())
    pieces[1].find(qn("w:t")).tag = qn("w:delText")
    dwrap.append(pieces[1])
    iwrap = rev("ins", nid())
    iwrap.append(pieces[3])
    for el in (pieces[0], dwrap, pieces[2], iwrap):
        p.append(el)
    # 1-4-2 分管领导: the second name inserted (with its line break)
    tc = tcs(row_with_id(tbl, "1-4-2"))[8]
    p = tc.find(qn("w:p"))
    r = p.find(qn("w:r"))
    ts = r.findall(qn("w:t"))
    assert [t.text for t in ts] == ["陈建兴", "张劲松"]
    br = r.find(qn("w:br"))
    r.remove(br)
    r.remove(ts[1])
    nr = OxmlElement("w:r")
    nr.append(copy.deepcopy(r.find(qn("w:rPr"))))
    nr.append(OxmlElement("w:br"))
    nr.append(ts[1])
    iw = rev("ins", nid())
    iw.append(nr)
    r.addnext(iw)
    # 1-5-2: a row inserted with tracking (kept)
    track_row(row_with_id(tbl, "1-5-2"), "ins", nid)
    # 1-6-2: the whole row deleted (w:trPr/w:del, its text in w:del/w:delText)
    track_row(row_with_id(tbl, "1-6-2"), "del", nid)
    L.body_append(doc, tbl)
    name = os.path.join(out_dir, "tracked-changes")
    L.save_docx(doc, name + ".docx")
    kept = [r for r in recs if r["id"] != "1-6-2"]
    write_expected(
        name + ".expected.json", NOTICE_ATTACHMENT_ONLY, [TABLE_INFO], kept,
        "Revisions (w:ins / w:del, author 张三) read as accepted: inserted text kept, deleted text "
        "(w:delText) dropped. 1-4-1 权重: w:del '1' then w:ins '2' -> 2. 1-4-1 二级指标 carries a "
        "w:rPrChange (formatting only, no text change). 1-5-1 二级指标: '（暂定）' deleted after the first "
        "'，', the last clause inserted -> the gold text. 1-4-2 分管领导: the second name 张劲松 (with its "
        "w:br) inserted -> [陈建兴, 张劲松]. 1-5-2: the row is inserted with tracking (w:trPr/w:ins, its "
        "runs in w:ins) -> kept. 1-6-2: the row is deleted (w:trPr/w:del, its runs in w:del with "
        "w:delText) -> no record 1-6-2; 1-6 keeps only 1-6-1.")


# ---------------------------------------------------------------- d. legacy hMerge

def hmerge(root, out_dir):
    ids = ["1-1-1", "1-1-2", "1-2-1", "1-2-2"]
    recs = gold_records(root, ids)
    doc = L.new_document()
    for p in heading_paras(doc):
        L.body_append(doc, p)
    rows = L.perf_rows_for(recs, "paragraphs", cat_text=cat80)
    h1 = rows[0][0]
    # 目标内容 over 序号..权重 as five cells joined by w:hMerge instead of gridSpan="5"
    k = next(i for i, c in enumerate(h1) if c.paras == [["目标内容"]])
    h1[k:k + 1] = [L.Cell("目标内容", hmerge="restart", bold=True, align="center")] + \
        [L.Cell(None, hmerge="continue") for _ in range(4)]
    total = sum(float(L.unwrap(r["weight"])) for r in recs)
    trow = [L.Cell("合计", hmerge="restart", bold=True, align="center")] + \
        [L.Cell(None, hmerge="continue") for _ in range(5)] + \
        [L.text_cell(L.fmt_num(total), align="center")] + [L.Cell(None) for _ in range(5)]
    rows.append((trow, {}))
    L.body_append(doc, L.build_tbl(L.PERF_WIDTHS, rows))
    name = os.path.join(out_dir, "hmerge")
    L.save_docx(doc, name + ".docx")
    write_expected(
        name + ".expected.json", NOTICE_ATTACHMENT_ONLY, [TABLE_INFO], recs,
        "Legacy horizontal merges (w:hMerge, as old Word / converters write them) instead of w:gridSpan: "
        "the header cell 目标内容 is five w:tc, the first <w:hMerge w:val=\"restart\"/>, the others "
        "<w:hMerge/> (continue, empty); the total row's label 合计 is six w:tc merged the same way over "
        "the columns before 权重, the value 7 in the 权重 column. Each w:tc is one grid column, so the "
        "columns line up as with gridSpan; a continued cell belongs to the cell it continues.",
        totals=[{"label": "合计", "value": int(total) if total == int(total) else total}])


# ---------------------------------------------------------------- e. letterhead in the page header

def header_footer(root, out_dir):
    ids = ["1-1-1", "1-1-2", "1-2-1", "1-2-2"]
    recs = gold_records(root, ids)
    g = L.load_gold(os.path.join(root, GOLD))
    lines = L.read_seed(os.path.join(root, SEED))
    before, after, _ = L.split_seed(lines)
    letterhead = "泉州市科学技术局文件"
    assert letterhead in before
    before = [l for l in before if l != letterhead]
    doc = L.new_document()
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    hdr = sec.first_page_header
    hdr.is_linked_to_previous = False
    hp = hdr.paragraphs[0]._p
    new = L.make_para(letterhead, size=26, bold=True, color="FF0000", align="center")
    hp.addprevious(new)
    hp.getparent().remove(hp)
    # footer of every page: a PAGE field (complex field; its w:instrText is not text)
    for ftr in (sec.first_page_footer, sec.footer):
        ftr.is_linked_to_previous = False
        fp = ftr.paragraphs[0]._p
        fp.append(L.make_run("— "))
        for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None)):
            r = L.make_run([])
            if kind:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                r.append(fc)
            else:
                it = OxmlElement("w:instrText")
                it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                it.text = instr
                r.append(it)
            fp.append(r)
        fp.append(L.make_run("1"))
        r = L.make_run([])
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), "end")
        r.append(fc)
        fp.append(r)
        fp.append(L.make_run(" —"))
    L.add_prose_lines(doc, before)
    L.render_performance(doc, {"records": recs, "declared_totals": []}, "paragraphs", [])
    L.add_prose_lines(doc, after)
    name = os.path.join(out_dir, "header-footer")
    L.save_docx(doc, name + ".docx")
    t = g["tables"][0]
    write_expected(
        name + ".expected.json", g["notice"],
        [{"kind": t["kind"], "title": t["title"], "unit": t["unit"]}], recs,
        "The letterhead 泉州市科学技术局文件 is in the first-page header part (word/header1.xml, "
        "w:headerReference w:type=\"first\" with w:titlePg), not in the body; the body is the prose of "
        "quanzhou-science-2019 without that line, then the 12-column table with 4 records (1-1-x, 1-2-x, "
        "no totals, no 说明 row), then the closing prose. The footers (footer1.xml, footer2.xml) hold "
        "'— PAGE —' as a complex field whose cached result is 1: page furniture, not notice text. "
        "Expected notice = the gold notice of quanzhou-science-2019 (issuer also from the signature "
        "block 泉州市科学技术局).",
        extra={"header_text": letterhead})


def build_all(root, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    split_table(root, out_dir)
    nested_table(root, out_dir)
    tracked_changes(root, out_dir)
    hmerge(root, out_dir)
    header_footer(root, out_dir)
