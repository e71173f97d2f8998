#!/usr/bin/env python3
"""Build public/library/policies.json from the five seed documents.

The seeds (../shared/seeds/00N_*.txt, relative to the repository) are PDF/web text
extractions of district 政务公开 annual work plans. This script rebuilds their full text
as policy sections with stable ids:

  notice        the cover notice (通知)
  intro         the preamble before the first top-level heading
  sN / sN-K     top-level heading N (一、二、…) and its K-th sub-heading (（一）（二）…)
  closing       an unnumbered closing paragraph, where the document has one
  annex*        the heading of an attachment (附件)
  tN            task group N of a task-breakdown table (分解表), one paragraph per row
  colophon      抄送 and 印发 lines

Only extraction artefacts are repaired: stray spaces inside Chinese text, hard line
wraps, page markers, half-width punctuation in Chinese text, duplicated table cells.
Tables whose PDF text interleaves the columns (seeds 001 and 004) are read from the
hand-made transcriptions in tools/seed_tables/*.tsv; seed 002 is parsed directly.

Usage: python3 tools/seeds_to_policies.py [--seeds DIR] [--out FILE]
Output is deterministic (same input, same bytes).
"""

import argparse
import glob
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SEEDS = os.path.normpath(os.path.join(REPO, "..", "shared", "seeds"))
DEFAULT_OUT = os.path.join(REPO, "public", "library", "policies.json")
TABLES = os.path.join(REPO, "tools", "seed_tables")

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d\u2014\u2026"
TOP_RE = re.compile(r"^[一二三四五六七八九十]+、")
SUB_RE = re.compile(r"^（[一二三四五六七八九十]+）")
PAGE_RE = re.compile(r"^—\s*\d+\s*—$")
DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
TERMINAL = "。：；！？"

# Spaces that belong to the text (slogans quoted in the seeds), kept as they are.
KEEP_SPACES = ["走进科技 你我同行"]

TABLE_NOTE = ("（整理说明：本表按原表逐行整理为文字；原表中合并单元格的内容"
              "（工作任务、责任单位{deadline}）在其覆盖的各行中重复列出。）")


def norm(text):
    """Repair extraction artefacts in one line or cell of Chinese text."""
    text = text.replace("**", "").replace("\t", " ").strip()
    keep = {}
    for i, phrase in enumerate(KEEP_SPACES):
        if phrase in text:
            token = "\ue000%d\ue001" % i
            keep[token] = phrase
            text = text.replace(phrase, token)
    # Half-width punctuation next to Chinese text becomes full-width.
    for half, full in ((",", "，"), (":", "："), (";", "；"), ("(", "（"), (")", "）")):
        text = re.sub(r"(?<=[%s])\s*%s" % (CJK, re.escape(half)), full, text)
        text = re.sub(r"%s\s*(?=[%s])" % (re.escape(half), CJK), full, text)
    # Spaces next to Chinese characters or full-width punctuation are artefacts.
    text = re.sub(r"\s+(?=[%s])" % CJK, "", text)
    text = re.sub(r"(?<=[%s])\s+" % CJK, "", text)
    text = re.sub(r"\s{2,}", " ", text)
    for token, phrase in keep.items():
        text = text.replace(token, phrase)
    return text


def seed_lines(path):
    """Non-empty, normalised lines of a seed, without page markers."""
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            if not raw.strip() or PAGE_RE.match(raw.strip()):
                continue
            out.append(norm(raw))
    return out


def find(lines, prefix, start=0):
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise ValueError("anchor not found: %r" % prefix)


def join_block(lines, standalone=()):
    """Join hard-wrapped lines into paragraphs (breaks after terminal punctuation)."""
    paras = []
    for line in lines:
        alone = line in standalone or DATE_RE.match(line) or line.startswith("（此件")
        prev = paras[-1] if paras else None
        if prev is None or alone or prev[-1] in TERMINAL or prev in standalone \
                or DATE_RE.match(prev) or prev.startswith("（此件"):
            paras.append(line)
        else:
            paras[-1] += line
    return paras


def body_paragraphs(lines, line_mode):
    """Rebuild body paragraphs: a paragraph starts at a heading marker; in line
    mode (seeds that keep one paragraph per line) also after terminal punctuation."""
    paras = []
    for line in lines:
        marker = TOP_RE.match(line) or SUB_RE.match(line)
        prev = paras[-1] if paras else ""
        # Top-level headings are one line; so are bare sub-headings in line mode.
        prev_heading = TOP_RE.match(prev) or (line_mode and SUB_RE.match(prev)
                                              and not any(c in prev for c in TERMINAL))
        if not paras or marker or prev_heading or (line_mode and prev[-1] in TERMINAL):
            paras.append(line)
        else:
            paras[-1] += line
    return paras


def body_sections(paras, intro_heading, extra=()):
    """Split body paragraphs into intro / sN / sN-K sections (and extra named
    sections that start at a paragraph with a given prefix)."""
    sections = [{"id": "intro", "heading": intro_heading, "paragraphs": []}]
    top = 0
    sub = 0
    for p in paras:
        named = [e for e in extra if p.startswith(e[0])]
        if named:
            sections.append({"id": named[0][1], "heading": named[0][2], "paragraphs": [p]})
        elif TOP_RE.match(p) and "。" not in p:
            top += 1
            sub = 0
            sections.append({"id": "s%d" % top, "heading": p, "paragraphs": []})
        elif SUB_RE.match(p):
            sub += 1
            sid = "s%d-%d" % (top, sub)
            if "。" in p:
                # Run-on heading: the heading sentence starts the paragraph.
                heading = p.split("。", 1)[0]
                sections.append({"id": sid, "heading": heading, "paragraphs": [p]})
            else:
                sections.append({"id": sid, "heading": p, "paragraphs": []})
        else:
            sections[-1]["paragraphs"].append(p)
    if not sections[0]["paragraphs"]:
        sections.pop(0)
    return sections


def colophon(lines, issuer):
    """抄送 lines, then one "<issuer> <date>印发" line (split over two lines in 003)."""
    i = next(i for i, l in enumerate(lines) if l.startswith(issuer))
    printed = "".join(lines[i:])
    printed = issuer + " " + printed[len(issuer):]
    return {"id": "colophon", "heading": "抄送", "paragraphs": join_block(lines[:i]) + [printed]}


# ---------------------------------------------------------------- tables

def table_rows(rows, columns):
    """rows: dicts with no, group, task, req, resp, deadline (empty = merged with
    the row above, within the same group). Returns tN sections."""
    sections = []
    last = {}
    for r in rows:
        if r["group"]:
            sections.append({"id": "t%d" % (len(sections) + 1),
                             "heading": r["group"], "paragraphs": []})
            last = {"task": r["group"]}
        for key in ("task", "resp", "deadline"):
            if r[key]:
                last[key] = r[key]
        values = {"task": last.get("task", ""), "req": r["req"],
                  "resp": last.get("resp", ""), "deadline": last.get("deadline", "")}
        parts = ["第%s项" % r["no"]]
        for key, label in columns:
            if values[key]:
                parts.append("%s：%s" % (label, values[key]))
        sections[-1]["paragraphs"].append(" ".join(parts))
    return sections


def read_tsv(name):
    rows = []
    with open(os.path.join(TABLES, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = [norm(c) for c in line.rstrip("\n").split("\t")]
            cells += [""] * (6 - len(cells))
            rows.append(dict(zip(("no", "group", "task", "req", "resp", "deadline"), cells)))
    return rows


def dedupe_cell(first, extra):
    """002 repeats merged cells and splits wrapped ones: collapse [a, b, a, b] to ab."""
    lines = [first] + extra
    key = [l.rstrip("。") for l in lines]
    for k in range(1, len(lines)):
        if all(key[i] == key[i % k] for i in range(len(lines))):
            return "".join(lines[:k])
    # "5、 加强…" followed by its correct form "五、加强…": prefer the latter.
    for l in extra:
        if TOP_RE.match(l):
            return l
    return "".join(lines)


def parse_002(path):
    raw = open(path, encoding="utf-8").read().split("\n")
    rows = []
    cur = None
    for line in raw:
        m = re.match(r"^\t(\d+)$", line)
        if m and int(m.group(1)) == len(rows) + 1:
            cur = {"no": m.group(1), "cells": []}
            rows.append(cur)
            continue
        if cur is None or not line.strip() and not line.startswith("\t"):
            continue
        if line.startswith("\t"):
            cur["cells"].append([line[1:].strip()])
        elif cur["cells"]:
            cur["cells"][-1].append(line.strip())
    out = []
    for r in rows:
        cells = [norm(dedupe_cell(c[0], c[1:])) for c in r["cells"]]
        cells += [""] * (5 - len(cells))
        group, task, req, resp, deadline = cells[:5]
        out.append({"no": r["no"], "group": group, "task": task.rstrip("。"),
                    "req": req, "resp": resp, "deadline": deadline})
    return out


# ---------------------------------------------------------------- documents

COLS_3 = [("task", "工作任务"), ("req", "工作要求"), ("resp", "责任单位")]
COLS_4 = [("task", "工作任务"), ("req", "具体要求"), ("resp", "责任单位"), ("deadline", "完成时限")]


def notice_section(lines, issuer):
    return {"id": "notice", "heading": "通知", "paragraphs": join_block(lines, (issuer,))}


def build_000(path):
    issuer = "槐荫区人民政府办公室"
    L = seed_lines(path)
    a = find(L, "各街道办事处，区政府各部门：")
    b = find(L, "（此件公开发布）", a)
    t = find(L, "2024年槐荫区政务公开工作要点", b)
    c = find(L, "抄送：", t)
    secs = [notice_section(L[a:b + 1], issuer)]
    secs += body_sections(body_paragraphs(L[t + 1:c], False), "总体要求")
    secs.append(colophon(L[c:], issuer))
    return secs


def build_001(path):
    issuer = "临淄区人民政府办公室"
    L = seed_lines(path)
    a = find(L, "各镇人民政府")
    b = find(L, "（此件公开发布）", a)
    t = find(L, "2024年临淄区政务公开工作方案", b)
    att = find(L, "附件：1.", t)
    ann1 = find(L, "附件1", att)
    ann2 = find(L, "附件2", ann1)
    secs = [notice_section(L[a:b + 1], issuer)]
    body = body_paragraphs(L[t + 1:att], True)
    secs += body_sections(body, L[t], extra=[("各级各部门单位要对照本方案", "closing", "结语")])
    # The attachment list ("附件：1.… 2.…") closes the plan text.
    secs[-1]["paragraphs"] += L[att:ann1]
    note = TABLE_NOTE.format(deadline="")[:-2] + "；第38—42项原表责任单位一栏为空。）"
    secs.append({"id": "annex1", "heading": "附件1 " + L[ann1 + 1], "paragraphs": [note]})
    secs += table_rows(read_tsv("linzi-2024.tsv"), COLS_3)
    # 附件2 is a blank form: one paragraph per row, "label：hint" pairs.
    form = []
    raw = open(path, encoding="utf-8").read().split("\n")
    for line in raw[[i for i, l in enumerate(raw) if norm(l) == "附件2"][0] + 1:]:
        cells = [norm(c) for c in line.split("\t")]
        if not any(cells) or cells[0] == L[ann2 + 1]:
            continue
        if len(cells) == 1:
            form.append(cells[0])
            continue
        pairs = [(cells[i], cells[i + 1] if i + 1 < len(cells) else "")
                 for i in range(0, len(cells), 2)]
        form.append("；".join("%s：%s" % pair for pair in pairs if pair[0]))
    secs.append({"id": "annex2", "heading": "附件2 " + L[ann2 + 1], "paragraphs": form})
    return secs


def build_002(path):
    title = "2023年槐荫区政务公开重点工作任务分解表"
    secs = [{"id": "annex", "heading": "附件 " + title,
             "paragraphs": [TABLE_NOTE.format(deadline="、完成时限")]}]
    secs += table_rows(parse_002(path), COLS_4)
    return secs


def build_003(path):
    issuer = "济南市历城区人民政府办公室"
    L = seed_lines(path)
    a = find(L, "各街道办事处，区政府各部门（单位）：")
    b = find(L, "（此件主动公开）", a)
    t = find(L, "2025年济南市历城区政务公开工作要点", b)
    c = find(L, "抄送：", t)
    secs = [notice_section(L[a:b + 1], issuer)]
    secs += body_sections(body_paragraphs(L[t + 1:c], False), "总体要求")
    secs.append(colophon(L[c:], issuer))
    return secs


def build_004(path):
    issuer = "济南市天桥区人民政府办公室"
    L = seed_lines(path)
    a = find(L, "各街道办事处，区政府各部门：")
    b = find(L, "（此件公开发布）", a)
    t = find(L, "2022年济南市天桥区政务公开工作要点", b)
    att = find(L, "附件：2022年", t)
    c = find(L, "抄送：", att)
    secs = [notice_section(L[a:b + 1], issuer)]
    secs += body_sections(body_paragraphs(L[t + 1:att], False), "总体要求")
    secs.append({"id": "annex", "heading": L[att],
                 "paragraphs": [TABLE_NOTE.format(deadline="、完成时限")]})
    secs += table_rows(read_tsv("tianqiao-2022.tsv"), COLS_4)
    secs.append(colophon(L[c:], issuer))
    return secs


# Metadata as printed in the seeds (title, 文号, 发布机构, 成文日期, 印发日期).
POLICIES = [
    {
        "seed": "000", "build": build_000,
        "id": "huaiyin-2024",
        "title": "关于印发2024年槐荫区政务公开工作要点的通知",
        "doc_number": "槐政办发〔2024〕2号",
        "issuer": "槐荫区人民政府办公室",
        "written_date": "2024-06-30",
        "published_date": "2024-06-30",
        "themes": ["gov-disclosure", "major-projects", "consumption", "urban-renewal",
                   "rural-revitalization", "ecology", "employment", "healthcare", "housing",
                   "education", "elderly-care", "childcare", "social-assistance",
                   "social-security", "regulation", "public-participation", "policy-library",
                   "one-thing", "targeted-push", "policy-interpretation", "policy-qa",
                   "disclosure-on-request", "disclosure-catalogue", "gov-services", "gov-websites",
                   "disclosure-areas", "farm-subsidies", "business-environment"],
        "audiences": ["graduates", "unemployed", "veterans", "elderly", "low-income", "service-workers", "enterprises", "market-entities",
                      "industry-associations", "public", "applicants"],
        "regions": ["huaiyin"],
        "summary": ("槐荫区人民政府办公室2024年6月30日印发的2024年全区政务公开工作要点，"
                    "要求统筹政务公开与安全保密，以公开促落实、优服务、强监管。"
                    "要点从深化重点领域信息公开、推进政民政企互动交流、优化政策全流程公开、"
                    "提升依申请公开工作水平、加强政务公开平台建设、夯实政务公开工作基础六个方面部署了十七项工作。"
                    "其中包括推进高校毕业生、失业人员、退役军人等重点群体就业支持政策的公开、解读和推送，"
                    "建设“一件事”专题专栏，变“人找政策”为“政策找人”。"),
    },
    {
        "seed": "001", "build": build_001,
        "id": "linzi-2024",
        "title": "关于印发2024年临淄区政务公开工作方案的通知",
        "doc_number": "临政办字〔2024〕9号",
        "issuer": "临淄区人民政府办公室",
        "written_date": "2024-06-12",
        "published_date": "2024-06-12",
        "themes": ["gov-disclosure", "major-projects", "consumption", "urban-renewal",
                   "rural-revitalization", "ecology", "employment", "healthcare", "housing",
                   "education", "elderly-care", "childcare", "social-assistance",
                   "social-security", "regulation", "public-institutions",
                   "public-participation", "policy-library", "targeted-push",
                   "policy-interpretation", "policy-qa", "disclosure-on-request", "disclosure-catalogue",
                   "gov-services", "gov-websites", "disclosure-areas", "grassroots-disclosure",
                   "farm-subsidies", "business-environment"],
        "audiences": ["graduates", "veterans", "farmers", "elderly", "low-income", "service-workers", "new-employment-forms", "enterprises",
                      "industry-associations", "public", "applicants"],
        "regions": ["linzi"],
        "summary": ("临淄区人民政府办公室2024年6月12日印发的2024年全区政务公开工作方案，"
                    "要求更好发挥以公开促落实、优服务、强监管作用。"
                    "方案部署以政务公开助推重点工作落实、做好政策公开与解读回应、深化政民互动与公众参与、"
                    "提升依申请公开办理质效、完善主动公开事项目录体系、拓展优化公开平台六项主要任务。"
                    "附件1重点工作分解表列出67项工作及责任单位，附件2为政府开放活动计划安排报送表。"),
    },
    {
        "seed": "002", "build": build_002,
        "id": "huaiyin-2023-tasks",
        "title": "2023年槐荫区政务公开重点工作任务分解表",
        # The seed is an attachment: it states no 文号, no issuing office and no dates.
        "issuer": "槐荫区",
        "themes": ["gov-disclosure", "business-environment", "tax-relief", "consumption",
                   "rural-revitalization", "employment", "healthcare", "ecology",
                   "elderly-care", "childcare", "social-assistance", "social-security", "housing",
                   "policy-interpretation", "policy-qa", "disclosure-on-request",
                   "public-participation", "policy-library", "grassroots-disclosure",
                   "disclosure-areas", "gov-websites", "accessibility", "public-institutions",
                   "education"],
        "audiences": ["graduates", "migrant-workers", "veterans", "hard-to-employ",
                      "elderly", "talent", "enterprises", "market-entities", "taxpayers",
                      "industry-associations", "public", "applicants"],
        "regions": ["huaiyin"],
        "summary": ("2023年槐荫区政务公开重点工作任务分解表共46项任务，逐项列明具体要求、责任单位和完成时限。"
                    "任务分为聚焦重点领域深化主动公开、突出服务意识提升公开实效、统筹公开渠道完善工作机制、"
                    "精准政务公开提高公开标准、加强监督保障巩固工作基础五个方面。"
                    "本文件为附件，原文未载明文号、发布机构和日期。"),
    },
    {
        "seed": "003", "build": build_003,
        "id": "licheng-2025",
        "title": "关于印发2025年济南市历城区政务公开工作要点的通知",
        "doc_number": "济历城政办字〔2025〕13号",
        "issuer": "济南市历城区人民政府办公室",
        "written_date": "2025-07-09",
        "published_date": "2025-07-09",
        "themes": ["gov-disclosure", "major-projects", "consumption", "urban-renewal",
                   "housing", "rural-revitalization", "employment", "social-security",
                   "education", "elderly-care", "healthcare", "gov-services", "one-thing",
                   "business-environment", "regulation", "ecology", "public-institutions",
                   "disclosure-catalogue", "grassroots-disclosure", "policy-interpretation",
                   "policy-qa", "disclosure-on-request", "disclosure-areas",
                   "public-participation", "targeted-push", "policy-library", "gov-websites"],
        "audiences": ["graduates", "migrant-workers", "veterans", "elderly", "enterprises",
                      "industry-associations", "public", "applicants"],
        "regions": ["licheng"],
        "summary": ("济南市历城区人民政府办公室2025年7月9日印发的2025年全区政务公开工作要点，"
                    "要求发挥政务公开促落实、优服务、强监管作用。"
                    "要点从推进政务公开重点工作、完善政务公开工作标准、深化政企政民互动交流、"
                    "提升政务公开服务质效、强化政务公开工作保障五个方面部署了十六项工作，每项列明责任单位。"
                    "其中包括加大高校毕业生、农民工、退役军人等重点群体就业帮扶政策的解读和推送，"
                    "以及实现现行有效文件和历次修订文本的关联展示。"),
    },
    {
        "seed": "004", "build": build_004,
        "id": "tianqiao-2022",
        "title": "关于印发2022年济南市天桥区政务公开工作要点的通知",
        "doc_number": "济天政办发〔2022〕4号",
        "issuer": "济南市天桥区人民政府办公室",
        "written_date": "2022-06-16",
        "published_date": "2022-06-16",
        "themes": ["gov-disclosure", "major-projects", "consumption", "tax-relief",
                   "rural-revitalization", "ecology", "epidemic", "business-environment",
                   "gov-services", "regulation", "targeted-push", "housing", "urban-renewal",
                   "employment", "education", "social-security", "healthcare",
                   "elderly-care", "social-assistance", "safety", "public-institutions",
                   "policy-interpretation", "policy-qa", "public-participation",
                   "grassroots-disclosure", "farm-subsidies", "disclosure-areas",
                   "gov-websites", "accessibility", "policy-library", "disclosure-on-request",
                   "disclosure-catalogue"],
        "audiences": ["graduates", "unemployed", "hard-to-employ", "low-income", "elderly",
                      "farmers", "enterprises", "market-entities", "taxpayers", "public",
                      "applicants"],
        "regions": ["tianqiao"],
        "summary": ("济南市天桥区人民政府办公室2022年6月16日印发的2022年全区政务公开工作要点，"
                    "要求以政务公开促进服务政府、法治政府、效能政府、廉洁政府建设。"
                    "要点从聚焦重点领域、聚焦解读回应、聚焦基层建设、聚焦平台建设、聚焦组织保障五个方面部署工作，"
                    "附件分解表列出71项重点任务及责任单位、完成时限。"
                    "其中包括探索政策精准推送、推动“人找政策”向“政策找人”转变，"
                    "以及推动政府网站和政务新媒体适老化和无障碍改造。"),
    },
]

FIELD_ORDER = ["id", "title", "doc_number", "issuer", "written_date", "published_date",
               "status", "themes", "audiences", "regions", "summary", "sections",
               "attachments"]


def build(seeds_dir):
    out = []
    for meta in POLICIES:
        paths = sorted(glob.glob(os.path.join(seeds_dir, meta["seed"] + "_*.txt")))
        if len(paths) != 1:
            sys.exit("seed %s not found in %s" % (meta["seed"], seeds_dir))
        policy = dict(meta, status="effective", attachments=[],
                      sections=meta["build"](paths[0]))
        out.append({k: policy[k] for k in FIELD_ORDER if k in policy})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default=DEFAULT_SEEDS)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    policies = build(args.seeds)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(policies, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote %d policies to %s" % (len(policies), args.out))


if __name__ == "__main__":
    main()
