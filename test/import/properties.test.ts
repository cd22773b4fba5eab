import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/archive/parse.js';
import { importDate } from '../../src/import/dates.js';
import { parseFeed } from '../../src/import/feed.js';
import { htmlToParagraphs } from '../../src/import/html.js';
import { parseCsvRecords, parseJsonl } from '../../src/import/records.js';
import { renderArticleFile, slug } from '../../src/import/write.js';
import { isValidIsoDate } from '../../src/text/dates.js';

const text = fc.string({ unit: 'grapheme', maxLength: 200 });

describe('import parsers on any input', () => {
  it('GIVEN any string THEN importDate is a real ISO day or null, never a throw', () => {
    fc.assert(fc.property(text, (s) => {
      const d = importDate(s);
      expect(d === null || isValidIsoDate(d)).toBe(true);
    }));
  });

  it('GIVEN any text THEN JSON Lines and CSV parsing never throw on content (only on a missing column) and account for every line', () => {
    fc.assert(fc.property(text, (s) => {
      const jsonl = parseJsonl(s, 'x.jsonl', {});
      expect(jsonl.items.length + jsonl.skipped.length).toBeLessThanOrEqual(s.split('\n').length);
      try {
        parseCsvRecords(`title,body\n${s}`, 'x.csv', {});
      } catch (e) {
        expect((e as Error).message).toMatch(/^no (column|text column)/);
      }
    }));
  });

  it('GIVEN any text THEN a feed parse either gives items or a reason, never a crash of another kind', () => {
    fc.assert(fc.property(text, (s) => {
      try {
        parseFeed(`<rss><channel><item><title>${s}</title><description>${s}</description></item></channel></rss>`, 'f.xml');
      } catch (e) {
        expect((e as Error).message).toMatch(/^not (well-formed XML|an RSS or Atom feed)/);
      }
    }));
  });

  it('GIVEN any HTML-ish text THEN paragraphs are trimmed, single-line and never empty', () => {
    fc.assert(fc.property(fc.array(fc.oneof(text, fc.constantFrom('<p>', '</p>', '<br>', '<div>', '&amp;', '<script>x</script>', '\n\n')), { maxLength: 30 }), (parts) => {
      for (const p of htmlToParagraphs(parts.join(''))) {
        expect(p).toBe(p.trim());
        expect(p).not.toMatch(/\n/);
        expect(p.length).toBeGreaterThan(0);
      }
    }));
  });

  it('GIVEN any title and paragraphs THEN the written file reads back with the same title and paragraphs', () => {
    const para = fc.oneof(text, text.map((s) => `date ${s}`)).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
    fc.assert(fc.property(para, fc.array(para, { minLength: 1, maxLength: 5 }), (title, paragraphs) => {
      const { article, warnings } = parseArticle('x', renderArticleFile({ title, date: '2021-06-02', paragraphs }));
      expect(article.title).toBe(title);
      expect(article.paragraphs).toEqual(paragraphs);
      expect(warnings).toEqual([]);
    }));
  });

  it('GIVEN any title THEN its slug is lower-case ASCII words and hyphens, at most 50 characters', () => {
    fc.assert(fc.property(text, (s) => {
      expect(slug(s)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      expect(slug(s).length).toBeLessThanOrEqual(50);
    }));
  });
});
