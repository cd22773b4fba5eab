/** Realistic inputs for the Reuters archive, shared by bench:bot and bench:load. */
export const SEARCHES = [
  'oil prices', 'crude output', 'interest rates', 'trade deficit', 'wheat exports', 'merger agreement', 'stock split',
  'quarterly dividend', 'net profit', 'money supply', 'coffee quota', 'sugar production', 'gold reserves', 'bank of japan',
  'opec ceiling', 'currency intervention', 'grain shipments', 'soybean crop', 'takeover bid', 'debt rescheduling',
  'brazil debt', 'japanese tariffs', 'federal reserve', 'bundesbank', 'yen dollar', 'cocoa buffer stock', 'natural gas',
  'copper price', 'steel imports', 'unemployment rate', 'inflation', 'gnp growth', 'shipping strike', 'rubber agreement',
  'tin council', 'acquisition shares', 'earnings per share', 'subpoena', 'city', 'immigration',
];
export const QUESTIONS = [
  'What did OPEC decide about oil output?', 'Who wants to buy the company?', 'How much did the trade deficit grow?',
  'When will the dividend be paid?', 'Why did the dollar fall?', 'Who is the chairman of the Federal Reserve?',
  'How much wheat did the Soviet Union buy?', 'What is the coffee export quota?', 'Where will the new plant be built?',
  'How many shares will be issued?', 'What did the Bundesbank do with interest rates?', 'Who said the subpoenas were shameful?',
];
export const PREFIXES = ['oil', 'bank', 'trade', 'wh', 'ja', 'us', '', 'r21578-0', 'r21578-1', 'co', 'dollar', 'opec', 'gold', 'fed', 'pr', 'sh'];

export const pick = <T>(xs: readonly T[], i: number, fallback: T): T => xs[i % xs.length] ?? fallback;
