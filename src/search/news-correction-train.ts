/**
 * The news correction's training groups (news-correction.ts): each news question asked over its
 * archive exactly as `ask` asks it, the pool scored by the passage model without any correction,
 * right where a passage of the expected story holds an expected answer.
 */
import { ASK_POOL, type Engine } from '../engine.js';
import { UserError } from '../errors.js';
import { isNewsPoolOf, PASSAGE_CUES, scorePool } from './answer.js';
import type { AskWeights } from './ask-model.js';
import { holdsAnswer, type NewsGold } from './ask-train.js';
import { correctionFeatures, type CorrectionGroup } from './news-correction.js';

/** One question's group, or undefined when the question is only stop words (a user's would be refused too). */
export function correctionGroup(engine: Engine, g: NewsGold, weights: AskWeights): CorrectionGroup | undefined {
  if (!engine.index.articles.some((a) => a.id === g.article)) throw new UserError(`news question "${g.question}": article ${g.article} is not in its archive`);
  const { newsCorrection: _ignored, ...base } = weights;
  let asked: ReturnType<Engine['askPool']>;
  try {
    asked = engine.askPool(g.question, ASK_POOL);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
  const scored = scorePool(engine.index, asked.pool, asked.q, base);
  const news = isNewsPoolOf(engine.index, asked.pool);
  return {
    base: scored.map((s) => s.score),
    features: scored.map((s) => correctionFeatures(s.features, PASSAGE_CUES, s.score, asked.q.type, news)),
    positive: scored.map((s) => {
      const p = engine.index.passages[s.ranked.passage];
      return p !== undefined && engine.index.articles[p.article]?.id === g.article && holdsAnswer(engine.index.passageText(s.ranked.passage), g.answers);
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
