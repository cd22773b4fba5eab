/** One article over this many characters is not news (and a 50 MB line is a broken export). */
export const MAX_ITEM_CHARS = 2 * 1024 * 1024;
/** An input file is read whole; past this it is refused rather than exhausting memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
