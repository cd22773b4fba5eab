/** How every reply names its source: article id and paragraph, plus the date. */
export function citation(article: string, paragraph?: number): string {
  return paragraph === undefined ? article : `${article} ¶${paragraph}`;
}

export const dateLabel = (date: string | null): string => date ?? 'undated';
