// Sums a V8 CPU profile (`node --cpu-prof …` writes a .cpuprofile) by function: self time and
// share of the samples counted, the heaviest first. Optionally only the samples taken inside a
// named function (e.g. `fromQuotes`'s caller `build`, or `extractQuotes`), to leave out loading
// before the step of interest, and with the total time per source file.
//
//   npx tsx bench/profile-self.ts FILE.cpuprofile [TOP=40] [INSIDE_FUNCTION]

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, fromArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/profile-self.ts FILE.cpuprofile [TOP] [INSIDE_FUNCTION]');
  process.exit(1);
}
const top = Number(topArg ?? 40);
const inside = fromArg;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Whether a node lies under a call of `inside` (memoised by node).
const under = new Map<number, boolean>();
const isUnder = (id: number): boolean => {
  if (inside === undefined) return true;
  let v = under.get(id);
  if (v === undefined) {
    const p = parent.get(id);
    v = byId.get(id)?.callFrame.functionName === inside || (p !== undefined && isUnder(p));
    under.set(id, v);
  }
  return v;
};
const self = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  if (!isUnder(id)) return;
  const n = byId.get(id);
  if (!n) return;
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(src|bench|node_modules)\//u, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  const fileKey = where.replace(/:\d+$/u, '') || f.functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + dt);
  total += dt;
});
console.log(`${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
console.log('by file:');
for (const [k, us] of [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}
