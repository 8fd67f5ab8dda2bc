"""Post-process a python-docx rendering so that its XML looks like other writers' (WPS Office,
template-based Word documents, web exports): content controls, a text box with a VML
fallback, proofing marks, bookmarks, split runs, fields, hyperlinks, and the main namespace
bound to another prefix. The text of every table cell stays the same, so a correct reader
gets the same records as from the plain file. Each edit is listed in scripts/docx/README.md.
"""

import copy
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
XML_NS = "http://www.w3.org/XML/1998/namespace"

LINK_RID = "rIdZbLink1"
LINK_URL = "http://kjj.quanzhou.gov.cn/"


def w(tag):
    return "{%s}%s" % (W, tag)


def E(tag, attrs=None, *children, ns=W):
    el = etree.Element("{%s}%s" % (ns, tag))
    for k, v in (attrs or {}).items():
        if k.startswith("{"):
            el.set(k, v)
        else:
            el.set(w(k), v)
    for c in children:
        el.append(c)
    return el


# ---------------------------------------------------------------- finding things

def ptext(p):
    return "".join(t.text or "" for t in p.iter(w("t")))


def body_paras(body):
    return [el for el in body if el.tag == w("p")]


def find_para(body, text, nth=0):
    hits = [p for p in body_paras(body) if ptext(p) == text]
    return hits[nth]


def tables(body):
    return [el for el in body if el.tag == w("tbl")]


def rows_of(tbl):
    return [el for el in tbl if el.tag == w("tr")]


def row_by_cell0(tbl, col, text):
    for tr in rows_of(tbl):
        tcs = tr.findall(w("tc"))
        if col < len(tcs) and ptext(tcs[col]) == text:
            return tr
    raise KeyError(text)


def tc_at(tr, col):
    return tr.findall(w("tc"))[col]


def runs(p):
    return p.findall(w("r"))


# ---------------------------------------------------------------- edits

def split_run(r, cuts):
    """Split a run holding one w:t into several runs at character offsets `cuts`."""
    t = r.find(w("t"))
    text = t.text
    rpr = r.find(w("rPr"))
    pieces, last = [], 0
    for c in list(cuts) + [len(text)]:
        pieces.append(text[last:c])
        last = c
    parent = r.getparent()
    idx = parent.index(r)
    parent.remove(r)
    new = []
    for k, piece in enumerate(pieces):
        nr = E("r", {"rsidR": "00A%05d" % (k + 1)})
        if rpr is not None:
            nr.append(copy.deepcopy(rpr))
        nt = E("t")
        nt.text = piece
        if piece != piece.strip():
            nt.set("{%s}space" % XML_NS, "preserve")
        nr.append(nt)
        parent.insert(idx + k, nr)
        new.append(nr)
    return new


def split_para_text(p, cuts):
    rs = runs(p)
    assert len(rs) == 1, "expected one run in %r" % ptext(p)
    return split_run(rs[0], cuts)


def wrap(elements, wrapper_tag="sdt", tag="zb", alias=None, sid=1):
    """Wrap consecutive siblings in w:sdt/w:sdtContent (block, row, cell or run level)."""
    first = elements[0]
    parent = first.getparent()
    idx = parent.index(first)
    sdt = E("sdt")
    pr = E("sdtPr")
    if alias:
        pr.append(E("alias", {"val": alias}))
    pr.append(E("tag", {"val": tag}))
    pr.append(E("id", {"val": str(sid)}))
    sdt.append(pr)
    content = E("sdtContent")
    for el in elements:
        parent.remove(el)
        content.append(el)
    sdt.append(content)
    parent.insert(idx, sdt)
    return sdt


def wrap_cell_content(tc, **kw):
    """Wrap a cell's paragraphs (everything after w:tcPr) in a block-level content control."""
    kids = [el for el in tc if el.tag != w("tcPr")]
    return wrap(kids, **kw)


def wrap_in(elements, tag, attrs=None):
    first = elements[0]
    parent = first.getparent()
    idx = parent.index(first)
    el = E(tag, attrs or {})
    for x in elements:
        parent.remove(x)
        el.append(x)
    parent.insert(idx, el)
    return el


def proof_err_around(r):
    r.addprevious(E("proofErr", {"type": "spellStart"}))
    r.addnext(E("proofErr", {"type": "spellEnd"}))


def bookmark_around(elements, name, bid):
    elements[0].addprevious(E("bookmarkStart", {"id": str(bid), "name": name}))
    elements[-1].addnext(E("bookmarkEnd", {"id": str(bid)}))


def run_prepend(r, el):
    """Put `el` first in the run's content: right after its w:rPr, or first if it has none."""
    rpr = r.find(w("rPr"))
    if rpr is not None:
        rpr.addnext(el)
    else:
        r.insert(0, el)


def last_rendered_page_break(r):
    run_prepend(r, E("lastRenderedPageBreak"))


def leading_tab(r):
    run_prepend(r, E("tab"))


def trailing_cr(r):
    r.append(E("cr"))


def br_to_cr(r):
    """Replace the run's first w:br (a line break between names) with w:cr."""
    br = r.find(w("br"))
    br.addprevious(E("cr"))
    r.remove(br)


def complex_field(p_runs, instr):
    """Turn runs into the result of a complex field: begin / instrText / separate / result / end."""
    first, last = p_runs[0], p_runs[-1]
    rpr = first.find(w("rPr"))

    def fr(*kids):
        r = E("r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for k in kids:
            r.append(k)
        return r

    it = E("instrText")
    it.text = instr
    it.set("{%s}space" % XML_NS, "preserve")
    first.addprevious(fr(E("fldChar", {"fldCharType": "begin"})))
    first.addprevious(fr(it))
    first.addprevious(fr(E("fldChar", {"fldCharType": "separate"})))
    last.addnext(fr(E("fldChar", {"fldCharType": "end"})))


def text_box_run(text_paragraph, shape_id):
    """A run holding a floating text box (mc:AlternateContent: DrawingML wps:txbx with a VML
    v:textbox fallback), both holding a copy of text_paragraph."""
    emu_w, emu_h = 8280000, 720000
    r = E("r")
    ac = etree.SubElement(r, "{%s}AlternateContent" % MC)
    choice = etree.SubElement(ac, "{%s}Choice" % MC)
    choice.set("Requires", "wps")
    drawing = etree.SubElement(choice, w("drawing"))
    anchor = etree.SubElement(drawing, "{%s}anchor" % WP)
    for k, v in (("distT", "0"), ("distB", "0"), ("distL", "114300"), ("distR", "114300"), ("simplePos", "0"),
                 ("relativeHeight", "251659264"), ("behindDoc", "0"), ("locked", "0"), ("layoutInCell", "1"),
                 ("allowOverlap", "1")):
        anchor.set(k, v)
    sp = etree.SubElement(anchor, "{%s}simplePos" % WP)
    sp.set("x", "0")
    sp.set("y", "0")
    ph = etree.SubElement(anchor, "{%s}positionH" % WP)
    ph.set("relativeFrom", "margin")
    etree.SubElement(ph, "{%s}align" % WP).text = "center"
    pv = etree.SubElement(anchor, "{%s}positionV" % WP)
    pv.set("relativeFrom", "paragraph")
    etree.SubElement(pv, "{%s}posOffset" % WP).text = "0"
    ext = etree.SubElement(anchor, "{%s}extent" % WP)
    ext.set("cx", str(emu_w))
    ext.set("cy", str(emu_h))
    ee = etree.SubElement(anchor, "{%s}effectExtent" % WP)
    for k in "ltrb":
        ee.set(k, "0")
    etree.SubElement(anchor, "{%s}wrapTopAndBottom" % WP)
    dp = etree.SubElement(anchor, "{%s}docPr" % WP)
    dp.set("id", str(shape_id))
    dp.set("name", "文本框 %d" % shape_id)
    etree.SubElement(anchor, "{%s}cNvGraphicFramePr" % WP)
    graphic = etree.SubElement(anchor, "{%s}graphic" % A, nsmap={"a": A})
    gd = etree.SubElement(graphic, "{%s}graphicData" % A)
    gd.set("uri", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape")
    wsp = etree.SubElement(gd, "{%s}wsp" % WPS)
    etree.SubElement(wsp, "{%s}cNvSpPr" % WPS).set("txBox", "1")
    sppr = etree.SubElement(wsp, "{%s}spPr" % WPS)
    xfrm = etree.SubElement(sppr, "{%s}xfrm" % A)
    off = etree.SubElement(xfrm, "{%s}off" % A)
    off.set("x", "0")
    off.set("y", "0")
    aext = etree.SubElement(xfrm, "{%s}ext" % A)
    aext.set("cx", str(emu_w))
    aext.set("cy", str(emu_h))
    geom = etree.SubElement(sppr, "{%s}prstGeom" % A)
    geom.set("prst", "rect")
    etree.SubElement(geom, "{%s}avLst" % A)
    etree.SubElement(sppr, "{%s}noFill" % A)
    ln = etree.SubElement(sppr, "{%s}ln" % A)
    etree.SubElement(ln, "{%s}noFill" % A)
    txbx = etree.SubElement(wsp, "{%s}txbx" % WPS)
    c1 = etree.SubElement(txbx, w("txbxContent"))
    c1.append(copy.deepcopy(text_paragraph))
    bp = etree.SubElement(wsp, "{%s}bodyPr" % WPS)
    for k, v in (("rot", "0"), ("vert", "horz"), ("wrap", "square"), ("lIns", "91440"), ("tIns", "45720"),
                 ("rIns", "91440"), ("bIns", "45720"), ("anchor", "t"), ("anchorCtr", "0")):
        bp.set(k, v)
    etree.SubElement(bp, "{%s}noAutofit" % A)
    fb = etree.SubElement(ac, "{%s}Fallback" % MC)
    pict = etree.SubElement(fb, w("pict"))
    st = etree.SubElement(pict, "{%s}shapetype" % V)
    st.set("id", "_x0000_t202")
    st.set("coordsize", "21600,21600")
    st.set("{%s}spt" % O, "202")
    st.set("path", "m,l,21600r21600,l21600,xe")
    etree.SubElement(st, "{%s}stroke" % V).set("joinstyle", "miter")
    vp = etree.SubElement(st, "{%s}path" % V)
    vp.set("gradientshapeok", "t")
    vp.set("{%s}connecttype" % O, "rect")
    shape = etree.SubElement(pict, "{%s}shape" % V)
    shape.set("id", "文本框 %d" % shape_id)
    shape.set("{%s}spid" % O, "_x0000_s%d" % (1025 + shape_id))
    shape.set("type", "#_x0000_t202")
    shape.set("style", "position:absolute;margin-left:0;margin-top:0;width:652pt;height:56.7pt;z-index:251659264;"
                       "mso-position-horizontal:center;mso-position-horizontal-relative:margin")
    shape.set("filled", "f")
    shape.set("stroked", "f")
    tb = etree.SubElement(shape, "{%s}textbox" % V)
    c2 = etree.SubElement(tb, w("txbxContent"))
    c2.append(copy.deepcopy(text_paragraph))
    return r


def to_text_box(p, shape_id=1):
    """Move a paragraph's text into a text box anchored in the (now text-less) paragraph."""
    inner = copy.deepcopy(p)
    for r in runs(p):
        p.remove(r)
    p.append(text_box_run(inner, shape_id))


def noise_ids(body):
    """rsid / w14:paraId attributes on every paragraph, as Word and WPS write them."""
    for k, p in enumerate(body.iter(w("p"))):
        p.set(w("rsidR"), "00B%05X" % (k % 0xFFFFF))
        p.set(w("rsidRDefault"), "00B%05X" % (k % 0xFFFFF))
        p.set("{%s}paraId" % W14, "%08X" % (0x10000000 + k))
        p.set("{%s}textId" % W14, "%08X" % (0x20000000 + k))


def add_hyperlink_rel(rels_xml):
    s = rels_xml.decode("utf-8")
    rel = ('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
           'Target="%s" TargetMode="External"/>' % (LINK_RID, LINK_URL))
    s = s.replace("</Relationships>", rel + "</Relationships>")
    return s.encode("utf-8")


def hyperlink_ext(elements):
    return wrap_in(elements, "hyperlink", {"{%s}id" % R: LINK_RID, "history": "1"})


def hyperlink_anchor(elements, anchor):
    return wrap_in(elements, "hyperlink", {"anchor": anchor, "history": "1"})


def field_simple(elements, instr):
    return wrap_in(elements, "fldSimple", {"instr": instr})


# ---------------------------------------------------------------- prefix rebinding

def rebind_prefix(xml, prefix):
    """Serialised document.xml with the main namespace bound to `prefix` instead of `w`."""
    s = xml
    s = re.sub(r"<(/?)w:", r"<\1%s:" % prefix, s)
    s = re.sub(r"(\s)w:([A-Za-z0-9]+=)", r"\1%s:\2" % prefix, s)
    s = s.replace('xmlns:w="%s"' % W, 'xmlns:%s="%s"' % (prefix, W), 1)
    return s


def rebind_default(xml):
    """Elements of the main namespace unprefixed (default xmlns); attributes keep w:."""
    s = re.sub(r"<(/?)w:", r"<\1", xml)
    s = s.replace('xmlns:w="%s"' % W, 'xmlns="%s" xmlns:w="%s"' % (W, W), 1)
    return s


def serialize(root):
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")


# ---------------------------------------------------------------- the two variants

def quanzhou_science(root):
    body = root.find(w("body"))
    # letterhead in a text box
    to_text_box(find_para(body, "泉州市科学技术局文件"), 1)
    # document number in a block-level content control
    wrap([find_para(body, "泉科〔2019〕170号")], tag="docnum", alias="发文字号", sid=101)
    # title split mid-word, title + the blank paragraph after it in one content control
    title = find_para(body, "泉州市科技局关于印发《2019年度 泉州市科技局绩效评估工作方案》的通知")
    r1, r2, r3 = split_para_text(title, [17, 26])
    proof_err_around(r2)
    wrap([title, title.getnext()], tag="title", alias="标题", sid=102)
    # signature: tab before, split 泉州|市科学技术局, bookmark _GoBack
    sig = find_para(body, "泉州市科学技术局")
    a, b = split_para_text(sig, [2])
    leading_tab(a)
    bookmark_around([a], "_GoBack", 0)
    # date as a simple field's result
    date = find_para(body, "2019年7月12日")
    field_simple(runs(date), ' DOCPROPERTY  成文日期  \\* MERGEFORMAT ')
    # page-break marks as Word leaves them
    last_rendered_page_break(runs(find_para(body, "附件", 0))[0])
    last_rendered_page_break(runs(find_para(body, "附件", 1))[0])
    # a complex HYPERLINK field in the body text (its w:instrText is not text)
    p11 = [p for p in body_paras(body) if ptext(p).startswith("根据泉州市机关效能建设领导小组")][0]
    full = ptext(p11)
    s = full.index("《关于印发2019年度泉州市绩效评估工作方案的通知》")
    e = s + len("《关于印发2019年度泉州市绩效评估工作方案的通知》")
    x, y, z = split_para_text(p11, [s, e])
    complex_field([y], ' HYPERLINK "%s" ' % LINK_URL)
    # proofing marks in a prose paragraph
    p24 = [p for p in body_paras(body) if ptext(p).startswith("为准确评估市科技局工作成效")][0]
    q1, q2 = split_para_text(p24, [10])
    proof_err_around(q2)
    # internal hyperlink to a bookmark on the table heading
    att = find_para(body, "附件：2019年度泉州市科技局绩效目标考评表")
    h1, h2 = split_para_text(att, [3])
    hyperlink_anchor([h2], "考评表")
    heading = find_para(body, "泉州市科技局绩效目标考评表")
    bookmark_around(runs(heading), "考评表", 1)

    t1, t2 = tables(body)[:2]
    # cells (12-column table: 0 cat, 1 group, 2 序号, 3 文件依据, 4 一级指标, 5 二级指标, 6 权重,
    # 7 完成时限, 8 分管领导, 9 责任单位, 10 责任人, 11 备注)
    row = row_by_cell0(t1, 2, "1-1-1")
    sec = tc_at(row, 5).find(w("p"))
    c1, c2, c3 = split_para_text(sec, [4, 11])
    proof_err_around(c2)
    br_to_cr(runs(tc_at(row, 8).find(w("p")))[0])  # 陈建兴<w:cr/>张劲松
    row = row_by_cell0(t1, 2, "1-2-1")
    wrap_cell_content(tc_at(row, 6), tag="weight", sid=201)
    u = tc_at(row, 9).find(w("p"))
    split_para_text(u, [4])  # 综合科（ | 创服中心）
    row = row_by_cell0(t1, 2, "1-2-2")
    wrap_cell_content(tc_at(row, 6), tag="weight", sid=202)
    row = row_by_cell0(t1, 2, "1-3-1")
    split_para_text(tc_at(row, 2).find(w("p")), [3])  # 1-3 | -1
    # two rows in a repeating-section style content control (outer sdt, one inner sdt per row)
    r41, r42 = row_by_cell0(t1, 2, "1-4-1"), row_by_cell0(t1, 2, "1-4-2")
    i1 = wrap([r41], tag="row", sid=301)
    i2 = wrap([r42], tag="row", sid=302)
    wrap([i1, i2], tag="rows", alias="重复节", sid=300)
    # a cell-level content control around a whole w:tc
    row = row_by_cell0(t1, 2, "1-5-1")
    wrap([tc_at(row, 9)], tag="units", sid=401)
    # a bookmark inside a cell
    row = row_by_cell0(t1, 2, "1-6-1")
    bookmark_around(runs(tc_at(row, 4).find(w("p"))), "指标1_6", 2)
    # an external hyperlink around a 文件依据 document
    row = row_by_cell0(t1, 2, "1-7-1")
    hyperlink_ext(runs(tc_at(row, 3).find(w("p"))))
    # 序号 as a merge field's result
    row = row_by_cell0(t1, 2, "1-9-1")
    field_simple(runs(tc_at(row, 2).find(w("p"))), " MERGEFIELD 序号 ")
    row = row_by_cell0(t1, 2, "1-10-1")
    last_rendered_page_break(runs(tc_at(row, 5).find(w("p")))[0])
    # every 7th 二级指标 cell's content in a content control
    for k, tr in enumerate([tr for tr in rows_of(t1) if re.match(r"^\d+-\d+-\d+$", ptext(tc_at(tr, 2)) if len(tr.findall(w("tc"))) == 12 else "")]):
        if k % 7 == 3:
            wrap_cell_content(tc_at(tr, 5), tag="secondary", sid=500 + k)
    # administrative table (0 cat, 1 group, 2 序号, 3 目标内容, 4 权重, 5 完成时限, 6 分管领导, 7 责任单位, 8 责任人, 9 备注)
    row = row_by_cell0(t2, 2, "4-4")
    split_para_text(tc_at(row, 3).find(w("p")), [5])
    wrap_cell_content(tc_at(row, 8), tag="persons", sid=601)
    noise_ids(body)
    return root


def linyi(root):
    body = root.find(w("body"))
    to_text_box(find_para(body, "2020年部门预算整体绩效目标表"), 1)
    # the blank paragraph right before the table in a content control
    tbl = tables(body)[0]
    prev = tbl.getprevious()
    if prev is not None and prev.tag == w("p"):
        wrap([prev], tag="spacer", sid=101)
    trs = rows_of(tbl)
    # preamble: 0 部门名称 (span 2), 1 department, 2 部门整体预算总额, 3 total (span 2), ...
    p1 = trs[0]
    dept = tc_at(p1, 1)
    leading_tab(runs(dept.find(w("p")))[0])
    wrap_cell_content(dept, tag="department", alias="部门名称", sid=201)
    field_simple(runs(tc_at(p1, 3).find(w("p"))), " DOCPROPERTY  预算总额  \\* MERGEFORMAT ")
    strat = tc_at(trs[2], 1).find(w("p"))
    a, b, c = split_para_text(strat, [8, 40])
    proof_err_around(b)
    bookmark_around([tc_at(trs[2], 0).find(w("p"))[-1]], "战略目标", 1)
    # data rows: 0 职责序号 … 14 预算项目 (all span 1)
    data = trs[6:]
    r11 = data[0]
    hyperlink_ext(runs(tc_at(r11, 4).find(w("p"))))
    split_para_text(tc_at(r11, 3).find(w("p")), [2, 6])
    trailing_cr(runs(tc_at(data[1], 4).find(w("p")))[0])
    last_rendered_page_break(runs(tc_at(data[2], 3).find(w("p")))[0])
    # duty 3 rows (vertically merged 职责序号/部门职责/职责目标) wrapped in row-level controls
    d3 = [tr for tr in data if ptext(tc_at(tr, 3)) in (
        "高新技术企业认定数量", "市级科技企业孵化器备案数量", "新增科技企业孵化面积", "省级以上科技企业孵化器新增数量",
        "入库科技型中小微企业新增数量", "高新技术产业产值占比", "省级科技创新平台新增数量", "全市R&D投入占比")]
    assert len(d3) == 8
    inner = [wrap([tr], tag="row", sid=300 + k + 1) for k, tr in enumerate(d3)]
    wrap(inner, tag="rows", alias="职责3", sid=300)
    # a cell-level control around a 年度指标值 cell, content controls inside some cells
    wrap([tc_at(data[10], 5)], tag="target", sid=401)
    for k, tr in enumerate(data):
        if k % 5 == 2:
            wrap_cell_content(tc_at(tr, 7), tag="standard", sid=500 + k)
    # split runs in the 指标解释 of every 4th row
    for k, tr in enumerate(data):
        p = tc_at(tr, 4).find(w("p"))
        if k % 4 == 3 and p is not None and len(runs(p)) == 1 and len(ptext(p)) > 6:
            r1, r2 = split_para_text(p, [5])
            proof_err_around(r2)
    noise_ids(body)
    return root


def transform(src_docx_bytes, variant):
    """(document.xml text, rels bytes) of the variant."""
    import io
    z = zipfile.ZipFile(io.BytesIO(src_docx_bytes))
    root = etree.fromstring(z.read("word/document.xml"))
    rels = z.read("word/_rels/document.xml.rels")
    if variant == "quanzhou-science-2019":
        quanzhou_science(root)
        xml = rebind_prefix(serialize(root), "ns0")
    elif variant == "linyi-science-budget-2020":
        linyi(root)
        xml = rebind_default(serialize(root))
    else:
        raise ValueError(variant)
    # the result must still be well-formed and mean the same namespaces
    etree.fromstring(xml.encode("utf-8"))
    return xml.encode("utf-8"), add_hyperlink_rel(rels)
