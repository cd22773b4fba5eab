import type { ReplyPage } from '../commands/command.js';
import type { ReindexReport } from '../live/report.js';

const summary = (r: ReindexReport): string =>
  `${r.articles} articles, ${r.passages} passages; ${r.added} added, ${r.changed} changed, ${r.removed} removed; ${r.warnings} warnings; ${(r.ms / 1000).toFixed(1)} s`;

export const reindexText = (r: ReindexReport): string => `Reindexed: ${summary(r)}`;

export function reindexPages(r: ReindexReport): ReplyPage[] {
  return [{ embeds: [{ title: 'Reindexed', description: summary(r) }] }];
}
