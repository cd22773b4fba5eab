// The shape shared by the quote models' committed weight files: a version, one finite number per
// named feature, and what they were trained on.

export interface FeatureWeights<F extends string> {
  version: 1;
  weights: Record<F, number>;
  /** What the weights were trained on, for the record. */
  trainedOn?: string[];
}

/** Reads a weights file's JSON for `features`; throws naming what is wrong (`label` says which file). */
export function parseFeatureWeights<F extends string>(json: unknown, features: readonly F[], label: string): FeatureWeights<F> {
  if (typeof json !== 'object' || json === null) throw new Error(`${label}: not an object`);
  const o = json as Record<string, unknown>;
  if (o.version !== 1) throw new Error(`${label}: unknown version`);
  const w = o.weights;
  if (typeof w !== 'object' || w === null) throw new Error(`${label}: no weights`);
  const weights = {} as Record<F, number>;
  for (const f of features) {
    const v = (w as Record<string, unknown>)[f];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${label}: feature "${f}" has no finite weight`);
    weights[f] = v;
  }
  const trainedOn = Array.isArray(o.trainedOn) ? o.trainedOn.filter((x): x is string => typeof x === 'string') : undefined;
  return trainedOn ? { version: 1, weights, trainedOn } : { version: 1, weights };
}
