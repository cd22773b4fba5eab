import type { EmbedData, FileData, ReplyPage } from '../commands/command.js';
import type { Timeline } from '../timeline/timeline.js';
import { citation, dateLabel } from './cite.js';
import { LIMITS } from './limits.js';
import { boldRanges, clip, escapeArchiveText, markdownLink } from './markdown.js';
import { CHART_FILE, periodName, timelinePng } from './timeline-chart.js';
import { count } from '../text/plural.js';


/** The chart, as the file both Discord (attachment) and the command line (`--out`) use. */
export function timelineFiles(t: Timeline): FileData[] {
  return [{ name: CHART_FILE, data: timelinePng(t) }];
}

/** One embed: total, peak and its top article cited, with the chart attached inside it. */
export function timelinePages(t: Timeline): ReplyPage[] {
  const top = t.peak.top;
  const who = t.speaker ? ` quoting ${escapeArchiveText(t.speaker)}` : '';
  const quotes = t.total.quotes !== undefined ? ` (${count(t.total.quotes, 'paragraph')} quoting the speaker)` : '';
  const peakQuotes = t.peak.quotes !== undefined ? `, ${count(t.peak.quotes, 'quote')}` : '';
  const headline = clip(escapeArchiveText(top.title), 200);
  const lines = [
    `**${count(t.total.articles, 'article')}**${who}${quotes} from ${t.from} to ${t.to}, by ${t.unit}.`,
    `Peak: **${periodName(t.unit, t.peak.start)}**${t.unit === 'week' ? ` (${t.peak.period})` : ''}: ${count(t.peak.articles, 'article')}${peakQuotes}.`,
    '',
    `Top article of the peak: ${(top.url && markdownLink(headline, top.url)) || `**${headline}**`} — ${dateLabel(top.date)} · ${citation(top.article, top.paragraph)}`,
    // One quoted line: a line break would end the quote (same length, so the ranges still fit).
    `> ${boldRanges(top.snippet.replace(/[\r\n]/g, ' '), top.highlights)}`,
  ];
  const embed: EmbedData = {
    title: clip(`Timeline: “${escapeArchiveText(t.query)}”`, LIMITS.title),
    description: clip(lines.join('\n'), LIMITS.description),
    image: { url: `attachment://${CHART_FILE}` },
  };
  if (t.undated > 0) embed.footer = { text: `${count(t.undated, 'undated article')} also match${t.undated === 1 ? 'es' : ''}; not charted.` };
  return [{ embeds: [embed], files: timelineFiles(t) }];
}
