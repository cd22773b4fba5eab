/**
 * Each article's fold: `folds` runs of whole articles in the order they first come. The scheme
 * of every cross-fitting by article (the translation table, crossFitAlign; the sentence model,
 * crossFitRanker; the answer-type prior, crossFitPrior), each over its own articles, so one
 * article's questions never sit on both sides of a cut.
 */
export function articleFolds(articles: readonly string[], folds: number): Map<string, number> {
  const unique = [...new Set(articles)];
  return new Map(unique.map((a, i) => [a, Math.floor((i * folds) / unique.length)]));
}
