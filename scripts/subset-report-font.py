#!/usr/bin/env python3
"""Subsets WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0 or GPL-3+ with font exception) for the assessment PDFs
(decision 0240): GB2312 (levels 1 and 2 and its symbol rows), printable ASCII and Latin-1, the punctuation and maths
signs the reports print, and every character of the message bundles, the demo city's sources and the migrations.

    python3 -m pip install fonttools
    python3 scripts/subset-report-font.py [/usr/share/fonts/truetype/wqy/wqy-microhei.ttc]

writes src/main/resources/fonts/wqy-microhei-report.ttf. Text outside the subset prints as U+25A1 (□) in a PDF.
"""
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
TARGET = ROOT / "src/main/resources/fonts/wqy-microhei-report.ttf"


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.update(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_text():
    chars = set()
    patterns = ["src/main/resources/**/*.properties", "src/main/resources/db/migration/*.sql",
                "src/main/resources/templates/**/*.html", "src/main/java/org/medunion/demo/**/*.java"]
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            chars.update(path.read_text(encoding="utf-8", errors="ignore"))
    return {c for c in chars if ord(c) >= 0x80}


def main():
    wanted = gb2312() | {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    wanted |= set("≥≤≠<>÷×±·•…—–‘’“”、。，：；！？（）【】《》〈〉「」『』％＋－＝／□√✓✗→←↑↓①②③④⑤⑥⑦⑧⑨⑩℃")
    wanted |= project_text()
    font = TTCollection(SOURCE).fonts[0]  # WenQuanYi Micro Hei (the proportional face)
    cmap = font.getBestCmap()
    unicodes = sorted(ord(c) for c in wanted if ord(c) in cmap)
    options = subset.Options()
    options.hinting = False  # printed, not rasterised on screen at small sizes
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(TARGET))
    missing = len(wanted) - len(unicodes)
    print(f"{TARGET.relative_to(ROOT)}: {len(unicodes)} characters ({missing} wanted but not in the font), "
          f"{TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
