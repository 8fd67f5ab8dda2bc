#!/usr/bin/env python3
"""Builds a benchmark corpus of N text inputs (default 10,000) from the seeds in
fixtures/seeds/: copies with light variations, laid out like an archive
(`AGENCY/YEAR/NNNNN-seed.txt`). Deterministic: the same N gives the same bytes.

Variations, so no two inputs share a hash and the readers' paths all run:
  - the document number in the letterhead (`〔2019〕170号` → `〔2019〕{n}号`);
  - every 4th input with CRLF line ends, every 7th with a UTF-8 BOM, every 9th in GB18030
    (the archives' other encoding), every 5th with wrap spaces added to its title line;
  - trailing blank lines, 0-2.

    python3 scripts/batch/make_corpus.py OUT_DIR [N]
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AGENCIES = ["quanzhou-science", "quanzhou-sasac", "linyi-science", "anxi-science", "xiamen-finance", "fuzhou-edu"]


def variant(text: str, n: int) -> bytes:
    text = re.sub(r"〔(\d{4})〕(\d+)号", lambda m: f"〔{m.group(1)}〕{100 + n % 900}号", text, count=1)
    if n % 5 == 0:
        text = text.replace("关于印发", "关于 印发", 1)
    text = text.rstrip("\n") + "\n" * (1 + n % 3)
    if n % 4 == 0:
        text = text.replace("\n", "\r\n")
    if n % 9 == 0:
        try:
            return text.encode("gb18030")
        except UnicodeEncodeError:
            pass
    data = text.encode("utf-8")
    if n % 7 == 0:
        data = b"\xef\xbb\xbf" + data
    return data


def main(out: str, count: int) -> None:
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    out_dir = Path(out)
    for n in range(count):
        stem, text = texts[n % len(texts)]
        agency = AGENCIES[n % len(AGENCIES)]
        year = 2016 + (n // len(AGENCIES)) % 6
        d = out_dir / agency / str(year)
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{n:05d}-{stem}.txt").write_bytes(variant(text, n))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 10_000)
