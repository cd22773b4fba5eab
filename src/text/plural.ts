const rules = new Intl.PluralRules('en');

/** `1 article`, `2 articles`, `0 articles`; irregular plurals are given: `count(2, 'entry', 'entries')`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? singular : plural}`;
}
