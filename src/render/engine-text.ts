import type { AskHit, AskResult, ArticleView, Hit, Stats } from '../engine.js';
import type { LoadingStatus } from '../loading-status.js';
import { citation, dateLabel } from './cite.js';
import { count } from '../text/plural.js';
import { UNSURE_LEAD } from './wording.js';

function hitHeader(h: Hit, i: number): string {
  return `${i + 1}. ${h.title} — ${dateLabel(h.date)} [${citation(h.article, h.paragraph)}]${h.url ? ` ${h.url}` : ''}`;
}

export function searchText(r: { hits: Hit[] }): string {
  if (r.hits.length === 0) return 'No passages match.';
  return r.hits.map((h, i) => `${hitHeader(h, i)}\n   ${h.snippet}`).join('\n\n');
}

/** The answer sentence with the answer itself in bold (`**…**`, as in Discord). */
function answerLine(h: AskHit): string {
  if (!h.answerSpan) return h.answer;
  const { start, end } = h.answerSpan;
  return `${h.answer.slice(0, start)}**${h.answer.slice(start, end)}**${h.answer.slice(end)}`;
}

export function askText(r: Pick<AskResult, 'hits'> & Partial<AskResult>): string {
  if (r.hits.length === 0) return 'Nothing in the archive answers that.';
  // Unsure: the passages are offered as reading, with no sentence presented as the answer.
  if (r.confident === false) {
    return [UNSURE_LEAD, ...r.hits.map((h, i) => `${hitHeader(h, i)}\n   ${h.snippet}`)].join('\n\n');
  }
  return r.hits
    .map((h, i) => `${hitHeader(h, i)}\n   Answer: ${answerLine(h)}\n   ${h.snippet}`)
    .join('\n\n');
}

export function articleText(a: ArticleView): string {
  const head = [`${a.title}`, `${dateLabel(a.date)} · ${a.article} · ${count(a.words, 'word')}${a.url ? ` · ${a.url}` : ''}`];
  return [...head, '', ...a.paragraphs.map((p) => `[${p.n}] ${p.text}`)].join('\n');
}

export function statsText(s: Stats | LoadingStatus): string {
  if ('loading' in s) return [`loading   ${s.phase}, ${s.percent}%`, `articles  ${s.articles} read so far`, `elapsed   ${(s.elapsedMs / 1000).toFixed(1)} s`].join('\n');
  const lines = [
    `articles  ${s.articles}`,
    `passages  ${s.passages}`,
    `dates     ${s.firstDate ?? '—'} to ${s.lastDate ?? '—'} (${s.undated} undated)`,
    `warnings  ${s.warnings.length}`,
  ];
  for (const w of s.warnings.slice(0, 20)) lines.push(`  ${w.file}: ${w.message}`);
  if (s.warnings.length > 20) lines.push(`  … and ${s.warnings.length - 20} more`);
  return lines.join('\n');
}
