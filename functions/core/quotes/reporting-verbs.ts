/**
 * The lexicon of verbs that introduce reported speech, in every form a news article uses them.
 */

// Base forms of regular verbs; inflections are generated below so the list stays readable.
const REGULAR = [
  'add',
  'acknowledge',
  'admit',
  'advise',
  'affirm',
  'agree',
  'allege',
  'announce',
  'answer',
  'argue',
  'ask',
  'assert',
  'assure',
  'blast',
  'blog',
  'boast',
  'brag',
  'call',
  'caution',
  'charge',
  'chant',
  'claim',
  'comment',
  'complain',
  'concede',
  'conclude',
  'confess',
  'confirm',
  'contend',
  'continue',
  'counter',
  'crow',
  'cry',
  'declare',
  'demand',
  'deny',
  'describe',
  'emphasize',
  'emphasise',
  'exclaim',
  'explain',
  'gush',
  'inform',
  'insist',
  'instruct',
  'interject',
  'joke',
  'lament',
  'mock',
  'muse',
  'mutter',
  'note',
  'observe',
  'plead',
  'pledge',
  'post',
  'predict',
  'proclaim',
  'promise',
  'protest',
  'quip',
  'recall',
  'recount',
  'reiterate',
  'remark',
  'remind',
  'reply',
  'report',
  'respond',
  'retort',
  'scoff',
  'scream',
  'shout',
  'slam',
  'snap',
  'state',
  'stress',
  'suggest',
  'testify',
  'tweet',
  'urge',
  'vow',
  'warn',
  'whisper',
  'yell',
  'query',
  'opine',
  'quote',
  'decry',
  'fume',
  'groan',
  'rail',
  'sigh',
  'chide',
  'concur',
  'estimate',
  'guarantee',
  'hint',
  'marvel',
  'recommend',
  'reckon',
  'relate',
  'reveal',
  'sneer',
  'stipulate',
  'summarize',
  'tout',
  'wonder',
  'accuse',
  'praise',
  'question',
  'label',
  'dub',
  'term',
  'insult',
  'thank',
  'echo',
  'tease',
  'vent',
  'cite',
  'hail',
];
// Irregular forms listed outright.
const IRREGULAR = [
  'say',
  'refers',
  'referred',
  'referring',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'told',
  'telling',
  'write',
  'writes',
  'wrote',
  'writing',
  'written',
  'read',
  'reads',
  'reading',
  'think',
  'thinks',
  'thought',
  'speak',
  'speaks',
  'spoke',
  'spoken',
  'swear',
  'swore',
  'sworn',
  'shot',
  'fired',
  'went',
  'goes',
];

function inflect(base: string): string[] {
  const forms = [base];
  const cvc = /[^aeiou][aeiou][bdglmnpt]$/.test(base) && base.length <= 4;
  if (base.endsWith('e')) forms.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(base)) forms.push(base + 'es', base + 'ed', base + 'ing');
  else if (cvc) forms.push(base + 's', base + base.at(-1) + 'ed', base + base.at(-1) + 'ing');
  else forms.push(base + 's', base + 'ed', base + 'ing');
  return forms;
}

const BASES = new Set<string>(REGULAR.concat(['say', 'tell', 'write', 'read', 'think', 'speak', 'swear']));
const VERBS = new Set<string>(IRREGULAR);
for (const base of REGULAR) for (const f of inflect(base)) VERBS.add(f);

/**
 * Verbs that name the speech act itself (said, told, wrote…) as opposed to ones like "called" or
 * "described" that only introduce a quoted label. The weaker ones still attribute a quote that sits
 * in their clause, but never start an attribution after a quote ("…,” called Potter" is not English).
 */
const WEAK = new Set(
  inflect('call').concat(
    inflect('describe'),
    inflect('label'),
    inflect('dub'),
    inflect('term'),
    inflect('accuse'),
    inflect('praise'),
    inflect('thank'),
    inflect('cite'),
    inflect('hail'),
    // "refer" doubles its r, which inflect() only does for short stems.
    ['refers', 'referred', 'referring'],
    inflect('tease'),
    inflect('question'),
    inflect('insult'),
    inflect('mock'),
    inflect('quote'),
    ['think', 'thinks', 'thought', 'went', 'goes', 'fired', 'shot', 'spoke', 'speak', 'speaks', 'spoken'],
  ),
);

/**
 * Whether a lower-cased word is a reporting verb form.
 *
 * @example
 * ```ts
 * isReportingVerb('tweeted'); // true
 * isReportingVerb('walked'); // false
 * ```
 */
export function isReportingVerb(word: string): boolean {
  return VERBS.has(word);
}

/**
 * Whether a reporting verb can attribute a quote that it directly follows ("…,” said Potter /
 * "…,” Potter said). Labelling verbs like "called" only work from inside the sentence.
 *
 * @example
 * ```ts
 * isSpeechVerb('said'); // true
 * isSpeechVerb('called'); // false
 * ```
 */
export function isSpeechVerb(word: string): boolean {
  return VERBS.has(word) && !WEAK.has(word);
}

// Verbs whose subject may follow them ("…,” said Potter); "told" takes an object instead.
const INVERTIBLE = new Set([
  'said',
  'says',
  'added',
  'adds',
  'asked',
  'asks',
  'wrote',
  'writes',
  'continued',
  'continues',
  'replied',
  'replies',
  'explained',
  'explains',
  'noted',
  'notes',
  'recalled',
  'recalls',
  'responded',
  'responds',
  'declared',
  'insisted',
  'argued',
  'warned',
  'concluded',
  'concludes',
  'observed',
  'remarked',
  'tweeted',
  'posted',
  'quipped',
  'joked',
  'answered',
  'countered',
  'stated',
  'reported',
  'reports',
  'read',
  'reads',
  'shouted',
  'yelled',
  'cried',
  'exclaimed',
  'boasted',
  'admitted',
  'acknowledged',
  'claimed',
  'suggested',
  'predicted',
  'promised',
  'vowed',
  'urged',
  'laments',
  'lamented',
  'complained',
  'conceded',
  'confirmed',
  'announced',
  'proclaimed',
  'stressed',
  'emphasized',
  'emphasised',
  'retorted',
  'interjected',
  'mused',
]);

/**
 * Whether a verb can come before its subject ("…,” said Potter, an analyst).
 *
 * @example
 * ```ts
 * isInvertibleVerb('said'); // true
 * isInvertibleVerb('told'); // false
 * ```
 */
export function isInvertibleVerb(word: string): boolean {
  return INVERTIBLE.has(word);
}

/**
 * Whether a verb form is the bare base form ("say", "stress", "note"), which is just as often a
 * noun ("stress tests", "a note") and so needs a subject that can only take a verb.
 *
 * @example
 * ```ts
 * isBaseForm('stress'); // true
 * isBaseForm('stressed'); // false
 * ```
 */
export function isBaseForm(word: string): boolean {
  return BASES.has(word);
}

// Bases whose -s form is just as often a plural noun ("Republican claims", "his remarks").
const NOUN_LIKE = [
  'claim',
  'remark',
  'comment',
  'report',
  'charge',
  'call',
  'question',
  'note',
  'state',
  'quote',
  'post',
  'tweet',
  'answer',
  'reply',
  'estimate',
  'promise',
  'protest',
  'demand',
  'blast',
  'scream',
  'shout',
  'cry',
  'whisper',
  'joke',
  'boast',
  'pledge',
  'vow',
  'insult',
  'label',
  'term',
  'praise',
  'echo',
  'sigh',
  'groan',
  'hint',
  'guarantee',
  'counter',
];
const PLURAL_LIKE = new Set<string>();
for (const base of NOUN_LIKE) {
  const forms = inflect(base);
  // The -s/-es/-ies form is the second one inflect() produces.
  if (forms[1]?.endsWith('s')) PLURAL_LIKE.add(forms[1]);
}

/**
 * Whether a verb form is also a plural noun ("claims", "remarks", "reports"), so it needs a subject
 * before it to count as a verb.
 *
 * @example
 * ```ts
 * isPluralNounLike('claims'); // true
 * isPluralNounLike('claimed'); // false
 * ```
 */
export function isPluralNounLike(word: string): boolean {
  return PLURAL_LIKE.has(word);
}
