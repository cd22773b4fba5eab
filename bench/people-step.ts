// The name scan alone (`new People(…)`, what attributeArticle builds once per article with quotes),
// cold and warm, in this process: the archive is loaded and its quotes found first (not timed),
// then the People of every article with a quote are built RUNS times (default 3) over the
// paragraphs attributeArticle gives them (up to the last one with a quote). The first run is cold,
// the later ones warm. Prints one JSON line with main-thread CPU and wall (ms) of each run and a
// count of the mentions found (the same before and after a cost-only change). For A/B runs of
// cost-only changes to people.ts and the name lexicon: fresh processes, alternating the two trees,
// medians of main-thread CPU (bench/quote-step.ts times the whole quote step the same way).
//
//   node --import tsx bench/people-step.ts ARCHIVE_DIR [RUNS]

import { loadArchive } from '../src/archive/load.js';
import { makeRangeTest } from '../src/quotes/attribute.js';
import { extractWithContext } from '../src/quotes/extract.js';
import { People, paragraphBases } from '../src/quotes/people.js';
import { measure } from './thread-cpu.js';

const dir = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!dir || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node --import tsx bench/people-step.ts ARCHIVE_DIR [RUNS]');
  process.exit(1);
}

interface Input {
  paragraphs: readonly string[];
  bases: number[];
  quoted: (pos: number) => boolean;
}

const { articles } = loadArchive(dir);
const inputs: Input[] = [];
for (const a of articles) {
  const bases = paragraphBases(a.paragraphs);
  const ranges: Array<[number, number]> = [];
  let last = -1;
  a.paragraphs.forEach((p, i) => {
    for (const { span } of extractWithContext(p, i + 1)) {
      if (span.kind === 'fragment') continue;
      ranges.push([(bases[i] ?? 0) + span.open, (bases[i] ?? 0) + span.close]);
      last = i;
    }
  });
  if (last >= 0) inputs.push({ paragraphs: a.paragraphs.slice(0, last + 1), bases, quoted: makeRangeTest(ranges) });
}
const out: { wall: number; main: number; mentions: number }[] = [];
for (let i = 0; i < runs; i++) {
  const { value, cost } = measure(() => {
    let mentions = 0;
    for (const x of inputs) mentions += new People(x.paragraphs, x.bases, x.quoted).mentions.length;
    return mentions;
  });
  out.push({ wall: Math.round(cost.wall), main: Math.round(cost.main), mentions: value });
}
console.log(JSON.stringify({ articles: inputs.length, cold: out[0], warm: out.slice(1) }));
