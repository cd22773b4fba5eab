// Terminal text and Discord pages for /quotes and /speakers.

import type { ReplyPage } from '../commands/command.js';
import type { QuotesResult, QuoteView, SpeakerView } from '../quotes/query.js';
import { citation, dateLabel } from './cite.js';
import { clip, escapeArchiveText } from './markdown.js';

const QUOTES_PER_PAGE = 5;

const who = (q: QuoteView): string => (q.speaker ? `${q.speaker}${q.role ? ` (${q.role})` : ''}` : 'unattributed');

function emptyMessage(r: QuotesResult): string {
  if (r.speaker && r.topic) return `No quotes from ${r.speaker} about “${r.topic}”.`;
  if (r.speaker) return `No quotes from ${r.speaker}.`;
  if (r.topic) return `No quotes about “${r.topic}”.`;
  return 'No quotes in that article.';
}

/** "Also named Blair: Cherie Blair (3 quotes)": the other speakers the typed name fits. */
function othersNote(r: QuotesResult): string | null {
  if (!r.others || r.others.length === 0) return null;
  return `Also matching: ${r.others.map((o) => `${o.name} (${o.quotes} quote${o.quotes === 1 ? '' : 's'})`).join(', ')}`;
}

export function quotesText(r: QuotesResult): string {
  const note = othersNote(r);
  const body = quotesBody(r);
  return note ? `${body}\n\n${note}` : body;
}

function quotesBody(r: QuotesResult): string {
  if (r.quotes.length === 0) return emptyMessage(r);
  return r.quotes.map((q, i) => `${i + 1}. “${q.text}”\n   — ${who(q)} · ${dateLabel(q.date)} [${citation(q.article, q.paragraph)}]`).join('\n\n');
}

export function quotesPages(r: QuotesResult): ReplyPage[] {
  if (r.quotes.length === 0) return [{ content: emptyMessage(r), embeds: [] }];
  const title = r.speaker ? `Quotes from ${r.speaker}${r.topic ? ` about “${r.topic}”` : ''}` : r.topic ? `Quotes about “${r.topic}”` : 'Quotes';
  const pages: ReplyPage[] = [];
  for (let i = 0; i < r.quotes.length; i += QUOTES_PER_PAGE) {
    const fields = r.quotes.slice(i, i + QUOTES_PER_PAGE).map((q) => ({
      // Discord: a field name is at most 256 characters, a value at most 1,024.
      name: clip(escapeArchiveText(who(q)), 256),
      value: `${clip(`> ${escapeArchiveText(q.text)}`, 900)}\n${dateLabel(q.date)} · ${clip(escapeArchiveText(citation(q.article, q.paragraph)), 100)}`,
      inline: false,
    }));
    pages.push({ embeds: [{ title: clip(escapeArchiveText(title), 256), fields }] });
  }
  if (pages.length > 1) pages.forEach((p, k) => (p.content = `Page ${k + 1} of ${pages.length}`));
  const note = othersNote(r);
  // Embed footers show no markdown, so the note goes in as plain text.
  if (note) for (const p of pages) for (const e of p.embeds) e.footer = { text: clip(note, 2048) };
  return pages;
}

export function speakersText(r: { speakers: SpeakerView[] }): string {
  if (r.speakers.length === 0) return 'No quoted speakers in this archive.';
  const width = Math.max(...r.speakers.map((s) => s.name.length));
  return r.speakers
    .map((s, i) => `${String(i + 1).padStart(2)}. ${s.name.padEnd(width)}  ${s.quotes} quote${s.quotes === 1 ? '' : 's'} in ${s.articles} article${s.articles === 1 ? '' : 's'}${s.roles[0] ? `  (${s.roles[0]})` : ''}`)
    .join('\n');
}

export function speakersPages(r: { speakers: SpeakerView[] }): ReplyPage[] {
  if (r.speakers.length === 0) return [{ content: 'No quoted speakers in this archive.', embeds: [] }];
  const lines = r.speakers.map(
    (s, i) => `${i + 1}. **${escapeArchiveText(s.name)}** — ${s.quotes} quote${s.quotes === 1 ? '' : 's'}, ${s.articles} article${s.articles === 1 ? '' : 's'}${s.roles[0] ? ` · ${escapeArchiveText(s.roles[0])}` : ''}`,
  );
  return [{ embeds: [{ title: 'Most quoted speakers', description: clip(lines.join('\n'), 4096) }] }];
}
