import type { EmbedData, ReplyPage } from '../commands/command.js';
import type { Digest, DigestEntry, DigestStory } from '../summary/digest.js';
import type { SummaryResult } from '../summary/request.js';
import { citation, dateLabel } from './cite.js';
import { clip, escapeArchiveText, markdownLink } from './markdown.js';

const paragraphList = (ps: readonly number[]): string => [...new Set(ps)].sort((a, b) => a - b).map((p) => `¶${p}`).join(', ');

function quoteLine(q: { text: string; speaker: string | null }): string {
  return `“${q.text}” — ${q.speaker ?? 'unattributed'}`;
}

export function summaryText(r: SummaryResult): string {
  const lines = [r.title, `${dateLabel(r.date)} · ${r.article} · ${r.words} words${r.url ? ` · ${r.url}` : ''}`];
  if (r.query) lines.push(`(best match for "${r.query}")`);
  if (r.newest) lines.push('(the newest article; give --article or --query for another)');
  lines.push('');
  r.sentences.forEach((s, i) => lines.push(`${s} [¶${r.paragraphs[i] ?? 1}]`));
  if (r.quotes?.length) {
    lines.push('', 'Key quotes:');
    for (const q of r.quotes) lines.push(`  ${quoteLine(q)} [¶${q.paragraph}]`);
  }
  lines.push('', `Source: ${r.article} ${paragraphList(r.paragraphs)} (${dateLabel(r.date)})`);
  return lines.join('\n');
}

export function summaryPages(r: SummaryResult): ReplyPage[] {
  const body = r.sentences.map((s, i) => `${escapeArchiveText(s)} *[¶${r.paragraphs[i] ?? 1}]*`).join('\n\n');
  const e: EmbedData = {
    title: clip(escapeArchiveText(r.title), 256),
    description: clip(body, 4096),
    footer: { text: clip(`${dateLabel(r.date)} · ${r.article} ${paragraphList(r.paragraphs)} · ${r.words} words`, 2048) },
  };
  if (r.url) e.url = r.url;
  if (r.quotes?.length) {
    e.fields = [
      {
        name: 'Key quotes',
        value: clip(r.quotes.map((q) => `> ${escapeArchiveText(quoteLine(q))} *[¶${q.paragraph}]*`).join('\n'), 1024),
      },
    ];
  }
  const note = r.query ? clip(`Best match for “${escapeArchiveText(r.query)}”`, 2000) : r.newest ? 'The newest article (pick another with `article` or `query`)' : undefined;
  return [{ ...(note ? { content: note } : {}), embeds: [e] }];
}

function period(d: Digest): string {
  if (d.from === null && d.to === null) return 'no dated articles';
  if (d.from === d.to) return d.from ?? '';
  return `${d.from ?? 'the start'} to ${d.to ?? 'the end'}`;
}

function heading(d: Digest): string {
  const topic = d.topic ? ` on “${d.topic}”` : '';
  const pages = d.pages > 1 ? ` · page ${d.page} of ${d.pages}` : '';
  const stories = d.storyCount !== undefined ? ` in ${d.storyCount} stor${d.storyCount === 1 ? 'y' : 'ies'}` : '';
  return `Digest ${period(d)}${topic}: ${d.total} article${d.total === 1 ? '' : 's'}${stories}${pages}`;
}

const nothing = (d: Digest): string => `No articles ${d.from === d.to ? 'on' : 'from'} ${period(d)}${d.topic ? ` on “${d.topic}”` : ''}.`;

const size = (s: DigestStory): string => `${s.size} article${s.size === 1 ? '' : 's'}`;

export function digestText(d: Digest): string {
  if (d.entries.length === 0) return nothing(d);
  const lines = [heading(d), ''];
  for (const s of d.stories ?? []) {
    lines.push(`${s.title} (${size(s)})`);
    lines.push(`    ${s.summary}`);
    lines.push(`    ${s.cited.map((e) => `[${citation(e.article, e.paragraph)}] ${e.date}${e.url ? ` ${e.url}` : ''}`).join('; ')}`);
  }
  if (d.stories) {
    if (d.page < d.pages) lines.push('', `More: add --page ${d.page + 1}`);
    return lines.join('\n');
  }
  for (const e of d.entries) {
    lines.push(`${e.date}  ${e.title} [${citation(e.article, e.paragraph)}]${e.url ? ` ${e.url}` : ''}`);
    lines.push(`            ${e.summary}`);
  }
  if (d.page < d.pages) lines.push('', `More: add --page ${d.page + 1}`);
  return lines.join('\n');
}

function entryLine(e: DigestEntry): string {
  const title = escapeArchiveText(clip(e.title, 200));
  const linked = (e.url && markdownLink(title, e.url)) || title;
  return `**${e.date}** · ${linked}\n${escapeArchiveText(clip(e.summary, 600))} *[${escapeArchiveText(citation(e.article, e.paragraph))}]*`;
}

function storyLine(s: DigestStory): string {
  const title = escapeArchiveText(clip(s.title, 200));
  const cites = s.cited.map((e) => {
    const c = escapeArchiveText(citation(e.article, e.paragraph));
    return e.url ? `[${c}](${e.url})` : c;
  });
  return `**${title}** · ${size(s)}\n${escapeArchiveText(clip(s.summary, 600))}\n*${cites.join(' · ')}*`;
}

/** Lines packed into embeds of at most ~3,800 characters (Discord allows 4,096). */
export function digestPages(d: Digest): ReplyPage[] {
  if (d.entries.length === 0) return [{ content: nothing(d), embeds: [] }];
  const bodies: string[] = [];
  let current = '';
  const lines = d.stories ? d.stories.map(storyLine) : d.entries.map(entryLine);
  for (const line of lines) {
    if (current && current.length + line.length + 2 > 3800) {
      bodies.push(current);
      current = '';
    }
    current += (current ? '\n\n' : '') + line;
  }
  bodies.push(current);
  const more = d.page < d.pages ? ` · more with page: ${d.page + 1}` : '';
  return bodies.map((description, i) => ({
    ...(bodies.length > 1 ? { content: `Part ${i + 1} of ${bodies.length}` } : {}),
    embeds: [{ title: clip(heading(d), 256), description, footer: { text: clip(`${d.stories ? 'biggest stories first' : 'newest first'}${more}`, 2048) } }],
  }));
}
