/**
 * Reads VS Code snippet syntax exactly the way VS Code's own snippet parser reads it (the grammar of
 * `vs/editor/contrib/snippet/browser/snippetParser`), so a team template can never mean one thing
 * to our variable filter and another to the editor. The unit tests check the two against each other
 * on generated input (test/unit/snippetOracle.test.ts).
 *
 * Unlike VS Code's parser it runs in linear time and never recurses: open placeholders live on an
 * explicit stack, a choice is scanned only up to its first unescaped `|`, and the parts of a
 * transform that scan ahead remember where each position ends (./snippetTransform).
 * Pure: no 'vscode', no Node built-ins.
 */
import { escapeSnippetText, isDigit, isNameStart, isSpecialAt, scanHead, textValue } from './snippetText';
import { TransformReader } from './snippetTransform';

export { escapeSnippetText, textValue };

export type SnippetNode =
  | { readonly kind: 'text'; readonly raw: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] | undefined; readonly transform: string | undefined }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[] | undefined;
      readonly transform: string | undefined;
      /** The variable as written in the source, e.g. `$USD` or `${CLIPBOARD:x}`. */
      readonly source: string;
    };

/**
 * The open placeholders `${head:`, innermost last. Their children are not kept per placeholder:
 * every node read so far sits in one flat list (the root's first, then each open placeholder's in
 * order), and a placeholder remembers where in that list its children begin. A long run of
 * openers then costs three numbers each in one typed array, not an array and an object each that
 * live to the end.
 */
class OpenPlaceholders {
  /** Per placeholder: where its `$` is, where its head ends (the `:`), where its children begin in the flat list. */
  private entries = new Int32Array(3 * 16);
  length = 0;

  push(start: number, headEnd: number, childStart: number): void {
    if (3 * this.length === this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    const at = 3 * this.length++;
    this.entries[at] = start;
    this.entries[at + 1] = headEnd;
    this.entries[at + 2] = childStart;
  }

  /** Forgets the innermost one (read it first). */
  drop(): void {
    this.length--;
  }

  start(index: number): number {
    return this.entries[3 * index] as number;
  }

  headEnd(index: number): number {
    return this.entries[3 * index + 1] as number;
  }

  childStart(index: number): number {
    return this.entries[3 * index + 2] as number;
  }
}

/** Parses snippet syntax into nodes; never throws; whatever VS Code reads as text stays text. */
export function parseSnippet(body: string): SnippetNode[] {
  return new Reader(String(body)).read();
}

/** Texts up to this length get one shared node each (see Reader.textNode). */
const SHARED_TEXT_LENGTH = 8;

class Reader {
  private pos = 0;
  private readonly stack = new OpenPlaceholders();
  /** The root's nodes, then the children of each open placeholder (see OpenPlaceholders). */
  private readonly nodes: SnippetNode[] = [];
  /** Where the current run of text began: raw text is always a slice of the source. */
  private textStart = 0;
  /** Text nodes of at most SHARED_TEXT_LENGTH characters, by their text (see textNode). */
  private readonly shortTexts = new Map<string, SnippetNode>();
  /** Made on the first `${n/`: it keeps tables as long as the text. */
  private transforms: TransformReader | undefined;

  constructor(private readonly source: string) {}

  read(): SnippetNode[] {
    const s = this.source;
    while (this.pos < s.length) {
      const char = s[this.pos];
      if (char === '\\') {
        this.pos += isSpecialAt(s, this.pos + 1) ? 2 : 1;
      } else if (char === '}' && this.stack.length > 0) {
        this.closePlaceholder();
      } else if (char === '$') {
        this.readDollar();
      } else {
        let end = this.pos + 1;
        while (end < s.length && s[end] !== '\\' && s[end] !== '}' && s[end] !== '$') {
          end++;
        }
        this.pos = end;
      }
    }
    // Placeholders left open at the end: VS Code keeps each `${n:` as text and lifts its children
    // out, which flattens the open ones in order: the flat list already holds every child in
    // order, so each opener goes back in as text where its children begin.
    this.flush();
    const open = this.stack;
    if (open.length === 0) {
      // Every text run ends at a construct, so no two texts are neighbours: the list is the tree.
      return this.nodes;
    }
    const flat = new TextJoiner();
    // The head is digits or a name: nothing in `${head:` but the `$` needs escaping. One string per
    // distinct head, however many openers share it.
    const openerTexts = new Map<string, string>();
    let opener = 0;
    for (let at = 0; at <= this.nodes.length; at++) {
      for (; opener < open.length && open.childStart(opener) === at; opener++) {
        const head = s.slice(open.start(opener) + 2, open.headEnd(opener));
        let text = openerTexts.get(head);
        if (text === undefined) {
          text = `\\\${${head}:`;
          openerTexts.set(head, text);
        }
        flat.addText(text);
      }
      const node = this.nodes[at];
      if (node) {
        flat.add(node);
      }
    }
    return flat.done();
  }

  /** Ends the current text run at `end` (by default `this.pos`). */
  private flush(end = this.pos): void {
    if (end > this.textStart) {
      this.nodes.push(this.textNode(this.textStart, end));
    }
    this.textStart = end;
  }

  /**
   * The text node for `source[start, end)`. Short texts repeat (the `\n`, ` ` or `**: ` between
   * placeholders, line after line), and nodes are never changed: one node per distinct short text.
   */
  private textNode(start: number, end: number): SnippetNode {
    const raw = this.source.slice(start, end);
    if (end - start > SHARED_TEXT_LENGTH) {
      return { kind: 'text', raw };
    }
    let node = this.shortTexts.get(raw);
    if (!node) {
      node = { kind: 'text', raw };
      this.shortTexts.set(raw, node);
    }
    return node;
  }

  /** Adds a construct that began at `start` and ends at `this.pos`. */
  private push(node: SnippetNode, start: number): void {
    this.flush(start);
    this.nodes.push(node);
    this.textStart = this.pos;
  }

  /** Adds a tab stop (digits) or a variable (a name) that began at `start` and ends at `this.pos`. */
  private pushHead(head: string, start: number, children: SnippetNode[] | undefined, transform: string | undefined, at = start): void {
    const node: SnippetNode = isDigit(head[0])
      ? { kind: 'tabstop', index: Number(head), children, transform }
      : { kind: 'variable', name: head, children, transform, source: this.source.slice(start, this.pos) };
    this.push(node, at);
  }

  private closePlaceholder(): void {
    const close = this.pos;
    this.flush(close);
    const stack = this.stack;
    const innermost = stack.length - 1;
    const start = stack.start(innermost);
    const head = this.source.slice(start + 2, stack.headEnd(innermost));
    const childStart = stack.childStart(innermost);
    stack.drop();
    const children = mergeText(this.nodes.slice(childStart));
    this.nodes.length = childStart;
    this.pos += 1;
    this.pushHead(head, start, children, undefined, close);
  }

  private readDollar(): void {
    const s = this.source;
    const start = this.pos;
    const next = s[start + 1];
    if (isDigit(next) || isNameStart(next)) {
      const end = scanHead(s, start + 1);
      this.pos = end;
      this.pushHead(s.slice(start + 1, end), start, undefined, undefined);
      return;
    }
    if (next === '{' && (isDigit(s[start + 2]) || isNameStart(s[start + 2])) && this.readBraced(start)) {
      return;
    }
    // VS Code reads this `$` as text.
    this.pos = start + 1;
  }

  /** `${…}` forms with `$` at `start`; false when VS Code would read the `$` as text. */
  private readBraced(start: number): boolean {
    const s = this.source;
    const headEnd = scanHead(s, start + 2);
    const head = s.slice(start + 2, headEnd);
    const numeric = isDigit(head[0]);
    const after = s[headEnd];
    if (after === ':') {
      this.flush(start);
      this.stack.push(start, headEnd, this.nodes.length);
      this.pos = headEnd + 1;
      this.textStart = this.pos;
      return true;
    }
    if (after === '}') {
      this.pos = headEnd + 1;
      this.pushHead(head, start, undefined, undefined);
      return true;
    }
    if (after === '|' && numeric && Number(head) > 0) {
      const choice = this.readChoice(headEnd + 1);
      if (choice) {
        this.pos = choice.end;
        this.push({ kind: 'choice', index: Number(head), options: choice.options }, start);
        return true;
      }
      return false;
    }
    if (after === '/') {
      const end = (this.transforms ??= new TransformReader(s)).end(headEnd + 1);
      if (end < 0) {
        return false;
      }
      this.pos = end + 1;
      this.pushHead(head, start, undefined, s.slice(headEnd, end));
      return true;
    }
    return false;
  }

  /** Options from `from` (after the first `|`) to `|}`; stops at the first unescaped `|`. */
  private readChoice(from: number): { options: string[]; end: number } | undefined {
    const s = this.source;
    const options: string[] = [];
    let option = '';
    let pos = from;
    while (pos < s.length) {
      const char = s[pos] as string;
      if (char === ',' || char === '|') {
        if (option === '') {
          return undefined;
        }
        options.push(option);
        option = '';
        pos += 1;
        if (char === '|') {
          return s[pos] === '}' ? { options, end: pos + 1 } : undefined;
        }
        continue;
      }
      if (char === '\\' && ',|\\'.includes(s[pos + 1] ?? 'x')) {
        option += s[pos + 1];
        pos += 2;
        continue;
      }
      option += char;
      pos += 1;
    }
    return undefined;
  }

}

/** Collects nodes, joining neighbouring text (pieces joined once, not as a rope), as VS Code's tree does. */
class TextJoiner {
  private readonly nodes: SnippetNode[] = [];
  private pieces: string[] = [];

  readonly add = (node: SnippetNode): void => {
    if (node.kind === 'text') {
      this.addText(node.raw);
      return;
    }
    this.endText();
    this.nodes.push(node);
  };

  addText(raw: string): void {
    this.pieces.push(raw);
  }

  done(): SnippetNode[] {
    this.endText();
    return this.nodes;
  }

  private endText(): void {
    if (this.pieces.length > 0) {
      this.nodes.push({ kind: 'text', raw: this.pieces.join('') });
      this.pieces = [];
    }
  }
}

/** `nodes` with neighbouring text joined; `nodes` itself when no two texts are neighbours (the common case). */
function mergeText(nodes: SnippetNode[]): SnippetNode[] {
  if (!hasNeighbouringTexts(nodes)) {
    return nodes;
  }
  const joiner = new TextJoiner();
  nodes.forEach(joiner.add);
  return joiner.done();
}

function hasNeighbouringTexts(nodes: readonly SnippetNode[]): boolean {
  for (let at = 1; at < nodes.length; at++) {
    if (nodes[at]?.kind === 'text' && nodes[at - 1]?.kind === 'text') {
      return true;
    }
  }
  return false;
}
