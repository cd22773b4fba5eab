import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { terms, tokenize } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';

const norms = (text: string): string[] => tokenize(text).map((t) => t.norm);

describe('tokenize: text written without spaces', () => {
  it('GIVEN Chinese THEN it is cut into words, particles are not terms, and long words also give their parts', () => {
    expect(norms('北京是中国的首都')).toEqual(['北京', '是', '中国', '的', '首都']);
    expect(terms('北京是中国的首都')).toEqual(['北京', '中国', '首都']);
    expect(terms('我住在北京市中心')).toContain('北京');
  });

  it('GIVEN Japanese THEN kanji and katakana words are found, and kana particles are not terms', () => {
    expect(terms('東京で石油価格が上昇した')).toEqual(['東京', '石油', '価格', '上昇']);
    expect(terms('ガソリンスタンドが閉店')).toEqual(expect.arrayContaining(['ガソリンスタンド', 'ガソ']));
  });

  it('GIVEN Thai THEN it is cut into words with its vowel and tone marks kept', () => {
    expect(terms('ประเทศไทยมีประชากรมาก')).toEqual(['ประเทศไทย', 'ประชากร', 'มาก']);
  });

  it('GIVEN Latin words inside unspaced text THEN they tokenise as they would alone', () => {
    expect(terms('iPhone手机很好')).toEqual([...terms('iPhone'), '手机', '很好']);
  });

  it('GIVEN any mixed text THEN every token slices back out of the text (offsets are exact)', () => {
    const text = 'Oil rose 5% 北京时间昨天, 東京都の価格 and ประเทศไทย U.S. ride-hailing';
    for (const t of tokenize(text)) {
      const slice = text.slice(t.start, t.end);
      if (t.segmented) expect(slice.normalize('NFKC').toLowerCase()).toBe(t.norm);
      else expect(slice.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN Latin text next to unspaced text THEN the Latin tokens are exactly those of the Latin text alone', () => {
    const latin = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 .,'’\-–]{0,40}$/);
    const unspaced = fc.constantFrom('北京', '東京で', 'ประเทศไทย', '中国石油价格', 'ガソリン');
    fc.assert(
      fc.property(latin, unspaced, latin, (a, cjk, b) => {
        const text = `${a} ${cjk} ${b}`;
        const mixed = tokenize(text).filter((t) => !t.segmented);
        const alone = [...tokenize(a), ...tokenize(b).map((t) => ({ ...t, start: t.start + a.length + cjk.length + 2, end: t.end + a.length + cjk.length + 2 }))];
        expect(mixed).toEqual(alone);
      }),
    );
  });

  it('GIVEN Latin, Greek, Cyrillic or Korean text THEN no token is segmented (their tokenisation is untouched)', () => {
    for (const text of ["The city's ride-hailing U.S. firms paid 1,000 dlrs", 'Café Ελλάδα Москва', '서울 시장 선거']) {
      expect(tokenize(text).some((t) => t.segmented)).toBe(false);
    }
  });
});

describe('Engine.search in any script', () => {
  const dir = writeArchive({
    'zh/oil.txt': 'date 2024-03-05\n\n新华社北京3月5日电\n\n国际石油价格昨天大幅上涨，我住在北京市中心的朋友说汽油更贵了。',
    'ja/oil.txt': 'date 2024-03-06\n\n東京で石油価格が上昇した\n\n東京都内のガソリン価格は三週連続で上がった。',
    'th/pop.txt': 'date 2024-03-07\n\nประเทศไทยมีประชากรมาก\n\nกรุงเทพมหานครเป็นเมืองหลวง',
    'en/oil.txt': 'date 2024-03-08\n\nOil prices rose sharply on Tuesday, traders in London said.',
  });
  afterAll(() => removeDir(dir));
  const engine = engineFor(dir);
  const found = (query: string): string[] => engine.search({ query, limit: 5 }).hits.map((h) => `${h.article} ¶${h.paragraph}`);

  it.each([
    ['北京', 'zh/oil ¶1'],
    ['石油价格', 'zh/oil ¶2'],
    ['東京', 'ja/oil ¶1'],
    ['ガソリン', 'ja/oil ¶2'],
    ['ประชากร', 'th/pop ¶1'],
  ])('GIVEN the query %s THEN the article holding it is found first (%s)', (query, cite) => {
    expect(found(query)[0]).toBe(cite);
  });

  it('GIVEN a Chinese word inside a longer one (北京 in 北京市) THEN that paragraph is found too', () => {
    expect(found('北京')).toContain('zh/oil ¶2');
  });

  it('GIVEN an English query THEN unspaced text does not get in the way', () => {
    expect(found('oil prices')).toEqual(['en/oil ¶1']);
  });

  it('GIVEN a query of particles only THEN it is a clear "common words" error', () => {
    expect(() => engine.search({ query: 'の', limit: 5 })).toThrow(/only common words/);
  });
});
