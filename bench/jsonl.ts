// JSON Lines as the bench files are written: one value per non-blank line. A line that is not JSON
// throws with the file and the line's own number (blank lines counted), so an error points at the line.

/** Each non-blank line's value with `FILE:LINE`, for the caller's messages about its shape. */
export function jsonLines(text: string, file: string): Array<{ value: unknown; where: string }> {
  const out: Array<{ value: unknown; where: string }> = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    try {
      out.push({ value: JSON.parse(line) as unknown, where });
    } catch {
      throw new Error(`${where}: not JSON`);
    }
  });
  return out;
}
