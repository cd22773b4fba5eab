// How many speakers of a dump (bench/quote-speakers.ts) are no person nor organisation, by a
// heuristic read off the speaker's name alone: a place (every word capitalised, the whole name a
// gazetteer entry of src/search/places.ts), a possessive (ends in 's or '), a document (the last
// word a document noun: "the report", "a Foreign Ministry statement"), with the commonest of each.
//
//   npx tsx bench/speaker-kinds.ts DUMP.jsonl...
import { readFileSync } from 'node:fs';
import { isPlaceName } from '../src/search/places.js';
const DOCS = new Set('statement report release memo letter study survey newsletter declaration communique bulletin document editorial review'.split(' '));
for (const f of process.argv.slice(2)) {
  const rows = readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { speaker: string | null });
  let place = 0, poss = 0, doc = 0;
  const ex: Record<string, Map<string, number>> = { place: new Map(), poss: new Map(), doc: new Map() };
  const bump = (k: string, s: string) => ex[k]!.set(s, (ex[k]!.get(s) ?? 0) + 1);
  for (const r of rows) {
    const s = r.speaker;
    if (!s) continue;
    const ws = s.split(/\s+/u);
    const capital = ws.filter((w) => /^\p{Lu}/u.test(w));
    // A place: every word of the speaker is capitalised and the speaker (one or two words) is a gazetteer entry.
    if (capital.length === ws.length && isPlaceName(ws)) { place++; bump('place', s); }
    if (/\p{L}['’]s?$/u.test(s)) { poss++; bump('poss', s); }
    if (DOCS.has((ws[ws.length - 1] ?? '').toLowerCase())) { doc++; bump('doc', s); }
  }
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}:${v}`).join(', ');
  console.log(f, rows.length, 'place', place, 'poss', poss, 'doc', doc);
  console.log('  place:', top(ex.place!)); console.log('  poss:', top(ex.poss!)); console.log('  doc:', top(ex.doc!));
}
