/**
 * What the plan model knows about the templates (pure): every question a placeholder asks, in
 * every language, so an answer still holding one counts as unanswered; the shapes of template
 * lines that are prose with blanks (the kickoff note), per section; and the labels of the plan's
 * title and partner lines. Built from the templates themselves, read by the same block reader as
 * plans, so the templates stay the only place the questions are written.
 */
import { readPlanBlocks, type RawItem } from './planBlocks';
import { parseSnippet, type SnippetNode, snippetToPlainText } from './snippet';
import { FULL_PLAN_FIELDS, type InsertableTemplate } from './templates';

/** A template line with blanks, as the literal text around them. */
export interface LineShape {
  /** Literal text between the blanks; one more than the blanks. */
  readonly literals: readonly string[];
  /** The question of each blank; undefined for a blank that asks nothing (a date, a choice). */
  readonly questions: readonly (string | undefined)[];
}

export interface TemplateKnowledge {
  /** Every placeholder's question, whitespace collapsed, in every language. */
  readonly questions: ReadonlySet<string>;
  /** Per marker: template lines with blanks that are not fields, table rows or check-ins. */
  readonly lineShapes: ReadonlyMap<string, readonly LineShape[]>;
  /** Shapes of the full plan's title heading (`Collaboration plan: …`). */
  readonly titleShapes: readonly LineShape[];
  /** Labels of the preamble line naming the other department (`Partner department`). */
  readonly counterpartLabels: ReadonlySet<string>;
  /** Labels of the preamble line holding the start date. */
  readonly startLabels: ReadonlySet<string>;
  /** Length of the longest question and the first characters of all: cheap rejections first. */
  readonly longestQuestion: number;
  readonly firstCharacters: ReadonlySet<string>;
}

export const UNFILLED_DATE = 'YYYY-MM-DD';
const SENTINEL = /\uE000(\d+)\uE001/g;
/** Any fixed day: template variables are dates, and the plain and blank renderings must align. */
const TEMPLATE_DAY = new Date(2000, 0, 1);

/** Collapses whitespace so a question matches however it was spaced. */
export function normalizeAnswer(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Knowledge of no template: only unfilled dates count as questions. */
export const NO_TEMPLATE_KNOWLEDGE: TemplateKnowledge = withIndex({
  questions: new Set([UNFILLED_DATE]),
  lineShapes: new Map(),
  titleShapes: [],
  counterpartLabels: new Set(),
  startLabels: new Set(),
});

type KnowledgeCore = Omit<TemplateKnowledge, 'longestQuestion' | 'firstCharacters'>;

function withIndex(core: KnowledgeCore): TemplateKnowledge {
  let longestQuestion = 0;
  const firstCharacters = new Set<string>();
  for (const question of core.questions) {
    longestQuestion = Math.max(longestQuestion, question.length);
    firstCharacters.add(question.charAt(0));
  }
  return { ...core, longestQuestion, firstCharacters };
}

/** What a blank of the blank rendering stands for. */
interface Blank {
  readonly tabStop: number | undefined;
  readonly question: string | undefined;
  readonly variable: boolean;
}

/** Learns the templates (the built-in ones in every language, and team templates). */
export function templateKnowledge(templates: readonly Pick<InsertableTemplate, 'id' | 'body'>[]): TemplateKnowledge {
  const questions = new Set<string>([UNFILLED_DATE]);
  const lineShapes = new Map<string, LineShape[]>();
  const titleShapes: LineShape[] = [];
  const counterpartLabels = new Set<string>();
  const startLabels = new Set<string>();
  for (const template of templates) {
    const nodes = parseSnippet(template.body);
    const blanks: Blank[] = [];
    const blankLines = renderWithBlanks(nodes, blanks, questions).split('\n');
    const plan = readPlanBlocks(snippetToPlainText(template.body, TEMPLATE_DAY));
    const shapeOfLine = (line: number): LineShape | undefined => shapeOf(stripBlockMarkup(blankLines[line] ?? ''), blanks);
    for (const section of plan.sections) {
      for (const item of section.items) {
        const shape = isProse(item) ? shapeOfLine(item.line) : undefined;
        if (shape && shape.literals.join('').trim().length >= 2) {
          const shapes = lineShapes.get(section.marker) ?? [];
          shapes.push(shape);
          lineShapes.set(section.marker, shapes);
        }
      }
    }
    for (const item of plan.preamble) {
      const shape = item.kind === 'heading' && item.level === 1 ? shapeOfLine(item.line) : undefined;
      if (shape) {
        titleShapes.push(shape);
      } else if (item.kind === 'text') {
        learnPreambleLabel(stripBlockMarkup(blankLines[item.line] ?? ''), blanks, { counterpartLabels, startLabels });
      }
    }
  }
  // Longer literal text first, so the most specific shape wins.
  for (const shapes of lineShapes.values()) {
    shapes.sort((a, b) => literalLength(b) - literalLength(a));
  }
  return withIndex({ questions, lineShapes, titleShapes, counterpartLabels, startLabels });
}

function isProse(item: RawItem): item is Extract<RawItem, { kind: 'heading' | 'text' }> {
  return item.kind === 'heading' || item.kind === 'text';
}

function learnPreambleLabel(blankLine: string, blanks: readonly Blank[], into: { counterpartLabels: Set<string>; startLabels: Set<string> }): void {
  const first = /\uE000(\d+)\uE001/.exec(blankLine);
  const label = first ? trimLabel(blankLine.slice(0, first.index)) : '';
  const blank = first ? blanks[Number(first[1])] : undefined;
  if (label === '' || !blank) {
    return;
  }
  if (blank.tabStop === FULL_PLAN_FIELDS.counterpart) {
    into.counterpartLabels.add(label);
  } else if (blank.variable) {
    into.startLabels.add(label);
  }
}

/** `Partner department: ` → `Partner department`. */
export function trimLabel(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === ':' || text[end - 1] === '：')) {
    end--;
  }
  return text.slice(0, end).trim();
}

/** The template text with every tab stop, choice and variable replaced by a numbered blank. */
function renderWithBlanks(nodes: readonly SnippetNode[], blanks: Blank[], questions: Set<string>): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      text += unescapeSnippet(node.raw);
      continue;
    }
    let question: string | undefined;
    if (node.kind === 'tabstop' && node.children) {
      question = normalizeAnswer(plainOf(node.children));
      collectQuestions(node.children, questions);
      if (question !== '') {
        questions.add(question);
      } else {
        question = undefined;
      }
    }
    const tabStop = node.kind === 'tabstop' || node.kind === 'choice' ? node.index : undefined;
    blanks.push({ tabStop, question, variable: node.kind === 'variable' });
    text += `\uE000${blanks.length - 1}\uE001`;
  }
  return text;
}

function collectQuestions(nodes: readonly SnippetNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.kind === 'tabstop' && node.children) {
      const question = normalizeAnswer(plainOf(node.children));
      if (question !== '') {
        into.add(question);
      }
      collectQuestions(node.children, into);
    }
  }
}

/** Plain text of snippet nodes: placeholders show their question, variables their default. */
function plainOf(nodes: readonly SnippetNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      text += unescapeSnippet(node.raw);
    } else if (node.kind === 'tabstop' || node.kind === 'variable') {
      text += node.children ? plainOf(node.children) : '';
    } else {
      text += node.options[0] ?? '';
    }
  }
  return text;
}

function unescapeSnippet(raw: string): string {
  return raw.replace(/\\([\\$}])/g, '$1');
}

/** A template line without its block markup (heading hashes, list marker), as the model reads text. */
function stripBlockMarkup(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}[ \t]+/, '')
    .replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+/, '')
    .trim();
}

function shapeOf(line: string, blanks: readonly Blank[]): LineShape | undefined {
  const literals: string[] = [];
  const questions: (string | undefined)[] = [];
  let position = 0;
  for (const match of line.matchAll(SENTINEL)) {
    literals.push(line.slice(position, match.index));
    questions.push(blanks[Number(match[1])]?.question);
    position = (match.index ?? 0) + match[0].length;
  }
  if (questions.length === 0 || !questions.some((question) => question !== undefined)) {
    return undefined;
  }
  literals.push(line.slice(position));
  return { literals, questions };
}

function literalLength(shape: LineShape): number {
  return shape.literals.reduce((sum, literal) => sum + literal.length, 0);
}

/** Values of the blanks when `line` has the shape, or undefined. Linear: one indexOf per literal. */
export function matchLineShape(line: string, shape: LineShape): string[] | undefined {
  const literals = shape.literals;
  const first = literals[0] ?? '';
  const last = literals[literals.length - 1] ?? '';
  if (!line.startsWith(first) || !line.endsWith(last) || line.length < first.length + last.length) {
    return undefined;
  }
  const end = line.length - last.length;
  const values: string[] = [];
  let position = first.length;
  for (let index = 1; index < literals.length - 1; index++) {
    const literal = literals[index] ?? '';
    const found = line.indexOf(literal, position);
    if (found < 0 || found > end) {
      return undefined;
    }
    values.push(line.slice(position, found));
    position = found + literal.length;
  }
  if (position > end) {
    return undefined;
  }
  values.push(line.slice(position, end));
  return values;
}
