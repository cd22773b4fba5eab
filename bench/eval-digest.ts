/**
 * `npm run eval:digest -- ARCHIVE_DIR PERIOD [PERIOD …]`: the top stories the digest gives for each
 * day, with their sizes and a few of their headlines, beside the day's most repeated headline
 * words, so that a reader can judge whether the top stories are the day's big ones by the
 * articles' own counts. Reads the corpus by path; writes nothing.
 */
import { loadArchive } from '../src/archive/load.js';
import { isStopWord } from '../src/text/tokenize.js';
import { digest } from '../src/summary/digest.js';

function main(argv: string[]): void {
  const [dir, ...days] = argv;
  if (!dir || days.length === 0) {
    console.error('usage: npm run eval:digest -- ARCHIVE_DIR PERIOD [PERIOD …]');
    process.exit(1);
  }
  const archive = loadArchive(dir);
  for (const day of days) {
    const t0 = performance.now();
    const d = digest(archive.articles, { date: day, limit: 5 });
    const ms = performance.now() - t0;
    const found = archive.articles.filter((a) => (a.date ?? '').startsWith(day));
    console.log(`== ${day}: ${d.total} articles, ${d.storyCount ?? 0} stories (${ms.toFixed(0)} ms)`);
    (d.stories ?? []).forEach((s, i) => {
      const titles = s.articles
        .slice(1, 4)
        .map((id) => found.find((a) => a.id === id)?.title.slice(0, 48) ?? id)
        .join(' / ');
      console.log(`  ${i + 1}. [${s.size}] ${s.title}\n       ${titles}`);
    });
    // The day's most repeated headline words: what the wire wrote most about, counted plainly.
    const counts = new Map<string, number>();
    for (const a of found) {
      for (const w of new Set(a.title.toLowerCase().match(/[a-z][a-z.'-]+/g) ?? [])) {
        if (w.length > 2 && !isStopWord(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`  headline words: ${top.map(([w, n]) => `${w} ${n}`).join(', ')}`);
  }
}

main(process.argv.slice(2));
