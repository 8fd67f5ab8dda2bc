"""Malformed and special PDFs for fixtures/pdf/bad/ (see scripts/pdf/README.md for the list).

Hand-written files are assembled by `assemble`, which writes a correct classic xref table (so
each file has exactly the one defect it is meant to have). Everything is deterministic.
"""

import hashlib
import io
import os
import random
import re
import subprocess
import tempfile
import zlib

FIXED_ID = hashlib.md5(b"zhibiao fixtures").hexdigest().upper()
INFO = b"<< /Producer (zhibiao fixtures) /CreationDate (D:20210101080000Z) >>"


def assemble(objects, root=1, info=True, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", trailer_extra=b""):
    """objects: {num: body bytes (the part between `N 0 obj` and `endobj`)} -> PDF bytes."""
    out = io.BytesIO()
    out.write(header)
    offsets = {}
    objs = dict(objects)
    if info:
        info_num = max(objs) + 1
        objs[info_num] = INFO
    for num in sorted(objs):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num)
        out.write(objs[num])
        out.write(b"\nendobj\n")
    xref = out.tell()
    size = max(objs) + 1
    out.write(b"xref\n0 %d\n" % size)
    out.write(b"0000000000 65535 f \n")
    for num in range(1, size):
        if num in offsets:
            out.write(b"%010d 00000 n \n" % offsets[num])
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R" % (size, root))
    if info:
        out.write(b" /Info %d 0 R" % info_num)
    out.write(b" /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        FIXED_ID.encode(), FIXED_ID.encode(), trailer_extra, xref))
    return out.getvalue()


def stream(data, extra=b"", compress=True):
    if compress:
        data = zlib.compress(data, 9)
        extra = b" /Filter /FlateDecode" + extra
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


HELV = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
A4 = b"[0 0 595.28 841.89]"


def one_page(content, resources=b"<< /Font << /F1 4 0 R >> >>", extra_objs=None, content_obj=None):
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents 5 0 R >>" % (A4, resources),
        4: HELV,
        5: content_obj if content_obj is not None else stream(content),
    }
    objs.update(extra_objs or {})
    return objs


def text_ops(s, y=780):
    return b"BT /F1 12 Tf 56 %d Td (%s) Tj ET\n" % (y, s.encode("ascii"))


# ---------------------------------------------------------------- the files

def reference_loop():
    """The /Pages node lists itself in /Kids (next to its one real page)."""
    objs = one_page(text_ops("reference loop: the page tree node 2 0 R lists itself in /Kids"))
    objs[2] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>"
    return assemble(objs)


def xobject_loop():
    """The page draws /Fm0, whose content draws /Fm0 again (self-recursion), and /Fm1, which
    draws /Fm2, which draws /Fm1."""
    content = text_ops("xobject loop: Fm0 draws Fm0; Fm1 draws Fm2 draws Fm1") + b"/Fm0 Do\n/Fm1 Do\n"
    form = lambda body, name, num: stream(  # noqa: E731
        body, b" /Type /XObject /Subtype /Form /BBox [0 0 595.28 841.89]"
              b" /Resources << /XObject << /%s %d 0 R >> >>" % (name, num))
    objs = one_page(content, b"<< /Font << /F1 4 0 R >> /XObject << /Fm0 6 0 R /Fm1 7 0 R >> >>", {
        6: form(b"0 0 m 10 10 l S\n/Fm0 Do\n", b"Fm0", 6),
        7: form(b"0 10 m 10 0 l S\n/Fm2 Do\n", b"Fm2", 8),
        8: form(b"5 0 m 5 10 l S\n/Fm1 Do\n", b"Fm1", 7),
    })
    return assemble(objs)


def length_loop():
    """The content stream's /Length is 6 0 R, and object 6 is `6 0 R` (a reference to itself)."""
    data = zlib.compress(text_ops("length loop: /Length 6 0 R, and object 6 is 6 0 R"), 9)
    objs = one_page(None, content_obj=b"<< /Length 6 0 R /Filter /FlateDecode >>\nstream\n%s\nendstream" % data,
                    extra_objs={6: b"6 0 R"})
    return assemble(objs)


def no_pages():
    return assemble({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [] /Count 0 >>",
    })


def _compressed_file(chunks, path):
    """Deflate an iterator of byte chunks into path (never the whole input in memory);
    returns (compressed length, inflated length)."""
    c = zlib.compressobj(9)
    n = 0
    with open(path, "wb") as f:
        for ch in chunks:
            n += len(ch)
            f.write(c.compress(ch))
        f.write(c.flush())
    return os.path.getsize(path), n


def big_stream_pdf(out_path, head, chunk, count, tail, tmpdir):
    """One page whose FlateDecode content stream is head + chunk*count + tail, compressed
    chunk by chunk (chunk repeated up to ~1 MiB at a time)."""
    zpath = os.path.join(tmpdir, "content.z")
    per = max(1, (1 << 20) // len(chunk))
    block = chunk * per

    def gen():
        yield head
        left = count
        while left >= per:
            yield block
            left -= per
        if left:
            yield chunk * left
        yield tail

    zlen, inflated = _compressed_file(gen(), zpath)
    objs = one_page(None, content_obj=b"@@STREAM@@")
    pdf = assemble(objs)
    pre, post = pdf.split(b"@@STREAM@@")
    stream_head = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % zlen
    stream_tail = b"\nendstream"
    delta = len(stream_head) + zlen + len(stream_tail) - len(b"@@STREAM@@")
    # shift the xref offsets of the objects after the stream, and startxref
    body, xref_part = post.split(b"xref\n", 1)
    xref_pos_old = len(pre) + len(b"@@STREAM@@") + len(body)
    stream_pos = len(pre)

    def fix(m):
        off = int(m.group(1))
        return b"%010d" % (off + delta if off > stream_pos else off)

    lines = xref_part.split(b"\n")
    fixed = []
    for ln in lines:
        if re.match(rb"^\d{10} \d{5} n $", ln):
            ln = re.sub(rb"^(\d{10})", fix, ln)
        fixed.append(ln)
    xref_part = b"\n".join(fixed)
    xref_part = xref_part.replace(b"startxref\n%d\n" % xref_pos_old, b"startxref\n%d\n" % (xref_pos_old + delta))
    with open(out_path, "wb") as f:
        f.write(pre)
        f.write(stream_head)
        with open(zpath, "rb") as z:
            while True:
                b = z.read(1 << 20)
                if not b:
                    break
                f.write(b)
        f.write(stream_tail)
        f.write(body)
        f.write(b"xref\n")
        f.write(xref_part)
    os.unlink(zpath)
    return zlen, inflated


def content_bomb(out_path, tmpdir):
    """~1 GiB of spaces after one line of text, deflated to ~1 MB."""
    return big_stream_pdf(out_path, text_ops("content bomb: 1 GiB of spaces follow"), b" " * 1024,
                          1 << 20, b"\n", tmpdir)


ENDLESS_OP = b"0 0 m 100 100 l S\n"
ENDLESS_COUNT = 17_000_000  # 3 operators each: 51 million operators, 306 MB inflated


def endless_content(out_path, tmpdir):
    return big_stream_pdf(out_path, text_ops("endless content: 51 million path operators follow"),
                          ENDLESS_OP, ENDLESS_COUNT, b"", tmpdir)


def deep_q():
    """1,000,000 nested q, never closed (the text comes first)."""
    return assemble(one_page(text_ops("deep q: 1,000,000 nested q without Q follow") + b"q\n" * 1_000_000))


def deep_arrays():
    """A TJ operand of 100,000 nested arrays."""
    n = 100_000
    body = text_ops("deep arrays: a TJ operand of 100,000 nested arrays follows")
    body += b"BT /F1 12 Tf 56 760 Td " + b"[" * n + b"(x)" + b"]" * n + b" TJ ET\n"
    return assemble(one_page(body))


def garbage():
    rnd = random.Random(20210101)
    return b"%PDF-1.7\n" + bytes(rnd.getrandbits(8) for _ in range(20 * 1024))


NOT_A_PDF = ("这不是 PDF 文件：一段 UTF-8 纯文本，只是文件名以 .pdf 结尾。\n"
             "This is not a PDF: plain UTF-8 text under a .pdf name.\n").encode("utf-8")


def broken_xref(src_pdf):
    """src (a classic-xref PDF from LibreOffice) with every in-use xref offset off by 13 bytes
    and startxref pointing into the middle of a binary stream."""
    data = bytearray(src_pdf)
    m = list(re.finditer(rb"\nxref\n0 (\d+)\n", bytes(data)))
    if len(m) != 1:
        raise ValueError("expected one classic xref table")
    start = m[0].end()
    n = int(m[0].group(1))
    for i in range(n):
        pos = start + 20 * i
        entry = bytes(data[pos:pos + 20])
        if not re.match(rb"^\d{10} \d{5} [nf][ \r][\n\r]$", entry):
            raise ValueError("unexpected xref entry %r" % entry)
        if entry[17:18] == b"n":
            data[pos:pos + 10] = b"%010d" % (int(entry[:10]) + 13)
    # a position inside the first FlateDecode stream's data
    s = re.search(rb"stream\r?\n", bytes(data))
    garbage_pos = s.end() + 37
    sx = list(re.finditer(rb"startxref\r?\n(\d+)", bytes(data)))[-1]
    data[sx.start(1):sx.end(1)] = b"%d" % garbage_pos
    return bytes(data)


def qpdf(*args, check=True):
    return subprocess.run(["qpdf", *args], capture_output=True, text=True, check=check)


def encrypted(src, out, user, owner, bits, aes):
    """qpdf --encrypt; --static-id / --static-aes-iv (qpdf's testing options) make the output
    deterministic."""
    args = ["--static-id", "--static-aes-iv"]
    if bits == 128 and not aes:
        args.append("--allow-weak-crypto")  # qpdf 11 refuses to write RC4 without it
    args += ["--encrypt", user, owner, str(bits)]
    if bits == 128:
        args.append("--use-aes=%s" % ("y" if aes else "n"))
    args += ["--", src, out]
    r = qpdf(*args, check=False)
    if r.returncode not in (0, 3):  # 3: warnings
        raise RuntimeError("qpdf %s: %s" % (" ".join(args), r.stderr))


def image_pages(src_pdf, pages, out_pdf, dpi=100, quality=60):
    """pdftoppm -gray at dpi of the given pages, as grayscale JPEG (quality 60, as scanners
    write them), wrapped as image-only pages by img2pdf (/DCTDecode DeviceGray image, one per
    page, page size = the original page size at dpi)."""
    import img2pdf
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        imgs = []
        for p in pages:
            base = os.path.join(tmp, "p%d" % p)
            subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", str(p), "-l", str(p),
                            "-singlefile", src_pdf, base], check=True)
            with Image.open(base + ".png") as im:
                im.convert("L").save(base + ".jpg", "JPEG", quality=quality, optimize=True)
            imgs.append(base + ".jpg")
        layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
        # the internal engine: pikepdf's writes a random /ID
        data = img2pdf.convert(imgs, layout_fun=layout, nodate=True, engine=img2pdf.Engine.internal,
                               producer="zhibiao fixtures (img2pdf)")
    with open(out_pdf, "wb") as f:
        f.write(data)


def build_all(root, out_dir, lo_dir, tmpdir, log=print):
    """Write every bad file into out_dir; lo_dir holds the LibreOffice fixture PDFs."""
    os.makedirs(out_dir, exist_ok=True)
    q = os.path.join(lo_dir, "quanzhou-science-2019.pdf")
    anxi = os.path.join(lo_dir, "anxi-science-2021.pdf")

    def put(name, data):
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
        log("wrote", os.path.relpath(os.path.join(out_dir, name), root))

    # two table pages of the LibreOffice rendering (the table starts on the page after the
    # notice: the first page that holds a 序号 header)
    table_pages = first_table_pages(q, 2)
    image_pages(q, table_pages, os.path.join(out_dir, "scanned.pdf"))
    log("wrote", "fixtures/pdf/bad/scanned.pdf", "(pages %s of libreoffice/quanzhou-science-2019.pdf)" % table_pages)
    qpdf("--deterministic-id", "--empty", "--pages", q, "1", os.path.join(out_dir, "scanned.pdf"), "2", "--",
         os.path.join(out_dir, "mixed-scan.pdf"))
    log("wrote", "fixtures/pdf/bad/mixed-scan.pdf")
    encrypted(q, os.path.join(out_dir, "encrypted-empty-password.pdf"), "", "owner", 128, True)
    encrypted(q, os.path.join(out_dir, "encrypted-empty-password-rc4.pdf"), "", "owner", 128, False)
    encrypted(q, os.path.join(out_dir, "encrypted-aes256.pdf"), "", "owner", 256, True)
    encrypted(q, os.path.join(out_dir, "encrypted-password.pdf"), "secret", "owner", 128, True)
    log("wrote", "fixtures/pdf/bad/encrypted-*.pdf")
    with open(q, "rb") as f:
        data = f.read()
    put("truncated.pdf", data[: len(data) * 55 // 100])
    with open(anxi, "rb") as f:
        put("broken-xref.pdf", broken_xref(f.read()))
    put("no-xref-garbage.pdf", garbage())
    put("reference-loop.pdf", reference_loop())
    put("xobject-loop.pdf", xobject_loop())
    put("length-loop.pdf", length_loop())
    zlen, n = content_bomb(os.path.join(out_dir, "content-bomb.pdf"), tmpdir)
    log("wrote", "fixtures/pdf/bad/content-bomb.pdf", "(%d bytes inflated, %d deflated)" % (n, zlen))
    zlen, n = endless_content(os.path.join(out_dir, "endless-content.pdf"), tmpdir)
    log("wrote", "fixtures/pdf/bad/endless-content.pdf", "(%d bytes inflated, %d deflated)" % (n, zlen))
    put("deep-q.pdf", deep_q())
    put("deep-arrays.pdf", deep_arrays())
    put("not-a-pdf.pdf", NOT_A_PDF)
    put("empty.pdf", b"")
    put("no-pages.pdf", no_pages())
    return table_pages


def first_table_pages(pdf, n):
    """The first n pages whose text has the 序号 header label."""
    out = []
    k = 1
    while len(out) < n:
        r = subprocess.run(["pdftotext", "-f", str(k), "-l", str(k), "-enc", "UTF-8", pdf, "-"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("no table pages in %s" % pdf)
        if "序号" in r.stdout:
            out.append(k)
        k += 1
    return out
