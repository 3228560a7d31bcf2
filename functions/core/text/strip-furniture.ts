/**
 * Page furniture: the menus, share buttons, prompts and image debris that scrapers copy along with
 * an article. Every rule judges a whole line and must never fire on a line that carries a real
 * sentence, so rules are exact phrases or tightly bounded patterns, never "contains the word …".
 *
 * Deliberately kept: embedded social posts, their attribution lines ("— Name (@handle) November
 * 14, 2025") and their `pic.twitter.com/…` links. Those links are part of the post as it was
 * published (Twitter renders them as the post's text), and a fact-checker quoting the post needs
 * its words exactly as they appeared. Picture credits and captions ("Image: Jane Doe.") stay too:
 * they are the publisher's words.
 */

/** Phrases that are furniture wherever they stand alone on a line (compared on {@link lineKey}). */
const ANYWHERE_PHRASES = new Set([
  // Ad slots leave their label behind in the middle of the text.
  'advertisement',
  'advertisements',
  'advert',
  'sponsored content',
  'paid content',
  'story continues below advertisement',
  'article continues below advertisement',
  'continue reading below',
  'scroll to continue with content',
  // Share buttons, scraped as text.
  'share',
  'share this',
  'share this article',
  'share this story',
  'share this post',
  'share this page',
  'share article',
  'share story',
  'share on facebook',
  'share on twitter',
  'share on x',
  'share on linkedin',
  'share on whatsapp',
  'share via email',
  'copy link',
  'link copied',
  // Comment widgets.
  'leave a comment',
  'leave a reply',
  'post a comment',
  'add a comment',
  'view comments',
  'show comments',
  'join the conversation',
  // Recirculation modules between and after paragraphs.
  'trending',
  'trending now',
  'trending news',
  'trending stories',
  'read more',
  'read more here',
  'continue reading',
  'read full story',
  'read the full story',
  'read the full article',
  'click here to read more',
  'related',
  'related articles',
  'related stories',
  'related posts',
  'related news',
  'related content',
  'more on this story',
  'you may also like',
  'you might also like',
  'recommended',
  'recommended for you',
  'most read',
  'most popular',
  'most viewed',
  "don't miss",
  'skip to content',
  'skip to main content',
  'back to top',
]);

/** Phrases that are furniture only in the leading or trailing run of lines (site navigation). */
const EDGE_PHRASES = new Set([
  'home',
  'news',
  'latest',
  'latest news',
  'latest stories',
  'breaking news',
  'top stories',
  'more stories',
  'category',
  'categories',
  'menu',
  'main menu',
  'navigation',
  'search',
  'log in',
  'login',
  'sign in',
  'sign up',
  'register',
  'comments',
  'print',
  'email',
  'tweet',
  'accept',
  'accept all',
  'reject all',
  'i agree',
  'got it',
  'ok, got it',
]);

/** Networks and actions of share-button rows ("Facebook Twitter WhatsApp Email"). */
const SHARE_TOKENS = new Set([
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'email',
  'e-mail',
  'mail',
  'linkedin',
  'reddit',
  'telegram',
  'pinterest',
  'print',
  'copy',
  'link',
  'share',
  'messenger',
  'tumblr',
  'bluesky',
  'threads',
  'mastodon',
  'flipboard',
  'pocket',
  'sms',
  'tweet',
  'instagram',
  'youtube',
  'tiktok',
]);

const IMAGE_EXTENSION = String.raw`\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)`;
/** One "word" with no spaces ending in an image extension: a file name or URL (`-e02….jpg)`). */
const BARE_IMAGE = new RegExp(String.raw`^\S*${IMAGE_EXTENSION}(?:\?\S*)?\)?$`, 'i');
/** A wiki-style image reference kept as a line ("File:Keisha Lance Bottoms (cropped).jpg"). */
const FILE_REFERENCE = new RegExp(String.raw`^(?:file|image):\S.*${IMAGE_EXTENSION}$`, 'i');
/** Lines made only of Markdown images: `![alt](https://…/photo.jpg)`. */
const MARKDOWN_IMAGES = /^(?:!\[[^\]]*\]\([^)]*\)\s*)+$/;

/**
 * Short prompts recognised by how they start. Each is only judged on lines of at most
 * {@link PROMPT_MAX_WORDS} words, so a long sentence that happens to start the same way is kept.
 */
const PROMPT_PREFIXES = [
  /^subscribe\b/i, // "Subscribe now", "Subscribe to our newsletter"
  /^(?:sign up|register)\b.*\bnewsletters?\b/i,
  /^follow us\b/i, // "Follow us on Google News"
  /^(?:follow|join|like) (?:us|[\w.]+) on (?:twitter|x|facebook|instagram|google news|telegram|whatsapp|threads|bluesky|linkedin|tiktok|youtube)\b/i,
  /^download (?:our|the) app\b/i,
  /^\d+ comments?$/i,
  /^[\d.,]+k? shares?$/i,
  /^\d+ min(?:ute)?s? read$/i,
];
const PROMPT_MAX_WORDS = 15;

/** Cookie banners: long, but always open with one of these; judged on lines up to 60 words. */
const COOKIE_NOTICE =
  /^(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies|by (?:continuing|using)\b.*\bcookies?\b|(?:accept|reject|manage)(?: all)? cookies|cookie (?:policy|settings|preferences|consent|notice))/i;

/** Breadcrumb separators: "Home > World > Europe", "News › Politics". */
const BREADCRUMB_SEPARATOR = /\s+[>›»/]\s+/;

/**
 * Remove page furniture from a list of trimmed lines (blank lines may be included). Furniture is
 * removed from the leading and trailing runs of lines (where menus and footers sit) with the full
 * rule set, and from the middle with only the rules that never match article prose.
 *
 * @example
 * ```ts
 * stripFurniture(['- Category', '- Latest news', 'Headline', 'Body.', 'Share', 'Leave a comment']);
 * // => ['Headline', 'Body.']
 * ```
 */
export function stripFurniture(lines: readonly string[]): string[] {
  let start = 0;
  while (start < lines.length && isLeadingFurniture(lines[start])) start += 1;
  let end = lines.length;
  while (end > start && isEdgeFurniture(lines[end - 1])) end -= 1;
  return lines.slice(start, end).filter((line) => !isFurniture(line));
}

/**
 * Whether a single trimmed line is furniture wherever it appears.
 *
 * @example
 * ```ts
 * isFurniture('Share this article'); // => true
 * isFurniture('Share prices fell 3% on Monday.'); // => false
 * ```
 */
export function isFurniture(line: string): boolean {
  // Furniture lines are short; a long line is article text. The cap also keeps the patterns below
  // linear: some backtrack quadratically on a hostile line (80 KB of dots took 11 s).
  if (line === '' || line.length > MAX_FURNITURE_LINE) return false;
  const key = lineKey(line);
  if (ANYWHERE_PHRASES.has(key)) return true;
  if (BARE_IMAGE.test(line) || FILE_REFERENCE.test(line) || MARKDOWN_IMAGES.test(line)) return true;
  const words = line.split(' ').length;
  if (words <= PROMPT_MAX_WORDS && PROMPT_PREFIXES.some((prefix) => prefix.test(key))) return true;
  if (words <= 60 && COOKIE_NOTICE.test(key)) return true;
  return isShareRow(key) || isBreadcrumb(line);
}

/** Longer than any real menu, share row, prompt or cookie notice. */
const MAX_FURNITURE_LINE = 1000;

/** Furniture at either end of the text: navigation words, consent buttons, tag lists. */
function isEdgeFurniture(line: string): boolean {
  if (line === '' || isFurniture(line)) return true;
  if (line.length > MAX_FURNITURE_LINE) return false;
  const key = lineKey(line);
  // "Tags: Azerbaijan, Russia" / "Filed under: World" label the article rather than tell it.
  const isTagLine = /^(?:tags?|topics?|categories|category|filed under|posted in)\s*:/i.test(line);
  return EDGE_PHRASES.has(key) || (isTagLine && line.split(' ').length <= PROMPT_MAX_WORDS);
}

/**
 * Above the headline, scraped menus come out as short bullet items ("- Category", "- Latest
 * news"). Only at the very start: real articles end with bullet lists ("- Have random drug tests").
 */
function isLeadingFurniture(line: string): boolean {
  if (isEdgeFurniture(line)) return true;
  const item = /^[-*•]\s+(.+)$/.exec(line)?.[1];
  return item !== undefined && item.split(' ').length <= 3 && !/[\d.!?,;:"“”]/.test(item);
}

/** Every token is a social network or a share action, and there are at least two. */
function isShareRow(key: string): boolean {
  const tokens = key.split(/[\s|·•,/]+/).filter(Boolean);
  return tokens.length >= 2 && tokens.every((token) => SHARE_TOKENS.has(token));
}

/**
 * Short segments joined by `>`-like separators, with at least three segments or starting at
 * "Home", so that an inequality in prose ("a > b") is never mistaken for one.
 */
function isBreadcrumb(line: string): boolean {
  const segments = line.split(BREADCRUMB_SEPARATOR);
  if (segments.length < 2) return false;
  const short = segments.every((s) => s !== '' && s.split(' ').length <= 4 && !/[.!?]$/.test(s));
  const fromHome = /^(?:home|news)$/i.test(segments[0]);
  const slashOnly = !/[>›»]/.test(line);
  return short && (fromHome || (segments.length >= 3 && !slashOnly));
}

/**
 * A line reduced for phrase matching: lower case, a leading bullet or pipe removed, and trailing
 * punctuation, arrows and counters ("Comments (12)", "Read more »") dropped.
 */
function lineKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/^[-*•|]+\s*/, '')
    .replace(/\s*\(\d+\)$/, '')
    .replace(/[\s:.…»›→>|!]+$/, '')
    .trim();
}
