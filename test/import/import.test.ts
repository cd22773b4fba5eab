import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load.js';
import { importDate } from '../../src/import/dates.js';
import { detectFormat, importFiles, type ImportOptions } from '../../src/import/import.js';
import { parseFieldMap } from '../../src/import/records.js';
import { canonicalUrl } from '../../src/import/write.js';
import { removeDir } from '../helpers/archive.js';
import { ATOM, CSV, JSONL, NAV_ONLY_PAGE, PAGE, RSS } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

/** An empty archive and an input folder holding `inputs`. */
function setup(inputs: Record<string, string>): { archive: string; input: string; run: (files: string[], extra?: Partial<ImportOptions>) => ReturnType<typeof importFiles> } {
  const archive = mkdtempSync(join(tmpdir(), 'import-archive-'));
  const input = mkdtempSync(join(tmpdir(), 'import-input-'));
  dirs.push(archive, input);
  for (const [name, text] of Object.entries(inputs)) writeFileSync(join(input, name), text);
  return { archive, input, run: (files, extra = {}) => importFiles({ archiveDir: archive, files, resolvePath: (f) => join(input, f), ...extra }) };
}

/** Every file under a folder, path → text (dot files included: a leftover temp file would show). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('importFiles: RSS 2.0', () => {
  it('GIVEN a feed THEN each item becomes an article with front matter and blank-line paragraphs the loader reads back', () => {
    const { archive, run } = setup({ 'gazette.xml': RSS });
    const report = run(['gazette.xml']);
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, skipped: [], warnings: [] });
    const loaded = loadArchive(archive);
    expect(loaded.warnings).toEqual([]);
    const strike = loaded.articles.find((a) => a.title === 'Ferry crews walk out over pay');
    expect(strike).toMatchObject({
      // The publisher's own day (the 2nd), not the UTC day (the 3rd).
      date: '2021-06-02',
      // The loader percent-encodes markdown-significant characters of a url (`_` → `%5F`).
      url: expect.stringMatching(/^https:\/\/www\.harbor-gazette\.example\/2021\/06\/ferry-strike\?utm(_|%5F)source=rss$/),
      source: 'Harbor Gazette',
      author: 'Marta Okafor',
      paragraphs: ['Ferry crews in Riverton walked off the job at dawn, stranding commuters.', '"We will not sail until the contract is fair," said union steward Ana Ruiz.', "Riverton's mayor called for talks."],
    });
    expect(strike?.id).toMatch(/^harbor-gazette\.example\/ferry-crews-walk-out-over-pay-[0-9a-f]{12}$/);
    const tower = loaded.articles.find((a) => a.title === 'Council approves AT&T tower');
    expect(tower).toMatchObject({ author: 'City Desk', date: '2021-06-03', paragraphs: ['The council approved the tower on a 5-2 vote.', 'Work starts in July.'] });
  });

  it('GIVEN the same feed imported twice THEN the second run adds 0 and leaves every file as it was', () => {
    const { archive, run } = setup({ 'gazette.xml': RSS });
    run(['gazette.xml']);
    const before = snapshot(archive);
    expect(run(['gazette.xml'])).toMatchObject({ added: 0, updated: 0, unchanged: 2, skipped: [] });
    expect(snapshot(archive)).toEqual(before);
  });

  it('GIVEN an item whose text and title changed THEN its own file is rewritten (updated), under the same id', () => {
    const { archive, input, run } = setup({ 'gazette.xml': RSS });
    const first = run(['gazette.xml']);
    writeFileSync(join(input, 'gazette.xml'), RSS.replace('Ferry crews walk out over pay', 'Ferry strike ends').replaceAll('walked off the job at dawn', 'returned to work'));
    const second = run(['gazette.xml']);
    expect(second).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const id = first.articles.find((a) => a.item.includes('Ferry'))?.id;
    expect(second.articles).toEqual([{ id, status: 'updated', file: 'gazette.xml', item: 'item 1 ("Ferry strike ends")' }]);
    const article = loadArchive(archive).articles.find((a) => a.id === id);
    expect(article?.title).toBe('Ferry strike ends');
    expect(article?.paragraphs[0]).toContain('returned to work');
  });

  it('GIVEN the same url with tracking parameters or www. THEN it is one article', () => {
    expect(canonicalUrl('https://www.a.example/x/?utm_source=rss#top')).toBe(canonicalUrl('https://a.example/x'));
    expect(canonicalUrl('https://a.example/x?page=2')).not.toBe(canonicalUrl('https://a.example/x'));
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
});

describe('importFiles: Atom', () => {
  it('GIVEN xhtml, escaped html and text content THEN each keeps its paragraphs, and ids come from the entry id without a url', () => {
    const { archive, run } = setup({ 'notes.atom': ATOM });
    expect(run(['notes.atom'])).toMatchObject({ added: 3, skipped: [] });
    const byTitle = new Map(loadArchive(archive).articles.map((a) => [a.title, a]));
    expect(byTitle.get('Pelican count rises')).toMatchObject({
      date: '2022-03-04',
      url: 'https://pelicans.example/2022/count',
      author: 'Feed Author',
      source: 'Pelican Notes',
      paragraphs: ['The harbor pelican count rose again this spring.', 'Members counted 412 birds.'],
    });
    expect(byTitle.get('Escaped HTML entry')).toMatchObject({ author: 'Ada Lin', paragraphs: ['First & foremost.', 'Second paragraph.'] });
    expect(byTitle.get('Plain text entry')?.paragraphs).toEqual(['Line one of the summary.', 'Line two, with 5 < 6.']);
    expect(byTitle.get('Escaped HTML entry')?.id).toMatch(/^pelican-notes\//);
    expect(run(['notes.atom'])).toMatchObject({ added: 0, unchanged: 3 });
  });
});

describe('importFiles: HTML pages', () => {
  it('GIVEN a saved news page THEN only the article body is kept, with its title, date, url, site and author', () => {
    const { archive, run } = setup({ 'barrier.html': PAGE });
    expect(run(['barrier.html'])).toMatchObject({ added: 1, skipped: [] });
    const [article] = loadArchive(archive).articles;
    expect(article).toMatchObject({ date: '2023-09-14', url: 'https://coast-weekly.example/news/tidal-barrier', source: 'Coast Weekly', author: 'Priya Natarajan' });
    expect(article?.title).toBe('Tidal barrier opens');
    expect(article?.paragraphs).toHaveLength(5);
    const text = article?.paragraphs.join('\n') ?? '';
    expect(text).toContain('protecting some 40,000 homes');
    for (const junk of ['Subscribe', 'cheap flights', 'First!!!', 'All rights reserved']) expect(text).not.toContain(junk);
    expect(article?.id).toMatch(/^coast-weekly\.example\//);
  });

  it('GIVEN a page with no article THEN it is skipped with the file named, and nothing is written', () => {
    const { archive, run } = setup({ 'home.html': NAV_ONLY_PAGE });
    const report = run(['home.html']);
    expect(report.added).toBe(0);
    expect(report.skipped).toEqual([{ file: 'home.html', item: null, reason: expect.stringContaining('no article found') }]);
    expect(snapshot(archive)).toEqual({});
  });
});

describe('importFiles: JSON Lines and CSV with --map', () => {
  const map = parseFieldMap('title=headline,date=published,url=link,author=writer.name');

  it('GIVEN JSON Lines with other field names THEN the map reads them, nested ones too, and HTML or plain bodies become paragraphs', () => {
    const { archive, run } = setup({ 'export.jsonl': JSONL });
    expect(run(['export.jsonl'], { map: parseFieldMap('title=headline,date=published,url=link') })).toMatchObject({ added: 2, skipped: [] });
    const byTitle = new Map(loadArchive(archive).articles.map((a) => [a.title, a]));
    expect(byTitle.get('Bridge closed for repairs')).toMatchObject({ date: '2024-02-01', paragraphs: ['The old bridge closed on Monday.', 'Repairs will take a month.'] });
    expect(byTitle.get('Library extends hours')).toMatchObject({ date: '2024-02-01', paragraphs: ['The library will open until 9 pm.', 'Staff welcomed the change.'] });
  });

  it('GIVEN one JSON array instead of JSON Lines THEN each element is a record, named by its position', () => {
    const records = JSONL.split('\n').map((l) => JSON.parse(l) as unknown);
    const { run } = setup({ 'export.json': JSON.stringify([...records, 42], null, 2) });
    const report = run(['export.json'], { map: parseFieldMap('title=headline,date=published,url=link') });
    expect(report.added).toBe(2);
    expect(report.skipped).toEqual([{ file: 'export.json', item: 'record 3', reason: 'not a JSON object' }]);
  });

  it('GIVEN a file that opens like a JSON array but is cut off THEN it is read line by line: each bad line skipped by number, the whole records kept', () => {
    const good = JSON.stringify({ title: 'Harbour reopens', date: '2024-03-05', body: 'The harbour reopened on Tuesday.' });
    const { run } = setup({ 'cut.jsonl': ['[', good, '{"title": "Half'].join('\n') });
    const report = run(['cut.jsonl']);
    expect(report.added).toBe(1);
    expect(report.skipped).toEqual([
      { file: 'cut.jsonl', item: 'line 1', reason: expect.stringMatching(/^not JSON \(/) },
      { file: 'cut.jsonl', item: 'line 3', reason: expect.stringMatching(/^not JSON \(/) },
    ]);
  });

  it('GIVEN a mapped field that one record lacks THEN that line is skipped with the field named', () => {
    const { run } = setup({ 'export.jsonl': JSONL });
    const report = run(['export.jsonl'], { map });
    expect(report.added).toBe(1);
    expect(report.skipped).toEqual([{ file: 'export.jsonl', item: 'line 2', reason: 'no "writer.name" field (mapped to author)' }]);
  });

  it('GIVEN a 50 MB line and a line that is not JSON THEN both are skipped by line number and the good line is imported', () => {
    const huge = JSON.stringify({ title: 'Huge', body: 'x'.repeat(50 * 1024 * 1024) });
    const good = JSON.stringify({ title: 'Fine', date: '2024-01-01', body: 'A fine article.' });
    const { run } = setup({ 'mixed.jsonl': [huge, '{not json', good].join('\n') });
    const report = run(['mixed.jsonl']);
    expect(report.added).toBe(1);
    expect(report.skipped).toEqual([
      { file: 'mixed.jsonl', item: 'line 1', reason: 'the line is 50.0 MB, over the 2.0 MB limit for one article' },
      { file: 'mixed.jsonl', item: 'line 2', reason: expect.stringMatching(/^not JSON \(/) },
    ]);
  });

  it('GIVEN a semicolon CSV with quoted multi-line bodies THEN rows become articles', () => {
    const { archive, run } = setup({ 'export.csv': CSV });
    expect(run(['export.csv'], { map: parseFieldMap('title=headline,date=published,url=link') })).toMatchObject({ added: 2, skipped: [] });
    const byTitle = new Map(loadArchive(archive).articles.map((a) => [a.title, a]));
    expect(byTitle.get('Market day returns')?.paragraphs).toEqual(['Stalls returned to the square on Saturday.', 'Traders said trade was brisk.']);
    expect(byTitle.get('Quote "test" title')).toMatchObject({ date: '2024-03-03', url: 'https://town.example/quote' });
  });

  it('GIVEN a CSV missing a mapped column THEN the file is refused naming the column and the columns it has', () => {
    const { archive, run } = setup({ 'export.csv': CSV });
    const report = run(['export.csv'], { map: parseFieldMap('title=headline,author=byline') });
    expect(report.skipped).toEqual([{ file: 'export.csv', item: null, reason: 'no column "byline" (mapped to author); its columns: headline, published, link, content' }]);
    expect(snapshot(archive)).toEqual({});
  });

  it('GIVEN a CSV row with an unclosed quote THEN it is skipped by line and earlier rows are kept', () => {
    const { run } = setup({ 'bad.csv': 'title,body\nGood,Fine text here.\nBad,"never closed\n' });
    const report = run(['bad.csv']);
    expect(report.added).toBe(1);
    expect(report.skipped).toEqual([{ file: 'bad.csv', item: 'line 3', reason: expect.stringContaining('Quote Not Closed') }]);
  });

  it('GIVEN a --map with an unknown field or no "=" THEN it is a clear error', () => {
    expect(() => parseFieldMap('headline=title')).toThrow('--map: unknown field "headline"; fields: title, date, url, source, author, body, id');
    expect(() => parseFieldMap('title')).toThrow('--map: "title" is not FIELD=NAME');
  });
});

describe('importFiles: bad input loses nothing', () => {
  it('GIVEN a malformed feed THEN it is skipped with the line of the fault, and the archive files already there are untouched', () => {
    const { archive, run } = setup({ 'gazette.xml': RSS, 'broken.xml': RSS.replace('</channel>', '') });
    run(['gazette.xml']);
    const before = snapshot(archive);
    const report = run(['broken.xml']);
    expect(report.skipped).toEqual([{ file: 'broken.xml', item: null, reason: expect.stringMatching(/^not well-formed XML: .*\(line \d+, column \d+\)$/) }]);
    expect(snapshot(archive)).toEqual(before);
  });

  it('GIVEN two items with one id and different text THEN the second is skipped naming the first', () => {
    const twin = RSS.replace('<title>Council approves AT&amp;T tower</title>\n    <link>https://www.harbor-gazette.example/2021/06/tower</link>', '<title>Council approves AT&amp;T tower</title>\n    <link>https://harbor-gazette.example/2021/06/ferry-strike</link>');
    const { run } = setup({ 'twin.xml': twin });
    const report = run(['twin.xml']);
    expect(report.added).toBe(1);
    expect(report.skipped).toEqual([
      { file: 'twin.xml', item: 'item 2 ("Council approves AT&T tower")', reason: 'same id as twin.xml item 1 ("Ferry crews walk out over pay") but different text; kept the first' },
    ]);
  });

  it('GIVEN a missing file, an unknown format and an empty feed THEN each is named with its reason', () => {
    const { run } = setup({ 'notes.txt': 'just some words\nmore words', 'empty.rss': '<rss><channel><title>x</title></channel></rss>' });
    const report = run(['nope.xml', 'notes.txt', 'empty.rss']);
    expect(report.skipped).toEqual([
      { file: 'nope.xml', item: null, reason: 'file not found' },
      { file: 'notes.txt', item: null, reason: 'cannot tell its format; give --format rss|atom|html|jsonl|csv' },
    ]);
    expect(report.added).toBe(0);
  });

  it('GIVEN an item with an unreadable date THEN it is imported undated with a warning naming it', () => {
    const { run } = setup({ 'x.jsonl': JSON.stringify({ title: 'When?', date: 'sometime soon', body: 'Text.' }) });
    const report = run(['x.jsonl']);
    expect(report.added).toBe(1);
    expect(report.warnings).toEqual([{ file: 'x.jsonl', item: 'line 1 ("When?")', message: 'date "sometime soon" not understood; imported undated' }]);
  });

  it('GIVEN a folder THEN its importable files are read, nested ones too, but not the _files folder of a saved page', () => {
    const { input, run } = setup({ 'gazette.xml': RSS, 'readme.md': '# not news' });
    mkdirSync(join(input, 'saved', 'barrier_files'), { recursive: true });
    writeFileSync(join(input, 'saved', 'barrier.html'), PAGE);
    writeFileSync(join(input, 'saved', 'barrier_files', 'ad-frame.html'), NAV_ONLY_PAGE);
    expect(run(['.'])).toMatchObject({ added: 3, skipped: [] });
  });
});

describe('detectFormat', () => {
  it.each([
    ['feed.xml', RSS, 'rss'],
    ['feed.xml', ATOM, 'atom'],
    ['page', PAGE, 'html'],
    ['export', JSONL, 'jsonl'],
    ['export', CSV, 'csv'],
    ['x.csv', '', 'csv'],
    ['x.ndjson', '', 'jsonl'],
    ['notes', 'plain words', undefined],
  ])('GIVEN %s starting %j THEN %s', (name, text, format) => {
    expect(detectFormat(name, text.slice(0, 200))).toBe(format);
  });
});

describe('importDate', () => {
  it.each([
    ['2021-06-02', '2021-06-02'],
    ['2021-06-02T23:30:00-05:00', '2021-06-02'],
    ['Wed, 02 Jun 2021 23:30:00 -0500', '2021-06-02'],
    ['2 June 2021', '2021-06-02'],
    ['June 2, 2021', '2021-06-02'],
    ['Sept. 2, 2021', '2021-09-02'],
    ['2021/6/2', '2021-06-02'],
    ['1622678400', '2021-06-03'],
    ['2021-02-30', null],
    ['Mayday 3, 2021', null],
    ['soon', null],
  ])('GIVEN %j THEN %j', (raw, iso) => {
    expect(importDate(raw)).toBe(iso);
  });
});
