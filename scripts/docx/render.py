#!/usr/bin/env python3
"""Render one fixture as a Word-like DOCX (python-docx).

    python3 scripts/docx/render.py SEED.txt GOLD.json OUT.docx [--basis paragraphs|join]

Prose paragraphs come from the seed (the lines before its first TAB row, then after its last
one); the indicator tables come from the gold. See scripts/docx/README.md for the layout.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docxlib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seed")
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--basis", choices=["paragraphs", "join"], default=None,
                    help="文件依据 as one paragraph per document, or joined with ； "
                         "(default: join for quanzhou-sasac, paragraphs otherwise)")
    a = ap.parse_args()
    doc = docxlib.render_fixture(a.seed, a.gold, a.basis)
    docxlib.save_docx(doc, a.out)


if __name__ == "__main__":
    main()
