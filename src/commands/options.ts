import { UserError } from '../errors.js';

/**
 * A command option, declared once as data: it drives the slash-command builder, the command
 * line's flags, batch validation and autocomplete.
 */
export interface OptionSpec {
  type: 'string' | 'integer' | 'boolean';
  description: string;
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** The option names a thing that Discord should autocomplete. */
  autocomplete?: 'article' | 'speaker';
}

export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

/** The date-range options every command with a period shares (parsed by `parseDateRange`). */
export const DATE_RANGE_OPTIONS = {
  from: { type: 'string', description: 'From this date: YYYY-MM-DD, YYYY-MM or YYYY' },
  to: { type: 'string', description: 'Up to this date: YYYY-MM-DD, YYYY-MM or YYYY' },
} as const satisfies OptionsSpec;

type ValueOf<S extends OptionSpec> = S['type'] extends 'string' ? string : S['type'] extends 'integer' ? number : boolean;
type RequiredKeys<O extends OptionsSpec> = { [K in keyof O]: O[K]['required'] extends true ? K : never }[keyof O];
type OptionalKeys<O extends OptionsSpec> = Exclude<keyof O, RequiredKeys<O>>;

/** The parsed options of a command, typed from its spec. */
export type OptionValues<O extends OptionsSpec> = { [K in RequiredKeys<O>]: ValueOf<O[K]> } & {
  [K in OptionalKeys<O>]?: ValueOf<O[K]>;
};

/**
 * Checks raw option values (from JSON, argv strings or Discord) against a spec. Strings given
 * for integers/booleans are converted (the command line only has strings). Unknown, missing or
 * out-of-range options are a UserError naming the option.
 */
export function parseOptions<O extends OptionsSpec>(command: string, spec: O, raw: Readonly<Record<string, unknown>>): OptionValues<O> {
  const out: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(spec, key)) {
      const known = Object.keys(spec);
      throw new UserError(
        `${command}: unknown option "${key}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`,
        'bad-option',
      );
    }
  }
  for (const [name, s] of Object.entries(spec)) {
    const v = raw[name];
    if (v === undefined || v === null || v === '') {
      if (s.required) throw new UserError(`${command}: option "${name}" is required (${s.description})`, 'missing-option');
      continue;
    }
    out[name] = coerce(command, name, s, v);
  }
  // The spec's shape guarantees the record matches OptionValues<O>; TypeScript cannot follow it.
  return out as OptionValues<O>;
}

function coerce(command: string, name: string, s: OptionSpec, v: unknown): string | number | boolean {
  const bad = (why: string): UserError => new UserError(`${command}: option "${name}" ${why}`, 'bad-option');
  switch (s.type) {
    case 'string': {
      if (typeof v !== 'string' && typeof v !== 'number') throw bad('must be text');
      const str = String(v);
      if (s.maxLength !== undefined && str.length > s.maxLength) throw bad(`is too long (${str.length} characters; at most ${s.maxLength})`);
      return str;
    }
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n)) throw bad(`must be a whole number (got ${JSON.stringify(v).slice(0, 40)})`);
      if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) {
        throw bad(`must be from ${s.min ?? '-∞'} to ${s.max ?? '∞'} (got ${n})`);
      }
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'yes' || v === '1') return true;
      if (v === 'false' || v === 'no' || v === '0') return false;
      throw bad('must be true or false');
    }
  }
}
