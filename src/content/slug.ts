/**
 * The one slug rule: heading ids of the lesson and team notes, and plan file names, are made here.
 * Pure (no 'vscode', no Node built-ins).
 *
 * Letters and numbers of every script stay (accented, Cyrillic, CJK …), lower-cased after NFKC
 * (so `Ｑ４` is `q4`) and `_` stays; every other run (spaces, punctuation, symbols, controls,
 * invisible characters) becomes one `-`; a slug starts and ends with a letter or a number.
 * Combining marks stay only after a letter or number they can sit on; the page's id check takes
 * letters and numbers only, so heading ids drop them (see headingSlug).
 */

// Module constants: built for node18 (the unit tests), esbuild writes some `\p{…}` literals as
// `new RegExp(…)` calls, which inside a function would compile the pattern for every character.
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;
const INVISIBLE_CHARACTER = /^\p{Default_Ignorable_Code_Point}$/u;
const MARK = /^\p{M}$/u;

/** A letter, number or `_` that shows: invisible "letters" (Hangul fillers …) count as separators. */
function isWordCharacter(char: string): boolean {
  return WORD_CHARACTER.test(char) && !INVISIBLE_CHARACTER.test(char);
}

const isMark = (char: string): boolean => MARK.test(char);

export interface SlugLimits {
  /** At most this many characters (code points). */
  readonly maxCharacters: number;
  /** At most this many bytes in UTF-8. */
  readonly maxBytes?: number;
  /** Keep combining marks that follow a letter or number. */
  readonly keepMarks: boolean;
  /** What an empty slug becomes. */
  readonly fallback: string;
}

/** Bytes of `text` in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes), without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else {
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    }
  }
  return bytes;
}

/** Only ASCII: NFKC leaves it as it is, and it holds no marks and nothing invisible. */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** The slug of `text` within `limits`; never empty, never starting or ending with `-` or `_`. */
export function slugify(text: string, limits: SlugLimits): string {
  const source = String(text);
  return ASCII_ONLY.test(source) ? asciiSlug(source, limits) : unicodeSlug(source, limits);
}

/**
 * The same rule for ASCII text, a run of word characters at a time: most headings and titles are
 * ASCII, and this path allocates little beyond the slug (a page of equal headings renders without
 * a string per character).
 */
function asciiSlug(text: string, limits: SlugLimits): string {
  const lower = text.toLowerCase();
  // One byte and one character each.
  const maxLength = Math.min(limits.maxCharacters, limits.maxBytes ?? Infinity);
  let slug = '';
  let index = 0;
  while (index < lower.length) {
    while (index < lower.length && !isAsciiWordCode(lower.charCodeAt(index))) {
      index++;
    }
    let end = index;
    while (end < lower.length && isAsciiWordCode(lower.charCodeAt(end))) {
      end++;
    }
    // A dash joins two runs, and only together with a character of the next one.
    const dash = slug === '' ? '' : '-';
    const room = maxLength - slug.length - dash.length;
    if (end === index || room <= 0) {
      break;
    }
    // A run cut at the limit fills the slug: the next turn finds no room.
    slug += dash + lower.slice(index, Math.min(end, index + room));
    index = end;
  }
  slug = trimEnds(slug);
  return slug === '' ? limits.fallback : slug;
}

const isAsciiWordCode = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;

/** Code units read at a time by the general rule (more, up to the next stable boundary). */
const NORMALIZATION_CHUNK = 256;

/**
 * A place where NFKC treats the text on either side apart: before an ASCII character or a CJK
 * unified ideograph, characters that have no decomposition and never combine with what precedes
 * them (and never the second half of a surrogate pair).
 */
const isStableBoundary = (code: number): boolean => code < 0x80 || (code >= 0x4e00 && code <= 0x9fff);

/** `text` in pieces of about `size` code units, each normalized alone exactly as within the whole. */
function* normalizationChunks(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    while (end < text.length && !isStableBoundary(text.charCodeAt(end))) {
      end++;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * The rule for any text: NFKC, lower case per character, letters and numbers of every script. The
 * text is read a chunk at a time and no further than the slug's limits need, so a long title costs
 * what its first few dozen letters cost. Exported with its chunk size for the tests, which hold
 * every size to the same slug.
 */
export function unicodeSlug(text: string, limits: SlugLimits, chunkSize = NORMALIZATION_CHUNK): string {
  let slug = '';
  let characters = 0;
  let bytes = 0;
  let pendingDash = false;
  let afterWord = false;
  const maxBytes = limits.maxBytes ?? Infinity;
  chunks: for (const chunk of normalizationChunks(text, chunkSize)) {
    // Lower-case per character: lower-casing can add marks (`İ` → `i̇`), which then follow their letter.
    for (const char of Array.from(chunk.normalize('NFKC'), (c) => c.toLowerCase()).join('')) {
      let piece: string;
      if (isWordCharacter(char)) {
        piece = (pendingDash && slug !== '' ? '-' : '') + char;
        pendingDash = false;
        afterWord = char !== '_';
      } else if (isMark(char) && afterWord && limits.keepMarks) {
        piece = char;
      } else {
        if (!isMark(char) || !afterWord) {
          pendingDash = true;
          afterWord = false;
        }
        continue;
      }
      const pieceCharacters = Array.from(piece).length;
      const pieceBytes = utf8ByteLength(piece);
      if (characters + pieceCharacters > limits.maxCharacters || bytes + pieceBytes > maxBytes) {
        break chunks;
      }
      slug += piece;
      characters += pieceCharacters;
      bytes += pieceBytes;
    }
  }
  slug = trimEnds(slug);
  return slug === '' ? limits.fallback : slug;
}

/** Drops `-` and `_` at both ends (and a mark left without its letter at the start). */
function trimEnds(slug: string): string {
  let start = 0;
  let end = slug.length;
  while (start < end && (slug[start] === '-' || slug[start] === '_')) {
    start++;
  }
  while (end > start && (slug[end - 1] === '-' || slug[end - 1] === '_')) {
    end--;
  }
  return slug.slice(start, end);
}

/** Heading ids: the slug without marks, at most 64 characters, `section` if nothing is left. */
export function headingSlug(text: string): string {
  return slugify(text, { maxCharacters: 64, keepMarks: false, fallback: 'section' });
}
