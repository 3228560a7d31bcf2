/**
 * Words that precede a person's name as a title or role ("Sen.", "President", "spokeswoman").
 * They belong in the mention as written but not in the speaker's name.
 */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'reverend',
  'father',
  'sen',
  'senator',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'gov',
  'governor',
  'president',
  'vice',
  'secretary',
  'minister',
  'prime',
  'premier',
  'chancellor',
  'mayor',
  'judge',
  'justice',
  'attorney',
  'general',
  'gen',
  'lt',
  'col',
  'colonel',
  'capt',
  'captain',
  'sgt',
  'sergeant',
  'adm',
  'admiral',
  'maj',
  'major',
  'commander',
  'chief',
  'speaker',
  'leader',
  'ambassador',
  'chairman',
  'chairwoman',
  'chair',
  'director',
  'deputy',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'bishop',
  'archbishop',
  'cardinal',
  'rabbi',
  'imam',
  'sheikh',
  'officer',
  'detective',
  'det',
  'inspector',
  'superintendent',
  'councillor',
  'councilman',
  'councilwoman',
  'commissioner',
  'coach',
  'candidate',
  'nominee',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'former',
  'state',
  'assemblyman',
  'assemblywoman',
  'delegate',
  'mp',
  'mep',
  'sheriff',
  'trooper',
  'pastor',
  'host',
  'anchor',
  'correspondent',
  'reporter',
  'editor',
  'columnist',
  'analyst',
  'economist',
  'professor',
  'ceo',
  'founder',
  'strategist',
  'adviser',
  'advisor',
  'aide',
  'manager',
  'chairperson',
  'democrat',
  'republican',
  'gop',
  'u.s',
  'us',
  'hon',
  'st',
  'democratic',
  'presidential',
  'first',
]);

// Modifiers that may precede a name but say nothing about it being a person ("Democratic Party").
const MODIFIERS = new Set([
  'former',
  'state',
  'democrat',
  'republican',
  'gop',
  'u.s',
  'us',
  'democratic',
  'presidential',
  'first',
  'vice',
  'general',
  'chief',
  'deputy',
  'prime',
  'leader',
  'speaker',
  'chair',
  'director',
  'king',
  'queen',
  'prince',
  'princess',
  'host',
  'anchor',
  'st',
  'major',
  'justice',
  'attorney',
  'judge',
]);

/**
 * Whether a title shows that the name after it is a person ("Sen.", "Mrs.", "spokeswoman"), as
 * opposed to a modifier that also comes before organisations ("Democratic Party", "State Department").
 *
 * @example
 * ```ts
 * impliesPerson('Sen.'); // true
 * impliesPerson('Democratic'); // false
 * ```
 */
export function impliesPerson(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return TITLES.has(w) && !MODIFIERS.has(w);
}

/** Titles that also tell us the person's gender. */
const GENDERED: Record<string, 'm' | 'f'> = {
  mr: 'm',
  sir: 'm',
  lord: 'm',
  king: 'm',
  prince: 'm',
  father: 'm',
  congressman: 'm',
  chairman: 'm',
  spokesman: 'm',
  councilman: 'm',
  assemblyman: 'm',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  dame: 'f',
  lady: 'f',
  queen: 'f',
  princess: 'f',
  congresswoman: 'f',
  chairwoman: 'f',
  spokeswoman: 'f',
  councilwoman: 'f',
  assemblywoman: 'f',
};

/**
 * Whether a word (any case, with or without its dot) is a title or role word.
 *
 * @example
 * ```ts
 * isPersonTitle('Sen.'); // true
 * isPersonTitle('Potter'); // false
 * ```
 */
export function isPersonTitle(word: string): boolean {
  return TITLES.has((word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase());
}

// Titles and country names written shortened with a dot ("Sen.", "Lt.", "U.S."). A full word before a dot ("said the
// strategist.") ends the sentence instead.
const ABBREVIATIONS = new Set(
  'u.s u.k u.n mr mrs ms messrs dr prof rev fr sen rep gov pres sec amb atty del gen lt col capt cmdr sgt cpl adm maj brig det insp supt hon'.split(
    ' ',
  ),
);

/**
 * Whether a word is a title's short form, which a dot follows without ending the sentence.
 *
 * @example
 * ```ts
 * isTitleAbbreviation('Sen'); // true
 * isTitleAbbreviation('strategist'); // false
 * ```
 */
export function isTitleAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The gender a title implies ("Mrs." → 'f'), or null.
 *
 * @example
 * ```ts
 * titleGender('Mr.'); // 'm'
 * ```
 */
export function titleGender(word: string): 'm' | 'f' | null {
  return GENDERED[word.toLowerCase().replace(/\.$/, '')] ?? null;
}
