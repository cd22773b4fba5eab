/**
 * `npm run eval:summary -- FILE.jsonl [FILE.jsonl …]`: builds an archive from each set's
 * records (id, title or null, text, summary) with the real loader, summarises every article
 * in 3 sentences with the committed weights, and prints ROUGE-1/2/L F1 (the standard score for
 * both benchmarks) against the reference
 * summaries with two Lead-3 baselines scored in the same run: the first three sentences as
 * split ("raw", bylines and time stamps included, as the public benchmarks take them) and the
 * first three sentences of the report once web furniture is left out ("clean", the harder one).
 * Then the mean length in ROUGE tokens of each side, ROUGE-1 precision and recall, and a
 * length-matched lead: the report's opening cut to exactly as many words as each summary.
 * A flattened set (one block of text per article) is scored a second time cut into paragraphs
 * (see relaid): the same news in the other layout.
 * The committed weights were trained on the dev sets: for held-out figures see train:summary.
 */
import { loadExamples, relaid, type Example } from './summary-data.js';
import { scoreSets } from './summary-training.js';

function main(argv: string[]): void {
  if (argv.length === 0) {
    console.error('usage: npm run eval:summary -- FILE.jsonl [FILE.jsonl …]');
    process.exit(1);
  }
  const f = (x: number): string => x.toFixed(4);
  const runs: Example[][] = [];
  for (const path of argv) {
    const examples = loadExamples(path);
    runs.push(examples);
    const copies = examples.flatMap((e) => relaid(e) ?? []);
    // Mostly flattened: the set is one of web copy, worth seeing with paragraphs too.
    if (copies.length * 2 > examples.length) runs.push(copies);
  }
  for (const examples of runs) {
    const t0 = performance.now();
    const [s] = scoreSets(examples, undefined);
    const ms = performance.now() - t0;
    if (!s) continue;
    console.log(`${s.set}: ${s.articles} articles`);
    console.log(`                 ROUGE-1  ROUGE-2  ROUGE-L`);
    console.log(`summariser       ${f(s.ours.rouge1)}   ${f(s.ours.rouge2)}   ${f(s.ours.rougeL)}`);
    console.log(`Lead-3 (clean)   ${f(s.lead3Clean.rouge1)}   ${f(s.lead3Clean.rouge2)}   ${f(s.lead3Clean.rougeL)}`);
    console.log(`Lead-3 (raw)     ${f(s.lead3.rouge1)}   ${f(s.lead3.rouge2)}   ${f(s.lead3.rougeL)}`);
    const r = (a: number, b: number): string => (a / b).toFixed(3);
    console.log(`× clean          ${r(s.ours.rouge1, s.lead3Clean.rouge1)}    ${r(s.ours.rouge2, s.lead3Clean.rouge2)}    ${r(s.ours.rougeL, s.lead3Clean.rougeL)}`);
    console.log(`× raw            ${r(s.ours.rouge1, s.lead3.rouge1)}    ${r(s.ours.rouge2, s.lead3.rouge2)}    ${r(s.ours.rougeL, s.lead3.rougeL)}`);
    const d = s.detail;
    if (d) {
      // F1 is the standard score; length, precision and recall show whether a ratio was won by
      // covering more of the reference or by being longer than Lead-3.
      console.log(`words: summariser ${d.ours.words.toFixed(1)}, Lead-3 (clean) ${d.lead3Clean.words.toFixed(1)}, reference ${d.referenceWords.toFixed(1)}`);
      console.log(`ROUGE-1 P / R: summariser ${f(d.ours.precision)} / ${f(d.ours.recall)}, Lead-3 (clean) ${f(d.lead3Clean.precision)} / ${f(d.lead3Clean.recall)}`);
      console.log(`the report's opening cut to the summariser's length in words: R1 ${f(d.leadSameWords.rouge1)} R2 ${f(d.leadSameWords.rouge2)} (summariser × that: ${r(s.ours.rouge1, d.leadSameWords.rouge1)} / ${r(s.ours.rouge2, d.leadSameWords.rouge2)})`);
    }
    console.log(`(scoring: ${ms.toFixed(0)} ms)\n`);
  }
}

main(process.argv.slice(2));
