// Finding every article's quotes first and attributing them after (what QuoteStore.build does, for
// a cold process's sake) must give exactly what attributing each article on its own gives.
import { describe, expect, it } from 'vitest';
import { attributeArticle, extractArticle } from '../../src/quotes/attribute.js';
import { extractQuotes } from '../../src/quotes/store.js';
import type { Article } from '../../src/archive/types.js';

const ARTICLES: string[][] = [
  ['Mayor Jane Porter opened the new bridge on Monday.', '"This bridge joins two halves of our city," Porter said.', 'She added that traffic would ease. "We waited ten years for this day," she said.', '"It is far too expensive," said one local shopkeeper.'],
  ['The company said profits rose.', 'An analyst called it a “remarkable turnaround” and said: “Nobody expected this.”', '“It will not last,” he said, “not with rates where they are.”', 'Budget director Ana Ruiz said the city “will not raise property taxes this year.”'],
  // Only a title in marks: a fragment, nothing to attribute.
  ['He read “War and Peace” twice.'],
  // No marks at all.
  ['Shares fell 3 pct in early trading.', 'Volume was light.'],
  // Quotes in the first and last paragraphs only, with narration between.
  ['“We will win,” said Smith.', 'The vote is on Friday.', '“We lost,” said Jones, “but not by much.”'],
];

describe('extracting first', () => {
  it('attributes each article as extracting inside attributeArticle does', () => {
    for (const paragraphs of ARTICLES) {
      const extracted = extractArticle(paragraphs);
      const own = attributeArticle(paragraphs);
      expect(extracted ? attributeArticle(paragraphs, { extracted }) : [], JSON.stringify(paragraphs)).toEqual(own);
    }
    // The fixtures reach speakers, a partial quote and a fragment (the comparison is not vacuous).
    const all = ARTICLES.flatMap((p) => attributeArticle(p));
    expect(all.filter((q) => q.speaker !== null).length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((q) => q.kind))).toEqual(new Set(['direct', 'partial', 'fragment']));
  });

  it('says an article without any quote marks has nothing to attribute', () => {
    expect(extractArticle(['Shares fell 3 pct in early trading.', 'Volume was light.'])).toBeNull();
    expect(extractArticle([])).toBeNull();
    expect(extractArticle(['He read “War and Peace” twice.'])?.[0]?.[0]?.span.kind).toBe('fragment');
  });

  it('the store lists the same quotes as article-by-article attribution', () => {
    const articles: Article[] = ARTICLES.map((paragraphs, k) => ({ id: `a${k}`, title: `T${k}`, date: '2024-01-02', paragraphs, headline: false }));
    const byArticle = articles.flatMap((a) =>
      attributeArticle(a.paragraphs)
        .filter((q) => q.kind !== 'fragment')
        .map((q) => ({ article: a.id, text: q.text, speaker: q.speaker, role: q.role, kind: q.kind })),
    );
    expect(extractQuotes(articles).map((q) => ({ article: q.article, text: q.text, speaker: q.speaker, role: q.role, kind: q.kind }))).toEqual(byArticle);
  });
});
