/**
 * Pure helpers for VS Code snippet syntax (no 'vscode', no Node built-ins: the browser bundle
 * loads this too). The text is read as VS Code reads it (./snippetParser): tab stops, placeholders,
 * choices, variables and transforms (kept verbatim); a `$` that starts none of these is text.
 */

import { type SnippetNode, escapeSnippetText, parseSnippet, textValue } from './snippetParser';
import { canonicalSnippetText } from './snippetText';

export { type SnippetNode, escapeSnippetText, parseSnippet, textValue };

/** One placeholder of a snippet: its tab-stop index and the text it shows (the lesson's question). */
export interface SnippetPlaceholder {
  readonly index: number;
  readonly text: string;
}

/**
 * Turns nodes back into snippet syntax. By default untouched text keeps its original escaping;
 * `canonical` escapes every `$`, `}` and `\` of text, so no later cut or join of the result can
 * make VS Code read a construct the nodes do not hold.
 */
export function serializeSnippet(nodes: readonly SnippetNode[], canonical = false): string {
  return serializeWith(nodes, { canonical });
}

/**
 * How nodes are written back: `index` maps tab-stop indices, and a variable `allowed` does not hold
 * is written as the literal text of its source. Applied while writing, so no copy of the tree is made.
 */
interface WriteRules {
  readonly canonical: boolean;
  readonly index?: ReadonlyMap<number, number>;
  readonly allowed?: ReadonlySet<string>;
}

function serializeWith(nodes: readonly SnippetNode[], rules: WriteRules): string {
  let out = '';
  for (const node of nodes) {
    out += serializeNode(node, rules);
  }
  return out;
}

/**
 * The text a snippet would insert if the user tabbed through without typing, as VS Code shows it:
 * placeholders show their question, choices their first option, a mirror (`${1:a} $1`) what the
 * first placeholder of its index shows, date/time variables resolve against `now` (local time),
 * other variables their default.
 */
export function snippetToPlainText(body: string, now: Date = new Date()): string {
  const nodes = parseSnippet(body);
  return new PlainText(nodes, now, body.length).show(nodes);
}

/** Placeholders in order of appearance (mirrors and bare tab stops included, `$0` excluded). */
export function listPlaceholders(body: string): SnippetPlaceholder[] {
  const nodes = parseSnippet(body);
  const plain = new PlainText(nodes, undefined, body.length);
  const found: SnippetPlaceholder[] = [];
  walk(nodes, (node) => {
    if ((node.kind === 'tabstop' || node.kind === 'choice') && node.index !== 0) {
      found.push({ index: node.index, text: plain.showNode(node) });
    }
  });
  return found;
}

/**
 * Renumbers tab stops to 1..n keeping their relative order, so a snippet assembled from parts of a
 * template starts at 1 with no gaps. `$0` (the final cursor) stays `$0`.
 */
export function renumberPlaceholders(body: string): string {
  const nodes = parseSnippet(body);
  const indices = new Set<number>();
  walk(nodes, (node) => {
    if (node.kind === 'tabstop' || node.kind === 'choice') {
      indices.add(node.index);
    }
  });
  const sorted = [...indices].filter((index) => index !== 0).sort((a, b) => a - b);
  const mapping = new Map<number, number>(sorted.map((index, position) => [index, position + 1]));
  return serializeWith(nodes, { canonical: false, index: mapping });
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
  // Canonical: a raw `$` left of the new text could otherwise start a variable with it.
  return renumberPlaceholders(serializeSnippet(fill(parseSnippet(body)), true));
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
 * clipboard, the selection or the file path, and prose like `$USD` stays as written instead of
 * becoming a tab stop. The result is canonical (every literal `$` escaped): whatever VS Code reads
 * in it, and in any part of it cut at a line, is a construct this filter has seen and allowed.
 */
export function keepOnlyVariables(body: string, allowed: ReadonlySet<string>): string {
  const nodes = parseSnippet(body);
  if (nestingDepth(nodes) > MAX_TEAM_NESTING) {
    return escapeSnippetText(body);
  }
  return serializeWith(nodes, { canonical: true, allowed });
}

/**
 * Deeper placeholder nesting makes a team template plain text: VS Code's own parser recurses per
 * level and runs out of stack long before a 256 KB file ends, and real templates nest two or three.
 */
const MAX_TEAM_NESTING = 100;

function nestingDepth(nodes: readonly SnippetNode[]): number {
  let deepest = 0;
  const pending: { nodes: readonly SnippetNode[]; depth: number }[] = [{ nodes, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    deepest = Math.max(deepest, item.depth);
    for (const node of item.nodes) {
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
        pending.push({ nodes: node.children, depth: item.depth + 1 });
      }
    }
  }
  return deepest;
}

/** Visits every node in document order, parents before their children (as VS Code's `walk`). */
function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  const pending: SnippetNode[] = [];
  for (const top of nodes) {
    for (let node: SnippetNode | undefined = top; node !== undefined; node = pending.pop()) {
      visit(node);
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
        for (let index = node.children.length - 1; index >= 0; index--) {
          pending.push(node.children[index] as SnippetNode);
        }
      }
    }
  }
}

/** In a choice only `,`, `|` and `\` are escaped; `$` and `}` are plain text there. */
function escapeChoiceOption(option: string): string {
  return option.replace(/[\\,|]/g, (char) => '\\' + char);
}

function serializeNode(node: SnippetNode, rules: WriteRules): string {
  switch (node.kind) {
    case 'text':
      return rules.canonical ? canonicalSnippetText(node.raw) : node.raw;
    case 'choice':
      return `\${${rules.index?.get(node.index) ?? node.index}|${node.options.map(escapeChoiceOption).join(',')}|}`;
    case 'tabstop':
    case 'variable': {
      if (node.kind === 'variable' && rules.allowed && !rules.allowed.has(node.name)) {
        return escapeSnippetText(node.source);
      }
      const head = node.kind === 'tabstop' ? String(rules.index?.get(node.index) ?? node.index) : node.name;
      if (node.children) {
        return `\${${head}:${serializeWith(node.children, rules)}}`;
      }
      return `\${${head}${node.transform ?? ''}}`;
    }
  }
}

type Placeholder = Extract<SnippetNode, { kind: 'tabstop' | 'choice' }>;

/**
 * Shows nodes as VS Code does after parsing: the first placeholder of an index with content
 * defines it, and every other placeholder of that index (a mirror) shows a copy of that content,
 * its own nested placeholders filled the same way, never an index already being filled. A budget
 * keeps a template of mirrors nested in mirrors from growing the text exponentially.
 */
class PlainText {
  private readonly defining = new Map<number, Placeholder>();
  private budget: number;

  constructor(nodes: readonly SnippetNode[], private readonly now: Date | undefined, sourceLength: number) {
    this.budget = 4 * sourceLength + 10_000;
    walk(nodes, (node) => {
      if ((node.kind === 'tabstop' || node.kind === 'choice') && node.index !== 0 && !this.defining.has(node.index)) {
        if (node.kind === 'choice' || (node.children?.length ?? 0) > 0) {
          this.defining.set(node.index, node);
        }
      }
    });
  }

  /** Nodes as they stand in the parsed snippet: mirrors filled. */
  show(nodes: readonly SnippetNode[]): string {
    let text = '';
    for (const node of nodes) {
      text += this.showNode(node);
    }
    return text;
  }

  showNode(node: SnippetNode): string {
    if (node.kind === 'tabstop' || node.kind === 'choice') {
      const source = this.defining.get(node.index);
      return source && source !== node && this.spend() ? this.fill(source, new Set()) : this.own(node, true);
    }
    return this.leaf(node, true);
  }

  /** A copy of the defining placeholder's content; its direct placeholders are filled in turn. */
  private fill(source: Placeholder, filling: Set<number>): string {
    if (source.kind === 'choice') {
      return source.options[0] ?? '';
    }
    let text = '';
    for (const child of source.children ?? []) {
      const nested = child.kind === 'tabstop' || child.kind === 'choice' ? this.defining.get(child.index) : undefined;
      if (nested && (child.kind === 'tabstop' || child.kind === 'choice') && !filling.has(child.index) && this.spend()) {
        filling.add(child.index);
        text += this.fill(nested, filling);
        filling.delete(child.index);
      } else {
        text += child.kind === 'tabstop' || child.kind === 'choice' ? this.own(child, false) : this.leaf(child, false);
      }
    }
    return text;
  }

  private own(node: Placeholder, fillMirrors: boolean): string {
    if (node.kind === 'choice') {
      return node.options[0] ?? '';
    }
    return this.children(node.children, fillMirrors);
  }

  private leaf(node: Extract<SnippetNode, { kind: 'text' | 'variable' }>, fillMirrors: boolean): string {
    if (node.kind === 'text') {
      return textValue(node.raw);
    }
    const resolved = this.now ? resolveDateVariable(node.name, this.now) : undefined;
    return resolved ?? this.children(node.children, fillMirrors);
  }

  private children(nodes: readonly SnippetNode[] | undefined, fillMirrors: boolean): string {
    if (!nodes) {
      return '';
    }
    if (fillMirrors) {
      return this.show(nodes);
    }
    let text = '';
    for (const node of nodes) {
      text += node.kind === 'tabstop' || node.kind === 'choice' ? this.own(node, false) : this.leaf(node, false);
    }
    return text;
  }

  private spend(): boolean {
    this.budget -= 1;
    return this.budget >= 0;
  }
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
