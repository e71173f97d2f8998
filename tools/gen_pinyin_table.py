#!/usr/bin/env python3
"""Generate crates/core/src/search/pinyin.txt, the compact reading table search uses.

Which characters: the 3,755 GB2312 level-1 characters (the common ones), plus every Han
character in the embedded library and in ../shared/data (so library text is always covered).
Readings come from pypinyin (MIT; its data is mozillazg/pinyin-data, MIT): the most common
toneless reading, plus a second one only for the common polyphones in POLYPHONES (rare readings
would only add noise to pinyin matching). Output: one line per syllable,
`syllable<TAB>characters`, sorted, so the file diffs well and gzips small.

Run: pip install pypinyin && python3 tools/gen_pinyin_table.py
"""
import glob
import os
from collections import defaultdict

from pypinyin import Style, pinyin

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "crates", "core", "src", "search", "pinyin.txt")


def is_han(ch):
    return "\u4e00" <= ch <= "\u9fff"


def gb2312_level1():
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if is_han(ch):
                chars.append(ch)
    return chars


# Common characters whose second reading citizens really type (银行 yinhang, 重庆 chongqing…).
POLYPHONES = set(
    "行重长乐还都得地了着看为处调分种便发教量难数藏弹传少省参差会系只校单解朝降相应强假间将几"
    "当好和中空曾背奇率觉尽结模卡据冲露称供给度蔓薄剥创澄匙畜宿提否扎仔咽血折属塞缝铺曲转载"
)


def main():
    chars = set(gb2312_level1())
    sources = glob.glob(os.path.join(REPO, "public", "library", "*.json"))
    sources += glob.glob(os.path.join(REPO, "..", "shared", "data", "*", "*.t*"))
    for path in sources:
        with open(path, encoding="utf-8") as f:
            chars.update(ch for ch in f.read() if is_han(ch))
    table = defaultdict(set)
    for ch in sorted(chars):
        readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
        seen = []
        for r in readings:
            r = r.replace("ü", "v")
            if r.isascii() and r.isalpha() and r not in seen:
                seen.append(r)
        for r in seen[: 2 if ch in POLYPHONES else 1]:
            table[r].add(ch)
    with open(OUT, "w", encoding="utf-8") as f:
        for syllable in sorted(table):
            f.write(f"{syllable}\t{''.join(sorted(table[syllable]))}\n")
    print(f"{len(chars)} characters, {len(table)} syllables -> {OUT}")


if __name__ == "__main__":
    main()
