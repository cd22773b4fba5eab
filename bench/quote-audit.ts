// A seeded random sample of an archive's attributed quotes, each printed with its paragraph and the
// paragraph before, for reading by hand (right / wrong person / not a person / description): the
// unseen-news audit of issue 10. The sample is drawn from a dump of bench/quote-speakers.ts, so
// the same seed picks the same quotes before and after a change (keys: article, paragraph, open).
//
//   npx tsx bench/quote-audit.ts ARCHIVE_DIR DUMP.jsonl [--seed 16] [--n 40] [--only-changed BEFORE.jsonl]
//
// --only-changed samples only the quotes whose speaker differs from BEFORE.jsonl (the diff review).

import { loadArchive } from '../src/archive/load.js';
import { readDump, rowKey, type SpeakerRow } from './speaker-dump.js';

const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const [dir, dump] = positional;
if (!dir || !dump) {
  console.error('usage: npx tsx bench/quote-audit.ts ARCHIVE_DIR DUMP.jsonl [--seed 16] [--n 40] [--only-changed BEFORE.jsonl]');
  process.exit(1);
}
const seed = Number(valueOf('--seed') ?? '16');
const n = Number(valueOf('--n') ?? '40');

let rows = readDump(dump);
const beforePath = valueOf('--only-changed');
const before = new Map<string, SpeakerRow>();
if (beforePath) {
  for (const r of readDump(beforePath)) before.set(rowKey(r), r);
  rows = rows.filter((r) => before.has(rowKey(r)) && before.get(rowKey(r))?.speaker !== r.speaker);
}

// mulberry32: a small seeded generator, so that a sample can be drawn again.
let state = seed >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const picked = [...rows.keys()];
for (let i = picked.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [picked[i], picked[j]] = [picked[j] as number, picked[i] as number];
}
const sample = picked.slice(0, Math.min(n, picked.length)).map((i) => rows[i] as SpeakerRow);
const articles = new Map(loadArchive(dir).articles.map((a) => [a.id, a]));
console.log(`seed ${seed}: ${sample.length} of ${rows.length} quotes\n`);
sample.forEach((r, k) => {
  const a = articles.get(r.article);
  const paras = a?.paragraphs ?? [];
  const old = before.get(rowKey(r));
  console.log(`#${k + 1} ${r.article} ¶${r.paragraph} speaker: ${old ? `${old.speaker ?? 'nobody'} → ` : ''}${r.speaker ?? 'nobody'}`);
  console.log(`   [quote]  "${r.text}…"`);
  if (r.paragraph > 1) console.log(`   [before] ${(paras[r.paragraph - 2] ?? '').slice(-400)}`);
  const para = paras[r.paragraph - 1] ?? '';
  // The paragraph around the quote: from 500 characters before its opening mark to 400 after.
  const from = Math.max(0, r.open - 500);
  console.log(`   [para]   ${from > 0 ? '…' : ''}${para.slice(from, r.open + 400)}${r.open + 400 < para.length ? '…' : ''}`);
  console.log();
});
