import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './spawn.js';

/** Every TypeScript module of the program (src/ and commands/), by path relative to the root. */
function modules(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(relative(ROOT, p));
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'commands'));
  return out.sort();
}

// Static imports and re-exports, type-only ones included: a cycle of types is still a tangle.
const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The module's static imports: relative ones as root-relative .ts paths, packages by name. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('.')) local.push(relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts'));
    else packages.push(spec);
  }
  return { local, packages };
}

function graph(): Map<string, ReturnType<typeof importsOf>> {
  return new Map(modules().map((f) => [f, importsOf(f)]));
}

/** Every import cycle, each as the list of modules around it (Tarjan's strongly connected components). */
export function cycles(g: Map<string, { local: string[] }>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v)?.local ?? []) {
      if (!g.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || g.get(v)?.local.includes(v)) found.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The modules `entries` load, statically and transitively. */
function reachable(g: Map<string, { local: string[] }>, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  for (let v = todo.pop(); v !== undefined; v = todo.pop()) {
    if (seen.has(v)) continue;
    seen.add(v);
    todo.push(...(g.get(v)?.local ?? []));
  }
  return seen;
}

describe('the module graph', () => {
  it('GIVEN the cycle finder THEN it finds a planted cycle (so the next test can fail)', () => {
    const planted = new Map([
      ['a.ts', { local: ['b.ts'] }],
      ['b.ts', { local: ['c.ts'] }],
      ['c.ts', { local: ['a.ts'] }],
      ['d.ts', { local: ['a.ts'] }],
    ]);
    expect(cycles(planted)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('GIVEN src/ and commands/ THEN no module imports itself, directly or through others', () => {
    const g = graph();
    expect(g.size).toBeGreaterThan(50);
    expect(cycles(g)).toEqual([]);
  });

  it('GIVEN the command line and every command module THEN none of them imports discord.js, even through others', () => {
    const g = graph();
    const entries = ['src/cli/main.ts', ...[...g.keys()].filter((f) => f.startsWith('commands/'))];
    const loaded = reachable(g, entries);
    expect(loaded.has('src/commands/registry.ts')).toBe(true);
    const offenders = [...loaded].filter((f) => g.get(f)?.packages.some((p) => p === 'discord.js' || p.startsWith('discord.js/')));
    expect(offenders).toEqual([]);
    // The bot's side does use it: the check looks at the right thing.
    expect(g.get('src/discord/slash.ts')?.packages).toContain('discord.js');
  });
});
