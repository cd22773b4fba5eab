import type { EmbedData, ReplyPage } from '../commands/command.js';
import type { AskHit, AskResult, ArticleView, Hit, Stats } from '../engine.js';
import type { LoadingStatus } from '../loading-status.js';
import type { Range } from '../search/snippet.js';
import { UNSURE_LEAD } from './wording.js';
import { citation, dateLabel } from './cite.js';
import { LIMITS } from './limits.js';
import { boldRanges, clip, escapeArchiveText } from './markdown.js';
import { count } from '../text/plural.js';

/** Hits shown per page of a Discord reply. */
const HITS_PER_PAGE = 3;

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function hitEmbed(h: Hit, extra?: string): EmbedData {
  const e: EmbedData = {
    title: clip(escapeArchiveText(h.title), LIMITS.title),
    description: clip(`${extra ? `${extra}\n\n` : ''}${boldRanges(h.snippet, h.highlights)}`, LIMITS.description),
    footer: { text: `${dateLabel(h.date)} · ${citation(h.article, h.paragraph)}` },
  };
  if (h.url) e.url = h.url;
  return e;
}

function pageFooter(pages: ReplyPage[], lead?: string): ReplyPage[] {
  pages.forEach((p, i) => {
    const parts = [lead, pages.length > 1 ? `Page ${i + 1} of ${pages.length}` : undefined].filter((x) => x !== undefined);
    if (parts.length) p.content = parts.join(' · ');
  });
  return pages;
}

export function searchPages(r: { hits: Hit[] }): ReplyPage[] {
  if (r.hits.length === 0) return [{ content: 'No passages match.', embeds: [] }];
  return pageFooter(chunk(r.hits, HITS_PER_PAGE).map((hits) => ({ embeds: hits.map((h) => hitEmbed(h)) })));
}

/** The answer sentence as a quote: the answer itself in bold, else the question's words. */
function answerLine(h: AskHit): string {
  const bold: Range[] = h.answerSpan ? [[h.answerSpan.start, h.answerSpan.end]] : h.answerHighlights;
  return `> ${boldRanges(h.answer, bold)}`;
}

export function askPages(r: Pick<AskResult, 'hits'> & Partial<AskResult>): ReplyPage[] {
  if (r.hits.length === 0) return [{ content: 'Nothing in the archive answers that.', embeds: [] }];
  // Unsure: the passages are offered as reading, with no sentence presented as the answer.
  const unsure = r.confident === false;
  return pageFooter(
    chunk(r.hits, HITS_PER_PAGE).map((hits) => ({
      embeds: hits.map((h) => (unsure ? hitEmbed(h) : hitEmbed(h, answerLine(h)))),
    })),
    unsure ? UNSURE_LEAD : undefined,
  );
}

/** The article's paragraphs, numbered, as many per page as fit an embed. */
export function articlePages(a: ArticleView): ReplyPage[] {
  const bodies: string[] = [];
  let current = '';
  for (const p of a.paragraphs) {
    const line = clip(`**[${p.n}]** ${escapeArchiveText(p.text)}`, 3800);
    if (current && current.length + line.length + 2 > 3800) {
      bodies.push(current);
      current = '';
    }
    current += (current ? '\n\n' : '') + line;
  }
  if (current || bodies.length === 0) bodies.push(current || '(no text)');
  return pageFooter(
    bodies.map((description) => {
      const e: EmbedData = {
        title: clip(escapeArchiveText(a.title), LIMITS.title),
        description,
        footer: { text: `${dateLabel(a.date)} · ${a.article} · ${count(a.words, 'word')}` },
      };
      if (a.url) e.url = a.url;
      return { embeds: [e] };
    }),
  );
}

export function statsPages(s: Stats | LoadingStatus): ReplyPage[] {
  if ('loading' in s) {
    const fields = [
      { name: 'Progress', value: `${s.percent}%`, inline: true },
      { name: 'Articles read', value: String(s.articles), inline: true },
      { name: 'Elapsed', value: seconds(s.elapsedMs), inline: true },
    ];
    return [{ embeds: [{ title: 'Archive (loading)', description: `${LOADING_LEAD} Now: ${s.phase}.`, fields }] }];
  }
  const fields = [
    { name: 'Articles', value: String(s.articles), inline: true },
    { name: 'Passages', value: String(s.passages), inline: true },
    { name: 'Dates', value: `${s.firstDate ?? '—'} to ${s.lastDate ?? '—'}${s.undated ? ` (${s.undated} undated)` : ''}`, inline: true },
  ];
  if (s.warnings.length) {
    const list = s.warnings.slice(0, 10).map((w) => `${escapeArchiveText(w.file)}: ${escapeArchiveText(w.message)}`).join('\n');
    fields.push({ name: `Warnings (${s.warnings.length})`, value: clip(list, LIMITS.fieldValue), inline: false });
  }
  return [{ embeds: [{ title: 'Archive', fields }] }];
}

/** What /stats says while the archive loads (the other commands ask to try again). */
export const LOADING_LEAD = 'The archive is still loading; the other commands answer once it is ready.';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
