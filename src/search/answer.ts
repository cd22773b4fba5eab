import { splitSentences, type Sentence } from '../text/sentences.js';
import { termOf, tokenize } from '../text/tokenize.js';
import { answerType, hasAnswerType } from './question.js';

/**
 * The sentence of a passage that best answers a question: the most (rare-weighted) question
 * terms, packed closely, and holding the kind of thing the question asks for.
 */
export function bestSentence(
  passage: string,
  question: string,
  termWeight: (term: string) => number,
): Sentence {
  const sentences = splitSentences(passage);
  const type = answerType(question);
  let best: Sentence | undefined;
  let bestScore = -Infinity;
  for (const s of sentences) {
    const positions: Array<[number, number]> = [];
    const seen = new Set<string>();
    let overlap = 0;
    let words = 0;
    for (const t of tokenize(s.text)) {
      const term = termOf(t);
      if (!term) continue;
      words++;
      const w = termWeight(term);
      if (w > 0) {
        positions.push([words, w]);
        if (!seen.has(term)) {
          seen.add(term);
          overlap += w;
        }
      }
    }
    let proximity = 0;
    for (let i = 1; i < positions.length; i++) {
      const [p, w] = positions[i] ?? [0, 0];
      const [q, v] = positions[i - 1] ?? [0, 0];
      if (p - q <= 4) proximity += Math.min(w, v) / (p - q);
    }
    // A sentence made only of question words restates the question; one with other content may answer it.
    const hasNew = words > seen.size ? 1 : 0;
    const score = overlap + 0.3 * proximity + hasAnswerType(type, s.text, question) * 1.2 + hasNew * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best ?? { text: passage, start: 0, end: passage.length };
}
