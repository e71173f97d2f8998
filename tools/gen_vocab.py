#!/usr/bin/env python3
"""Derive crates/cli/data/vocab.tsv, the vocabulary of `mingbai generate`, ONCE.

Run from the repository root with the development data beside it (../shared/data, or set
MINGBAI_SHARED_DATA):

    python3 tools/gen_vocab.py            # writes crates/cli/data/vocab.tsv

Sources:
- public/library/ (this repository): taxonomy, synonyms, section headings and sentences of the
  five seed documents;
- ECSpell (github.com/aopolin-lv/ECSpell, MIT): gongwen_vocab.txt and the corrected sentences of
  odw.train.tsv;
- Clarence-Kong/QABasedOnPolicyKnowledgeGraph (MIT), via gd-zwfw-names: official, short and
  everyday names of government service items.

The output is deterministic (sorted, sampled with a fixed seed) and kept under 300 KB. The
generator include_str!s it, so builds never need ../shared.
"""

import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("MINGBAI_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
LIB = os.path.join(ROOT, "public", "library")
OUT = os.path.join(ROOT, "crates", "cli", "data", "vocab.tsv")

HAN = re.compile(r"^[\u4e00-\u9fff]+$")

# Generated libraries need places and offices. These districts are real names used only as
# realistic labels; every policy generated for them is fictional. (label, id, 文号 prefix)
REGIONS = [
    ("槐荫区", "huaiyin", "槐"), ("临淄区", "linzi", "临"), ("历城区", "licheng", "济历城"),
    ("天桥区", "tianqiao", "济天"), ("历下区", "lixia", "济历下"), ("市中区", "shizhong", "济市中"),
    ("长清区", "changqing", "济长清"), ("章丘区", "zhangqiu", "章"), ("济阳区", "jiyang", "济阳"),
    ("莱芜区", "laiwu", "莱"), ("钢城区", "gangcheng", "钢"), ("平阴县", "pingyin", "平"),
    ("商河县", "shanghe", "商"), ("张店区", "zhangdian", "张"), ("淄川区", "zichuan", "川"),
    ("博山区", "boshan", "博"), ("周村区", "zhoucun", "周"), ("桓台县", "huantai", "桓"),
    ("高青县", "gaoqing", "高"), ("沂源县", "yiyuan", "源"),
]

# District offices: (name after the district, 文号 code, theme ids they issue on).
DEPARTMENTS = [
    ("人民政府", "政发", "employment social-security housing elderly-care education business-environment"),
    ("人民政府办公室", "政办发", "gov-disclosure employment social-security housing urban-renewal elderly-care childcare education healthcare business-environment consumption"),
    ("人民政府办公室", "政办字", "gov-disclosure gov-services one-thing public-participation disclosure-on-request policy-interpretation"),
    ("人力资源和社会保障局", "人社发", "employment social-security"),
    ("民政局", "民发", "social-assistance elderly-care"),
    ("医疗保障局", "医保发", "healthcare social-security"),
    ("住房和城乡建设局", "建发", "housing urban-renewal"),
    ("教育和体育局", "教体发", "education childcare"),
    ("卫生健康局", "卫健发", "healthcare childcare elderly-care"),
    ("农业农村局", "农发", "rural-revitalization farm-subsidies"),
    ("财政局", "财发", "farm-subsidies tax-relief business-environment"),
    ("退役军人事务局", "退役军人发", "employment social-security"),
    ("市场监督管理局", "市监发", "regulation business-environment consumption"),
    ("行政审批服务局", "审批发", "gov-services one-thing business-environment"),
    ("残疾人联合会", "残联发", "social-assistance employment"),
]

# Guangdong catalogue themes → our taxonomy (themes, audiences).
GD_THEMES = {
    "社会保障（社会保险、社会救助）": (["social-security"], []),
    "找工作": (["employment"], []), "就业创业": (["employment"], []), "创业": (["employment"], []),
    "失业": (["employment"], ["unemployed"]), "高校毕业生": (["employment"], ["graduates"]),
    "人才": ([], ["talent"]), "退休": (["elderly-care"], ["elderly"]), "老年人": (["elderly-care"], ["elderly"]),
    "残疾人": (["social-assistance"], ["low-income"]), "医疗卫生": (["healthcare"], []),
    "教育科研": (["education"], []), "升学": (["education"], []), "买房子": (["housing"], []),
    "纳税": (["tax-relief"], ["taxpayers"]), "农民": (["rural-revitalization"], ["farmers"]),
    "涉农补贴": (["farm-subsidies"], ["farmers"]), "环保绿化": (["ecology"], []),
    "规划建设": (["urban-renewal"], []), "设立变更": (["business-environment"], ["enterprises"]),
    "准营准办": (["business-environment"], ["market-entities"]), "生小孩": (["childcare"], []),
    "生育收养": (["childcare"], []), "儿童青少年": (["childcare"], []), "妇女": ([], ["public"]),
    "公用事业": (["gov-services"], []), "职业资格": (["employment"], []),
}


# Terms of the embedded synonyms that are services or benefits, with their themes and audiences:
# they become `service` records too, so that housing, elderly care and assistance have services.
SYNONYM_SERVICES = {
    "社会保险": ("social-security", ""), "基本医疗保险": ("healthcare social-security", ""),
    "基本养老保险": ("social-security elderly-care", "elderly"), "基本养老金": ("social-security elderly-care", "elderly"),
    "失业保险": ("social-security employment", "unemployed"), "工伤保险": ("social-security", ""),
    "居民长期护理保险": ("social-security elderly-care", "elderly"), "最低生活保障": ("social-assistance", "low-income"),
    "特困人员救助供养": ("social-assistance", "low-income"), "临时救助": ("social-assistance", "low-income"),
    "医疗救助": ("social-assistance healthcare", "low-income"), "就业创业补贴": ("employment", "graduates unemployed"),
    "职业技能培训": ("employment", "migrant-workers unemployed"), "城乡公益性岗位": ("employment", "hard-to-employ"),
    "托育服务": ("childcare", ""), "育儿补贴": ("childcare", ""), "养老服务机构": ("elderly-care", "elderly"),
    "保障性住房": ("housing", "low-income"), "保障性租赁住房": ("housing", "talent"), "廉租住房": ("housing", "low-income"),
    "住房租赁补贴": ("housing", "graduates talent"), "购房补贴": ("housing", "talent"),
    "老旧小区改造": ("urban-renewal", "public"), "棚户区改造": ("urban-renewal", "public"),
    "土地及房屋征收补偿安置": ("urban-renewal", "farmers"), "惠农资金补助": ("farm-subsidies rural-revitalization", "farmers"),
    "消费品以旧换新": ("consumption", "public"), "减税降费": ("tax-relief business-environment", "enterprises taxpayers"),
    "增值税留抵退税": ("tax-relief", "enterprises taxpayers"), "惠企政策": ("business-environment", "enterprises"),
    "免申即享": ("business-environment", "enterprises"), "义务教育": ("education", ""), "学前教育": ("education childcare", ""),
    "依申请公开": ("disclosure-on-request", "applicants"), "政务公开专区": ("disclosure-areas", "public"),
    "办事指南": ("gov-services one-thing", "public"), "政府开放活动": ("public-participation", "public"),
}


def clean_name(text):
    text = re.sub(r"[“”\"]", "", text).strip()
    text = re.sub(r"[（(]转链接[）)]", "", text).replace("广东省", "").replace("广东", "")
    return text.strip()


def split_names(text):
    parts = re.split(r"[,，、；; ]+", clean_name(text))
    return [p.strip() for p in parts if p.strip()]


def services():
    rows = []
    seen = set()
    path = os.path.join(SHARED, "gd-zwfw-names", "official_vs_short_daily_names.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            official, short, daily, _dept, theme = cols[:5]
            official = clean_name(official)
            if not official or official in seen or len(official) > 40:
                continue
            seen.add(official)
            names = []
            for n in split_names(short) + split_names(daily):
                if n != official and n not in names and 2 <= len(n) <= 12 and re.search(r"[\u4e00-\u9fff]", n):
                    names.append(n)
            themes, audiences = [], []
            for t in theme.split("|"):
                th, au = GD_THEMES.get(t, ([], []))
                themes += [x for x in th if x not in themes]
                audiences += [x for x in au if x not in audiences]
            if not themes:
                themes = ["gov-services"]
            rows.append(("service", official, ",".join(names), " ".join(themes), " ".join(audiences)))
    return rows


def phrases():
    path = os.path.join(SHARED, "ecspell-odw", "gongwen_vocab.txt")
    with open(path, encoding="utf-8") as f:
        words = sorted({w.strip() for w in f if HAN.match(w.strip() or "x") and 2 <= len(w.strip()) <= 8})
    return [("phrase", w) for w in words]


def sentences(limit=850):
    path = os.path.join(SHARED, "ecspell-odw", "odw.train.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 3:
                continue
            s = cols[2].strip()
            if 18 <= len(s) <= 70 and s.endswith("。") and "\t" not in s and "负责" not in s[-6:]:
                out.append(s)
    out = sorted(set(out))
    random.Random(20250709).shuffle(out)
    return [("sentence", s) for s in sorted(out[:limit])]


def library():
    rows = []
    tax = json.load(open(os.path.join(LIB, "taxonomy.json"), encoding="utf-8"))
    for kind in ("themes", "audiences"):
        for t in tax[kind]:
            rows.append((kind[:-1] if kind == "themes" else "audience", t["id"], t["label"]))
    for s in json.load(open(os.path.join(LIB, "synonyms.json"), encoding="utf-8")):
        rows.append(("synonym", s["term"], ",".join(s["aliases"])))
        if s["term"] in SYNONYM_SERVICES:
            themes, audiences = SYNONYM_SERVICES[s["term"]]
            rows.append(("service", s["term"], ",".join(s["aliases"]), themes, audiences))
    headings, clauses = set(), set()
    for p in json.load(open(os.path.join(LIB, "policies.json"), encoding="utf-8")):
        for sec in p["sections"]:
            h = re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、]?", "", sec["heading"]).strip()
            if "，" not in h and HAN.match(h or "x") and 6 <= len(h) <= 16:
                headings.add(h)
            for para in sec["paragraphs"]:
                for c in re.split(r"(?<=[。；])", para):
                    c = re.sub(r"^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、|^\d+[.、]", "", c.strip().rstrip("；").strip())
                    if 16 <= len(c) <= 60 and not re.search(r"[\t|｜（）《：]|责任单位|牵头|整理|抄送|工作任务|具体要求|\d{4}年\d", c):
                        clauses.add(c if c.endswith("。") else c + "。")
    rows += [("task", h) for h in sorted(headings)]
    clauses = sorted(clauses)
    random.Random(7).shuffle(clauses)
    rows += [("clause", c) for c in sorted(clauses[:450])]
    return rows


def main():
    rows = [("region",) + r for r in REGIONS] + [("department",) + d for d in DEPARTMENTS]
    rows += library() + services() + phrases() + sentences()
    header = [
        "# vocab.tsv: vocabulary of `mingbai generate` (synthetic benchmark libraries). Generated by",
        "# tools/gen_vocab.py; do not edit by hand. One record per line: kind<TAB>fields…",
        "# Sources, with thanks (licences in LICENSES.md):",
        "# - ECSpell, github.com/aopolin-lv/ECSpell (Lv et al., TALLIP 2023), MIT: `phrase` (Data/vocab",
        "#   gongwen_vocab.txt) and `sentence` (corrected sentences of Data/domains_data odw.train.tsv).",
        "# - Clarence-Kong/QABasedOnPolicyKnowledgeGraph, data/policy.json, MIT: `service` (official",
        "#   name, short/everyday names, themes mapped to mingbai taxonomy ids).",
        "# - mingbai's embedded library (public/library): `theme`, `audience`, `synonym`, `task`, `clause`.",
        "# - `region`, `department`: written for the generator; generated policies are fictional.",
    ]
    text = "\n".join(header) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    counts = {}
    for r in rows:
        counts[r[0]] = counts.get(r[0], 0) + 1
    print(f"{OUT}: {len(text.encode())} bytes, {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
