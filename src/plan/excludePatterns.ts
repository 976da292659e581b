/**
 * The `files.exclude` / `search.exclude` glob patterns of one workspace folder, as the Plans scan
 * applies them (pure). VS Code's search applies them only where it can: some search providers
 * (VS Code for the Web's) ignore them, `search.exclude` of a folder in a multi-root workspace never
 * reaches `findFiles`, and a folder walked by hand has no search at all. So the scanner checks every
 * path it keeps against its own folder's patterns.
 *
 * Glob syntax as VS Code's settings use it, matched against the path relative to the folder:
 * `*` and `?` within one segment, `**` across segments, `{a,b}` alternatives, `[abc]` / `[!abc]`.
 * A pattern that matches a folder excludes everything beneath it.
 */

export interface ExcludeMatcher {
  /** Whether `relativePath` (no leading `/`, `/`-separated) or a folder above it is excluded. */
  excludes(relativePath: string): boolean;
}

const REGEXP_SPECIAL = /[\\^$.+()|{}[\]]/;

/** The position of the `}` closing the `{` at `open`, or -1. */
function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let at = open; at < glob.length; at++) {
    if (glob[at] === '{') {
      depth++;
    } else if (glob[at] === '}' && --depth === 0) {
      return at;
    }
  }
  return -1;
}

/** Splits `a,b{c,d},e` at its top-level commas. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < body.length; at++) {
    const char = body[at];
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth--;
    } else if (char === ',' && depth === 0) {
      parts.push(body.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** The regular expression source for one glob (unanchored). */
function globSource(glob: string): string {
  let source = '';
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] as string;
    if (char === '*' && glob[at + 1] === '*') {
      at++;
      if (glob[at + 1] === '/') {
        at++;
        source += '(?:.*/)?'; // `**/`: any folders, or none.
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{' && closingBrace(glob, at) > at) {
      const close = closingBrace(glob, at);
      source += `(?:${alternatives(glob.slice(at + 1, close)).map(globSource).join('|')})`;
      at = close;
    } else if (char === '[' && glob.indexOf(']', at + 2) > at) {
      const close = glob.indexOf(']', at + 2);
      const body = glob.slice(at + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      source += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
      at = close;
    } else {
      source += REGEXP_SPECIAL.test(char) ? `\\${char}` : char;
    }
  }
  return source;
}

function patternSource(pattern: string): string {
  return globSource(pattern.replace(/^\.\//, '').replace(/\/+$/, ''));
}

/** Whether `path` as a whole (not a folder above it) matches one pattern. */
export function globMatchesWhole(pattern: string, path: string): boolean {
  return new RegExp(`^(?:${patternSource(pattern)})$`).test(path);
}

/** One matcher for the enabled patterns; an empty list excludes nothing. */
export function excludeMatcher(patterns: Iterable<string>): ExcludeMatcher {
  const sources = [...patterns].map(patternSource);
  if (sources.length === 0) {
    return { excludes: () => false };
  }
  // The path itself or a folder above it: some pattern matches the path up to a `/` or its end.
  // One test per path (a loop over its folders re-joined them for every file of the scan).
  const matcher = new RegExp(`^(?:${sources.join('|')})(?:/|$)`);
  return { excludes: (relativePath) => matcher.test(relativePath) };
}

/**
 * The patterns a settings object (`{ "glob": true | false | { when } }`) enables. A `when` clause
 * depends on sibling files, which a listing cannot tell, so only `true` counts.
 */
export function enabledPatterns(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') {
    return [];
  }
  return Object.entries(setting)
    .filter(([, enabled]) => enabled === true)
    .map(([pattern]) => pattern);
}
