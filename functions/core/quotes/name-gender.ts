import type { Gender } from './pronouns.ts';

// A deliberately small list of common given names: enough to tell "he" from "she" for most people
// in English-language news. Unknown names stay ungendered and match either pronoun.
const MALE = new Set(
  `aaron adam adrian ahmed alan albert alex alexander ali andrew andy anthony antonio barack ben
benjamin bernie bill billy bob bobby boris brad brandon brian bruce bryan carl carlos charles charlie chris christian
christopher chuck clarence craig dan daniel darren dave david dennis derek dick don donald doug douglas drew dwight
ed eddie edward emmanuel eric erik evan frank fred gary george gerald glenn gordon greg gregory harold harry henry
howard hugh ian isaac jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john
johnny jon jonathan jordan jose joseph josh joshua juan justin keith ken kenneth kevin kurt larry lawrence lee leon
lindsey luis marco marcus mark martin matt matthew max michael miguel mike mitch mitt mohammed muhammad nathan neil
newt nicholas nick noah oliver omar owen patrick paul pete peter phil philip rahul ralph rand randy ray raymond reince
richard rick rob robert robby rod roger ron ronald rudy russell ryan sam samuel scott sean sergei seth shaun sherrod
simon stephen steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trey tyler vladimir walter
wayne will william xi yusuf zach volodymyr ilham mikhail heydar jerome mario rudolph reid harry elijah
darrell orrin chuck corey mick jeff bernard kirk dale lamar luther rex sebastian stephen wolf tucker
sean hugh vince reggie roy rudy dennis floyd frederick`.split(/\s+/),
);
const FEMALE = new Set(
  `abby abigail alexandra alice alicia alison amanda amber amy ana andrea angela ann anna anne
annie ashley barbara betty beverly brenda brittany carly carol caroline carolyn catherine cathy chelsea cheryl
christina christine cindy claire claudia colleen cynthia dana debbie deborah debra diana diane donna dorothy elaine
elizabeth ellen emily emma erin eva evelyn fiona frances gabrielle gina gloria grace hannah heather helen hillary
hope huma ivanka jackie jane janet janice jean jennifer jessica jill joan joanna jodi joy joyce judith judy julia
julie karen kate katherine kathleen kathy katie kayleigh kellyanne kelly kim kimberly kristen laura lauren linda
lisa lori louise lucy lynn madeleine maggie marcia margaret maria marie marilyn marsha martha mary megan melania
melissa michele michelle monica nancy natalie nicole nikki nina olivia pam pamela patricia patty paula peggy penny
rachel rebecca rose ruth sally samantha sandra sara sarah sharon shirley sonia stephanie sue susan suzanne tammy
teresa theresa tiffany tina tulsi valerie vanessa victoria virginia wendy whitney yvonne zoe debbie kirsten
kamala loretta condoleezza meghan megyn greta dana mika katy tamara heidi jeanne jeanine angelina stacey janine
liz betsy maxine barbra serena venus oprah beyonce madonna gretchen kristi sheila lena connie naomi nadia olga
yulia svetlana marine angela theresa ursula jacinda kirstjen`.split(/\s+/),
);

/**
 * Guesses a person's gender from the first token of their name, or null when the name is not in
 * the (small) list. Titles are handled by the caller.
 *
 * @example
 * ```ts
 * guessGender('Hillary Clinton'); // 'f'
 * guessGender('Potter'); // null
 * ```
 */
export function guessGender(name: string): Gender | null {
  const sp = name.indexOf(' ');
  const first = (sp < 0 ? name : name.slice(0, sp)).toLowerCase();
  if (MALE.has(first)) return 'm';
  if (FEMALE.has(first)) return 'f';
  return null;
}

/**
 * Whether a token is a given name the lists know (either gender): a cheap sign that a capitalised
 * run is a person and not a place or an organisation.
 *
 * @example
 * ```ts
 * isKnownGivenName('Alex'); // true
 * isKnownGivenName('White'); // false
 * ```
 */
export function isKnownGivenName(token: string): boolean {
  const t = token.toLowerCase();
  return MALE.has(t) || FEMALE.has(t);
}
