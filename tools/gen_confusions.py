#!/usr/bin/env python3
"""Generate crates/core/src/search/confusions.txt: character pairs people confuse by shape.

Source: ../shared/data/ecspell-odw/odw.train.tsv (ECSpell, Lv et al., MIT): official-document
sentences with typos and their corrections. Each same-length pair gives character substitutions;
homophones are dropped (pinyin matching already finds those), plus a few classic shape-alike
pairs. One pair per line: typo character then the intended character.
Run: pip install pypinyin && python3 tools/gen_confusions.py
"""
import os
from pypinyin import lazy_pinyin

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(REPO, "..", "shared", "data", "ecspell-odw", "odw.train.tsv")
OUT = os.path.join(REPO, "crates", "core", "src", "search", "confusions.txt")
CLASSIC = ["己已", "已己", "未末", "末未", "拨拔", "拔拨", "侯候", "候侯", "帐账", "账帐", "象像", "即既",
           "既即", "辩辨", "辨辩", "赢嬴", "戌戍", "汨汩", "恃持", "持恃", "待侍", "侍待", "析折", "折析",
           "贷货", "货贷", "准淮", "淮准", "免兔", "兔免", "补朴", "保堡", "险验", "验险", "贴帖", "帖贴"]


def han(c):
    return "\u4e00" <= c <= "\u9fff"


def main():
    pairs = set(CLASSIC)
    with open(SRC, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0] == "0" or len(parts[1]) != len(parts[2]):
                continue
            for a, b in zip(parts[1], parts[2]):
                if a != b and han(a) and han(b) and lazy_pinyin(a) != lazy_pinyin(b):
                    pairs.add(a + b)
    with open(OUT, "w", encoding="utf-8") as f:
        for p in sorted(pairs):
            f.write(p + "\n")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
