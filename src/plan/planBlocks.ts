/**
 * First stage of the plan model (pure): markdown-it's block tokens → the plan's raw items, per
 * section. It knows the plan's shape — marker comments, headings, field list items, check-ins,
 * table rows — but no template: whether an item still holds a template question is decided by the
 * second stage (planModel.ts), with the templates' knowledge.
 *
 * Everything here reads tokens, never lines, so fences, indented code, HTML comments, setext
 * headings, lazy continuation lines and escaped pipes are what CommonMark (and VS Code's preview)
 * say they are. Each step is linear in the text: no regex runs over an unbounded run of user text.
 */
import { LineStarts } from '../base/lines';
import { readMarkdownBlocks, type Token } from '../base/markdown';
import { isLessonLine, parseCheckin, parseFieldText, splitInlineLines } from './planItemText';

export type Side = 'mine' | 'theirs';

/** A piece of an answer: one line of text. */
export interface TextPart {
  readonly text: string;
  readonly line: number;
}

export type RawItem =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly line: number }
  /** A line of a paragraph or of a list item that is neither a field nor a check-in. */
  | { readonly kind: 'text'; readonly text: string; readonly line: number }
  | { readonly kind: 'field'; readonly label: string; readonly parts: TextPart[]; readonly line: number; endLine: number }
  | {
      readonly kind: 'checkin';
      readonly done: boolean;
      /** `YYYY-MM-DD`, or undefined while it is still the literal `YYYY-MM-DD`. */
      readonly date: string | undefined;
      readonly note: string;
      readonly line: number;
    }
  /** A body row of a table; `table` counts the section's tables from 0. */
  | { readonly kind: 'row'; readonly cells: readonly string[]; readonly table: number; readonly line: number }
  /** Anything else written (code, quotes, other HTML, rules): it makes a section non-empty. */
  | { readonly kind: 'content'; readonly line: number }
  /** The `> Lesson: …` / `> 课程：…` line of a template, which is not the user's text. */
  | { readonly kind: 'lesson'; readonly line: number };

export interface RawSection {
  readonly marker: string;
  readonly markerLine: number;
  /** Last line of the section: the line before the next marker, or the document's last line. */
  endLine: number;
  readonly items: RawItem[];
}

/** A control comment such as `<!-- collab-coach-disable uneven-workload -->`. */
export interface RawDirective {
  readonly verb: string;
  readonly argument: string;
  readonly line: number;
  /** Lines (first and last) of the block right after the comment: what `disable-next-line` covers. */
  nextBlock: { readonly from: number; readonly to: number } | undefined;
}

export interface RawPlan {
  readonly lineCount: number;
  /** Items before the first marker (the plan's title and its partner). */
  readonly preamble: readonly RawItem[];
  readonly sections: readonly RawSection[];
  readonly directives: readonly RawDirective[];
  /** The fence the document ends inside, if its last block is a fence never closed (e.g. "```"). */
  readonly openFenceAtEnd: string | undefined;
  /** First line of every top-level block, in order. */
  readonly blockStarts: readonly number[];
}

/** `<!-- collab:needs -->` as the whole of an HTML block; group 1 is the marker id. */
const MARKER_COMMENT = /^<!--[ \t]*collab:([a-z0-9][a-z0-9-]{0,63})[ \t]*-->$/;
/** `<!-- collab-coach-VERB ARGUMENT -->`; the argument is a rule code list. */
const DIRECTIVE_COMMENT = /^<!--[ \t]*collab-coach-([a-z-]{1,40})(?:[ \t]+([a-z0-9, -]{0,200}))?-->$/;

/** Reads a document's blocks into the plan's raw items. Never throws on any text. */
export function readPlanBlocks(text: string): RawPlan {
  return readPlanTokens(readMarkdownBlocks(text), text);
}

/**
 * Reads the plan's raw items from block tokens some markdown-it already made of `text` (VS Code's
 * preview engine hands its own to the preview plugin): the same reading, without parsing again.
 */
export function readPlanTokens(tokens: readonly Token[], text: string): RawPlan {
  // One forward walk over the text: the last fence's closing line (if any), then the line count.
  const lines = new LineStarts(text);
  const last = tokens[tokens.length - 1];
  const openFenceAtEnd = last?.type === 'fence' && !isClosedFence(lines, last) ? last.markup : undefined;
  const lineCount = lines.lineCount();
  const reader = new BlockReader(tokens);
  const preamble: RawItem[] = [];
  const sections: RawSection[] = [];
  const directives: RawDirective[] = [];
  let current: RawSection | undefined;
  reader.onMarker = (marker, line) => {
    reader.tableCount = 0;
    if (current) {
      current.endLine = line - 1;
    }
    current = { marker, markerLine: line, endLine: line, items: [] };
    sections.push(current);
  };
  reader.onDirective = (directive) => directives.push(directive);
  reader.emit = (item) => (current ? current.items : preamble).push(item);
  reader.readAll();
  if (current) {
    current.endLine = lineCount - 1;
  }
  const blockStarts: number[] = [];
  for (const token of tokens) {
    if (token.level === 0 && token.nesting !== -1 && token.map && blockStarts[blockStarts.length - 1] !== token.map[0]) {
      blockStarts.push(token.map[0]);
    }
  }
  return { lineCount, preamble, sections, directives, openFenceAtEnd, blockStarts };
}

/** Whether a fence has its closing line: the last line of its block, only fence characters, at least as many. */
function isClosedFence(lines: LineStarts, fence: Token): boolean {
  const map = fence.map;
  if (!map || map[1] - map[0] < 2) {
    return false;
  }
  const closing = lines.lineText(map[1] - 1).trim();
  const fenceCharacter = fence.markup[0];
  return closing.length >= fence.markup.length && [...closing].every((character) => character === fenceCharacter);
}

class BlockReader {
  onMarker: (marker: string, line: number) => void = () => undefined;
  onDirective: (directive: RawDirective) => void = () => undefined;
  emit: (item: RawItem) => void = () => undefined;
  /** Tables seen in the current section (the first table of the workload section is its table). */
  tableCount = 0;
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** Directives waiting for the block after them. */
  private readonly waiting: RawDirective[] = [];

  readAll(): void {
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      if (this.waiting.length > 0 && token?.map && token.level === 0 && !isControlComment(token)) {
        for (const directive of this.waiting.splice(0)) {
          directive.nextBlock = { from: token.map[0], to: Math.max(token.map[0], token.map[1] - 1) };
        }
      }
      this.readBlock(undefined);
    }
  }

  /** Reads one block at tokens[index] and moves past it. `field` collects text nested in a field item. */
  private readBlock(field: Extract<RawItem, { kind: 'field' }> | undefined): void {
    const token = this.tokens[this.index];
    if (!token) {
      this.index++;
      return;
    }
    const line = token.map?.[0] ?? 0;
    switch (token.type) {
      case 'html_block':
        this.index++;
        this.readHtml(token, line, field);
        return;
      case 'heading_open': {
        const text = this.inlineAt(this.index + 1);
        this.index += 3;
        this.emit({ kind: 'heading', level: Number(token.tag.slice(1)), text, line });
        return;
      }
      case 'paragraph_open': {
        const text = this.inlineAt(this.index + 1);
        this.index += 3;
        this.emitLines(text, line, field);
        return;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.readList(field);
        return;
      case 'table_open':
        this.readTable();
        return;
      case 'blockquote_open': {
        const firstText = this.tokens[this.index + 2]?.type === 'inline' ? (this.tokens[this.index + 2]?.content ?? '') : '';
        this.skipBlock();
        this.emit(isLessonLine(firstText) ? { kind: 'lesson', line } : { kind: 'content', line });
        return;
      }
      case 'fence':
      case 'code_block':
        this.index++;
        if (field) {
          field.parts.push({ text: token.content.trim(), line });
        } else if (token.content.trim() !== '' || token.type === 'fence') {
          this.emit({ kind: 'content', line });
        }
        return;
      default:
        if (token.nesting === 1) {
          this.skipBlock();
        } else {
          this.index++;
        }
        if (token.nesting !== -1) {
          this.emit({ kind: 'content', line });
        }
    }
  }

  private readHtml(token: Token, line: number, field: Extract<RawItem, { kind: 'field' }> | undefined): void {
    const content = token.content.trim();
    if (!content.startsWith('<!--')) {
      this.emit({ kind: 'content', line });
      return;
    }
    if (token.level !== 0 || field) {
      return; // A comment nested in a list or quote is never a marker.
    }
    const marker = MARKER_COMMENT.exec(content);
    if (marker?.[1]) {
      this.onMarker(marker[1], line);
      return;
    }
    const directive = DIRECTIVE_COMMENT.exec(content);
    if (directive?.[1]) {
      const read: RawDirective = { verb: directive[1], argument: (directive[2] ?? '').trim(), line, nextBlock: undefined };
      this.waiting.push(read);
      this.onDirective(read);
    }
  }

  private inlineAt(position: number): string {
    const token = this.tokens[position];
    return token?.type === 'inline' ? token.content.trim() : '';
  }

  /** Moves past the block opened at tokens[index], with everything nested in it. */
  private skipBlock(): void {
    const open = this.tokens[this.index];
    this.index++;
    if (!open || open.nesting !== 1) {
      return;
    }
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      this.index++;
      if (token && token.nesting === -1 && token.level === open.level) {
        return;
      }
    }
  }

  private emitLines(text: string, firstLine: number, field: Extract<RawItem, { kind: 'field' }> | undefined): void {
    splitInlineLines(text).forEach((lineText, offset) => {
      const line = firstLine + offset;
      if (field) {
        field.parts.push({ text: lineText, line });
        field.endLine = Math.max(field.endLine, line);
      } else if (lineText !== '') {
        this.emit({ kind: 'text', text: lineText, line });
      }
    });
  }

  private readList(outerField: Extract<RawItem, { kind: 'field' }> | undefined): void {
    const open = this.tokens[this.index];
    const bullet = open?.type === 'bullet_list_open';
    const level = open?.level ?? 0;
    this.index++;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      if (!token || (token.nesting === -1 && token.level === level)) {
        this.index++;
        return;
      }
      if (token.type === 'list_item_open') {
        this.index++;
        this.readListItem(token, bullet, outerField);
      } else {
        this.index++;
      }
    }
  }

  private readListItem(item: Token, bullet: boolean, outerField: Extract<RawItem, { kind: 'field' }> | undefined): void {
    let field: Extract<RawItem, { kind: 'field' }> | undefined;
    let first = true;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      if (!token || (token.type === 'list_item_close' && token.level === item.level)) {
        this.index++;
        return;
      }
      if (first && token.type === 'paragraph_open') {
        const line = token.map?.[0] ?? 0;
        const text = this.inlineAt(this.index + 1);
        this.index += 3;
        const checkin = bullet ? parseCheckin(text, line) : undefined;
        const parsedField = checkin ? undefined : parseFieldText(text);
        if (checkin) {
          this.emit(checkin);
        } else if (parsedField) {
          field = { kind: 'field', label: parsedField.label, parts: [], line, endLine: line };
          this.emit(field);
          this.emitLines(parsedField.value, line, field);
        } else {
          this.emitLines(text, line, outerField);
        }
      } else {
        this.readBlock(field ?? outerField);
      }
      first = false;
    }
  }

  private readTable(): void {
    const open = this.tokens[this.index];
    const level = open?.level ?? 0;
    const table = this.tableCount++;
    let inBody = false;
    let cells: string[] | undefined;
    let rowLine = 0;
    this.index++;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index];
      this.index++;
      if (!token || (token.type === 'table_close' && token.level === level)) {
        break;
      }
      if (token.type === 'tbody_open') {
        inBody = true;
      } else if (token.type === 'tr_open') {
        cells = [];
        rowLine = token.map?.[0] ?? rowLine;
      } else if (token.type === 'inline' && cells) {
        cells.push(token.content.trim());
      } else if (token.type === 'tr_close' && cells) {
        if (inBody) {
          this.emit({ kind: 'row', cells, table, line: rowLine });
        }
        cells = undefined;
      }
    }
    if (!inBody) {
      this.emit({ kind: 'content', line: open?.map?.[0] ?? 0 });
    }
  }
}

function isControlComment(token: Token): boolean {
  return token.type === 'html_block' && DIRECTIVE_COMMENT.test(token.content.trim());
}
