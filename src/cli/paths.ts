import { isAbsolute, resolve } from 'node:path';

/**
 * A path the user typed, resolved from the folder they typed it in. `npm run` changes to the
 * package folder before running the script; it keeps the user's folder in `INIT_CWD`.
 */
export function userPath(path: string, env: Readonly<Record<string, string | undefined>>): string {
  if (isAbsolute(path)) return path;
  return resolve(env.INIT_CWD || process.cwd(), path);
}
