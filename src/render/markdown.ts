import { httpUrl } from '../archive/url.js';
import type { Range } from '../search/snippet.js';

/** Characters that mean something to Discord markdown wherever they are. */
const MARKDOWN_CHARS = /[\\*_~|`[]/g;
/** A heading, quote, list item or subtext at the start of a line: `# `, `> `, `- `, `+ `, `-# `, `1. `. */
const LIST_START = /^([ \t]*)([-+>#])/gm;
const NUMBERED_START = /^([ \t]*\d+)\.(?=[ \t])/gm;

/**
 * Archive text made inert for Discord: every markdown character (`*`, `_`, `~`, `|`, `` ` ``,
 * `[`, `\`) is escaped with a backslash, as are heading, quote and list markers at a line start,
 * and mentions (`@everyone`, `<@123>`, `<#1>`) are broken with a zero-width space so they show
 * as text. Replies also send `allowedMentions: { parse: [] }`; this keeps them from even
 * looking live.
 *
 * Our own escaper, not discord.js's `escapeMarkdown`: that one leaves all but the first masked
 * link of a line live (its masked-link rule is greedy, and a link split by bold marks does not
 * even look like one to it), and it is slow on long text (about 1.6 ms per 1,000 characters,
 * more on long paragraphs: 4 s for a 1 MiB article). This is one linear pass; a backslash
 * before punctuation is invisible in Discord, so nothing is lost.
 */
export function escapeArchiveText(text: string): string {
  return text
    .replace(MARKDOWN_CHARS, '\\$&')
    .replace(LIST_START, '$1\\$2')
    .replace(NUMBERED_START, '$1\\.')
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:a]|\/)/g, '<\u200b');
}

/** Escapes text and bolds the given ranges (the matched words). */
export function boldRanges(text: string, ranges: readonly Range[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e > text.length) continue;
    out += escapeArchiveText(text.slice(at, s)) + `**${escapeArchiveText(text.slice(s, e))}**`;
    at = e;
  }
  return out + escapeArchiveText(text.slice(at));
}

/** Cuts text to `max` characters at a word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never split a surrogate pair (an emoji) in two: half a character is invalid text.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * A masked link `[text](url)` for Discord, or undefined when `url` is not an http(s) link.
 * `text` must already be escaped; the target is encoded by `httpUrl` (it cannot close early).
 */
export function markdownLink(text: string, url: string): string | undefined {
  const href = httpUrl(url);
  // A `]` in the label would end it early: escape it too (escapeArchiveText leaves it).
  return href ? `[${text.replace(/\]/g, '\\]')}](${href})` : undefined;
}
