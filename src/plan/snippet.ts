/**
 * Pure helpers for VS Code snippet syntax (no 'vscode', no Node built-ins: the browser bundle
 * loads this too).
 *
 * The parser understands the subset of the snippet grammar the plan templates and team templates
 * use: tab stops (`$1`, `${1}`), placeholders (`${1:text}`, nested), choices (`${1|a,b|}`),
 * variables (`$NAME`, `${NAME}`, `${NAME:default}`) and transforms, which are kept verbatim.
 * A `$` that starts none of these is literal text, as in VS Code.
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly raw: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] | undefined; readonly transform: string | undefined }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[] | undefined;
      readonly transform: string | undefined;
      /** The variable as written in the source, e.g. `$USD`. */
      readonly source: string;
    };

/** One placeholder of a snippet: its tab-stop index and the text it shows (the lesson's question). */
export interface SnippetPlaceholder {
  readonly index: number;
  readonly text: string;
}

/** Escapes user text so a snippet inserts it literally (`$`, `}` and `\` are special there). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (char) => '\\' + char);
}

/** Parses snippet syntax into nodes; never throws, unparseable `$` constructs stay text. */
export function parseSnippet(body: string): SnippetNode[] {
  return new SnippetParser(body).parseAll();
}

/** Turns nodes back into snippet syntax; untouched text keeps its original escaping. */
export function serializeSnippet(nodes: readonly SnippetNode[]): string {
  return nodes.map(serializeNode).join('');
}

/**
 * The text a snippet would insert if the user tabbed through without typing: placeholders show
 * their question, choices their first option, date/time variables resolve against `now` (local
 * time), other variables their default.
 */
export function snippetToPlainText(body: string, now: Date = new Date()): string {
  return plainText(parseSnippet(body), now);
}

/** Placeholders in order of appearance (mirrors and bare tab stops included, `$0` excluded). */
export function listPlaceholders(body: string): SnippetPlaceholder[] {
  const found: SnippetPlaceholder[] = [];
  const visit = (nodes: readonly SnippetNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'tabstop') {
        if (node.index !== 0) {
          found.push({ index: node.index, text: node.children ? plainText(node.children, undefined) : '' });
        }
        if (node.children) {
          visit(node.children);
        }
      } else if (node.kind === 'choice') {
        if (node.index !== 0) {
          found.push({ index: node.index, text: node.options[0] ?? '' });
        }
      } else if (node.kind === 'variable' && node.children) {
        visit(node.children);
      }
    }
  };
  visit(parseSnippet(body));
  return found;
}

/**
 * Renumbers tab stops to 1..n keeping their relative order, so a snippet assembled from parts of a
 * template starts at 1 with no gaps. `$0` (the final cursor) stays `$0`.
 */
export function renumberPlaceholders(body: string): string {
  const nodes = parseSnippet(body);
  const indices = new Set<number>();
  collectIndices(nodes, indices);
  const sorted = [...indices].filter((index) => index !== 0).sort((a, b) => a - b);
  const mapping = new Map<number, number>(sorted.map((index, position) => [index, position + 1]));
  return serializeSnippet(mapIndices(nodes, mapping));
}

/**
 * Replaces the given placeholders (every occurrence of each index) with literal text, then
 * renumbers the remaining tab stops from 1. Used to fill in the title and the counterpart.
 */
export function fillPlaceholders(body: string, values: ReadonlyMap<number, string>): string {
  const fill = (nodes: readonly SnippetNode[]): SnippetNode[] =>
    nodes.map((node): SnippetNode => {
      if ((node.kind === 'tabstop' || node.kind === 'choice') && values.has(node.index)) {
        return { kind: 'text', raw: escapeSnippetText(values.get(node.index) ?? '') };
      }
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
        return { ...node, children: fill(node.children) };
      }
      return node;
    });
  return renumberPlaceholders(serializeSnippet(fill(parseSnippet(body))));
}

/** Variables that only produce the date, the time or random ids: safe in any template. */
export const DATE_AND_RANDOM_VARIABLES: ReadonlySet<string> = new Set([
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
]);

/**
 * Turns every variable not in `allowed` into literal text, so a team template can't pull in the
 * clipboard or the selection (`$CLIPBOARD`, `$TM_SELECTED_TEXT`), and prose like `$USD` stays as
 * written instead of becoming a tab stop.
 */
export function keepOnlyVariables(body: string, allowed: ReadonlySet<string>): string {
  const keep = (nodes: readonly SnippetNode[]): SnippetNode[] =>
    nodes.map((node): SnippetNode => {
      if (node.kind === 'variable' && !allowed.has(node.name)) {
        return { kind: 'text', raw: escapeSnippetText(node.source) };
      }
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
        return { ...node, children: keep(node.children) };
      }
      return node;
    });
  return serializeSnippet(keep(parseSnippet(body)));
}

function collectIndices(nodes: readonly SnippetNode[], into: Set<number>): void {
  for (const node of nodes) {
    if (node.kind === 'tabstop' || node.kind === 'choice') {
      into.add(node.index);
    }
    if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
      collectIndices(node.children, into);
    }
  }
}

function mapIndices(nodes: readonly SnippetNode[], mapping: ReadonlyMap<number, number>): SnippetNode[] {
  return nodes.map((node): SnippetNode => {
    switch (node.kind) {
      case 'tabstop':
        return {
          ...node,
          index: mapping.get(node.index) ?? node.index,
          children: node.children ? mapIndices(node.children, mapping) : undefined,
        };
      case 'choice':
        return { ...node, index: mapping.get(node.index) ?? node.index };
      case 'variable':
        return { ...node, children: node.children ? mapIndices(node.children, mapping) : undefined };
      case 'text':
        return node;
    }
  });
}

function serializeNode(node: SnippetNode): string {
  switch (node.kind) {
    case 'text':
      return node.raw;
    case 'tabstop':
      if (node.children) {
        return `\${${node.index}:${serializeSnippet(node.children)}}`;
      }
      return node.transform === undefined ? `\${${node.index}}` : `\${${node.index}${node.transform}}`;
    case 'choice':
      return `\${${node.index}|${node.options.map((option) => option.replace(/[\\$},|]/g, (c) => '\\' + c)).join(',')}|}`;
    case 'variable':
      if (node.children) {
        return `\${${node.name}:${serializeSnippet(node.children)}}`;
      }
      return node.transform === undefined ? `\${${node.name}}` : `\${${node.name}${node.transform}}`;
  }
}

function plainText(nodes: readonly SnippetNode[], now: Date | undefined): string {
  let text = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        text += unescapeText(node.raw);
        break;
      case 'tabstop':
        text += node.children ? plainText(node.children, now) : '';
        break;
      case 'choice':
        text += node.options[0] ?? '';
        break;
      case 'variable': {
        const resolved = now ? resolveDateVariable(node.name, now) : undefined;
        text += resolved ?? (node.children ? plainText(node.children, now) : '');
        break;
      }
    }
  }
  return text;
}

function unescapeText(raw: string): string {
  return raw.replace(/\\([\\$}])/g, '$1');
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

function resolveDateVariable(name: string, now: Date): string | undefined {
  switch (name) {
    case 'CURRENT_YEAR':
      return String(now.getFullYear());
    case 'CURRENT_YEAR_SHORT':
      return String(now.getFullYear()).slice(-2);
    case 'CURRENT_MONTH':
      return pad2(now.getMonth() + 1);
    case 'CURRENT_DATE':
      return pad2(now.getDate());
    case 'CURRENT_HOUR':
      return pad2(now.getHours());
    case 'CURRENT_MINUTE':
      return pad2(now.getMinutes());
    case 'CURRENT_SECOND':
      return pad2(now.getSeconds());
    default:
      return undefined;
  }
}

const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const DIGITS = /^[0-9]+/;
/** Deeper nesting is treated as text; real snippets nest two or three levels. */
const MAX_NESTING = 64;

/**
 * Recursive-descent parser. A `${` construct that fails to parse is literal text, as in VS Code.
 * Results are memoised by start position, and a placeholder left open at the end of the input
 * fails all its enclosing placeholders at once, so even a large malformed team template parses
 * in linear time; nesting is capped so recursion stays shallow.
 */
class SnippetParser {
  private pos = 0;
  private depth = 0;
  private readonly bracedAt = new Map<number, { node: SnippetNode; end: number } | undefined>();

  constructor(private readonly source: string) {}

  /** Top level: parses to the end of the input. */
  parseAll(): SnippetNode[] {
    return this.parseNodes(false) ?? [];
  }

  /**
   * Parses text and constructs. Inside a placeholder it stops after the unescaped `}` that closes
   * it, or returns undefined when the input ends first.
   */
  private parseNodes(insidePlaceholder: boolean): SnippetNode[] | undefined {
    const nodes: SnippetNode[] = [];
    let textStart = this.pos;
    const flushText = (end: number): void => {
      if (end > textStart) {
        nodes.push({ kind: 'text', raw: this.source.slice(textStart, end) });
      }
    };
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      if (char === '\\' && '\\$}'.includes(this.source[this.pos + 1] ?? 'x')) {
        this.pos += 2;
        continue;
      }
      if (char === '}' && insidePlaceholder) {
        flushText(this.pos);
        this.pos += 1;
        return nodes;
      }
      if (char === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node === 'unclosed') {
          if (insidePlaceholder) {
            return undefined;
          }
          this.pos = start + 1;
          continue;
        }
        if (node) {
          flushText(start);
          nodes.push(node);
          textStart = this.pos;
          continue;
        }
        this.pos = start + 1;
        continue;
      }
      this.pos += 1;
    }
    if (insidePlaceholder) {
      return undefined;
    }
    flushText(this.pos);
    return nodes;
  }

  private parseDollar(): SnippetNode | 'unclosed' | undefined {
    const rest = this.source.slice(this.pos + 1, this.pos + 65);
    const digits = DIGITS.exec(rest);
    if (digits) {
      this.pos += 1 + digits[0].length;
      return { kind: 'tabstop', index: Number(digits[0]), children: undefined, transform: undefined };
    }
    const name = VARIABLE_NAME.exec(rest);
    if (name) {
      this.pos += 1 + name[0].length;
      return { kind: 'variable', name: name[0], children: undefined, transform: undefined, source: '$' + name[0] };
    }
    if (!rest.startsWith('{')) {
      return undefined;
    }
    const start = this.pos;
    if (this.bracedAt.has(start)) {
      const known = this.bracedAt.get(start);
      if (known) {
        this.pos = known.end;
      }
      return known?.node;
    }
    const node = this.parseBraced();
    if (node === 'unclosed') {
      this.bracedAt.set(start, undefined);
      return node;
    }
    this.bracedAt.set(start, node ? { node, end: this.pos } : undefined);
    return node;
  }

  /** `${…}` forms, with `this.pos` at the `$`. */
  private parseBraced(): SnippetNode | 'unclosed' | undefined {
    const start = this.pos;
    const source = (): string => this.source.slice(start, this.pos);
    this.pos += 2;
    const rest = this.source.slice(this.pos, this.pos + 64);
    const digits = DIGITS.exec(rest);
    const name = digits ? undefined : VARIABLE_NAME.exec(rest);
    const head = digits?.[0] ?? name?.[0];
    if (head === undefined) {
      return undefined;
    }
    this.pos += head.length;
    const next = this.source[this.pos];
    if (next === '}') {
      this.pos += 1;
      return digits
        ? { kind: 'tabstop', index: Number(head), children: undefined, transform: undefined }
        : { kind: 'variable', name: head, children: undefined, transform: undefined, source: source() };
    }
    if (next === ':') {
      if (this.depth >= MAX_NESTING) {
        return undefined;
      }
      this.pos += 1;
      this.depth += 1;
      const children = this.parseNodes(true);
      this.depth -= 1;
      if (!children) {
        return 'unclosed';
      }
      return digits
        ? { kind: 'tabstop', index: Number(head), children, transform: undefined }
        : { kind: 'variable', name: head, children, transform: undefined, source: source() };
    }
    if (next === '|' && digits) {
      const options = this.parseChoiceOptions();
      return options ? { kind: 'choice', index: Number(head), options } : undefined;
    }
    if (next === '/') {
      const transform = this.parseTransform();
      if (transform === undefined) {
        return undefined;
      }
      return digits
        ? { kind: 'tabstop', index: Number(head), children: undefined, transform }
        : { kind: 'variable', name: head, children: undefined, transform, source: source() };
    }
    return undefined;
  }

  /** `|a,b|}` with `this.pos` at the first `|`; undefined if not closed by `|}`. */
  private parseChoiceOptions(): string[] | undefined {
    this.pos += 1;
    const options: string[] = [];
    let current = '';
    while (this.pos < this.source.length) {
      const char = this.source[this.pos] ?? '';
      const escaped = this.source[this.pos + 1];
      if (char === '\\' && escaped !== undefined && ',|\\$}'.includes(escaped)) {
        current += escaped;
        this.pos += 2;
        continue;
      }
      if (char === ',') {
        options.push(current);
        current = '';
      } else if (char === '|' && this.source[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else if (char === '\n' || char === '}') {
        return undefined;
      } else {
        current += char;
      }
      this.pos += 1;
    }
    return undefined;
  }

  /** Keeps `/regex/format/options` verbatim; ends at the `}` that closes the `${`. */
  private parseTransform(): string | undefined {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.source.length) {
      const char = this.source[this.pos];
      if (char === '\\') {
        this.pos += 2;
        continue;
      }
      if (char === '\n') {
        return undefined;
      }
      if (char === '$' && this.source[this.pos + 1] === '{') {
        depth += 1;
        this.pos += 2;
        continue;
      }
      if (char === '}') {
        if (depth === 0) {
          const transform = this.source.slice(start, this.pos);
          this.pos += 1;
          return transform;
        }
        depth -= 1;
      }
      this.pos += 1;
    }
    return undefined;
  }
}
