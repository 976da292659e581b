/**
 * Pure plan checker (no 'vscode', no Node built-ins: the browser bundle loads this too).
 *
 * Reads a plan, i.e. a Markdown document holding Collab Coach section markers, and tells what the
 * lesson would ask next: sections left empty or still holding a template question, a shared
 * interest missing once their need is known, self-protection for one side only, an uneven workload
 * with nothing offered in return, overdue fairness check-ins, and sections of the full plan that
 * are missing. It also counts each section's answered questions and decides, per principle,
 * whether the plan practises it.
 *
 * What counts as a question (one per line):
 * - a field line `- **Label**: value` (or `1. **Label**：value`); the value may continue on the
 *   lines below it;
 * - a body row of the workload table (any table row holding a template question elsewhere);
 * - an open check-in `- [ ] YYYY-MM-DD note`, or one whose date is still `YYYY-MM-DD`;
 * - any other line shaped like a template line with blanks (the kickoff note's prose), or a line
 *   that is nothing but a template question.
 * A question is answered once it holds something other than the template's question text. The
 * known questions come from the built-in templates in both languages (see templateQuestions): the
 * adapter parses content/templates and passes them in, so this module never reads a file.
 *
 * checkPlan never throws, and reads the text in one pass with linear-time line tests only.
 */
import type { ContentLanguage } from '../content/language';
import type { LessonSectionId } from '../content/sections';
import type { PrincipleId } from '../lesson/progressCore';
import { buildMergeSnippet } from './merge';
import { localIsoDate } from './slug';
import { type SnippetNode, parseSnippet, snippetToPlainText } from './snippet';
import {
  createFenceTracker,
  CHECKIN_LINE,
  type InsertableTemplate,
  PLAN_SECTION_LESSON_SOURCES,
  type PlanSectionMarker,
  SECTION_MARKER,
  PLAN_SECTION_MARKERS,
  WORKLOAD_SIDE_LABELS,
} from './templates';

export type LocalizedText = Readonly<Record<ContentLanguage, string>>;

export type FindingCode =
  | 'empty-section'
  | 'unanswered-questions'
  | 'no-shared-interest'
  | 'one-sided-self-protection'
  | 'uneven-workload'
  | 'overdue-checkin'
  | 'missing-section';

export type FindingSeverity = 'information' | 'warning';

export interface PlanFinding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** Marker of the section the finding sits in. */
  readonly marker: string;
  /** 0-based line the finding points at. */
  readonly line: number;
  /** Last line of a finding spanning several lines. */
  readonly endLine?: number;
  /** Where the lesson explains it (the "Open the lesson" quick fix goes there). */
  readonly lessonSection: LessonSectionId;
  readonly principle: PrincipleId;
  /** What the lesson asks and why, in both content languages. */
  readonly message: LocalizedText;
  /** For `missing-section`: the marker of the section to insert. */
  readonly missingMarker?: string;
}

export interface PlanSectionState {
  readonly marker: string;
  /** 0-based line of the marker. */
  readonly markerLine: number;
  /** 0-based line of the section's heading, or the marker line when it has none. */
  readonly line: number;
  /** Last line of the section (the line before the next marker, or the document's last line). */
  readonly endLine: number;
  readonly answered: number;
  readonly total: number;
  /** Nothing written below the marker (headings and the lesson line aside). */
  readonly empty: boolean;
  /** Lesson section the built-in section comes from; undefined for a team template's own marker. */
  readonly lessonSection: LessonSectionId | undefined;
  /** The state as shown on the section header, e.g. "2/3 answered". */
  readonly label: LocalizedText;
}

export interface PlanReport {
  /** The language the caller asked for, or the one the plan's headings are written in. */
  readonly language: ContentLanguage;
  readonly sections: readonly PlanSectionState[];
  readonly findings: readonly PlanFinding[];
  /** A principle passes when the plan has sections belonging to it and none of them has a finding. */
  readonly principlesPassing: Readonly<Record<PrincipleId, boolean>>;
}

export interface CheckOptions {
  /** Check-ins dated before this (local) day are due. */
  readonly today: Date;
  readonly language?: ContentLanguage;
  /** The built-in templates' questions; without them only empty answers and unfilled dates count as unanswered. */
  readonly questions?: TemplateQuestions;
}

function isPlanSectionMarker(marker: string): marker is PlanSectionMarker {
  return (PLAN_SECTION_MARKERS as readonly string[]).includes(marker);
}

/** A template line with blanks, as literal text around them (used for prose such as the kickoff note). */
export interface LineShape {
  /** Literal text between the blanks; one more than the blanks. Leading/trailing text trimmed. */
  readonly literals: readonly string[];
  /** The question of each blank; undefined for a blank that asks nothing (a date variable, a choice). */
  readonly questions: readonly (string | undefined)[];
}

/** What the checker knows about the built-in templates. Build it with templateQuestions. */
export interface TemplateQuestions {
  /** Every placeholder's question, normalised, in every language. */
  readonly questions: ReadonlySet<string>;
  /** Per marker: shapes of the template lines with blanks that are not fields, table rows or check-ins. */
  readonly lineShapes: ReadonlyMap<string, readonly LineShape[]>;
}

/** Sections of the full plan, in template order. A unit test keeps this equal to full-plan.*.md. */
export const FULL_PLAN_MARKERS: readonly PlanSectionMarker[] = ['needs', 'shared-interest', 'self-protection', 'workload'];

/** Labels of the "their need" field (needs and quick-check sections), in every content language. */
export const THEIR_NEED_LABELS: readonly string[] = ['对方的诉求', 'Their need'];

/** The principles each built-in section practises. */
export const SECTION_PRINCIPLES: Readonly<Record<PlanSectionMarker, readonly PrincipleId[]>> = {
  needs: ['principle-1'],
  // Where interests meet is principle 1; the value you bring is principle 2.
  'shared-interest': ['principle-1', 'principle-2'],
  'self-protection': ['principle-1'],
  workload: ['principle-3'],
  'quick-check': ['principle-1'],
  checkin: ['principle-3'],
  kickoff: ['principle-1'],
};

const PRINCIPLES: readonly PrincipleId[] = ['principle-1', 'principle-2', 'principle-3'];

/** Names of the built-in sections, for a section without a heading and for missing sections. */
const SECTION_NAMES: Readonly<Record<PlanSectionMarker, LocalizedText>> = {
  needs: { 'zh-cn': '核心需求', en: 'Core needs' },
  'shared-interest': { 'zh-cn': '共同利益', en: 'Shared interest' },
  'self-protection': { 'zh-cn': '让对方能自保', en: 'Letting them stay safe' },
  workload: { 'zh-cn': '工作量与一碗水端平', en: 'Workload and keeping things even' },
  'quick-check': { 'zh-cn': '自检四问', en: 'Four-question self-check' },
  checkin: { 'zh-cn': '阶段性平衡检查', en: 'Fairness check-in' },
  kickoff: { 'zh-cn': '协同邀请', en: 'Kickoff note' },
};

/** What the lesson asks of each section, in its own words. */
const LESSON_ASKS: Readonly<Record<PlanSectionMarker, LocalizedText>> = {
  needs: {
    'zh-cn': '课程说，沟通无效时不要着急推进，先沉下心来想：“你的诉求是什么？”“对方的诉求是什么？”“你们共同的诉求是什么？”“达成后有什么好处？”',
    en: 'When communication stalls, the lesson asks you not to rush but to think it through: "What is your need?" "What is the other side\'s need?" "What need do you share?" "What does each of you gain once it is done?"',
  },
  'shared-interest': {
    'zh-cn': '课程说：“努力寻找利益共通点才是关键。”真正的基石是价值和利益，“这不能靠几杯咖啡、零食或下午茶来维系”。',
    en: 'The lesson: "The key is to work hard at finding where your interests meet." The real cornerstone is value and interests, and "that can\'t be kept alive with a few coffees, snacks or afternoon teas."',
  },
  'self-protection': {
    'zh-cn': '课程说：“你必须先让对方能够自保。你需要交差、自保，对方也需要。”如果接你这个摊子会让他无法自保，他就会甩锅或无视你。',
    en: 'The lesson: "first, make sure the other side can cover themselves. You need something to show your boss and you need to cover yourself, and so do they." If touching your project means they can no longer cover themselves, they will pass the buck or ignore you.',
  },
  workload: {
    'zh-cn': '课程说：“当你确定协同方需要付出大量劳动和时间时，应主动表达自己愿意承担更多力所能及的事。”专业上帮不了忙，也可以提供服务价值和情绪价值。',
    en: 'The lesson: "Once you are sure your partner will have to put in a great deal of work and time, say up front that you are willing to take on more of whatever you can do." Where you can\'t help professionally, offer service value and emotional value.',
  },
  'quick-check': {
    'zh-cn': '课程说，沟通无效时不要着急推进，先沉下心来想：“你的诉求是什么？”“对方的诉求是什么？”“你们共同的诉求是什么？”“达成后有什么好处？”',
    en: 'When communication stalls, the lesson asks you not to rush but to think it through: "What is your need?" "What is the other side\'s need?" "What need do you share?" "What does each of you gain once it is done?"',
  },
  checkin: {
    'zh-cn': '课程说，协同本身没有绝对公平，所以要“阶段性地平衡好关系。不能让别人认为为你做事最后是被动或被辜负的，否则他们会对你个人失去信任感。”',
    en: 'The lesson: collaboration is never absolutely fair, so "rebalance your relationships stage by stage. Never let people feel that working for you left them on the back foot or let down in the end, or they will lose trust in you personally."',
  },
  kickoff: {
    'zh-cn': '开口之前，课程让你先问自己：“如果我是他，我为什么要积极主动、心甘情愿地配合和支持？”',
    en: 'Before you ask, the lesson has you ask yourself: "If I were them, why would I actively and willingly cooperate and support this?"',
  },
};

/** The part of the lesson each finding about a section sends the reader to. */
const PRIMARY_PRINCIPLE: Readonly<Record<PlanSectionMarker, PrincipleId>> = {
  needs: 'principle-1',
  'shared-interest': 'principle-1',
  'self-protection': 'principle-1',
  workload: 'principle-3',
  'quick-check': 'principle-1',
  checkin: 'principle-3',
  kickoff: 'principle-1',
};

/** Their side counts as carrying clearly more at this ratio of effort numbers, or with this many more rows. */
const UNEVEN_EFFORT_RATIO = 1.5;
const UNEVEN_EXTRA_ROWS = 2;
const MAX_TITLE_LENGTH = 40;
const MAX_QUOTED_QUESTION_LENGTH = 60;
const UNFILLED_DATE = 'YYYY-MM-DD';

const FIELD_LINE = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\*\*([^*]{1,200})\*\*[ \t]*[:：][ \t]*(.*)$/;
/** `- **Label:** value`: the colon inside the bold text. */
const FIELD_LINE_COLON_INSIDE = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\*\*([^*]{1,200})[:：]\*\*[ \t]*(.*)$/;
const LESSON_LINE = /^[ \t]{0,3}>[ \t]*(?:Lesson|课程)[ \t]*[:：]/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const LIST_MARKER_PREFIX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const TABLE_RULE_CELL = /^:?-+:?$/;
const EFFORT_NUMBER = /\d+(?:\.\d+)?/;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;
const CJK = /[\u3400-\u9fff]/;

/** Collapses whitespace so a question matches however it was spaced. */
function normalizeAnswer(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

const UNUSUAL_SPACE = /\s\s|[^\S ]/;

function hasUnusualSpace(text: string): boolean {
  return (text.includes('  ') || text.includes('\t') || text.includes('\u00a0') || text.includes('\u3000')) && UNUSUAL_SPACE.test(text);
}

/** Bounds that let most non-questions be rejected without a lookup. */
function questionIndex(known: TemplateQuestions): { longest: number; firstCharacters: ReadonlySet<string> } {
  let longest = 0;
  const firstCharacters = new Set<string>();
  for (const question of known.questions) {
    longest = Math.max(longest, question.length);
    firstCharacters.add(question.charAt(0));
  }
  return { longest, firstCharacters };
}

/** Lines as VS Code numbers them (CRLF, CR or LF). */
function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

const EMPTY_QUESTIONS: TemplateQuestions = { questions: new Set([UNFILLED_DATE]), lineShapes: new Map() };

/**
 * Collects the questions of templates (the built-in ones in every language, parsed from
 * content/templates). Lines that are fields, table rows or check-ins are read by their shape
 * anywhere; other lines with blanks become line shapes of their section's marker.
 */
export function templateQuestions(templates: readonly Pick<InsertableTemplate, 'body' | 'sections'>[]): TemplateQuestions {
  const questions = new Set<string>([UNFILLED_DATE]);
  const lineShapes = new Map<string, LineShape[]>();
  for (const template of templates) {
    for (const node of parseSnippet(template.body)) {
      collectQuestions(node, questions);
    }
    for (const section of template.sections) {
      for (const line of section.text.split('\n')) {
        const shape = lineShapeOf(line);
        if (shape) {
          const shapes = lineShapes.get(section.marker) ?? [];
          shapes.push(shape);
          lineShapes.set(section.marker, shapes);
        }
      }
    }
  }
  // Longer literal text first, so the most specific shape wins.
  for (const shapes of lineShapes.values()) {
    shapes.sort((a, b) => literalLength(b) - literalLength(a));
  }
  return { questions, lineShapes };
}

function collectQuestions(node: SnippetNode, into: Set<string>): void {
  if (node.kind === 'tabstop' && node.children) {
    const question = normalizeAnswer(plainOf(node.children));
    if (question !== '') {
      into.add(question);
    }
  }
  if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
    node.children.forEach((child) => collectQuestions(child, into));
  }
}

/** Plain text of snippet nodes: placeholders show their question; variables their default (dates stay empty). */
function plainOf(nodes: readonly SnippetNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      text += node.raw.replace(/\\([\\$}])/g, '$1');
    } else if (node.kind === 'tabstop' || node.kind === 'variable') {
      text += node.children ? plainOf(node.children) : '';
    } else {
      text += node.options[0] ?? '';
    }
  }
  return text;
}

function literalLength(shape: LineShape): number {
  return shape.literals.reduce((sum, literal) => sum + literal.length, 0);
}

/** The shape of one template line, or undefined when the line has no question or is read by its kind. */
function lineShapeOf(templateLine: string): LineShape | undefined {
  const nodes = parseSnippet(templateLine);
  const plainLine = plainOf(nodes);
  if (!nodes.some((node) => node.kind === 'tabstop' && node.children)) {
    return undefined;
  }
  if (classifyStructuredLine(plainLine) !== undefined) {
    return undefined;
  }
  const literals: string[] = [''];
  const questions: (string | undefined)[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      literals[literals.length - 1] += node.raw.replace(/\\([\\$}])/g, '$1');
    } else {
      questions.push(node.kind === 'tabstop' && node.children ? normalizeAnswer(plainOf(node.children)) : undefined);
      literals.push('');
    }
  }
  literals[0] = (literals[0] ?? '').trimStart();
  literals[literals.length - 1] = (literals[literals.length - 1] ?? '').trimEnd();
  // A line that is little more than its blank is recognised by its question alone.
  if (literals.join('').trim().length < 2) {
    return undefined;
  }
  return { literals, questions };
}

/** Field, table row or check-in: the kinds of question lines read by shape in any section. */
function classifyStructuredLine(line: string): 'field' | 'table' | 'checkin' | undefined {
  if (line.trimStart().startsWith('|')) {
    return 'table';
  }
  if (CHECKIN_LINE.test(line)) {
    return 'checkin';
  }
  if (parseFieldLine(line)) {
    return 'field';
  }
  return undefined;
}

interface FieldLine {
  readonly indent: number;
  readonly label: string;
  readonly value: string;
}

function parseFieldLine(line: string): FieldLine | undefined {
  if (!line.includes('**')) {
    return undefined;
  }
  const match = FIELD_LINE.exec(line) ?? FIELD_LINE_COLON_INSIDE.exec(line);
  if (!match) {
    return undefined;
  }
  return { indent: (match[1] ?? '').length, label: (match[2] ?? '').trim(), value: (match[3] ?? '').trim() };
}

/** Values of the blanks when `line` has the shape, or undefined. */
function matchLineShape(line: string, shape: LineShape): string[] | undefined {
  const literals = shape.literals;
  const first = literals[0] ?? '';
  const last = literals[literals.length - 1] ?? '';
  if (!line.startsWith(first) || !line.endsWith(last)) {
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

/** One question line of a section. */
interface QuestionLine {
  readonly line: number;
  answered: boolean;
  /** The template question still there, if that is why it is unanswered. */
  leftover: string | undefined;
}

interface SideBlock {
  readonly headingLine: number;
  answered: number;
}

interface WorkloadRow {
  readonly line: number;
  readonly side: 'mine' | 'theirs';
  readonly effort: number | undefined;
}

interface CheckinEntry {
  readonly line: number;
  readonly marker: string;
  readonly done: boolean;
  readonly date: string;
}

/** What the single pass gathers about one section. */
interface SectionScan {
  readonly marker: string;
  readonly markerLine: number;
  headingLine: number | undefined;
  headingText: string;
  endLine: number;
  contentLines: number;
  readonly questions: QuestionLine[];
  /** The field whose value may continue on the following lines. */
  openField: { readonly indent: number; readonly question: QuestionLine; readonly label: string; afterBlank: boolean } | undefined;
  theirNeedAnswered: boolean;
  currentSide: 'mine' | 'theirs' | undefined;
  readonly sides: { mine: SideBlock | undefined; theirs: SideBlock | undefined };
  table: 'none' | 'header' | 'body';
  tablesSeen: number;
  readonly workloadRows: WorkloadRow[];
  /** An answered field in the workload section: extra work or service offered. */
  offersSomething: boolean;
}

/** Checks a plan. Never throws; runs in time linear in the text. */
export function checkPlan(text: string, options: CheckOptions): PlanReport {
  const known = options.questions ?? EMPTY_QUESTIONS;
  const lines = splitLines(text);
  const sections: SectionScan[] = [];
  const checkins: CheckinEntry[] = [];
  let current: SectionScan | undefined;
  const fenceState = createFenceTracker();

  const { longest, firstCharacters } = questionIndex(known);
  // Hot path (every line and cell): cheap rejections first, whitespace normalised only when unusual.
  const isQuestion = (value: string): boolean => {
    if (value.length > longest * 2) {
      return false;
    }
    const trimmed = value.trim();
    if (!firstCharacters.has(trimmed.charAt(0))) {
      return false;
    }
    return known.questions.has(trimmed) || (hasUnusualSpace(trimmed) && known.questions.has(normalizeAnswer(trimmed)));
  };
  const addQuestion = (section: SectionScan, line: number, answered: boolean, leftover: string | undefined): QuestionLine => {
    const question: QuestionLine = { line, answered, leftover: answered ? undefined : leftover };
    section.questions.push(question);
    return question;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const lineState = fenceState(line);
    if (lineState === 'fence') {
      if (current) {
        current.contentLines++;
        current.openField = undefined;
        current.table = 'none';
      }
      continue;
    }
    if (lineState === 'code') {
      if (current) {
        current.contentLines += line.trim() === '' ? 0 : 1;
      }
      continue;
    }
    const marker = line.includes('collab:') ? SECTION_MARKER.exec(line)?.[1] : undefined;
    if (marker) {
      if (current) {
        current.endLine = index - 1;
      }
      current = newSectionScan(marker, index);
      sections.push(current);
      continue;
    }
    if (!current) {
      continue; // The preamble (title, partner) is not checked.
    }
    const section = current;
    const trimmed = line.trim();
    if (trimmed === '') {
      if (section.openField) {
        section.openField.afterBlank = true;
      }
      if (section.table !== 'none') {
        section.table = 'none';
      }
      continue;
    }

    // Lines below a field with an empty value (or its question) may hold the answer.
    const openField = section.openField;
    if (openField) {
      const indent = line.length - line.trimStart().length;
      const nested = indent > openField.indent && !CHECKIN_LINE.test(line) && !parseFieldLine(line);
      const lazy = !openField.afterBlank && indent <= openField.indent && isParagraphText(trimmed);
      if (nested || lazy) {
        section.contentLines++;
        if (!openField.question.answered && !isQuestion(stripListMarker(trimmed))) {
          openField.question.answered = true;
          openField.question.leftover = undefined;
          if (THEIR_NEED_LABELS.includes(openField.label)) {
            section.theirNeedAnswered = true;
          }
          if (section.marker === 'workload') {
            section.offersSomething = true;
          } else {
            countSideAnswer(section);
          }
        }
        continue;
      }
      section.openField = undefined;
    }

    const first = trimmed[0];
    if (first === '#') {
      const heading = parseHeading(line);
      if (heading !== undefined) {
        section.table = 'none';
        if (section.headingLine === undefined) {
          section.headingLine = index;
          section.headingText = heading.text;
        }
        const side = sideOfLabel(heading.text);
        section.currentSide = heading.level >= 2 ? side : section.currentSide;
        if (side && section.marker === 'self-protection' && section.sides[side] === undefined) {
          section.sides[side] = { headingLine: index, answered: 0 };
        }
        readShapedLine(section, trimmed, index);
        continue;
      }
    }
    if (first === '>' && LESSON_LINE.test(line)) {
      continue;
    }
    if (first === '<' && trimmed.startsWith('<!--')) {
      continue;
    }
    if (first === '|') {
      readTableLine(section, trimmed, index);
      continue;
    }
    section.table = 'none';
    if (LIST_ITEM.test(line)) {
      const checkin = CHECKIN_LINE.exec(line);
      if (checkin) {
        const done = checkin[1] !== ' ';
        const date = checkin[2] ?? UNFILLED_DATE;
        const note = (checkin[3] ?? '').trim();
        checkins.push({ line: index, marker: section.marker, done, date });
        section.contentLines++;
        if (!done || date === UNFILLED_DATE) {
          const dateFilled = date !== UNFILLED_DATE;
          const noteIsQuestion = note !== '' && isQuestion(note);
          addQuestion(section, index, dateFilled && !noteIsQuestion, dateFilled ? note : UNFILLED_DATE);
        }
        continue;
      }
      const field = parseFieldLine(line);
      if (field) {
        const answered = field.value !== '' && !isQuestion(field.value);
        const question = addQuestion(section, index, answered, field.value === '' ? undefined : field.value);
        if (answered) {
          section.contentLines++;
          if (THEIR_NEED_LABELS.includes(field.label)) {
            section.theirNeedAnswered = true;
          }
          if (section.marker === 'workload') {
            section.offersSomething = true;
          } else {
            countSideAnswer(section);
          }
        } else {
          section.openField = { indent: field.indent, question, label: field.label, afterBlank: false };
        }
        continue;
      }
    }
    if (readShapedLine(section, trimmed, index)) {
      continue;
    }
    const bare = stripListMarker(trimmed);
    if (isQuestion(bare)) {
      addQuestion(section, index, false, bare);
      continue;
    }
    section.contentLines++;
  }
  if (current) {
    current.endLine = lines.length - 1;
  }

  return buildReport(sections, checkins, lines, options);

  /** Checks a line against its section's template line shapes; true when it is one of them. */
  function readShapedLine(section: SectionScan, trimmed: string, index: number): boolean {
    const shapes = known.lineShapes.get(section.marker);
    if (!shapes) {
      return false;
    }
    for (const shape of shapes) {
      const values = matchLineShape(trimmed, shape);
      if (!values) {
        continue;
      }
      let leftover: string | undefined;
      let answered = true;
      values.forEach((value, position) => {
        const question = shape.questions[position];
        if (question === undefined) {
          return;
        }
        const trimmedValue = value.trim();
        if (trimmedValue === '' || isQuestion(trimmedValue)) {
          answered = false;
          leftover ??= trimmedValue === '' ? undefined : trimmedValue;
        }
      });
      addQuestion(section, index, answered, leftover);
      if (answered) {
        section.contentLines++;
      }
      return true;
    }
    return false;
  }

  function readTableLine(section: SectionScan, trimmed: string, index: number): void {
    const cells = splitTableRow(trimmed);
    if (section.table === 'none') {
      section.table = 'header';
      section.tablesSeen++;
      return;
    }
    if (section.table === 'header') {
      if (cells.every((cell) => TABLE_RULE_CELL.test(cell))) {
        section.table = 'body';
      }
      return;
    }
    const isWorkloadTable = section.marker === 'workload' && section.tablesSeen === 1;
    const valueCells = cells.slice(1);
    const leftoverCell = valueCells.find((cell) => cell !== '' && isQuestion(cell));
    if (!isWorkloadTable && leftoverCell === undefined) {
      section.contentLines++;
      return;
    }
    const answered = valueCells.length > 0 && valueCells.every((cell) => cell !== '' && !isQuestion(cell));
    addQuestion(section, index, answered, leftoverCell);
    if (answered) {
      section.contentLines++;
    }
    if (!isWorkloadTable) {
      return;
    }
    const side = sideOfLabel(cells[0] ?? '');
    const task = cells[1] ?? '';
    if (side && task !== '' && !isQuestion(task)) {
      section.workloadRows.push({ line: index, side, effort: effortOf(cells[2] ?? '') });
    }
  }
}

function newSectionScan(marker: string, markerLine: number): SectionScan {
  return {
    marker,
    markerLine,
    headingLine: undefined,
    headingText: '',
    endLine: markerLine,
    contentLines: 0,
    questions: [],
    openField: undefined,
    theirNeedAnswered: false,
    currentSide: undefined,
    sides: { mine: undefined, theirs: undefined },
    table: 'none',
    tablesSeen: 0,
    workloadRows: [],
    offersSomething: false,
  };
}

function countSideAnswer(section: SectionScan): void {
  const side = section.currentSide;
  const block = side ? section.sides[side] : undefined;
  if (block) {
    block.answered++;
  }
}

/** `## Title ##` → level 2, "Title"; without a quadratic regex on long lines. */
function parseHeading(line: string): { level: number; text: string } | undefined {
  const indent = line.length - line.trimStart().length;
  if (indent > 3) {
    return undefined;
  }
  let level = 0;
  while (line[indent + level] === '#') {
    level++;
  }
  const after = line[indent + level];
  if (level === 0 || level > 6 || (after !== undefined && after !== ' ' && after !== '\t')) {
    return undefined;
  }
  let text = line.slice(indent + level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') {
    end--;
  }
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) {
    text = text.slice(0, end).trim();
  }
  return { level, text };
}

function isParagraphText(trimmed: string): boolean {
  const first = trimmed[0];
  return first !== '#' && first !== '>' && first !== '|' && first !== '<' && !LIST_ITEM.test(trimmed);
}

function stripListMarker(trimmed: string): string {
  const first = trimmed.charCodeAt(0);
  const mayBeListItem = first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57); // - * + 0-9
  return mayBeListItem ? trimmed.replace(LIST_MARKER_PREFIX, '') : trimmed;
}

function splitTableRow(trimmed: string): string[] {
  let inner = trimmed.startsWith('|') ? trimmed.slice(1) : trimmed;
  inner = inner.endsWith('|') ? inner.slice(0, -1) : inner;
  return inner.split('|').map((cell) => cell.trim());
}

function sideOfLabel(label: string): 'mine' | 'theirs' | undefined {
  const text = label.trim();
  if ((WORKLOAD_SIDE_LABELS.mine as readonly string[]).includes(text)) {
    return 'mine';
  }
  if ((WORKLOAD_SIDE_LABELS.theirs as readonly string[]).includes(text)) {
    return 'theirs';
  }
  return undefined;
}

/** The first number in an effort cell ("3 person-days", "3人天", "２.５"), if any. */
function effortOf(cell: string): number | undefined {
  const head = cell.slice(0, 200);
  // Full-width digits (３人天) only need folding when there are any.
  const match = EFFORT_NUMBER.exec(FULL_WIDTH_DIGIT.test(head) ? head.normalize('NFKC') : head);
  return match ? Number(match[0]) : undefined;
}

function buildReport(sections: readonly SectionScan[], checkins: readonly CheckinEntry[], lines: readonly string[], options: CheckOptions): PlanReport {
  const language = options.language ?? guessLanguage(sections);
  const findings: PlanFinding[] = [];
  const states: PlanSectionState[] = [];
  const theirNeedAnswered = sections.some((section) => section.theirNeedAnswered);
  const hasDatedCheckin = checkins.some((checkin) => checkin.date !== UNFILLED_DATE);

  for (const section of sections) {
    const answered = section.questions.filter((question) => question.answered).length;
    const total = section.questions.length;
    const empty = total === 0 && section.contentLines === 0;
    const line = section.headingLine ?? section.markerLine;
    const builtIn = isPlanSectionMarker(section.marker) ? section.marker : undefined;
    states.push({
      marker: section.marker,
      markerLine: section.markerLine,
      line,
      endLine: Math.max(section.endLine, section.markerLine),
      answered,
      total,
      empty,
      lessonSection: builtIn ? PLAN_SECTION_LESSON_SOURCES[builtIn] : undefined,
      label: sectionLabel(answered, total, empty),
    });
    if (!builtIn) {
      continue; // A team template's own section: we don't know what the lesson asks of it.
    }
    const title = sectionTitle(section, builtIn);
    const specific = specificFindings(section, builtIn, title, answered, { theirNeedAnswered, hasDatedCheckin });
    findings.push(...specific);
    const replacesGeneral = specific.some((finding) => finding.code === 'no-shared-interest' || finding.code === 'one-sided-self-protection');
    if (replacesGeneral) {
      continue;
    }
    if (empty) {
      findings.push(sectionFinding('empty-section', 'information', builtIn, line, emptyMessage(builtIn, title)));
    } else if (answered < total) {
      const firstOpen = section.questions.find((question) => !question.answered);
      const leftover = section.questions.find((question) => !question.answered && question.leftover !== undefined)?.leftover;
      findings.push(
        sectionFinding('unanswered-questions', 'information', builtIn, firstOpen?.line ?? line, unansweredMessage(builtIn, title, answered, total, leftover)),
      );
    }
  }

  findings.push(...overdueCheckins(checkins, options.today));
  findings.push(...missingSections(sections));
  findings.sort((a, b) => a.line - b.line);

  return { language, sections: states, findings, principlesPassing: principlesPassing(sections, findings) };

  function sectionTitle(section: SectionScan, marker: PlanSectionMarker): LocalizedText {
    const written = shorten(section.headingText, MAX_TITLE_LENGTH);
    return written === '' ? SECTION_NAMES[marker] : { 'zh-cn': written, en: written };
  }

  /** Finding on a line of the document, never beyond its end. */
  function sectionFinding(code: FindingCode, severity: FindingSeverity, marker: PlanSectionMarker, line: number, message: LocalizedText, endLine?: number): PlanFinding {
    const last = Math.max(0, lines.length - 1);
    const finding: PlanFinding = {
      code,
      severity,
      marker,
      line: Math.min(line, last),
      lessonSection: PLAN_SECTION_LESSON_SOURCES[marker],
      principle: PRIMARY_PRINCIPLE[marker],
      message,
    };
    return endLine === undefined || endLine <= finding.line ? finding : { ...finding, endLine: Math.min(endLine, last) };
  }

  function specificFindings(
    section: SectionScan,
    marker: PlanSectionMarker,
    title: LocalizedText,
    answered: number,
    plan: { theirNeedAnswered: boolean; hasDatedCheckin: boolean },
  ): PlanFinding[] {
    const line = section.headingLine ?? section.markerLine;
    if (marker === 'shared-interest' && answered === 0 && plan.theirNeedAnswered) {
      return [{ ...sectionFinding('no-shared-interest', 'warning', marker, line, noSharedInterestMessage(title)), lessonSection: 'principle-1' }];
    }
    if (marker === 'self-protection') {
      const { mine, theirs } = section.sides;
      const mineAnswered = mine?.answered ?? 0;
      const theirsAnswered = theirs?.answered ?? 0;
      if ((mine || theirs) && (mineAnswered > 0) !== (theirsAnswered > 0)) {
        const missingSide = mineAnswered > 0 ? 'theirs' : 'mine';
        const at = section.sides[missingSide]?.headingLine ?? line;
        return [{ ...sectionFinding('one-sided-self-protection', 'warning', marker, at, oneSidedMessage(missingSide)), lessonSection: 'example-finance' }];
      }
    }
    if (marker === 'workload' && !section.offersSomething && !plan.hasDatedCheckin) {
      const uneven = unevenWorkload(section.workloadRows);
      if (uneven) {
        const theirRows = section.workloadRows.filter((row) => row.side === 'theirs');
        const first = theirRows[0]?.line ?? line;
        const last = theirRows[theirRows.length - 1]?.line ?? first;
        return [{ ...sectionFinding('uneven-workload', 'warning', marker, first, unevenMessage(uneven), last), lessonSection: 'example-workload' }];
      }
    }
    return [];
  }

  function overdueCheckins(entries: readonly CheckinEntry[], today: Date): PlanFinding[] {
    if (!(today instanceof Date) || Number.isNaN(today.getTime())) {
      return [];
    }
    const todayIso = localIsoDate(today);
    let lastHeld = '';
    for (const entry of entries) {
      if (entry.done && entry.date !== UNFILLED_DATE && entry.date > lastHeld) {
        lastHeld = entry.date;
      }
    }
    return entries
      .filter((entry) => !entry.done && entry.date !== UNFILLED_DATE && entry.date < todayIso && lastHeld < entry.date)
      .map((entry) => ({
        code: 'overdue-checkin' as const,
        severity: 'warning' as const,
        marker: entry.marker,
        line: entry.line,
        lessonSection: 'principle-3' as const,
        principle: 'principle-3' as const,
        message: overdueMessage(entry.date),
      }));
  }

  function missingSections(scans: readonly SectionScan[]): PlanFinding[] {
    const present = new Map<string, SectionScan>();
    for (const scan of scans) {
      if (!present.has(scan.marker)) {
        present.set(scan.marker, scan);
      }
    }
    if (!FULL_PLAN_MARKERS.some((marker) => present.has(marker))) {
      return [];
    }
    const result: PlanFinding[] = [];
    FULL_PLAN_MARKERS.forEach((marker, order) => {
      if (present.has(marker)) {
        return;
      }
      // Point at the nearest full-plan section before it (or after it, if none comes before).
      const before = FULL_PLAN_MARKERS.slice(0, order).reverse().find((other) => present.has(other));
      const after = FULL_PLAN_MARKERS.slice(order + 1).find((other) => present.has(other));
      const anchor = present.get(before ?? after ?? marker);
      const anchorLine = anchor ? (anchor.headingLine ?? anchor.markerLine) : 0;
      result.push({
        code: 'missing-section',
        severity: 'information',
        marker: anchor?.marker ?? marker,
        line: anchorLine,
        lessonSection: PLAN_SECTION_LESSON_SOURCES[marker],
        principle: PRIMARY_PRINCIPLE[marker],
        message: missingMessage(marker),
        missingMarker: marker,
      });
    });
    return result;
  }
}

/** Their side's load against mine, when they clearly carry more. */
interface UnevenLoad {
  readonly unit: 'effort' | 'tasks';
  readonly theirs: number;
  readonly mine: number;
}

function unevenWorkload(rows: readonly WorkloadRow[]): UnevenLoad | undefined {
  const theirs = rows.filter((row) => row.side === 'theirs');
  const mine = rows.filter((row) => row.side === 'mine');
  if (theirs.length === 0) {
    return undefined;
  }
  const sum = (side: readonly WorkloadRow[]): number => side.reduce((total, row) => total + (row.effort ?? 0), 0);
  const theirEffortKnown = theirs.some((row) => row.effort !== undefined);
  const myEffortKnown = mine.length === 0 || mine.some((row) => row.effort !== undefined);
  const theirEffort = sum(theirs);
  const myEffort = sum(mine);
  if (theirEffortKnown && myEffortKnown && theirEffort > myEffort && theirEffort >= UNEVEN_EFFORT_RATIO * myEffort) {
    return { unit: 'effort', theirs: roundForText(theirEffort), mine: roundForText(myEffort) };
  }
  if (theirs.length >= mine.length + UNEVEN_EXTRA_ROWS) {
    return { unit: 'tasks', theirs: theirs.length, mine: mine.length };
  }
  return undefined;
}

function roundForText(value: number): number {
  return Math.round(value * 100) / 100;
}

function principlesPassing(sections: readonly SectionScan[], findings: readonly PlanFinding[]): Record<PrincipleId, boolean> {
  const failing = new Set<PrincipleId>();
  for (const finding of findings) {
    failing.add(finding.principle);
    const concerned = finding.missingMarker ?? finding.marker;
    if (finding.code !== 'missing-section' && isPlanSectionMarker(concerned)) {
      SECTION_PRINCIPLES[concerned].forEach((principle) => failing.add(principle));
    }
  }
  const practised = new Set<PrincipleId>();
  for (const section of sections) {
    if (isPlanSectionMarker(section.marker)) {
      SECTION_PRINCIPLES[section.marker].forEach((principle) => practised.add(principle));
    }
  }
  const result = { 'principle-1': false, 'principle-2': false, 'principle-3': false };
  for (const principle of PRINCIPLES) {
    result[principle] = practised.has(principle) && !failing.has(principle);
  }
  return result;
}

function guessLanguage(sections: readonly SectionScan[]): ContentLanguage {
  return sections.some((section) => CJK.test(section.headingText)) ? 'zh-cn' : 'en';
}

function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }
  const characters = Array.from(text.slice(0, maxLength * 2));
  return characters.length > maxLength ? characters.slice(0, maxLength - 1).join('') + '…' : characters.join('');
}

function sectionLabel(answered: number, total: number, empty: boolean): LocalizedText {
  if (empty) {
    return { 'zh-cn': '空白', en: 'empty' };
  }
  if (total === 0) {
    return { 'zh-cn': '已填写', en: 'written' };
  }
  return { 'zh-cn': `${answered}/${total} 已回答`, en: `${answered}/${total} answered` };
}

function emptyMessage(marker: PlanSectionMarker, title: LocalizedText): LocalizedText {
  const ask = LESSON_ASKS[marker];
  return {
    'zh-cn': `“${title['zh-cn']}”还是空的。${ask['zh-cn']}`,
    en: `"${title.en}" is empty. ${ask.en}`,
  };
}

function unansweredMessage(marker: PlanSectionMarker, title: LocalizedText, answered: number, total: number, leftover: string | undefined): LocalizedText {
  const ask = LESSON_ASKS[marker];
  const quoted = leftover === undefined ? undefined : shorten(leftover, MAX_QUOTED_QUESTION_LENGTH);
  return {
    'zh-cn': `“${title['zh-cn']}”已回答 ${answered}/${total} 个问题${quoted === undefined ? '' : `，还留着模板的问题“${quoted}”`}。${ask['zh-cn']}`,
    en: `"${title.en}": ${answered} of ${total} questions answered${quoted === undefined ? '' : `; the template's question "${quoted}" is still there`}. ${ask.en}`,
  };
}

function noSharedInterestMessage(title: LocalizedText): LocalizedText {
  return {
    'zh-cn': `你已经写下了对方的诉求，“${title['zh-cn']}”却还没写。课程说：“努力寻找利益共通点才是关键。”如果你不能给别人带来真正的好处，没人愿意花精力、时间甚至背风险陪你。`,
    en: `You have written down the other side's need, but "${title.en}" is still open. The lesson: "The key is to work hard at finding where your interests meet." If you can't bring people a real benefit, no one will spend their energy and time on you.`,
  };
}

function oneSidedMessage(missingSide: 'mine' | 'theirs'): LocalizedText {
  const ask = LESSON_ASKS['self-protection'];
  return missingSide === 'mine'
    ? {
        'zh-cn': `你写了对方怎样自保，还没写我方怎样交差、兜住哪些风险。${ask['zh-cn']}`,
        en: `You wrote how the other side stays safe, but not how your own side delivers and covers its risks. ${ask.en}`,
      }
    : {
        'zh-cn': `你写了我方怎样自保，还没写对方：他配合之后怎样交差、背什么风险。${ask['zh-cn']}`,
        en: `You wrote how your side stays safe, but not the other side: how they deliver and what risk they carry once they help. ${ask.en}`,
      };
}

function unevenMessage(load: UnevenLoad): LocalizedText {
  const ask = LESSON_ASKS.workload;
  const amounts =
    load.unit === 'effort'
      ? { 'zh-cn': `工作量 ${load.theirs} 对 ${load.mine}`, en: `effort ${load.theirs} against ${load.mine}` }
      : { 'zh-cn': `${load.theirs} 项任务对 ${load.mine} 项`, en: `${load.theirs} tasks against ${load.mine}` };
  return {
    'zh-cn': `对方明显承担得更多（${amounts['zh-cn']}），计划里却没有回报：我方没有多承担什么，没有服务价值、情绪价值，也没有定下检查点。${ask['zh-cn']}`,
    en: `Their side clearly carries more (${amounts.en}), and the plan gives nothing back: no extra work for your side, no service or emotional value, no check-in. ${ask.en}`,
  };
}

function overdueMessage(date: string): LocalizedText {
  const ask = LESSON_ASKS.checkin;
  return {
    'zh-cn': `这个检查点 ${date} 已经到期，之后还没有记下任何检查。${ask['zh-cn']}`,
    en: `This check-in was due on ${date} and no check-in has been recorded since. ${ask.en}`,
  };
}

function missingMessage(marker: PlanSectionMarker): LocalizedText {
  const name = SECTION_NAMES[marker];
  const ask = LESSON_ASKS[marker];
  return {
    'zh-cn': `计划里还没有“${name['zh-cn']}”这一部分。${ask['zh-cn']}`,
    en: `The plan has no "${name.en}" section yet. ${ask.en}`,
  };
}

/** Where and what to insert so the document gains a missing section of the full plan. */
export interface SectionInsertion {
  /** 0-based position to insert at. */
  readonly line: number;
  readonly character: number;
  /** Plain text: the template's section with its questions in place of the blanks. */
  readonly text: string;
}

/**
 * The text of `marker`'s section from the full-plan template, built by the template merge, and
 * where it belongs: before the next full-plan section the document has, or at the end.
 * Undefined when the template has no such section or the document already has it.
 */
export function missingSectionInsertion(
  fullPlan: Pick<InsertableTemplate, 'sections'>,
  documentText: string,
  marker: string,
  now: Date,
): SectionInsertion | undefined {
  const lines = splitLines(documentText);
  const markerLines = scanMarkerLines(lines);
  const present = new Set(markerLines.map((entry) => entry.marker));
  const section = fullPlan.sections.find((candidate) => candidate.marker === marker);
  if (!section || present.has(marker)) {
    return undefined;
  }
  // The merge only needs to know which markers the document has; give it just those lines.
  const sectionsToMerge = fullPlan.sections.filter((candidate) => candidate.marker === marker || present.has(candidate.marker));
  const merge = buildMergeSnippet(
    { body: sectionsToMerge.map((candidate) => candidate.text).join('\n\n'), sections: sectionsToMerge },
    [...present].map((presentMarker) => `<!-- collab:${presentMarker} -->`).join('\n'),
  );
  if (!merge.added.includes(marker)) {
    return undefined;
  }
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  const sectionText = snippetToPlainText(merge.snippet, now).trimEnd().split('\n').join(eol);
  const order = fullPlan.sections.map((candidate) => candidate.marker);
  const rank = order.indexOf(marker);
  const next = markerLines.find((entry) => order.indexOf(entry.marker) > rank);
  if (next) {
    const previous = lines[next.line - 1];
    const blankBefore = previous !== undefined && previous.trim() !== '' ? eol : '';
    return { line: next.line, character: 0, text: blankBefore + sectionText + eol + eol };
  }
  const lastLine = lines.length - 1;
  const lastText = lines[lastLine] ?? '';
  const beforeLast = lines[lastLine - 1];
  const prefix = lastText !== '' ? eol + eol : beforeLast !== undefined && beforeLast.trim() !== '' ? eol : '';
  return { line: lastLine, character: lastText.length, text: prefix + sectionText + eol };
}

/** Marker lines outside fenced code, as the checker and the merge see them. */
function scanMarkerLines(lines: readonly string[]): { line: number; marker: string }[] {
  const found: { line: number; marker: string }[] = [];
  const fenceState = createFenceTracker();
  lines.forEach((line, index) => {
    const marker = fenceState(line) === 'text' && line.includes('collab:') ? SECTION_MARKER.exec(line)?.[1] : undefined;
    if (marker) {
      found.push({ line: index, marker });
    }
  });
  return found;
}
