// A trained weights file names its features in the order the code computed them; when the code's list has
// moved on, the refusal should say where, not only that the lists differ.

/**
 * Where a weights file's feature list first parts from the code's, in words, so that whoever reads the refusal
 * knows which feature was added, dropped or renamed since the file was trained; undefined when they agree.
 */
export function firstDifference(file: readonly unknown[], code: readonly string[]): string | undefined {
  const n = Math.min(file.length, code.length);
  for (let i = 0; i < n; i++) {
    if (file[i] !== code[i]) return `feature ${i + 1} is ${JSON.stringify(file[i])} in the file, "${code[i]}" in the code`;
  }
  if (file.length < code.length) return `the file has ${file.length} of the code's ${code.length}; the code's next is "${code[file.length]}"`;
  if (file.length > code.length) return `the file has ${file.length - code.length} more than the code's ${code.length}, from ${JSON.stringify(file[code.length])}`;
  return undefined;
}
