import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleAnswer } from '../../src/cli/console.js';
import { EXIT, runCli } from '../../src/cli/run.js';
import { loadCommands } from '../../src/commands/registry.js';
import type { Engine } from '../../src/engine.js';
import { silentLogger } from '../../src/log.js';
import { CHART_HEIGHT, CHART_WIDTH, niceTicks, timelinePng, timelineSvg } from '../../src/render/timeline-chart.js';
import { pageAttachments } from '../../src/discord/attachments.js';
import { timelinePages } from '../../src/render/timeline-discord.js';
import { sparkline, timelineText } from '../../src/render/timeline-text.js';
import { timeline, type Timeline } from '../../src/timeline/timeline.js';
import { engineFor, memoryIO, removeDir, writeArchive } from '../helpers/archive.js';
import { TIMELINE_FIXTURE } from './fixture.js';

let dir: string;
let tmp: string;
let engine: Engine;
let harbor: Timeline;

beforeAll(() => {
  dir = writeArchive(TIMELINE_FIXTURE);
  tmp = writeArchive({});
  engine = engineFor(dir);
  harbor = timeline(engine, { query: 'harbor dredging' });
});
afterAll(() => {
  removeDir(dir);
  removeDir(tmp);
});

/**
 * Decodes a PNG far enough to trust it: signature, chunk lengths, IHDR, and the inflated image
 * data holding exactly one filter byte plus `width` pixels per row.
 */
function decodePng(png: Buffer): { width: number; height: number; colorType: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let header: { width: number; height: number; depth: number; colorType: number } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8] ?? 0, colorType: body[9] ?? 0 };
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  expect(ended && at === png.length).toBe(true);
  if (!header) throw new Error('no IHDR');
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[header.colorType as 0 | 2 | 4 | 6];
  expect(header.depth).toBe(8);
  expect(inflateSync(Buffer.concat(data)).length).toBe(header.height * (1 + header.width * channels));
  return header;
}

describe('timelinePng', () => {
  it('GIVEN a timeline THEN it is a valid PNG of the chart size', () => {
    const png = timelinePng(harbor);
    expect(decodePng(png)).toMatchObject({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect([CHART_WIDTH, CHART_HEIGHT]).toEqual([800, 400]);
  });

  it('GIVEN a query with markup THEN the SVG escapes it and still renders', () => {
    const t = { ...harbor, query: '<b>"harbor" & dredging</b>' };
    const svg = timelineSvg(t);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&#60;b&#62;&#34;harbor&#34; &#38; dredging');
    expect(decodePng(timelinePng(t)).width).toBe(CHART_WIDTH);
  });

  it('GIVEN a query too wide for one line THEN the title clips the query and keeps the count', () => {
    const svg = timelineSvg({ ...harbor, query: 'WM'.repeat(60) });
    expect(svg).toMatch(/“(WM)+W?…”: 4 articles</);
    expect(timelineSvg({ ...harbor, query: 'harbor dredging' })).toContain('“harbor dredging”: 4 articles<');
  });

  it('GIVEN the chart THEN it has axis titles, tick labels and the peak count', () => {
    const svg = timelineSvg(harbor);
    expect(svg).toContain('articles per week');
    expect(svg).toContain('week (ISO, labelled by its Monday)');
    expect(svg).toContain('>Jan 6<');
    expect(svg).toContain('>2020<');
    expect(svg).toMatch(/font-weight="bold" text-anchor="middle" fill="[^"]+">2</);
  });

  it('GIVEN quotes THEN a legend names both series', () => {
    const t: Timeline = { ...harbor, speaker: 'Mara Quinn', total: { ...harbor.total, quotes: 1 }, periods: harbor.periods.map((p) => ({ ...p, quotes: p.articles ? 1 : 0 })) };
    expect(timelineSvg(t)).toContain('paragraphs quoting the speaker');
    expect(decodePng(timelinePng(t)).height).toBe(CHART_HEIGHT);
  });
});

describe('niceTicks', () => {
  it('GIVEN any maximum THEN ticks are whole, evenly spaced, start at 0 and reach it in at most 7 steps', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(8);
        const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
        expect(Number.isInteger(step) && step >= 1).toBe(true);
        ticks.forEach((v, i) => expect(v).toBe(i * step));
      }),
    );
  });
});

describe('sparkline', () => {
  it('GIVEN counts THEN zero is the lowest block, any count above zero is higher, the maximum full', () => {
    expect(sparkline([0, 1, 50, 100])).toBe('▁▂▅█');
  });

  it('GIVEN any counts THEN one block per count, ordered like the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { maxLength: 80 }), (xs) => {
        const s = [...sparkline(xs)];
        expect(s).toHaveLength(xs.length);
        const level = (c: string): number => '▁▂▃▄▅▆▇█'.indexOf(c);
        for (let i = 0; i < xs.length; i++) {
          for (let j = 0; j < xs.length; j++) if ((xs[i] ?? 0) < (xs[j] ?? 0)) expect(level(s[i] ?? '')).toBeLessThanOrEqual(level(s[j] ?? ''));
          expect((xs[i] ?? 0) > 0).toBe(level(s[i] ?? '') > 0);
        }
      }),
    );
  });
});

describe('timelineText', () => {
  it('GIVEN a timeline THEN it shows the sparkline, span, total, peak and the cited top article', () => {
    const text = timelineText(harbor);
    const lines = text.split('\n');
    expect(lines[0]).toBe('"harbor dredging": 4 articles from 2020-01-06 to 2020-04-10, by week (14 weeks)');
    // W02: 2, W03: 1, W10: 1 of the 14 weeks.
    expect(lines[2]).toBe('█▅▁▁▁▁▁▁▅▁▁▁▁▁');
    expect(lines[3]).toMatch(/^2020-W02 +2020-W15$/);
    expect(text).toContain('peak: week of 2020-01-06 (2020-W02): 2 articles');
    expect(text).toMatch(/top: {2}.+ — 2020-01-0[68] \[dredge-(begins|cost) ¶\d\]/);
    expect(text).toContain('1 undated article also matches; not charted.');
  });
});

describe('timelinePages', () => {
  it('GIVEN a timeline THEN one embed shows the attached chart, with total, peak and citation', () => {
    const [page, ...rest] = timelinePages(harbor);
    expect(rest).toEqual([]);
    expect(page?.files?.map((f) => f.name)).toEqual(['timeline.png']);
    expect(decodePng(page?.files?.[0]?.data ?? Buffer.alloc(0)).width).toBe(CHART_WIDTH);
    const embed = page?.embeds[0];
    expect(embed?.image).toEqual({ url: 'attachment://timeline.png' });
    expect(embed?.title).toBe('Timeline: “harbor dredging”');
    expect(embed?.description).toMatch(/^\*\*4 articles\*\* from 2020-01-06 to 2020-04-10, by week\.\nPeak: \*\*week of 2020-01-06\*\* \(2020-W02\): 2 articles\./);
    expect(embed?.description).toMatch(/— 2020-01-0[68] · dredge-(begins|cost) ¶\d/);
    expect(embed?.footer?.text).toBe('1 undated article also matches; not charted.');
  });

  it('GIVEN archive text with mentions THEN the embed shows them inert', () => {
    const t = { ...harbor, query: '@everyone harbor', peak: { ...harbor.peak, top: { ...harbor.peak.top, title: '<@123> **bold**' } } };
    const d = timelinePages(t)[0]?.embeds[0];
    expect(d?.title).not.toContain('@everyone');
    expect(d?.description).not.toMatch(/<@123>|\*\*bold\*\*/);
  });
});

describe('timeline (command line)', () => {
  async function cli(argv: string[]) {
    const io = memoryIO();
    const code = await runCli(['--archive', dir, '--cache', join(tmp, 'index.json'), ...argv], io, silentLogger);
    return { code, out: io.out(), err: io.err() };
  }

  it('GIVEN --out FILE THEN it writes the PNG and prints the sparkline and what it wrote', async () => {
    const file = join(tmp, 'chart.png');
    const r = await cli(['timeline', 'harbor', 'dredging', '--out', file]);
    expect({ code: r.code, err: r.err }).toEqual({ code: EXIT.ok, err: '' });
    expect(r.out).toMatch(/^"harbor dredging": 4 articles/);
    expect(r.out).toMatch(new RegExp(`wrote ${file} \\(timeline\\.png, [\\d,]+ bytes\\)\\n$`));
    expect(decodePng(readFileSync(file))).toMatchObject({ width: 800, height: 400 });
  });

  it('GIVEN --json THEN stdout is only the counts per period as JSON, even with --out', async () => {
    const file = join(tmp, 'chart-json.png');
    const r = await cli(['timeline', '--query', 'harbor dredging', '--json', '--out', file]);
    expect(r.code).toBe(EXIT.ok);
    const body = JSON.parse(r.out) as Timeline;
    expect(Object.keys(body)).toEqual(['query', 'unit', 'from', 'to', 'periods', 'total', 'undated', 'peak']);
    expect(body.periods.filter((p) => p.articles).map((p) => [p.period, p.articles])).toEqual([
      ['2020-W02', 2],
      ['2020-W03', 1],
      ['2020-W10', 1],
    ]);
    expect(r.out).not.toContain('PNG');
    expect(existsSync(file)).toBe(true);
  });

  it('GIVEN no match THEN it exits 1 with a clear message and writes no file', async () => {
    const file = join(tmp, 'none.png');
    const r = await cli(['timeline', 'xylophone', '--out', file]);
    expect(r).toMatchObject({ code: EXIT.badInput, out: '' });
    expect(r.err).toMatch(/^error: nothing in the archive matches "xylophone"/);
    expect(existsSync(file)).toBe(false);
  });

  it('GIVEN --out in the console THEN it writes the PNG too, and says so after the text', async () => {
    const file = join(tmp, 'console.png');
    const answer = await consoleAnswer({ engine }, await loadCommands(), `timeline harbor dredging --out ${file}`);
    expect(answer).toMatch(/^"harbor dredging": 4 articles/);
    expect(answer).toMatch(/\nwrote .+console\.png \(timeline\.png, [\d,]+ bytes\)$/);
    expect(decodePng(readFileSync(file)).width).toBe(CHART_WIDTH);
    expect(await consoleAnswer({ engine }, await loadCommands(), `search harbor --out ${file}`)).toBe('error: --out: search makes no file to write');
  });

  it('GIVEN --out on a command that makes no file THEN it exits 1 saying so', async () => {
    const r = await cli(['search', 'harbor', '--out', join(tmp, 'x.png')]);
    expect(r).toMatchObject({ code: EXIT.badInput, err: 'error: --out: search makes no file to write\n' });
  });
});

describe('pageAttachments', () => {
  it('GIVEN the timeline page THEN its chart goes out as an attachment named as the embed image says', () => {
    const page = timelinePages(harbor)[0];
    if (!page) throw new Error('no page');
    const { files } = pageAttachments(page);
    expect(files?.map((f) => f.name)).toEqual(['timeline.png']);
    expect(`attachment://${files?.[0]?.name ?? ''}`).toBe(page.embeds[0]?.image?.url);
    expect(files?.[0]?.attachment).toBe(page.files?.[0]?.data);
  });

  it('GIVEN a page without files THEN it adds nothing to the message', () => {
    expect(pageAttachments({ embeds: [] })).toEqual({});
    expect(pageAttachments({ embeds: [], files: [] })).toEqual({});
  });

  it('GIVEN a page turn THEN the previous page\'s attachments are dropped and the page\'s own sent', () => {
    expect(pageAttachments({ embeds: [] }, { replacing: true })).toEqual({ attachments: [] });
    const data = Buffer.from('png');
    expect(pageAttachments({ embeds: [], files: [{ name: 'a.png', data }] }, { replacing: true })).toEqual({ files: [{ attachment: data, name: 'a.png' }], attachments: [] });
  });
});
