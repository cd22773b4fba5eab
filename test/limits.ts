import { expect } from 'vitest';

/** Checks a message body as Discord would: every length limit, and mentions switched off. */
export function expectWithinDiscordLimits(data: unknown): void {
  expect(data).toBeTypeOf('object');
  const d = data !== null && typeof data === 'object' ? { ...data } : {};
  const record = (x: unknown): Record<string, unknown> => (x !== null && typeof x === 'object' ? { ...x } : {});
  const str = (x: unknown): string => (typeof x === 'string' ? x : '');
  const content = 'content' in d ? str(d.content) : '';
  expect(content.length).toBeLessThanOrEqual(2000);
  expect('allowed_mentions' in d ? d.allowed_mentions : undefined).toEqual({ parse: [] });
  const embeds = 'embeds' in d && Array.isArray(d.embeds) ? d.embeds.map(record) : [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    const title = str(e.title);
    const description = str(e.description);
    const footer = str(record(e.footer).text);
    const fields = Array.isArray(e.fields) ? e.fields.map(record) : [];
    expect(title.length).toBeLessThanOrEqual(256);
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(footer.length).toBeLessThanOrEqual(2048);
    expect(fields.length).toBeLessThanOrEqual(25);
    total += title.length + description.length + footer.length;
    for (const f of fields) {
      expect(str(f.name).length).toBeLessThanOrEqual(256);
      expect(str(f.value).length).toBeLessThanOrEqual(1024);
      expect(str(f.value).length).toBeGreaterThan(0);
      total += str(f.name).length + str(f.value).length;
    }
  }
  expect(total).toBeLessThanOrEqual(6000);
}
