#!/usr/bin/env python3
"""Regenerate every DOCX fixture (deterministic: fixed dates, fixed zip timestamps).

    python3 scripts/docx/make_fixtures.py [--no-libreoffice] [--no-bad]

Writes fixtures/docx/NAME.docx (python-docx), fixtures/docx/libreoffice/NAME.docx (round trip
through soffice --headless --convert-to docx), fixtures/docx/wps/NAME.docx (XML post-processed
to look like other writers), fixtures/docx/edge/*.docx with *.expected.json, and the bad DOCX
inputs in fixtures/bad/. Then run scripts/docx/check.py.
"""
import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import bad  # noqa: E402
import docxlib as L  # noqa: E402
import edge  # noqa: E402
import wps  # noqa: E402

MAIN = ["quanzhou-science-2019", "quanzhou-sasac-2020", "linyi-science-budget-2020", "anxi-science-2021"]
WPS = ["quanzhou-science-2019", "linyi-science-budget-2020"]


def main_fixtures(out):
    os.makedirs(out, exist_ok=True)
    for name in MAIN:
        doc = L.render_fixture(os.path.join(ROOT, "fixtures/seeds/%s.txt" % name),
                               os.path.join(ROOT, "fixtures/gold/%s.json" % name))
        L.save_docx(doc, os.path.join(out, name + ".docx"))
        print("wrote", os.path.relpath(os.path.join(out, name + ".docx"), ROOT))


def libreoffice(src_dir, out):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        outdir = os.path.join(tmp, "out")
        cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", outdir]
        cmd += [os.path.join(src_dir, n + ".docx") for n in MAIN]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for name in MAIN:
            with open(os.path.join(outdir, name + ".docx"), "rb") as f:
                data = f.read()
            # LibreOffice keeps the core dates; its app.xml names the build: keep it
            L.write_normalized(data, os.path.join(out, name + ".docx"))
            print("wrote", os.path.relpath(os.path.join(out, name + ".docx"), ROOT))


def wps_fixtures(src_dir, out):
    os.makedirs(out, exist_ok=True)
    for name in WPS:
        with open(os.path.join(src_dir, name + ".docx"), "rb") as f:
            data = f.read()
        xml, rels = wps.transform(data, name)
        L.write_normalized(data, os.path.join(out, name + ".docx"),
                           {"word/document.xml": xml, "word/_rels/document.xml.rels": rels})
        print("wrote", os.path.relpath(os.path.join(out, name + ".docx"), ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-libreoffice", action="store_true")
    ap.add_argument("--no-bad", action="store_true")
    a = ap.parse_args()
    os.chdir(ROOT)
    base = os.path.join(ROOT, "fixtures/docx")
    main_fixtures(base)
    if not a.no_libreoffice:
        libreoffice(base, os.path.join(base, "libreoffice"))
    wps_fixtures(base, os.path.join(base, "wps"))
    edge.build_all(ROOT, os.path.join(base, "edge"))
    print("wrote fixtures/docx/edge/")
    if not a.no_bad:
        bad.build_all(ROOT, os.path.join(base, "quanzhou-science-2019.docx"))
        print("wrote fixtures/bad/*.docx")


if __name__ == "__main__":
    main()
