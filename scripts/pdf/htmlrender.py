"""The docxmodel layout as HTML for WeasyPrint: same paragraphs, same tables (gridSpan ->
colspan, vMerge -> rowspan, the w:tblHeader rows at the top of a table -> thead, repeated on
every page), A4 landscape with 20 mm margins like the DOCX."""

import html

import docxmodel as M

FIXED_DATE = "2021-01-01T08:00:00Z"


def css(cjk_font, latin_font, rules, table_size_pt=None):
    border = "0.5pt solid #000" if rules else "none"
    tsize = "" if table_size_pt is None else "font-size: %gpt;" % table_size_pt
    return """
@page { size: 297mm 210mm; margin: 20mm; }
html { font-family: "%(latin)s", "%(cjk)s"; font-size: 12pt; color: #000; }
body { margin: 0; }
p { margin: 0; line-height: 1.3; white-space: pre-wrap; }
p.empty { height: 1.3em; }
table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }
td { border: %(border)s; padding: 0 5.4pt; vertical-align: middle; line-height: 1.25;
     background: none; %(tsize)s }
td p { white-space: normal; line-height: 1.25; overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: auto; }
""" % {"latin": latin_font, "cjk": cjk_font, "border": border, "tsize": tsize}


def _style(size=None, bold=False, color=None, align=None):
    s = []
    if size is not None:
        s.append("font-size: %gpt" % size)
    if bold:
        s.append("font-weight: bold")
    if color:
        s.append("color: #%s" % color)
    if align:
        s.append("text-align: %s" % {"both": "justify", "left": "left", "right": "right",
                                      "center": "center"}.get(align, align))
    return ' style="%s"' % "; ".join(s) if s else ""


def _lines(lines):
    return "<br>".join(html.escape(l) for l in lines)


def para_html(p):
    if p.empty:
        return '<p class="empty"%s></p>' % _style(p.size)
    tag = "h%d" % p.heading if p.heading else "p"
    st = _style(p.size, p.bold or bool(p.heading), p.color, p.align or ("center" if p.heading else None))
    if p.heading:
        return '<p class="h%d"%s>%s</p>' % (p.heading, st, _lines(p.lines))
    del tag
    return "<p%s>%s</p>" % (st, _lines(p.lines))


def cell_html(c, table_size_pt=None):
    attrs = ""
    if c.colspan > 1:
        attrs += ' colspan="%d"' % c.colspan
    if c.rowspan > 1:
        attrs += ' rowspan="%d"' % c.rowspan
    size = table_size_pt if table_size_pt is not None else c.size
    attrs += _style(size, c.bold, None, c.align)
    inner = "".join("<p>%s</p>" % _lines(lines) for lines in c.paras)
    return "<td%s>%s</td>" % (attrs, inner)


def table_html(t, table_size_pt=None, thead=True):
    twips = sum(t.widths)
    out = ['<table style="width: %gpt">' % (twips / 20)]
    out.append("<colgroup>%s</colgroup>" % "".join(
        '<col style="width: %gpt">' % (w / 20) for w in t.widths))
    nh = M.header_row_count(t) if thead else 0
    for i, row in enumerate(t.rows):
        if i == 0 and nh:
            out.append("<thead>")
        if i == nh:
            if nh:
                out.append("</thead>")
            out.append("<tbody>")
        out.append("<tr>%s</tr>" % "".join(cell_html(c, table_size_pt) for c in row.cells))
    out.append("</tbody></table>")
    return "\n".join(out)


def document_html(blocks, cjk_font="AR PL UMing CN", latin_font="Liberation Serif", rules=True,
                  table_size_pt=None, lang="zh-CN"):
    body = []
    for b in blocks:
        if isinstance(b, M.Para):
            body.append(para_html(b))
        else:
            body.append(table_html(b, table_size_pt))
    return """<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8">
<meta name="dcterms.created" content="%s">
<meta name="dcterms.modified" content="%s">
<meta name="author" content="zhibiao fixtures">
<style>%s</style></head>
<body>
%s
</body></html>
""" % (lang, FIXED_DATE, FIXED_DATE, css(cjk_font, latin_font, rules, table_size_pt), "\n".join(body))
