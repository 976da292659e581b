/**
 * The plan model (pure): the one place that knows a plan's shape. Everything that reads a plan —
 * the checker's rules, the merge, the CodeLens, tips in context, progress by practice, and later
 * the Plans view and the message to the other department — reads this, never the Markdown.
 *
 * A plan is a Markdown document holding Collab Coach section markers (`<!-- collab:needs -->`).
 * parsePlan reads it with markdown-it (planBlocks.ts) and, with what the templates ask
 * (templateKnowledge.ts), tells for every question whether it is answered and with what.
 */
import type { ContentLanguage } from '../content/language';
import type { Token } from '../base/markdown';
import { type RawDirective, type RawItem, readPlanBlocks, readPlanTokens, type Side, type TextPart } from './planBlocks';
import {
  type LineShape,
  matchLineShape,
  NO_TEMPLATE_KNOWLEDGE,
  normalizeAnswer,
  type TemplateKnowledge,
  trimLabel,
  UNFILLED_DATE,
} from './templateKnowledge';
import { WORKLOAD_SIDE_LABELS } from './templates';

export type { Side };

/** One question of a plan: a field, a workload row, an open check-in, or a line of prose with blanks. */
export interface PlanQuestion {
  readonly kind: 'field' | 'row' | 'checkin' | 'line';
  /** 0-based line. */
  readonly line: number;
  readonly answered: boolean;
  /** The template question still standing in for the answer, if that is why it is unanswered. */
  readonly leftover: string | undefined;
}

/** `- **Label**: answer`, with the answer possibly continued below it. */
export interface PlanField {
  readonly label: string;
  /** The user's answer (lines that are not template questions), or undefined while unanswered. */
  readonly answer: string | undefined;
  /** The template question still there in place of the answer, if any. */
  readonly question: string | undefined;
  readonly line: number;
  readonly endLine: number;
  /** The side whose subheading (`### My side`) the field sits under, if any. */
  readonly side: Side | undefined;
}

/** A body row of the workload section's table. */
export interface WorkloadRow {
  readonly side: Side | undefined;
  readonly task: string;
  /** The first number of the effort cell ("3 person-days", "３人天"), if any. */
  readonly effort: number | undefined;
  readonly effortText: string;
  readonly answered: boolean;
  readonly line: number;
}

export interface PlanCheckin {
  /** `YYYY-MM-DD`; undefined while the template's `YYYY-MM-DD` is still there. */
  readonly date: string | undefined;
  readonly done: boolean;
  /** The note after the date, unless it is still a template question. */
  readonly note: string | undefined;
  readonly line: number;
  readonly marker: string;
}

export interface SideBlock {
  readonly headingLine: number;
  /** Fields answered under the side's subheading. */
  readonly answered: number;
}

export interface PlanSection {
  readonly marker: string;
  readonly markerLine: number;
  /** The section's first heading. */
  readonly heading: { readonly text: string; readonly level: number; readonly line: number } | undefined;
  /** Where the section shows itself: its heading, or the marker line when it has none. */
  readonly line: number;
  readonly endLine: number;
  readonly fields: readonly PlanField[];
  readonly workload: readonly WorkloadRow[];
  readonly checkins: readonly PlanCheckin[];
  readonly questions: readonly PlanQuestion[];
  readonly answered: number;
  readonly total: number;
  /** Nothing written below the marker (headings and the lesson line aside). */
  readonly empty: boolean;
  readonly sides: Readonly<Partial<Record<Side, SideBlock>>>;
}

/** A value of the plan's preamble (title, partner, start date). */
export interface PlanValue {
  /** The value as written, or undefined while it is still the template's question. */
  readonly text: string | undefined;
  readonly line: number;
}

export interface PlanModel {
  readonly lineCount: number;
  readonly title: PlanValue | undefined;
  /** The other department. */
  readonly counterpart: PlanValue | undefined;
  readonly startDate: PlanValue | undefined;
  readonly sections: readonly PlanSection[];
  /** Every check-in of every section, in document order. */
  readonly checkins: readonly PlanCheckin[];
  /** `<!-- collab-coach-… -->` control comments. */
  readonly directives: readonly RawDirective[];
  /** The language the plan's headings are written in. */
  readonly language: ContentLanguage;
  /** The fence the document ends inside, if it is never closed. */
  readonly openFenceAtEnd: string | undefined;
  /** First line of every top-level block (heading, paragraph, list, table…), in order. */
  readonly blockStarts: readonly number[];
}

const CJK = /[\u3400-\u9fff]/;
const EFFORT_NUMBER = /\d+(?:\.\d+)?/;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

/**
 * Reads a plan. Never throws; linear in the text. `blocks`: the text's tokens when a markdown-it
 * has already parsed it (the Markdown preview's), so it is not parsed twice.
 */
export function parsePlan(text: string, knowledge: TemplateKnowledge = NO_TEMPLATE_KNOWLEDGE, blocks?: readonly Token[]): PlanModel {
  const raw = blocks ? readPlanTokens(blocks, text) : readPlanBlocks(text);
  const isQuestion = questionTest(knowledge);
  const sections = raw.sections.map((section) => readSection(section.marker, section.markerLine, section.endLine, section.items, knowledge, isQuestion));
  const preamble = readPreamble(raw.preamble, knowledge, isQuestion);
  const headings = [preamble.title?.text ?? '', ...sections.map((section) => section.heading?.text ?? '')];
  return {
    lineCount: raw.lineCount,
    ...preamble,
    sections,
    checkins: sections.flatMap((section) => section.checkins),
    directives: raw.directives,
    language: headings.some((heading) => CJK.test(heading)) ? 'zh-cn' : 'en',
    openFenceAtEnd: raw.openFenceAtEnd,
    blockStarts: raw.blockStarts,
  };
}

/** Whether a text is one of the templates' questions; cheap rejections first (the hot path). */
function questionTest(knowledge: TemplateKnowledge): (value: string) => boolean {
  return (value) => {
    if (value.length > knowledge.longestQuestion * 2) {
      return false;
    }
    const trimmed = value.trim();
    if (!knowledge.firstCharacters.has(trimmed.charAt(0))) {
      return false;
    }
    return knowledge.questions.has(trimmed) || knowledge.questions.has(normalizeAnswer(trimmed));
  };
}

type QuestionTest = (value: string) => boolean;

function sideOfLabel(label: string): Side | undefined {
  const text = label.trim();
  if ((WORKLOAD_SIDE_LABELS.mine as readonly string[]).includes(text)) {
    return 'mine';
  }
  if ((WORKLOAD_SIDE_LABELS.theirs as readonly string[]).includes(text)) {
    return 'theirs';
  }
  return undefined;
}

/** What a section gathers while its items are read. */
class SectionBuilder {
  heading: PlanSection['heading'];
  readonly fields: PlanField[] = [];
  readonly workload: WorkloadRow[] = [];
  readonly checkins: PlanCheckin[] = [];
  readonly questions: PlanQuestion[] = [];
  readonly sides: Partial<Record<Side, { headingLine: number; answered: number }>> = {};
  content = 0;
  side: Side | undefined;

  constructor(
    readonly marker: string,
    private readonly shapes: readonly LineShape[],
    private readonly isQuestion: QuestionTest,
  ) {}

  add(item: RawItem): void {
    switch (item.kind) {
      case 'heading':
        return this.addHeading(item);
      case 'text':
        return this.addText(item.text, item.line);
      case 'field':
        return this.addField(item.label, item.parts, item.line, item.endLine);
      case 'checkin':
        return this.addCheckin(item);
      case 'row':
        return this.addRow(item.cells, item.table, item.line);
      case 'content':
        this.content++;
        return;
      case 'lesson':
        return;
    }
  }

  private question(kind: PlanQuestion['kind'], line: number, answered: boolean, leftover: string | undefined): void {
    this.questions.push({ kind, line, answered, leftover: answered ? undefined : leftover });
    if (answered) {
      this.content++;
    }
  }

  private addHeading(item: Extract<RawItem, { kind: 'heading' }>): void {
    this.heading ??= { text: item.text, level: item.level, line: item.line };
    const side = sideOfLabel(item.text);
    if (item.level >= 2) {
      this.side = side;
    }
    if (side && this.sides[side] === undefined) {
      this.sides[side] = { headingLine: item.line, answered: 0 };
    }
    this.matchShape(item.text, item.line);
  }

  private addText(text: string, line: number): void {
    if (this.matchShape(text, line)) {
      return;
    }
    if (this.isQuestion(text)) {
      this.question('line', line, false, text);
      return;
    }
    this.content++;
  }

  /** Checks a line against the section's template line shapes; true when it is one of them. */
  private matchShape(text: string, line: number): boolean {
    for (const shape of this.shapes) {
      const values = matchLineShape(text, shape);
      if (!values) {
        continue;
      }
      let leftover: string | undefined;
      let answered = true;
      values.forEach((value, position) => {
        if (shape.questions[position] === undefined) {
          return;
        }
        const trimmed = value.trim();
        if (trimmed === '' || this.isQuestion(trimmed)) {
          answered = false;
          leftover ??= trimmed === '' ? undefined : trimmed;
        }
      });
      this.question('line', line, answered, leftover);
      return true;
    }
    return false;
  }

  private addField(label: string, parts: readonly TextPart[], line: number, endLine: number): void {
    const answerLines: string[] = [];
    let leftover: string | undefined;
    for (const part of parts) {
      const text = part.text.trim();
      if (text === '') {
        continue;
      }
      if (this.isQuestion(text)) {
        leftover ??= text;
      } else {
        answerLines.push(text);
      }
    }
    const answered = answerLines.length > 0;
    this.fields.push({ label, answer: answered ? answerLines.join('\n') : undefined, question: answered ? undefined : leftover, line, endLine, side: this.side });
    this.question('field', line, answered, leftover);
    const sideBlock = this.side ? this.sides[this.side] : undefined;
    if (answered && sideBlock) {
      sideBlock.answered++;
    }
  }

  private addCheckin(item: Extract<RawItem, { kind: 'checkin' }>): void {
    const noteIsQuestion = item.note !== '' && this.isQuestion(item.note);
    this.checkins.push({ date: item.date, done: item.done, note: noteIsQuestion || item.note === '' ? undefined : item.note, line: item.line, marker: this.marker });
    if (!item.done || item.date === undefined) {
      this.question('checkin', item.line, item.date !== undefined && !noteIsQuestion, item.date === undefined ? UNFILLED_DATE : item.note);
    } else {
      this.content++;
    }
  }

  private addRow(cells: readonly string[], table: number, line: number): void {
    const isWorkloadTable = this.marker === 'workload' && table === 0;
    const valueCells = cells.slice(1);
    const leftover = valueCells.find((cell) => cell !== '' && this.isQuestion(cell));
    if (!isWorkloadTable && leftover === undefined) {
      this.content++;
      return;
    }
    const answered = valueCells.length > 0 && valueCells.every((cell) => cell !== '' && !this.isQuestion(cell));
    this.question('row', line, answered, leftover);
    if (!isWorkloadTable) {
      return;
    }
    const task = cells[1] ?? '';
    const effortText = cells[2] ?? '';
    if (task !== '' && !this.isQuestion(task)) {
      this.workload.push({ side: sideOfLabel(cells[0] ?? ''), task, effort: effortOf(effortText), effortText, answered, line });
    }
  }
}

function readSection(
  marker: string,
  markerLine: number,
  endLine: number,
  items: readonly RawItem[],
  knowledge: TemplateKnowledge,
  isQuestion: QuestionTest,
): PlanSection {
  const builder = new SectionBuilder(marker, knowledge.lineShapes.get(marker) ?? [], isQuestion);
  for (const item of items) {
    builder.add(item);
  }
  const answered = builder.questions.filter((question) => question.answered).length;
  const total = builder.questions.length;
  return {
    marker,
    markerLine,
    heading: builder.heading,
    line: builder.heading?.line ?? markerLine,
    endLine: Math.max(endLine, markerLine),
    fields: builder.fields,
    workload: builder.workload,
    checkins: builder.checkins,
    questions: builder.questions,
    answered,
    total,
    empty: total === 0 && builder.content === 0,
    sides: builder.sides,
  };
}

/** The plan's title (its first top-level heading) and the partner and start-date lines before the first section. */
function readPreamble(items: readonly RawItem[], knowledge: TemplateKnowledge, isQuestion: QuestionTest): Pick<PlanModel, 'title' | 'counterpart' | 'startDate'> {
  let title: PlanValue | undefined;
  let counterpart: PlanValue | undefined;
  let startDate: PlanValue | undefined;
  for (const item of items) {
    if (item.kind === 'heading' && item.level === 1 && title === undefined) {
      title = { text: titleText(item.text, knowledge, isQuestion), line: item.line };
    } else if (item.kind === 'text') {
      const colon = labelEnd(item.text);
      const label = colon < 0 ? '' : trimLabel(item.text.slice(0, colon));
      const value = item.text.slice(colon + 1).trim();
      const known = value === '' || isQuestion(value) ? undefined : value;
      if (counterpart === undefined && knowledge.counterpartLabels.has(label)) {
        counterpart = { text: known, line: item.line };
      } else if (startDate === undefined && knowledge.startLabels.has(label)) {
        startDate = { text: known, line: item.line };
      }
    }
  }
  return { title, counterpart, startDate };
}

/** The title as written; a template title keeps only what the user put in its blank. */
function titleText(heading: string, knowledge: TemplateKnowledge, isQuestion: QuestionTest): string | undefined {
  for (const shape of knowledge.titleShapes) {
    const values = matchLineShape(heading, shape);
    const value = values?.[0]?.trim();
    if (values && values.length === 1 && value !== undefined) {
      return value === '' || isQuestion(value) ? undefined : value;
    }
  }
  return heading === '' || isQuestion(heading) ? undefined : heading;
}

function labelEnd(text: string): number {
  const ascii = text.indexOf(':');
  const wide = text.indexOf('：');
  return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
}

/** The first number in an effort cell ("3 person-days", "3人天", "２.５"), if any. */
function effortOf(cell: string): number | undefined {
  const head = cell.slice(0, 200);
  const match = EFFORT_NUMBER.exec(FULL_WIDTH_DIGIT.test(head) ? head.normalize('NFKC') : head);
  return match ? Number(match[0]) : undefined;
}
