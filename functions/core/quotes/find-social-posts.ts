/**
 * An embedded social-media post as a scraped page shows it: the post's text, then a signature
 * line "— Name (@handle) Month D, YYYY".
 *
 * @example
 * ```ts
 * const post: SocialPost = { start: 0, end: 12, author: 'Ana Ruiz', handle: 'anaruiz', signatureStart: 13 };
 * ```
 */
export interface SocialPost {
  /** The post's text, `text.slice(start, end)`, trimmed, without trailing picture links. */
  start: number;
  end: number;
  author: string;
  handle: string;
  signatureStart: number;
}

/** Trailing links are looked for in a post's last this many characters: links are short, and the pattern stays linear. */
const TRAILING_LINKS_CHARS = 1000;

// The signature line twitter/X embeds leave behind when the page is flattened to text.
const SIGNATURE =
  /^[ \t]*[—–-]{1,2}[ \t]*([^\n(]{1,80}?)[ \t]*\(@(\w{1,30})\)[ \t]*(?:on[ \t]+)?(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4})[ \t]*$/gm;
// Links a post ends with that are not words the poster wrote.
const TRAILING_LINKS = /(?:\s+(?:pic\.twitter\.com\/\S+|https?:\/\/\S+))+\s*$/;
// Decorations people put in display names (emoji, symbols) are not part of the name.
// Astral-plane characters go too: they are emoji and decorative scripts (𓃠), not name letters.
const NAME_JUNK = /[^\p{L}\p{M}\p{N}\s.'’\-/]|[\u{10000}-\u{10FFFF}]/gu;

/**
 * Finds embedded posts by their signature lines. The post text is the nearest non-empty line
 * above the signature; the author is the display name, with symbols stripped and the handle left out.
 *
 * @example
 * ```ts
 * const text = 'We stand with Kyiv.\n— Ana Ruiz (@anaruiz) November 14, 2025';
 * findSocialPosts(text)[0]; // { start: 0, end: 19, author: 'Ana Ruiz', handle: 'anaruiz', signatureStart: 20 }
 * ```
 */
export function findSocialPosts(text: string): SocialPost[] {
  const posts: SocialPost[] = [];
  // Cheap guard: most articles embed nothing, so skip the regex entirely.
  if (!text.includes('(@')) return posts;
  SIGNATURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SIGNATURE.exec(text)) !== null) {
    const sig = m.index;
    let e = sig - 1;
    while (e >= 0 && /\s/.test(text[e])) e--;
    if (e < 0) continue;
    const lineStart = text.lastIndexOf('\n', e) + 1;
    let s = lineStart;
    while (s <= e && /\s/.test(text[s])) s++;
    let end = e + 1;
    // Links trail the post's last line; looking at its tail only keeps the pattern linear.
    const tail = Math.max(s, end - TRAILING_LINKS_CHARS);
    const links = TRAILING_LINKS.exec(text.slice(tail, end));
    if (links) end = tail + links.index;
    if (end <= s) continue;
    const author = m[1].replace(NAME_JUNK, '').replace(/\s+/g, ' ').trim();
    // A bilingual display name "Гюндуз Мамедов/Gyunduz Mamedov": keep the last (usually Latin) form.
    const name = author.includes('/') ? author.split('/').at(-1)!.trim() : author;
    posts.push({ start: s, end, author: name || m[2], handle: m[2], signatureStart: sig });
  }
  return posts;
}
