#!/usr/bin/env python3
"""Render one fixture as a Word-like DOCX (python-docx).

    python3 scripts/docx/render.py SEED.txt GOLD.json OUT.docx [--basis paragraphs|join]
                                   [--generated] [--layout JSON|@FILE]

Prose paragraphs come from the seed (the lines before its first TAB row, then after its last
one); the indicator tables come from the gold. See scripts/docx/README.md for the layout.
--generated: the seed is a generated notice (`synth write`): its TAB tables outside the
indicator table (指标设置情况表, 联络员 list) are rendered as tables in place, a second gold
table gets its title. --layout: page, fonts and table formatting changed by
docxlib.apply_layout (keys listed there; scripts/pdf/synth_pdf.py writes NAME.layout.json).
"""
import argparse
import json
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
    ap.add_argument("--generated", action="store_true", help="the seed is a generated notice (synth write)")
    ap.add_argument("--layout", help="layout variation as JSON, or @FILE (see docxlib.apply_layout)")
    a = ap.parse_args()
    doc = docxlib.render_fixture(a.seed, a.gold, a.basis, generated=a.generated)
    if a.layout:
        if a.layout.startswith("@"):
            with open(a.layout[1:], encoding="utf-8") as f:
                layout = json.load(f)
        else:
            layout = json.loads(a.layout)
        docxlib.apply_layout(doc, layout)
    docxlib.save_docx(doc, a.out)


if __name__ == "__main__":
    main()
