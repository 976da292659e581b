/**
 * Stands in for the `entities` package in our bundles: markdown-it asks it to decode named HTML
 * entities (`&amp;`, `&copy;` …) in text and link targets. The full HTML5 table weighs about 47 KB
 * and would ship twice (Node and browser bundles); lesson Markdown and team notes need only the
 * common ones. An entity not listed here stays as written and is shown escaped, as literal text,
 * never as markup. Numeric references (`&#169;`) are decoded by markdown-it itself.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ', para: '¶',
  sect: '§', middot: '·', bull: '•', hellip: '…', prime: '′', Prime: '″', permil: '‰',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', iexcl: '¡', iquest: '¿',
  cent: '¢', pound: '£', yen: '¥', euro: '€', curren: '¤',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', hArr: '⇔',
  check: '✓', cross: '✗', star: '☆', starf: '★', hearts: '♥',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', ne: '≠', le: '≤', ge: '≥', asymp: '≈', infin: '∞',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
};

const ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;

function decodeNamed(text: string): string {
  return text.replace(ENTITY, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] as string) : match,
  );
}

/** The two functions markdown-it imports from `entities`. */
export const decodeHTML = decodeNamed;
export const decodeHTMLStrict = decodeNamed;
