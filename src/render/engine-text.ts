import type { AskHit, AskResult, ArticleView, Hit, Stats } from '../engine.js';
import { citation, dateLabel } from './cite.js';
import { UNSURE_LEAD } from './wording.js';

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** Terminal rendering: matched words in bold when the output is a terminal. */
export interface TextStyle {
  color: boolean;
}

function marked(text: string, ranges: ReadonlyArray<readonly [number, number]>, style: TextStyle): string {
  if (!style.color) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + BOLD + text.slice(s, e) + RESET;
    at = e;
  }
  return out + text.slice(at);
}

function hitHeader(h: Hit, i: number): string {
  return `${i + 1}. ${h.title} — ${dateLabel(h.date)} [${citation(h.article, h.paragraph)}]${h.url ? ` ${h.url}` : ''}`;
}

export function searchText(r: { hits: Hit[] }, style: TextStyle = { color: false }): string {
  if (r.hits.length === 0) return 'No passages match.';
  return r.hits.map((h, i) => `${hitHeader(h, i)}\n   ${marked(h.snippet, h.highlights, style)}`).join('\n\n');
}

/** The answer itself in bold (`**…**` when the output is not a terminal), else the question's words. */
function answerLine(h: AskHit, style: TextStyle): string {
  if (!h.answerSpan) return marked(h.answer, h.answerHighlights, style);
  const { start, end } = h.answerSpan;
  const span = h.answer.slice(start, end);
  return `${h.answer.slice(0, start)}${style.color ? BOLD + span + RESET : `**${span}**`}${h.answer.slice(end)}`;
}

export function askText(r: Pick<AskResult, 'hits'> & Partial<AskResult>, style: TextStyle = { color: false }): string {
  if (r.hits.length === 0) return 'Nothing in the archive answers that.';
  // Unsure: the passages are offered as reading, with no sentence presented as the answer.
  if (r.confident === false) {
    return [UNSURE_LEAD, ...r.hits.map((h, i) => `${hitHeader(h, i)}\n   ${marked(h.snippet, h.highlights, style)}`)].join('\n\n');
  }
  return r.hits
    .map((h, i) => `${hitHeader(h, i)}\n   Answer: ${answerLine(h, style)}\n   ${marked(h.snippet, h.highlights, style)}`)
    .join('\n\n');
}

export function articleText(a: ArticleView): string {
  const head = [`${a.title}`, `${dateLabel(a.date)} · ${a.article} · ${a.words} words${a.url ? ` · ${a.url}` : ''}`];
  return [...head, '', ...a.paragraphs.map((p) => `[${p.n}] ${p.text}`)].join('\n');
}

export function statsText(s: Stats): string {
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
