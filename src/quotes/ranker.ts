// The learned part of speaker attribution: each quote's candidate speakers carry features (where
// the candidate was found, how it was read, how near and how person-like it is), and a linear
// model trained on annotated news (`npm run train:quotes`) scores them; the best one speaks.
// The weights live in speaker-weights.json beside this file.

import committed from './speaker-weights.json' with { type: 'json' };
import { parseFeatureWeights, type FeatureWeights } from './weights-file.js';

export const FEATURES = [
  // where the candidate comes from
  'slot_tail', // "…,” said X / "…,” X said
  'slot_pre', // X said: "…" / X said that "…"
  'slot_according', // according to X, "…"
  'slot_participle', // X …, adding "…"
  'slot_colon', // X was blunt: "…"
  'cont_para', // the speaker of the quote before it in the paragraph
  'intro_para', // the subject of a speech verb earlier in the paragraph
  'next_explicit', // the attributed speaker of a later quote in the paragraph
  'prev_intro', // the subject of a speech verb in the narrative paragraph before
  'prev_subject', // a person who opens a sentence of the narrative paragraph before
  'prev_intro_quoted', // a speech-verb subject in the paragraph before, which has quotes
  'last_speaker', // the last speaker, at most two paragraphs back
  'cont_prev_para', // a paragraph that opens with an unattributed quote, after a paragraph whose last quote this candidate spoke
  'sentence_subject', // the subject that opens the quote's sentence ("He voiced his anger, …")
  'prev_sentence_subject', // the subject of the sentence before, in the same paragraph
  'near_sentence', // named in the quote's sentence (outside quotes)
  'near_para', // named in the quote's paragraph
  'near_prev', // named in the paragraph before
  'nearness', // 1 / (1 + distance / 200 characters) to the nearest mention
  'near_subject', // a mention near the quote opens its sentence
  'other_than_slot', // the quote's own attribution names someone else
  // how the candidate was read
  'via_name',
  'via_pronoun_1', // the likeliest antecedent of a he/she
  'via_pronoun_2', // the second likeliest
  'via_desc_indef', // a description kept as the speaker: "a U.S. analyst"
  'via_desc_def', // "the mayor" kept as is
  'via_desc_referent', // "the mayor" read as the person the article named
  'desc_role_match', // … whose role or title shares the description's head noun or a capitalised word ("the mayor", "Mayor Doug McCallum")
  'desc_role_exact', // … whose role is the description's whole phrase ("the home secretary", "Home Secretary Dermot Vale"; not "Shadow home secretary Gareth Lyle", whose role shares only the head)
  'desc_latest', // … who is the person named last before the description
  'desc_most_named', // … who is the person the article names most often before it
  'via_org', // "the company" read as the organisation named before
  'via_it_org', // "it" read as the organisation last named as a subject
  'via_group', // "they", "A and B"
  // what the candidate is
  'full_name', // two or more name words
  'single_word', // a one-word name that is no known first name ("Hamilton", "Somehow")
  'has_role', // the article gives the person a title or role
  'unknown_first_name', // two or more words, the first no known first name, and no role ("Nova Scotia")
  'desc_bare', // a description without a determiner ("professor")
  'known_first_name', // the first word is a first name in the name lists
  'first_name_only', // one name word, a first name in the name lists ("Demi"): a person named by first name alone, or a place the lists also hold
  'no_person_sign', // a name with no sign of a person's (no known first name, role, title or gender): "English Channel", "Super Bowl"
  'gender_agrees', // a he/she slot and the person's known gender agree
  'name_gender_clash', // a he/she slot, no gender known from the text, and the first name's is the other ("she" and Richard)
  'salience', // how often the article names the person (capped)
  'null', // nobody: the quote stays unattributed
  'prev_attr', // the speaker the last explicit attribution named, this paragraph or the one before: 1 / (1 + how many sentences apart)
  'prev_sent_person', // the person the sentence right before the quote's sentence introduces (the first named, no possessive), same paragraph
  'named_after_speech', // a quote continuing a speaker (after "X said:" or a quote paragraph), and the candidate is named only after it, in a sentence with a speech verb of its own
  'ante_subject', // a he/she slot's antecedent: its latest mention opens its sentence or speaks
  'ante_oblique', // … follows a preposition or a verb's object slot ("Unlike X, he", "tell Mayor X")
  'ante_between', // … other persons (not of the other gender) named since (capped at 3, /3)
  'ante_far', // … distance to the pronoun, d / (d + 400 characters); 1 with no mention in reach
  'via_pronoun_prev', // a he/she read as one of those two when the salience ranking did not offer them
  'the_name', // share of the name's mentions right after "the" ("in the Zurich Premiership", "the English Channel"): a thing's name, not a person's
  'thing_head', // the name's last word names an event, place, work, product or date ("Super Bowl", "Yahoo Messenger", "Saturday")
  'lower_elsewhere', // a one-word name the article also writes in lower case ("Fears", "Hours"): a common word opening a sentence
  'used_as_place', // the article uses the name as a place ("in Waterford", "across China")
  'pronoun_no_person', // a he/she read as a name with no sign of a person's (no known first name, role, title or text gender)
  'slot_by', // the agent of a passive right after the quote: was called “…” by X
  'ante_main', // a he/she slot's antecedent: its latest mention is the first person its sentence names, with no subordinate or reported clause before it ("Larne boss Jimmy McGeough has yet to confirm that Weir …": McGeough, not Weir)
  'pronoun_desc', // a he/she read as the unnamed person the paragraph's narration or last attribution made the speaker ("a spokesman for Acme said. … he added")
  'ante_bound', // a he/she slot's reading named after the pronoun in the pronoun's own sentence ("He said Reagan “…”", "“…,” he told Smith"): a pronoun never means a name its own clause goes on to name
  'named_in_quote', // the candidate is named inside the quote's own text ("“Mr Kenteris should now …”"): a speaker rarely names himself in the third person
  'reported_mention', // the candidate's latest mention before the quote (its sentence or the one before) stands after a speech verb that has a subject of its own, or as a possessive ("X said that Judge Y's refusal was", "he added that A and B would"): what was reported, not who reports
  'cue_sentence', // the quote's own sentence names its source with no speech verb: right after "according to" ("According to Frank Brown, global advisory leader at PwC, the trend …: “…”"), or right before the colon that opens the quote ("- Manchester City boss Kevin Keegan: “…”"). One feature by a hand decision: the dev sets hold no "according to" before a quote, so a feature of its own would never be learnt (slot_according stays 0 for that reason); the "according to" half borrows the weight the colon labels earn
  'pronoun_last_verb', // a he/she slot's reading that is the named subject of the last speech verb before the quote (this paragraph, else the one before): "…, Slifer said. / “…,” he said". A he/she before the quote ("He said: “…”") is itself that subject, so it continues the subject of the speech verb before its own sentence, and a first name of the other gender is no such reading
  'third_person_in_quote', // the quote's own words hold a he/him/his (she/her) of the candidate's gender (the text's, else the first name's), and the candidate is the person of that gender the article has named most often before the quote (outside quotes): the person the quote most likely talks about ("“He never misses a session,”" after three paragraphs on Ordonez), rarely its speaker
  'ante_prev_subject', // a he/she slot's reading that is the subject of the sentence right before the pronoun's sentence (its first person named, opening it), with nobody named in the pronoun's sentence before the pronoun: "Dunmore praised the engineers at a lunch with Arthur Pellow. He told reporters …" continues Dunmore, not the person of the prepositional phrase
  'near_oblique', // the candidate's latest mention before the quote (its sentence or the one before, same paragraph; for a quote whose sentence opens its paragraph, the last sentence of the paragraph before) follows a preposition or stands as a verb's object ("full of praise for Tom Reyes", "the death of Joan Mabry"; not after "and"/"or", which may join a subject, nor "according to", a source): a person the frame talks about, not one who speaks
  // turn-features.ts: what a careful reader weighs about turns of speaking and unnamed speakers
  'desc_echo', // an unnamed definite description ("the official") whose head noun an indefinite description of the narration before used ("a senior central bank official"): the unnamed person again, not someone named
  'turn_holder', // the speaker of the latest quote whose own attribution named its speaker, within six paragraphs: the turn a quote continues
  'pronoun_turn_desc', // a he/she slot read as the unnamed described person who holds the turn ("said one veteran dealer. ¶ “…,” he said"), within six paragraphs
] as const;

export type Feature = (typeof FEATURES)[number];
/** A sparse, readable view of a feature vector (tests, error dumps): only the features that are set. */
export type Features = Partial<Record<Feature, number>>;

/** Where each feature sits in a feature vector: the FEATURES order. */
export const FEATURE_INDEX: Readonly<Record<Feature, number>> = Object.fromEntries(FEATURES.map((f, j) => [f, j])) as Record<Feature, number>;
export const FEATURE_COUNT = FEATURES.length;

/** A candidate's features as one number per feature, in FEATURES order (0 = not set). */
export type FeatureVector = Float64Array;

export type SpeakerWeights = FeatureWeights<Feature>;

/** Reads a weights file's JSON; throws naming what is wrong. */
export const parseWeights = (json: unknown): SpeakerWeights => parseFeatureWeights(json, FEATURES, 'speaker weights');

export const DEFAULT_WEIGHTS: SpeakerWeights = parseWeights(committed);

// The weights as a vector, made once per weights object: scoring is then a dot product.
const weightVectors = new WeakMap<SpeakerWeights, Float64Array>();
export function weightVector(w: SpeakerWeights): Float64Array {
  let v = weightVectors.get(w);
  if (!v) {
    v = Float64Array.from(FEATURES, (f) => w.weights[f] ?? 0);
    weightVectors.set(w, v);
  }
  return v;
}

/** The score of the feature vector that starts at `offset` in `x` (a candidate's row of a slab, or a vector of its own). */
export function scoreVector(w: Float64Array, x: Float64Array, offset = 0): number {
  let s = 0;
  for (let j = 0; j < FEATURE_COUNT; j++) s += (w[j] ?? 0) * (x[offset + j] ?? 0);
  return s;
}

/** The set features of a vector, by name. */
export function featuresOf(x: ArrayLike<number>): Features {
  const out: Features = {};
  FEATURES.forEach((f, j) => {
    if (x[j]) out[f] = x[j];
  });
  return out;
}

/** A vector from named features (the rest 0). */
export function vectorOf(f: Features): FeatureVector {
  return Float64Array.from(FEATURES, (name) => f[name] ?? 0);
}
