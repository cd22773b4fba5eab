/**
 * The news correction's training groups (news-correction.ts): each news question asked over its
 * archive exactly as `ask` asks it, the pool scored by the passage model without any correction,
 * right where a passage of the expected story holds an expected answer.
 */
import { ASK_POOL, type Engine } from '../engine.js';
import { isNewsPoolOf, PASSAGE_CUES, scorePool } from './answer.js';
import type { AskWeights } from './ask-model.js';
import { answersNews, askNews, type NewsGold } from './ask-train.js';
import { correctionFeatures, type CorrectionGroup } from './news-correction.js';

/** One question's group, or undefined when the question is only stop words (a user's would be refused too). */
export function correctionGroup(engine: Engine, g: NewsGold, weights: AskWeights): CorrectionGroup | undefined {
  const asked = askNews(engine, g, ASK_POOL);
  if (!asked) return undefined;
  const { newsCorrection: _ignored, ...base } = weights;
  const scored = scorePool(engine.index, asked.pool, asked.q, base);
  const news = isNewsPoolOf(engine.index, asked.pool);
  return {
    base: scored.map((s) => s.score),
    features: scored.map((s) => correctionFeatures(s.features, PASSAGE_CUES, s.score, asked.q.type, news)),
    positive: scored.map((s) => {
      const p = engine.index.passages[s.ranked.passage];
      return p !== undefined && answersNews(engine, g, p, s.ranked.passage);
    }),
  };
}

/** A file's questions as groups (each over its own corpus's engine, which must ask with `weights`). */
export function correctionGroups(asked: readonly { engine: Engine; questions: readonly NewsGold[] }[], weights: AskWeights): CorrectionGroup[] {
  const out: CorrectionGroup[] = [];
  for (const { engine, questions } of asked) {
    for (const g of questions) {
      const group = correctionGroup(engine, g, weights);
      if (group) out.push(group);
    }
  }
  return out;
}
