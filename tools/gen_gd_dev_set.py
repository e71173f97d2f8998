#!/usr/bin/env python3
"""Generate the Guangdong development set for search ranking (issue #16 item 6).

Input: ../shared/data/gd-zwfw-names/official_vs_short_daily_names.tsv, 532 real Guangdong
government service items (official name, short name, everyday words, department, theme;
github.com/Clarence-Kong/QABasedOnPolicyKnowledgeGraph, MIT).

Output (committed, deterministic: fixed seed, sorted input, no clock):
- crates/cli/tests/search-queries/gd-library/: a mingbai library with one Q&A entry per distinct
  official item name. The question is the official name as a citizen asks it ("…怎么办理？", or
  the name itself); the answer is a short EXAMPLE answer, marked as example data, naming the
  department and theme from the data. No aliases and no synonyms: the everyday names are queries.
- crates/cli/tests/search-queries/gd-dev.tsv and gd-held.tsv: queries of the kinds issue #16
  measures, for two halves of the items (split by a seeded shuffle). Tune on gd-dev only; the
  held-out half is reported, never tuned on.

Categories (all prefixed gd-):
- gd-keywords: two or three words of the official name separated by a space ("频率 续期").
- gd-typo: the keyword query with one character of one word replaced by a different character
  with the same pinyin (from crates/core/src/search/pinyin.txt).
- gd-pinyin: the keyword query in full pinyin, one word per space-separated group.
- gd-initials: the keyword query as pinyin initials, one group per word.
- gd-exact: the question exactly as stored.
- gd-colloquial: the item's everyday name where the data gives one that is not part of the
  official name (about half of the items; the rest are keyword lists).

Expected answers: the item, plus any other item whose official name holds every word of the query
(such queries cannot tell those items apart, so either answer counts).

Run: python3 tools/gen_gd_dev_set.py
"""
import csv
import json
import os
import random
import re

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The shared data folder sits beside the checkout (/work/main → /work/shared); MINGBAI_DATA overrides.
DATA = os.path.join(os.environ.get("MINGBAI_DATA", os.path.join(REPO, "..", "shared", "data")), "gd-zwfw-names",
                    "official_vs_short_daily_names.tsv")
OUT = os.path.join(REPO, "crates", "cli", "tests", "search-queries")
PINYIN = os.path.join(REPO, "crates", "core", "src", "search", "pinyin.txt")
SEED = 20261206

# Words of the register that a segmenter needs beyond what the data's short and everyday names
# give (the data's own words come first).
BASE_WORDS = """
审批 许可 核准 登记 注销 变更 备案 认定 审核 审定 确认 申请 办理 补办 换发 延续 续期 新办 发放 补贴
证书 执照 资格 资质 设立 建设 项目 工程 企业 单位 个人 人员 居民 外国人 港澳 台湾 香港 澳门 出境
入境 签证 护照 通行证 社会保险 养老保险 医疗保险 失业保险 工伤保险 生育保险 公积金 残疾人 高校毕业生
毕业生 就业 创业 培训 职业 技能 律师 公证 法律 援助 环境 影响 评价 报告书 报告表 农业 林业 渔业 水利
交通 道路 运输 船舶 航道 港口 机动车 驾驶证 驾驶 医师 护士 药品 医疗 机构 学校 教师 民办 卫生 食品
经营 生产 销售 进口 出口 税务 纳税 发票 税款 档案 文物 考古 测绘 地图 消防 安全 危险 化学品 特种
设备 房屋 土地 规划 用地 施工 住房 租赁 婚姻 收养 生育 户口 身份证 居住证 临时 长期 首次 申领
"""

STOP = set("的 和 及 与 或 对 在 为 等 由 从 中 其 各 类 含 于 以 之 者".split())


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def load_pinyin():
    readings = {}
    by_syllable = {}
    with open(PINYIN, encoding="utf-8") as f:
        for line in f:
            syllable, chars = line.rstrip("\n").split("\t")
            by_syllable[syllable] = chars
            for c in chars:
                readings.setdefault(c, []).append(syllable)
    return readings, by_syllable


# Readings for polyphones as they are read in these names (the table lists both readings of a
# polyphone in alphabetical order, not the common one first).
POLYPHONE_WORDS = {"银行": "yin hang", "行业": "hang ye", "重新": "chong xin", "重复": "chong fu", "长期": "chang qi",
                   "会计": "kuai ji", "调查": "diao cha", "调整": "tiao zheng", "调动": "diao dong", "省级": "sheng ji",
                   "种子": "zhong zi", "种植": "zhong zhi", "处理": "chu li", "处罚": "chu fa", "单位": "dan wei",
                   "校验": "xiao yan", "学校": "xue xiao", "假期": "jia qi", "相关": "xiang guan", "供应": "gong ying",
                   "应用": "ying yong", "强制": "qiang zhi", "数量": "shu liang", "数据": "shu ju", "系统": "xi tong",
                   "传染": "chuan ran", "地方": "di fang", "给予": "ji yu", "供给": "gong ji", "弹药": "dan yao"}
POLYPHONE_CHARS = {"行": "xing", "重": "zhong", "长": "chang", "乐": "le", "还": "huan", "都": "dou", "得": "de",
                   "地": "di", "了": "le", "着": "zhe", "看": "kan", "为": "wei", "处": "chu", "调": "tiao", "分": "fen",
                   "种": "zhong", "便": "bian", "发": "fa", "教": "jiao", "量": "liang", "难": "nan", "数": "shu",
                   "藏": "cang", "弹": "dan", "传": "chuan", "少": "shao", "省": "sheng", "参": "can", "差": "cha",
                   "会": "hui", "系": "xi", "只": "zhi", "校": "xiao", "单": "dan", "解": "jie", "朝": "chao",
                   "降": "jiang", "相": "xiang", "应": "ying", "强": "qiang", "假": "jia", "间": "jian", "将": "jiang",
                   "几": "ji", "当": "dang", "好": "hao", "和": "he", "中": "zhong", "空": "kong", "曾": "ceng",
                   "背": "bei", "奇": "qi", "率": "lv", "觉": "jue", "尽": "jin", "结": "jie", "模": "mo", "卡": "ka",
                   "据": "ju", "冲": "chong", "露": "lu", "称": "cheng", "供": "gong", "给": "gei", "度": "du",
                   "蔓": "man", "薄": "bo", "剥": "bo", "创": "chuang", "澄": "cheng", "匙": "chi", "畜": "xu",
                   "宿": "su", "提": "ti", "否": "fou", "扎": "zha", "仔": "zai", "咽": "yan", "血": "xue", "折": "zhe",
                   "属": "shu", "塞": "sai", "缝": "feng", "铺": "pu", "曲": "qu", "转": "zhuan", "载": "zai"}


def common_chars():
    """Characters of everyday official writing (the ECSpell 公文 sentences, MIT): a homophone
    typo from a pinyin keyboard picks a common character, not a rare one."""
    path = os.path.join(os.path.dirname(os.path.dirname(DATA)), "ecspell-odw", "odw.train.tsv")
    with open(path, encoding="utf-8") as f:
        counts = {}
        for c in f.read():
            if is_han(c):
                counts[c] = counts.get(c, 0) + 1
    return {c for c, n in counts.items() if n >= 3}


def word_pinyin(word, readings):
    if word in POLYPHONE_WORDS:
        return POLYPHONE_WORDS[word].split()
    out = []
    for c in word:
        r = readings.get(c)
        if not r:
            return None
        out.append(POLYPHONE_CHARS.get(c, r[0]) if len(r) > 1 else r[0])
    return out


def split_words(text):
    return [w for w in re.split(r"[,，、;；|（）()\s]+", text) if w]


def segment(name, vocab):
    """Greedy longest match. Characters no word covers stay together (up to four) and are marked
    as leftovers: they are not used as keywords."""
    out, i = [], 0
    chars = name
    pending = ""

    def flush():
        nonlocal pending
        if pending:
            out.append(("?", pending))
            pending = ""

    while i < len(chars):
        if not is_han(chars[i]):
            flush()
            i += 1
            continue
        for n in range(min(8, len(chars) - i), 1, -1):
            if chars[i:i + n] in vocab:
                flush()
                out.append(("w", chars[i:i + n]))
                i += n
                break
        else:
            pending += chars[i]
            i += 1
    flush()
    return out


def segment_two_level(name, vocab, ngrams):
    """The data's own words first; what they leave is segmented by the repeated n-grams."""
    out = []
    for kind, w in segment(name, vocab):
        out.extend(segment(w, ngrams) if kind == "?" else [(kind, w)])
    return out


def repeated_ngrams(names):
    """Two- to four-character strings found in at least three item names: the register's words
    (审批, 中小学, 永久性 …), without a dictionary."""
    seen = {}
    for name in names:
        grams = set()
        for run in re.findall(r"[\u4e00-\u9fff]+", name):
            for n in (2, 3, 4):
                for i in range(len(run) - n + 1):
                    grams.add(run[i:i + n])
        for g in grams:
            seen[g] = seen.get(g, 0) + 1
    return {g for g, c in seen.items() if c >= 3 and g[0] not in STOP and g[-1] not in STOP}


def main():
    with open(DATA, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    items, seen = [], set()
    for r in rows:
        name = r["official_name"].strip()
        if name and name not in seen:
            seen.add(name)
            items.append(r)
    vocab = set(BASE_WORDS.split())
    for r in items:
        for w in split_words(r["short_name"]) + split_words(r["daily_terms"]):
            if 2 <= len(w) <= 6 and all(is_han(c) for c in w):
                vocab.add(w)
    ngrams = repeated_ngrams([r["official_name"] for r in items])
    readings, by_syllable = load_pinyin()
    common = common_chars()
    rng = random.Random(SEED)

    themes = []
    for r in items:
        for t in r["theme"].split("|"):
            if t and t not in themes:
                themes.append(t)
    theme_id = {t: f"gd-theme-{i + 1:02d}" for i, t in enumerate(themes)}
    shapes = ["{}怎么办理？", "如何申请{}？", "{}", "{}需要什么材料？", "办理{}的流程是什么？", "{}在哪里办？"]
    qa, segs = [], []
    for n, r in enumerate(items):
        name = r["official_name"].strip()
        question = shapes[rng.randrange(len(shapes))].format(name)
        item_themes = [t for t in r["theme"].split("|") if t]
        dept = r["dept"].strip() or "相关部门"
        qa.append({
            "id": f"gd-{n + 1:03d}",
            "question": question,
            "answer": [
                f"【示例答案，示例数据】“{name}”由{dept}受理。具体条件、材料和办理时限，请以广东政务服务网公布的办事指南为准，或拨打12345热线咨询。",
                f"所属主题：{'、'.join(item_themes) or '其他'}。",
            ],
            "themes": [theme_id[t] for t in item_themes],
            "updated": "2021-01-01",
            "source": "示例数据：事项名称来自广东政务服务事项目录（github.com/Clarence-Kong/QABasedOnPolicyKnowledgeGraph，MIT）",
        })
        segs.append(segment_two_level(name, vocab, ngrams))

    # Document frequency of each word over item names, to prefer telling words.
    df = {}
    for r in items:
        for _, w in set(segment_two_level(r["official_name"], vocab, ngrams)):
            df[w] = df.get(w, 0) + 1
    names = [r["official_name"].strip() for r in items]

    def expected(n, words):
        ids = [f"qa:gd-{m + 1:03d}" for m, other in enumerate(names) if all(w in other for w in words)]
        own = f"qa:gd-{n + 1:03d}"
        return "|".join([own] + [i for i in ids if i != own][:9])

    order = list(range(len(items)))
    rng.shuffle(order)
    held = set(order[: len(order) // 2])
    lines = {"dev": [], "held": []}
    for n, r in enumerate(items):
        half = "held" if n in held else "dev"
        out = lines[half]
        out.append(("gd-exact", qa[n]["question"], f"qa:gd-{n + 1:03d}"))
        words = []
        for kind, w in segs[n]:
            if kind == "w" and w not in STOP and w not in words:
                words.append(w)
        # Two or three words, at least one of the rarer ones, in the order of the name.
        if len(words) >= 2:
            k = 3 if len(words) >= 5 and rng.random() < 0.4 else 2
            ranked = sorted(range(len(words)), key=lambda i: (df.get(words[i], 0), i))
            pick = {ranked[0]}
            rest = [i for i in range(len(words)) if i not in pick]
            rng.shuffle(rest)
            pick.update(rest[: k - 1])
            kw = [words[i] for i in sorted(pick)]
            exp = expected(n, kw)
            out.append(("gd-keywords", " ".join(kw), exp))
            # One homophone typo in one word.
            options = []
            for wi, w in enumerate(kw):
                for ci, c in enumerate(w):
                    r0 = readings.get(c)
                    if r0 and len(r0) == 1:
                        alts = [a for a in by_syllable[r0[0]] if a != c and a in common and len(readings.get(a, [])) == 1]
                        if alts:
                            options.append((wi, ci, alts))
            if options:
                wi, ci, alts = options[rng.randrange(len(options))]
                typo = list(kw)
                typo[wi] = kw[wi][:ci] + alts[rng.randrange(len(alts))] + kw[wi][ci + 1:]
                out.append(("gd-typo", " ".join(typo), exp))
            py = [word_pinyin(w, readings) for w in kw]
            if all(py):
                out.append(("gd-pinyin", " ".join("".join(p) for p in py), exp))
                out.append(("gd-initials", " ".join("".join(s[0] for s in p) for p in py), exp))
        daily = r["daily_terms"].strip()
        if daily and not any(s in daily for s in ",，、;；") and daily not in r["official_name"] and daily != r["short_name"].strip():
            same = [f"qa:gd-{m + 1:03d}" for m, o in enumerate(items) if m != n and o["daily_terms"].strip() == daily]
            out.append(("gd-colloquial", daily, "|".join([f"qa:gd-{n + 1:03d}"] + same)))

    lib = os.path.join(OUT, "gd-library")
    os.makedirs(lib, exist_ok=True)
    manifest = {
        "format": "mingbai-library",
        "version": 1,
        "name": "广东政务服务事项问答（示例，搜索开发集）",
        "region": "广东省",
        "hotline": "12345",
        "description": "搜索排序的开发集，由 tools/gen_gd_dev_set.py 生成。事项名称、部门和主题来自广东政务服务事项目录"
                       "（github.com/Clarence-Kong/QABasedOnPolicyKnowledgeGraph，MIT 许可）；问题的问法和答案均为示例数据，不是官方答复。",
        "files": {"qa": ["qa.json"], "taxonomy": "taxonomy.json"},
    }
    taxonomy = {"themes": [{"id": theme_id[t], "label": t} for t in themes], "audiences": [], "regions": []}
    for name, value in [("manifest.json", manifest), ("qa.json", qa), ("taxonomy.json", taxonomy)]:
        with open(os.path.join(lib, name), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=1)
            f.write("\n")
    for half, title in [("dev", "development half: tune on these"), ("held", "held-out half: never tune on these")]:
        with open(os.path.join(OUT, f"gd-{half}.tsv"), "w", encoding="utf-8") as f:
            f.write(f"# Guangdong service items, {title}. Generated by tools/gen_gd_dev_set.py (seed {SEED}); do not edit.\n")
            f.write("# Source: github.com/Clarence-Kong/QABasedOnPolicyKnowledgeGraph (MIT), via ../shared/data/gd-zwfw-names.\n")
            f.write("category\tquery\texpected\n")
            for cat, q, exp in sorted(lines[half], key=lambda x: (x[0], x[2].split("|")[0])):
                f.write(f"{cat}\t{q}\t{exp}\n")
    counts = {h: {} for h in lines}
    for h, ls in lines.items():
        for cat, _, _ in ls:
            counts[h][cat] = counts[h].get(cat, 0) + 1
    print(f"{len(items)} items -> {lib}; queries: {counts}")


if __name__ == "__main__":
    main()
