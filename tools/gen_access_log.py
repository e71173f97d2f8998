#!/usr/bin/env python3
"""Writes a large synthetic combined-format access log for `scripts/bench-report`.

About 90% ordinary requests (pages, assets, library files) and 10% feedback signals in the wire
format of crates/core/src/feedback/signal.rs, spread over 52 weeks, with 300,000 distinct
queries in a long-tailed distribution, plus hostile lines: forged and repeated parameters, bad
percent-encoding, malformed lines, invalid UTF-8 and 64 KB lines. Deterministic (seeded).
Example data only: the queries are combinations of policy words, not real searches.
"""
import argparse
import datetime
import random
from urllib.parse import quote

WORDS = ("养老 低保 医保 社保 公积金 公租房 补贴 失业金 创业 就业 高校毕业生 退役军人 残疾人 老年人 特困 "
         "救助 廉租房 住房 租房 落户 户口 身份证 居住证 出生 生育 育儿 托育 入学 转学 学籍 "
         "营业执照 个体户 企业 纳税 发票 社保卡 医疗 报销 住院 门诊 慢病 药品 疫苗 体检 "
         "老旧小区 加装电梯 物业 供暖 燃气 停车 公交 驾驶证 车辆 年检 违章 新能源 以旧换新 "
         "信息公开 依申请 政府信息 政策解读 12345 投诉 举报 办事大厅 预约 材料 流程 条件 多久 在哪").split()
TAILS = ["怎么办", "怎么申请", "需要什么材料", "在哪里办", "多少钱", "有什么条件", "", "", "吗", "最新政策"]
PAGES = ["/", "/qa/qa-001", "/cards/card-huaiyin-2024", "/policies/huaiyin-2024", "/search?q=x", "/notices",
         "/assets/app-5f3a.wasm", "/assets/app-5f3a.js", "/library/manifest.json", "/library/qa.json", "/config.json",
         "/favicon.ico", "/sw.js"]
AGENTS = ['"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"',
          '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"',
          '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"']
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(20261206)
    start = datetime.date(2025, 12, 1)
    days = []
    for i in range(364):
        d = start + datetime.timedelta(days=i)
        days.append(f"{d.day:02d}/{MONTHS[d.month - 1]}/{d.year}")
    # 300,000 distinct queries: word pairs with a tail, then word triples.
    texts = [f"{a}{b}{t}" for a in WORDS for b in WORDS for t in TAILS]
    texts += [f"{a}{b}{c}" for a in WORDS for b in WORDS for c in WORDS]
    texts = list(dict.fromkeys(texts))
    rng.shuffle(texts)
    queries = [quote(t, safe="") for t in texts[:300_000]]
    ids = [f"qa-{i:03d}" for i in range(1, 300)] + ["card-huaiyin-2024", "huaiyin-2024"]
    kinds = ["qa"] * 299 + ["card", "policy"]
    reasons = ["&r=unclear", "&r=not_wanted", "&r=outdated", "&r=other", ""]
    hostile = [
        "v=1&t=nr&q=a&uid=123", "v=1&t=nr&q=a&q=b", "v=2&t=nr&q=a", "v=1&t=nr&q=%E5%8", "v=1&t=zz",
        "v=1&t=nr&q=%C3%28", "v=1&t=nr&q=<x>",
    ]
    target = args.megabytes * 1024 * 1024
    written = 0
    n = len(queries)
    with open(args.out, "wb") as out:
        buf = []
        size = 0
        while written < target:
            day = days[rng.randrange(364)]
            ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}"
            hms = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
            r = rng.random()
            if r < 0.90:
                path = PAGES[rng.randrange(len(PAGES))]
                status, body = "200", str(rng.randrange(100, 400000))
            elif r < 0.995:
                s = rng.random()
                # Long tail: small indexes are frequent, most queries are rare.
                q = queries[min(n - 1, int(rng.paretovariate(0.6)) - 1)] if rng.random() < 0.3 else queries[rng.randrange(n)]
                if s < 0.45:
                    path = f"/feedback?v=1&t=nr&q={q}"
                elif s < 0.6:
                    path = f"/feedback?v=1&t=no&q={q}&n={rng.randrange(1, 40)}&s=phone"
                elif s < 0.7:
                    path = f"/feedback?v=1&t=rw&q={q}&u={queries[rng.randrange(100)]}"
                elif s < 0.9:
                    i = rng.randrange(len(ids))
                    path = f"/feedback?v=1&t=nh&k={kinds[i]}&i={ids[i]}{reasons[rng.randrange(5)]}"
                elif s < 0.97:
                    i = rng.randrange(len(ids))
                    path = f"/feedback?v=1&t=h&k={kinds[i]}&i={ids[i]}"
                else:
                    path = "/feedback?v=1&t=hl&k=qa&s=kiosk"
                status, body = "200", "0"
            else:
                h = rng.random()
                if h < 0.6:
                    path = "/feedback?" + hostile[rng.randrange(len(hostile))]
                elif h < 0.8:
                    line = f"{ip} - - [{day}:{hms} +0800] \"GET /feedback?v=1&t=nr&q=a HTTP/1.1\n".encode()
                    buf.append(line)
                    size += len(line)
                    written += len(line)
                    continue
                elif h < 0.95:
                    line = f"{ip} - - [{day}:{hms} +0800] \"GET /feedback?v=1&t=nr&q=".encode() + b"\xff\xfe\xe5" + b" HTTP/1.1\" 200 0 \"-\" \"-\"\n"
                    buf.append(line)
                    size += len(line)
                    written += len(line)
                    continue
                else:
                    path = "/feedback?v=1&t=nr&q=" + "%E5%85%BB" * 7300  # a 64 KB line
                status, body = "200", "0"
            line = f"{ip} - - [{day}:{hms} +0800] \"GET {path} HTTP/1.1\" {status} {body} \"-\" {AGENTS[rng.randrange(3)]}\n".encode()
            buf.append(line)
            size += len(line)
            written += len(line)
            if size > 4 << 20:
                out.write(b"".join(buf))
                buf, size = [], 0
        out.write(b"".join(buf))


if __name__ == "__main__":
    main()
