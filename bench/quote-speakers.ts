// Every direct and partial quote of an archive with the speaker the attribution gives it, one JSON
// line per quote, and the difference against an earlier dump: how a change to attribution moves
// speakers on a corpus without gold (BBC, Reuters).
//
//   npx tsx bench/quote-speakers.ts ARCHIVE_DIR --out NOW.jsonl [--diff BEFORE.jsonl] [--weights speaker-weights.json] [--read-all]
//
// --weights scores with a trained weights file (npm run train:quotes -- … --out FILE) instead of the
// committed one: a missing feature counts as 0, so a file trained before a feature existed still reads.
// With --diff it prints each quote whose speaker changed (article, paragraph, before → after, the
// quote's start) and the count. With --read-all every candidate is read as training reads them (the
// run-time skip of the narration around a tail attribution naming one person is off): a dump with and one
// without it show what that skip changes under the current weights.

import { readFileSync, writeFileSync } from 'node:fs';
import { loadArchive } from '../src/archive/load.js';
import { attributeArticle } from '../src/quotes/attribute.js';
import { FEATURES, parseWeights, type SpeakerWeights } from '../src/quotes/ranker.js';
import { readDump, rowKey, type SpeakerRow } from './speaker-dump.js';

const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const out = valueOf('--out');
if (!dir || !out) {
  console.error('usage: npx tsx bench/quote-speakers.ts ARCHIVE_DIR --out NOW.jsonl [--diff BEFORE.jsonl] [--weights FILE] [--read-all]');
  process.exit(1);
}
const weightsPath = valueOf('--weights');
let weights: SpeakerWeights | undefined;
if (weightsPath) {
  const json = JSON.parse(readFileSync(weightsPath, 'utf8')) as { weights?: Record<string, number> };
  weights = parseWeights({ ...json, weights: Object.fromEntries(FEATURES.map((f) => [f, json.weights?.[f] ?? 0])) });
}

// An observer that only looks: attribution then reads every candidate, as it does for training.
const readAll = argv.includes('--read-all') ? { observe: (): void => undefined } : {};
const rows: SpeakerRow[] = [];
for (const article of loadArchive(dir).articles) {
  for (const q of attributeArticle(article.paragraphs, { ...(weights ? { weights } : {}), ...readAll })) {
    if (q.kind === 'fragment') continue;
    rows.push({ article: article.id, paragraph: q.paragraph, open: q.open, speaker: q.speaker, text: q.text.slice(0, 70) });
  }
}
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} quotes written to ${out}`);

const before = valueOf('--diff');
if (before) {
  const old = new Map(readDump(before).map((r) => [rowKey(r), r]));
  let changed = 0;
  for (const r of rows) {
    const o = old.get(rowKey(r));
    if (!o || o.speaker === r.speaker) continue;
    changed++;
    console.log(`${r.article} ¶${r.paragraph} ${o.speaker ?? 'nobody'} → ${r.speaker ?? 'nobody'}  "${r.text}"`);
  }
  console.log(`${changed} of ${rows.length} quotes changed speaker`);
}
