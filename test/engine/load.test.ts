import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeArticleBytes, loadArchive, scanArchive } from '../../src/archive/load.js';
import { parseArticle } from '../../src/archive/parse.js';
import { SetupError } from '../../src/errors.js';
import { removeDir, writeArchive } from '../helpers/archive.js';

const SEED_DIR = 'seeds';
const SEED_ID = '000_4f9b0c250ff8d600';

const dirs: string[] = [];
const tempArchive = (files: Record<string, string | Uint8Array>): string => {
  const dir = writeArchive(files);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop() ?? '');
});

describe('loadArchive', () => {
  it('GIVEN the seed archive THEN it reads the one article with its date, 18 paragraphs and its id from the file name', () => {
    const archive = loadArchive(SEED_DIR);
    expect(archive.warnings).toEqual([]);
    expect(archive.articles).toHaveLength(1);
    const a = archive.articles[0];
    expect(a?.id).toBe(SEED_ID);
    expect(a?.date).toBe('2020-01-19');
    expect(a?.paragraphs).toHaveLength(18);
    expect(a?.paragraphs[0]).toMatch(/^The federal authorities are turning to a new tactic/);
    // The inline header is not part of the text.
    expect(a?.paragraphs[0]).not.toContain('2020-01-19');
    expect(a?.headline).toBe(false);
  });

  it('GIVEN nested folders THEN ids are relative paths without .txt, with / separators, in sorted order', () => {
    const dir = tempArchive({
      '1987/r21578-00001.txt': 'date 1987-02-26 Cocoa exporters met in London on Thursday.',
      '1987/feb/r21578-00002.txt': 'date 1987-02-27 Grain shipments rose in the week.',
      'top.txt': 'date 2001-05-05 A top-level article.',
      'notes.md': 'date 2001-05-05 Not an article: wrong extension.',
      '.hidden.txt': 'date 2001-05-05 Hidden files are ignored.',
    });
    const archive = loadArchive(dir);
    expect(archive.articles.map((a) => a.id)).toEqual(['1987/feb/r21578-00002', '1987/r21578-00001', 'top']);
    expect(scanArchive(dir).map((f) => f.path)).toEqual(['1987/feb/r21578-00002.txt', '1987/r21578-00001.txt', 'top.txt']);
    expect(archive.warnings).toEqual([]);
  });

  it('GIVEN an empty, a binary, a non-UTF-8 and a header-only file THEN each is skipped with a warning naming it', () => {
    const dir = tempArchive({
      'good.txt': 'date 2020-01-01 The council met on Tuesday.',
      'empty.txt': '',
      'blank.txt': '\uFEFF  \n\n \r\n',
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': new Uint8Array([...Buffer.from('date 2020-01-01 Caf'), 0xe9, ...Buffer.from(' Lune closed.')]),
      'header-only.txt': 'date 2020-01-01\n\n\n',
    });
    const archive = loadArchive(dir);
    expect(archive.articles.map((a) => a.id)).toEqual(['good']);
    const byFile = Object.fromEntries(archive.warnings.map((w) => [w.file, w.message]));
    expect(Object.keys(byFile).sort()).toEqual(['blank.txt', 'empty.txt', 'header-only.txt', 'image.txt', 'latin1.txt']);
    expect(byFile['empty.txt']).toMatch(/empty/);
    expect(byFile['blank.txt']).toMatch(/empty/);
    expect(byFile['image.txt']).toMatch(/binary/);
    expect(byFile['latin1.txt']).toMatch(/UTF-8/);
    expect(byFile['header-only.txt']).toMatch(/no text/);
    for (const m of Object.values(byFile)) expect(m).toMatch(/skipped/);
  });

  it('GIVEN a file saved with a BOM and CRLF line ends THEN it loads with its date and paragraphs', () => {
    const dir = tempArchive({ 'windows.txt': '\uFEFFdate 2020-02-11\r\n\r\nDrivers rally\r\n\r\nAbout 1,000 drivers came.\r\n' });
    const archive = loadArchive(dir);
    expect(archive.warnings).toEqual([]);
    expect(archive.articles[0]).toMatchObject({ id: 'windows', date: '2020-02-11', title: 'Drivers rally', paragraphs: ['Drivers rally', 'About 1,000 drivers came.'] });
  });

  it('GIVEN no header or an impossible date THEN the article is kept with date null and a warning', () => {
    const dir = tempArchive({
      'no-header.txt': 'The library reopened on Monday after a six-month renovation.',
      'feb-30.txt': 'date 2020-02-30 The parade was postponed because of rain.',
      'month-13.txt': 'date 2020-13-01\n\nThe bridge closed for repairs.',
    });
    const archive = loadArchive(dir);
    expect(archive.articles.map((a) => [a.id, a.date])).toEqual([
      ['feb-30', null],
      ['month-13', null],
      ['no-header', null],
    ]);
    expect(archive.articles.find((a) => a.id === 'feb-30')?.paragraphs).toEqual(['The parade was postponed because of rain.']);
    const byFile = Object.fromEntries(archive.warnings.map((w) => [w.file, w.message]));
    expect(byFile['no-header.txt']).toMatch(/no date/);
    expect(byFile['feb-30.txt']).toMatch(/2020-02-30/);
    expect(byFile['month-13.txt']).toMatch(/2020-13-01/);
  });

  it('GIVEN a missing archive folder THEN it throws a SetupError naming the folder', () => {
    const missing = join(tempArchive({}), 'no-such-folder');
    expect(() => loadArchive(missing)).toThrow(SetupError);
    expect(() => loadArchive(missing)).toThrow(/no-such-folder/);
  });

  it('GIVEN a file where the folder should be THEN it throws a SetupError', () => {
    const dir = tempArchive({ 'a.txt': 'date 2020-01-01 Text.' });
    expect(() => loadArchive(join(dir, 'a.txt'))).toThrow(SetupError);
  });
});

describe('parseArticle', () => {
  it('GIVEN the header on its own line after white space THEN the date is read and the body starts after it', () => {
    const { article, warnings } = parseArticle('x', '  \n\t date 2020-03-05\n\nThe council approved the contract.\n\nMembers went home.');
    expect(warnings).toEqual([]);
    expect(article.date).toBe('2020-03-05');
    expect(article.paragraphs).toEqual(['The council approved the contract.', 'Members went home.']);
  });

  it('GIVEN the header inline THEN the text after the date is paragraph 1', () => {
    const { article } = parseArticle('x', 'date 2020-01-19 The federal authorities acted. They said so.\n\nSecond paragraph.');
    expect(article.date).toBe('2020-01-19');
    expect(article.paragraphs[0]).toBe('The federal authorities acted. They said so.');
  });

  it('GIVEN YAML front matter THEN date, title, url, source and author come from it', () => {
    const raw = [
      '---',
      'date: 2019-11-03',
      'title: "Harbor café closes after forty years"',
      'url: https://example.com/news/harbor-cafe',
      'source: Riverton Courier',
      'author: Jo Park',
      '---',
      'The Café Lune served its last breakfast on Sunday.',
      '',
      '"We tried everything," said owner Anna Weiss.',
    ].join('\n');
    const { article, warnings } = parseArticle('2019/cafe', raw);
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({
      id: '2019/cafe',
      date: '2019-11-03',
      title: 'Harbor café closes after forty years',
      url: 'https://example.com/news/harbor-cafe',
      source: 'Riverton Courier',
      author: 'Jo Park',
    });
    expect(article.paragraphs).toEqual(['The Café Lune served its last breakfast on Sunday.', '"We tried everything," said owner Anna Weiss.']);
  });

  it('GIVEN front matter with an impossible date or broken YAML THEN the article is kept with a warning', () => {
    const badDate = parseArticle('x', '---\ndate: 2021-02-29\ntitle: Leap\n---\nThe text.');
    expect(badDate.article.date).toBeNull();
    expect(badDate.article.title).toBe('Leap');
    expect(badDate.warnings.join(' ')).toMatch(/2021-02-29/);
    const broken = parseArticle('x', '---\ntitle: [unclosed\n---\nThe text survives.');
    expect(broken.article.paragraphs).toEqual(['The text survives.']);
    expect(broken.warnings.join(' ')).toMatch(/YAML/);
  });

  it('GIVEN a BOM and CRLF line ends THEN they parse like plain LF text', () => {
    const lf = 'date 2020-02-11\n\nRide-hailing drivers rally\n\nAbout 1,000 drivers gathered.\nThey protested a fee.\n\n"It is unfair," one said.';
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    expect(parseArticle('x', crlf)).toEqual(parseArticle('x', lf));
    expect(parseArticle('x', crlf).article.paragraphs).toEqual([
      'Ride-hailing drivers rally',
      'About 1,000 drivers gathered. They protested a fee.',
      '"It is unfair," one said.',
    ]);
  });

  it('GIVEN a short first line without final punctuation THEN it is the title and still paragraph 1', () => {
    const { article } = parseArticle('x', 'date 2020-03-20\n\nSchool board weighs later start times\n\nThe board met on Monday. It voted later.');
    expect(article.title).toBe('School board weighs later start times');
    expect(article.headline).toBe(true);
    expect(article.paragraphs[0]).toBe('School board weighs later start times');
    expect(article.paragraphs).toHaveLength(2);
  });

  it('GIVEN a first paragraph that is a sentence THEN the title is that first sentence, not a headline', () => {
    const { article } = parseArticle('x', 'date 2020-03-20 The board met on Monday to discuss start times. It voted later.\n\nMore.');
    expect(article.headline).toBe(false);
    expect(article.title).toBe('The board met on Monday to discuss start times.');
  });

  it('GIVEN a very long first sentence THEN the title is shortened at a word with an ellipsis', () => {
    const long = `${'The council debated the new budget, the bus lanes, the library hours and the snow removal plan '.repeat(3)}until dawn.`;
    const { article } = parseArticle('x', `date 2020-03-20 ${long}`);
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.title.endsWith('…')).toBe(true);
    expect(long.startsWith(article.title.slice(0, -1))).toBe(true);
  });

  it('GIVEN arbitrary text THEN it never throws and paragraphs are non-empty single lines', () => {
    const pieces = fc.oneof(
      fc.string(),
      fc.constantFrom('\n', '\r\n', '\n\n', ' \n \n', '---\n', 'date ', '2020-01-19', '\uFEFF', 'title: x\n', '“', '”'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((xs) => xs.join('')), (raw) => {
        const { article, warnings } = parseArticle('id', raw);
        expect(Array.isArray(warnings)).toBe(true);
        for (const p of article.paragraphs) {
          expect(p.length).toBeGreaterThan(0);
          expect(p).not.toMatch(/\n/);
          expect(p).toBe(p.trim());
        }
        expect(article.date === null || /^\d{4}-\d{2}-\d{2}$/.test(article.date)).toBe(true);
        expect(article.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeArticleBytes', () => {
  it('GIVEN UTF-8 text with a BOM THEN it decodes it without the BOM', () => {
    const r = decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('date 2020-01-01 Café')]));
    expect(r).toEqual({ text: 'date 2020-01-01 Café' });
  });

  it('GIVEN arbitrary bytes THEN it never throws and returns text or a reason to skip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeArticleBytes(bytes);
        if ('skip' in r) expect(r.skip).toMatch(/skipped/);
        else expect(r.text.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN the seed file bytes THEN they decode as text', () => {
    const r = decodeArticleBytes(readFileSync(join(SEED_DIR, `${SEED_ID}.txt`)));
    expect('text' in r).toBe(true);
  });
});
