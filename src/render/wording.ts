/** Shown above ask hits the engine is not confident answer the question (Discord and terminal say the same). */
export const UNSURE_LEAD = 'These passages may help:';
