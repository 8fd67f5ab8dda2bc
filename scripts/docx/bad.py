"""Bad DOCX inputs for fixtures/bad/ (each must make the CLI exit 1 with a message naming the
problem). Deterministic; the zip bomb is written streaming, never held in memory."""

import io
import os
import zipfile

import docxlib as L

CT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      b'<Default Extension="xml" ContentType="application/xml"/>'
      b'<Override PartName="/word/document.xml" '
      b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      b'</Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="word/document.xml"/></Relationships>')
DOC_START = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             b'<w:body>')
DOC_END = b'<w:sectPr/></w:body></w:document>'
PARA = b'<w:p><w:r><w:t>\xe6\xb3\x89\xe5\xb7\x9e\xe5\xb8\x82\xe7\xa7\x91\xe5\xad\xa6\xe6\x8a\x80\xe6\x9c\xaf\xe5\xb1\x80\xe6\x96\x87\xe4\xbb\xb6</w:t></w:r></w:p>'


def zinfo(name):
    zi = zipfile.ZipInfo(name, L.ZIP_DATE)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    zi.create_system = 3
    zi._compresslevel = 9  # ZipFile.open(zinfo, "w") compresses at this level
    return zi


def write_zip(path, members):
    """members: [(name, bytes or iterator of bytes chunks)]"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members:
            if isinstance(data, bytes):
                z.writestr(zinfo(name), data, compresslevel=9)
            else:
                zi = zinfo(name)
                with z.open(zi, "w") as f:
                    for chunk in data:
                        f.write(chunk)


def not_a_zip(path):
    with open(path, "wb") as f:
        f.write("这不是一个 Word 文档，只是改了扩展名的纯文本。\nThis is plain text saved under a .docx name.\n"
                .encode("utf-8"))


def truncated(path, good_docx):
    with open(good_docx, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:len(data) // 2])


def no_document(path):
    write_zip(path, [
        ("[Content_Types].xml", CT),
        ("_rels/.rels", RELS),
        ("word/styles.xml", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                            b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
        ("customXml/item1.xml", b'<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="urn:x"/>'),
    ])


def malformed_xml(path, good_docx):
    with zipfile.ZipFile(good_docx) as z:
        members = [(n, z.read(n)) for n in z.namelist()]
    out = []
    for name, data in members:
        if name == "word/document.xml":
            s = data.decode("utf-8")
            mid = len(s) // 2
            k = s.index("</w:t>", mid)
            # a mismatched end tag and, a little further on, a start tag that is never closed
            s = s[:k] + "</w:r>" + s[k + len("</w:t>"):]
            j = s.index("<w:p>", k)
            s = s[:j] + "<w:p><w:r><w:t>未闭合" + s[j:]
            data = s.encode("utf-8")
        out.append((name, data))
    write_zip(path, out)


def zip_bomb(path, size=1 << 30):
    chunk = b"<w:p/>" * (1 << 17)  # 768 KiB

    def body():
        yield DOC_START
        yield PARA
        n = 0
        while n < size:
            yield chunk
            n += len(chunk)
        yield DOC_END

    write_zip(path, [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", body())])


def deep_tables(path, depth=10000):
    def body():
        yield DOC_START
        open_ = b'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>'
        close = b'<w:p/></w:tc></w:tr></w:tbl>'
        for _ in range(depth):
            yield open_
        yield PARA
        for _ in range(depth):
            yield close
        yield DOC_END

    write_zip(path, [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", body())])


def deep_sdt(path, depth=200000):
    """200,000 nested <w:sdt><w:sdtContent>. Ignorable white space (a fixed LCG picks it) between
    the start tags keeps the deflate ratio near 33:1, so that a reader's ZIP-bomb ratio guard
    (100:1 past 4 MiB in zhibiao) does not fire first: the case is about the nesting depth."""
    ws = [b"", b" ", b"\n", b"\t", b"  ", b"\r\n", b" \t", b"\n "]

    def body():
        yield DOC_START
        x = 12345
        for _ in range(depth):
            x = (x * 1103515245 + 12345) & 0x7fffffff
            a = ws[(x >> 16) & 7]
            x = (x * 1103515245 + 12345) & 0x7fffffff
            yield b"<w:sdt>" + a + b"<w:sdtContent>" + ws[(x >> 16) & 7]
        yield PARA
        yield b'</w:sdtContent></w:sdt>' * depth
        yield DOC_END

    write_zip(path, [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", body())])


def build_all(root, good_docx):
    bad = os.path.join(root, "fixtures/bad")
    not_a_zip(os.path.join(bad, "not-a-zip.docx"))
    truncated(os.path.join(bad, "truncated.docx"), good_docx)
    no_document(os.path.join(bad, "no-document.docx"))
    malformed_xml(os.path.join(bad, "malformed-xml.docx"), good_docx)
    zip_bomb(os.path.join(bad, "zip-bomb.docx"))
    deep_tables(os.path.join(bad, "deep-nesting.docx"))
    deep_sdt(os.path.join(bad, "deep-elements.docx"))
