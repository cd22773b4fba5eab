import { escapeMarkdown } from '@discordjs/formatters';
import type { Range } from '../search/snippet.js';

/**
 * Archive text made inert for Discord: markdown (`**`, `||`, masked links) is escaped and
 * mentions (`@everyone`, `<@123>`, `<#1>`) are broken with a zero-width space so they show as
 * text. Replies also send `allowedMentions: { parse: [] }`; this keeps them from even looking live.
 */
export function escapeArchiveText(text: string): string {
  return escapeMarkdown(text, { bulletedList: true, numberedList: true, heading: true, maskedLink: true })
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
