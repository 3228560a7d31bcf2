/**
 * The head-phrase named-speaker rule (issue 11, round 5), reported beside the lenient rule of
 * `score-extraction.ts` (`speakerMatches`), never instead of it.
 *
 * The lenient rule takes every capitalised token of the gold source as a name, so a description
 * whose modifiers hold capitals ("The senator from Vermont", "the groups who wrote to her on
 * Thursday", "the authors of the “Growth and Opportunity Project,”") asks for "Vermont", "Thursday"
 * or "Project" and counts "the senator" wrong; and a name with an appositive ("Murphy, the head of
 * Right to Rise USA,") is matched by "USA". This rule reads the gold source as a reader would:
 * - only the head phrase names the source: the part before its first comma, dash, bracket,
 *   relative pronoun, preposition, participle or coordinating "and";
 * - weekday and month names and a leading conjunction ("But a source …") are not name tokens;
 * - a description (the head phrase opens with a determiner, or has no name) is matched by its head
 *   noun, the last word of the head phrase; a name by any of its name tokens;
 * - a gold source that is only a reporting verb ("said", "said in a statement") is an annotation
 *   slip, left out of the count (`null`).
 */

/**
 * The word tokens of a speaker text as the named-speaker rules compare them (possessive and final
 * full stop dropped).
 *
 * @example
 * ```ts
 * speakerTokens("Trump’s campaign."); // ['Trump', 'campaign']
 * ```
 */
export function speakerTokens(s: string): string[] {
  return s
    .split(/[^\p{L}\p{N}.'’-]+/u)
    .map((t) => t.replace(/[’']s?$/, '').replace(/\.$/, ''))
    .filter(Boolean);
}

const NOT_NAME = new Set(
  `the a an of for at in on and to by but or so mr mrs ms dr sen rep gov president former senator presidential
candidate nominee secretary republican democratic democrat gop vice u.s us state monday tuesday wednesday thursday
friday saturday sunday january february march april june july august september october november december`.split(/\s+/),
);
const DETERMINER = /^(the|a|an|his|her|its|their|our|one|another|some|many|several|two|three)$/i;
// A phrase ends at an appositive, a bracket, a relative clause or a participle.
const PHRASE_END =
  /\s*(?:[,(—–]|\s-\s|\s(?:who|whom|which|that|known|released|drafted|filed|published|writing|wearing|titled)\s)/i;
// A description's head noun comes before its first preposition ("The senator from Vermont").
const PREPOSITION = /\s(?:for|of|at|in|on|from|with|to|by|about|over|under|near|after|before|during)\s/i;
const SLIP = /^(?:said|says|say|told|added|wrote|asked|according to)\b(?:\s+in\s+.*)?$/i;

const lower = (ts: string[]) => ts.map((t) => t.toLowerCase());
const nameTokens = (s: string) =>
  lower(speakerTokens(s).filter((t) => /^\p{Lu}/u.test(t) && !NOT_NAME.has(t.toLowerCase())));
/** Whether a phrase opens like a description: a determiner, a possessive ("Scott's niece"), a lower-case word. */
const isDescription = (s: string) => {
  const first = s.trim().split(/\s+/)[0] ?? '';
  return DETERMINER.test(first) || /\p{L}[’']s?$/u.test(first) || /^\p{Ll}/u.test(first);
};

/**
 * Whether the predicted speaker and mention name the gold source by its head phrase; null when the
 * gold source is an annotation slip (not counted).
 *
 * @example
 * ```ts
 * speakerMatchesHead('The senator from Vermont', 'The senator', 'The senator'); // true
 * speakerMatchesHead('Her campaign manager, Robby Mook,', 'Robby Mook', 'Mook'); // true
 * speakerMatchesHead('Murphy, the head of Right to Rise USA,', 'USA', 'USA'); // false
 * speakerMatchesHead('said', 'Potter', 'Potter'); // null
 * ```
 */
export function speakerMatchesHead(gold: string, speaker: string | null, mention: string | null): boolean | null {
  const trimmed = gold
    .trim()
    .replace(/^[,\s]+|[,.\s]+$/g, '')
    .replace(/^(?:but|and|or|so)\s+/i, '');
  if (SLIP.test(trimmed)) return null;
  const predicted = new Set(lower(speakerTokens(`${speaker ?? ''} ${mention ?? ''}`)));
  if (predicted.size === 0) return false;
  const [phrase, ...rest] = trimmed.split(PHRASE_END);
  // The appositive right after the phrase: a description's name ("Her campaign manager, Robby
  // Mook") or a name's role ("Tad Devine, Sanders' senior media adviser"), the same person.
  const after = trimmed.slice(phrase.length).replace(/^\s*[,(—–-]\s*/, '');
  const appositive = rest.length > 0 && after !== trimmed ? after.split(PHRASE_END)[0] : '';
  const headNoun = (s: string) => lower(speakerTokens(s.split(PREPOSITION)[0])).at(-1);
  let described = false;
  for (const conjunct of phrase.split(/\s+and\s+/i)) {
    const description = isDescription(conjunct);
    const core = description ? conjunct.split(PREPOSITION)[0] : conjunct;
    const names = nameTokens(core);
    if (names.some((t) => predicted.has(t))) return true;
    if (description || names.length === 0) {
      described = true;
      const noun = headNoun(core);
      if (noun !== undefined && predicted.has(noun)) return true;
    }
  }
  if (!appositive) return false;
  if (described) return nameTokens(appositive).some((t) => predicted.has(t));
  const noun = isDescription(appositive) || nameTokens(appositive).length === 0 ? headNoun(appositive) : undefined;
  return noun !== undefined && predicted.has(noun);
}
