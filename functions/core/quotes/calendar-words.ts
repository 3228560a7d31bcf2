/**
 * The names of the days and months, written out, at the start of a word: "Tuesday", "March". A
 * phrase that opens with one is a date or a deadline ("Sunday morning, …", "by Tuesday"), not a
 * speaker or a byline. "May" is among them; callers that also meet the name ("Theresa May") check it.
 *
 * @example
 * ```ts
 * CALENDAR_WORD.test('Sunday'); // true
 * ```
 */
export const CALENDAR_WORD =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
