import type { ReplyPage } from '../commands/command.js';
import type { ReindexReport } from '../live/report.js';
import { count } from '../text/plural.js';

const summary = (r: ReindexReport): string =>
  `${count(r.articles, 'article')}, ${count(r.passages, 'passage')}; ${r.added} added, ${r.changed} changed, ${r.removed} removed; ${count(r.warnings, 'warning')}; ${(r.ms / 1000).toFixed(1)} s`;

export const reindexText = (r: ReindexReport): string => `Reindexed: ${summary(r)}`;

export function reindexPages(r: ReindexReport): ReplyPage[] {
  return [{ embeds: [{ title: 'Reindexed', description: summary(r) }] }];
}
