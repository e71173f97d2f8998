// Recall of a generic engine on the Guangdong development set, for comparison with mingbai's
// (crates/cli/tests/search_recall.rs, target/search-recall.txt).
//
//   node tests/bench/minisearch-recall.mjs            (needs `npm ci`: minisearch is a dev dependency)
//
// MiniSearch 7 with a character-bigram tokenizer (each run of Han characters → its overlapping
// pairs, a lone character as itself; ASCII words whole, lower-cased), default search options
// (OR of the terms, BM25), indexing the question (boost 2) and the answer of every Q&A entry of
// crates/cli/tests/search-queries/gd-library, then running gd-dev.tsv and gd-held.tsv with the
// same rule as the Rust test: recall@1 and recall@5 per category, an answer counts when its
// `kind:id` is one of the query's expected ones.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUERIES = path.join(ROOT, 'crates', 'cli', 'tests', 'search-queries');
const LIMIT = 5;

function bigrams(text) {
  const out = [];
  for (const run of text.toLowerCase().match(/[\u4e00-\u9fff]+|[a-z0-9]+/g) || []) {
    if (/^[a-z0-9]/.test(run) || run.length === 1) {
      out.push(run);
    } else {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    }
  }
  return out;
}

const qa = JSON.parse(fs.readFileSync(path.join(QUERIES, 'gd-library', 'qa.json'), 'utf8'));
const engine = new MiniSearch({
  fields: ['question', 'answer'],
  storeFields: [],
  tokenize: bigrams,
  searchOptions: { boost: { question: 2 } },
});
engine.addAll(qa.map((q) => ({ id: `qa:${q.id}`, question: q.question, answer: (q.answer || []).join('\n') })));

function readQueries(file) {
  return fs
    .readFileSync(path.join(QUERIES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('category\t'))
    .map((l) => {
      const [category, query, expected] = l.split('\t');
      return { category, query, expected: expected.split('|').map((e) => e.trim()) };
    });
}

console.log(`MiniSearch ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'minisearch', 'package.json'), 'utf8')).version}, character bigrams, ${qa.length} Q&A entries, limit ${LIMIT}\n`);
console.log('| queries | category | n | recall@1 | recall@5 |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const [file, name] of [['gd-dev.tsv', 'gd-dev'], ['gd-held.tsv', 'gd-held']]) {
  const per = new Map();
  for (const q of readQueries(file)) {
    const ids = engine.search(q.query).slice(0, LIMIT).map((r) => r.id);
    const rank = ids.findIndex((id) => q.expected.includes(id));
    const row = per.get(q.category) || { n: 0, at1: 0, at5: 0 };
    row.n += 1;
    row.at1 += rank === 0 ? 1 : 0;
    row.at5 += rank >= 0 ? 1 : 0;
    per.set(q.category, row);
  }
  for (const [category, r] of per) {
    console.log(`| ${name} | ${category} | ${r.n} | ${(r.at1 / r.n).toFixed(3)} | ${(r.at5 / r.n).toFixed(3)} |`);
  }
}
