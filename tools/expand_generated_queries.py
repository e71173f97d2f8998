#!/usr/bin/env python3
"""Fill in the expected answers of crates/cli/tests/search-queries/generated.tsv.

The generated library changes when the generator does (GENERATOR_VERSION), and so do its ids. Write
each query with a *spec* instead of ids, and this script lists every acceptable item:

    exact<TAB>买房优惠怎么办理？<TAB>=             items whose title/question is the query (or =text)
    docnumber<TAB>商政办发[2019]3号<TAB>#商政办发〔2019〕3号   the policy with that 文号
    typo<TAB>科技下相<TAB>科技下乡                 items whose title contains any of the comma-separated texts

    cargo run -p mingbai-cli -- generate --entries 1000 --out /tmp/gen1k
    python3 tools/expand_generated_queries.py /tmp/gen1k < specs.tsv > rows.tsv
"""

import glob
import json
import sys


def main():
    folder = sys.argv[1]
    items = []
    kinds = [("policy", "policies", "title"), ("card", "cards", "title"), ("qa", "qa", "question"),
             ("notice", "notices", "title"), ("topic", "topics", "title")]
    for kind, stem, field in kinds:
        for path in sorted(glob.glob(f"{folder}/{stem}-*.json")):
            for entry in json.load(open(path, encoding="utf-8")):
                items.append((kind, entry["id"], entry[field], entry))
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        category, query, spec = line.split("\t")
        if spec.startswith("="):
            want = (spec[1:] or query).rstrip("？?")
            ids = [f"{k}:{i}" for k, i, t, _ in items if t.rstrip("？?") == want]
        elif spec.startswith("#"):
            ids = [f"policy:{i}" for k, i, _, e in items if k == "policy" and e.get("doc_number") == spec[1:]]
        else:
            texts = spec.split(",")
            ids = [f"{k}:{i}" for k, i, t, _ in items if any(x in t for x in texts)]
        if not ids:
            print(f"no match: {line}", file=sys.stderr)
            continue
        print(f"{category}\t{query}\t{'|'.join(ids)}")


if __name__ == "__main__":
    main()
