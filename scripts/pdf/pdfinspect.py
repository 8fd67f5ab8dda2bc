"""Generator-side inspection of PDFs (pikepdf + fontTools): strip /ToUnicode, check that the
embedded font programs of Type0 Identity-H fonts map every glyph used back to Unicode through
their own cmap, and summarise how a page's content stream draws text and rules."""

import collections
import io
import re

import pikepdf


def strip_tounicode(src, dst):
    """Copy src without any /ToUnicode (the CMap streams are dropped with them). Returns the
    number of fonts changed."""
    pdf = pikepdf.open(src)
    n = 0
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and "/ToUnicode" in obj:
            del obj["/ToUnicode"]
            n += 1
    pdf.save(dst, deterministic_id=True)
    return n


def parse_tounicode(data):
    """{code int: unicode str} of a ToUnicode CMap (bfchar, bfrange with a start or an array)."""
    text = data.decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            out[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block):
            lo, hi = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for k, u in enumerate(re.findall(r"<([0-9a-fA-F]*)>", rest)):
                    out[lo + k] = bytes.fromhex(u).decode("utf-16-be", "replace")
            else:
                base = bytes.fromhex(rest[1:-1])
                for k in range(hi - lo + 1):
                    b = bytearray(base)
                    b[-1] += k
                    out[lo + k] = bytes(b).decode("utf-16-be", "replace")
    return out


def _walk_text(pdf):
    """Yield (font dict, string bytes) for every string shown, pages and form XObjects."""
    seen = set()

    def visit(container, resources):
        fonts = resources.get("/Font", {}) if resources is not None else {}
        cur = None
        for operands, op in pikepdf.parse_content_stream(container):
            o = str(op)
            if o == "Tf":
                cur = fonts.get(str(operands[0]))
            elif o in ("Tj", "'") and cur is not None:
                yield cur, bytes(operands[0])
            elif o == '"' and cur is not None:
                yield cur, bytes(operands[2])
            elif o == "TJ" and cur is not None:
                for it in operands[0]:
                    if isinstance(it, pikepdf.String):
                        yield cur, bytes(it)
            elif o == "Do" and resources is not None:
                xo = resources.get("/XObject", {}).get(str(operands[0]))
                if xo is not None and xo.get("/Subtype") == "/Form" and xo.objgen not in seen:
                    seen.add(xo.objgen)
                    yield from visit(xo, xo.get("/Resources", resources))

    for page in pdf.pages:
        yield from visit(page, page.get("/Resources"))


def type0_glyphs(pdf):
    """{font objgen: (font dict, set of 2-byte codes used)} for Identity-H Type0 fonts."""
    out = {}
    for font, s in _walk_text(pdf):
        if font.get("/Subtype") != "/Type0":
            continue
        if str(font.get("/Encoding")) != "/Identity-H":
            continue
        ent = out.setdefault(font.objgen, (font, set()))
        for i in range(0, len(s) - 1, 2):
            ent[1].add(int.from_bytes(s[i:i + 2], "big"))
    return out


def font_program_cmap(font):
    """(kind, fontTools TTFont or None, {gid: unicode} from the program's best cmap, post names)."""
    from fontTools.ttLib import TTFont

    desc = font.DescendantFonts[0]
    fd = desc.FontDescriptor
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        if key in fd:
            data = fd[key].read_bytes()
            kind = key[1:] + (("/" + str(fd[key].get("/Subtype"))[1:]) if "/Subtype" in fd[key] else "")
            try:
                tt = TTFont(io.BytesIO(data))
            except Exception:
                return kind, None, {}, {}
            rev = {}
            tables = []
            if "cmap" in tt:
                for t in tt["cmap"].tables:
                    tables.append((t.platformID, t.platEncID, t.format))
                    if t.platformID == 3 and t.platEncID in (1, 10):
                        for u, g in t.cmap.items():
                            rev.setdefault(tt.getGlyphID(g), chr(u))
            post = {}
            if "post" in tt and tt["post"].formatType == 2.0:
                order = tt.getGlyphOrder()
                post = {i: n for i, n in enumerate(order)}
            return kind, tt, rev, {"cmap_tables": tables, "post": post}
    return None, None, {}, {}


def check_identity_fonts(path, reference=None):
    """For each Identity-H Type0 font: the glyphs used, how many the program's (3,1)/(3,10) cmap
    maps back to Unicode, and (with reference = the same PDF with ToUnicode) whether that
    agrees with the ToUnicode map. Returns a list of dicts."""
    pdf = pikepdf.open(path)
    ref_maps = {}
    if reference:
        rp = pikepdf.open(reference)
        for font, codes in type0_glyphs(rp).values():
            if "/ToUnicode" in font:
                ref_maps[str(font.BaseFont)] = parse_tounicode(font.ToUnicode.read_bytes())
    out = []
    for font, codes in type0_glyphs(pdf).values():
        desc = font.DescendantFonts[0]
        c2g = desc.get("/CIDToGIDMap")
        kind, tt, rev, extra = font_program_cmap(font)
        gids = codes  # CIDToGIDMap /Identity (checked below); for CIDFontType0 CID = GID in these subsets
        mapped = {g for g in gids if g in rev}
        agree = None
        ref = ref_maps.get(str(font.BaseFont))
        if ref is not None:
            agree = sum(1 for g in gids if g in rev and ref.get(g) == rev[g])
        out.append({
            "font": str(font.BaseFont)[1:],
            "subtype": str(desc.Subtype)[1:],
            "cid_to_gid": str(c2g)[1:] if c2g is not None and not isinstance(c2g, pikepdf.Stream) else
            ("stream" if c2g is not None else "absent"),
            "program": kind,
            "num_glyphs": tt["maxp"].numGlyphs if tt is not None else None,
            "cmap_tables": extra.get("cmap_tables"),
            "tounicode": "/ToUnicode" in font,
            "used": len(gids),
            "mapped": len(mapped),
            "agree_with_tounicode": agree,
            "unmapped": sorted(gids - mapped)[:10],
        })
    return out


def fonts_summary(path):
    """pdffonts-like rows from pikepdf: (name, type, encoding, embedded, tounicode)."""
    pdf = pikepdf.open(path)
    rows = []
    for obj in pdf.objects:
        if not (isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"):
            continue
        st = str(obj.get("/Subtype"))
        if st in ("/CIDFontType0", "/CIDFontType2"):
            continue
        enc = obj.get("/Encoding")
        enc = str(enc)[1:] if isinstance(enc, pikepdf.Name) else ("dict" if enc is not None else "-")
        rows.append((str(obj.get("/BaseFont"))[1:], st[1:], enc, "/ToUnicode" in obj))
    return rows


def content_stats(path, page_no):
    """How page page_no (1-based) draws: operator counts, line widths, rectangles filled or
    stroked, text operators, text render modes, whether the CTM flips y."""
    pdf = pikepdf.open(path)
    page = pdf.pages[page_no - 1]
    ops = pikepdf.parse_content_stream(page)
    count = collections.Counter()
    widths = collections.Counter()
    tr = collections.Counter()
    flips = 0
    pending_re = 0
    re_fill = re_stroke = 0
    for operands, op in ops:
        o = str(op)
        count[o] += 1
        if o == "w":
            widths[round(float(operands[0]), 4)] += 1
        elif o == "Tr":
            tr[int(operands[0])] += 1
        elif o == "cm" and float(operands[3]) < 0:
            flips += 1
        elif o == "re":
            pending_re += 1
        elif o in ("f", "F", "f*", "B", "B*", "b", "b*"):
            re_fill += pending_re
            pending_re = 0
        elif o in ("S", "s"):
            re_stroke += pending_re
            pending_re = 0
        elif o == "n":
            pending_re = 0
    return {
        "ops": dict(count.most_common()),
        "line_widths": dict(widths),
        "text_render_modes": dict(tr),
        "y_flip_cm": flips,
        "re_filled": re_fill,
        "re_stroked": re_stroke,
    }
