// "the mayor told reporters" where the article has named one mayor: the article itself says who it
// is (issue 10 item 4). Whether a description's role match is the only person of the article given
// such a role so far — a sign for the model to weigh, beside the role match itself.
// Read once per distinct description key over at most HOLDER_SCAN persons, so attribution stays linear.

import type { Person } from './people.js';

/** How many of the article's persons are read for the holders of one role. */
export const HOLDER_SCAN = 400;
/** How many distinct descriptions are remembered per article. */
const MEMO_KEYS = 2000;

/** The holders of each role an article's descriptions ask about, counted once per description key. */
export class RoleHolders {
  private readonly firsts = new Map<string, [number, number]>();
  constructor(private readonly persons: () => Iterable<Person>) {}

  /**
   * Whether exactly one person first named before `pos` has a role `matches` accepts (`key` names
   * the test, for the memo). The two earliest such persons are kept, enough to tell one from many.
   */
  soleBefore(key: string, matches: (role: string) => boolean, pos: number): boolean {
    let firsts = this.firsts.get(key);
    if (!firsts) {
      firsts = [Infinity, Infinity];
      let n = 0;
      for (const p of this.persons()) {
        if (++n > HOLDER_SCAN) break;
        if (p.group || p.role === null || !matches(p.role)) continue;
        if (p.firstAt < firsts[0]) firsts = [p.firstAt, firsts[0]];
        else if (p.firstAt < firsts[1]) firsts = [firsts[0], p.firstAt];
      }
      if (this.firsts.size < MEMO_KEYS) this.firsts.set(key, firsts);
    }
    return firsts[0] < pos && !(firsts[1] < pos);
  }
}
