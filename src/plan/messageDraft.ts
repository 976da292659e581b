/**
 * The message to the other department (pure): a plan's answers turned into what they read, in the
 * plan's language and in the kickoff note's order — what is in it for them, how we keep them
 * covered, what we will take on, what we can ask for together, when we check in together, and a
 * proposed next step. Our side's own notes (how we report upward, the risks we carry, our need),
 * template questions, unanswered blanks and lesson lines are never in it: the message reads only
 * the answers content/message/messages.json names. A part whose answers are all missing is left
 * out, and the questions to answer are listed with their lines.
 *
 * Answers are the user's Markdown source; they are escaped so a Markdown renderer shows them as
 * written (markup and HTML stay text) and the message passes markdownlint.
 */
import * as words from '../../content/message/messages.json';
import type { ContentLanguage } from '../content/language';
import type { PlanField, PlanModel, Side, WorkloadRow } from './planModel';
import { fillMessage } from './ruleMessages';

type Words = Readonly<Record<ContentLanguage, string>>;

interface FieldSource {
  readonly marker: string;
  readonly side?: string;
  readonly labels: readonly string[];
}

interface ItemWords {
  readonly label?: Words;
  readonly field?: FieldSource;
  readonly rows?: string;
  readonly checkins?: boolean;
}

interface PartWords {
  readonly id: string;
  readonly heading: Words;
  readonly intro?: Words;
  readonly items: readonly ItemWords[];
}

const PARTS: readonly PartWords[] = words.parts;
const MISSING_LABELS: Readonly<Record<'title' | 'counterpart' | 'row' | 'checkin', Words>> = words.missing;

/** A question the message needs answered, and the plan line to answer it on. */
export interface MissingAnswer {
  /** The question's label as the plan writes it (or the message's name for it). */
  readonly label: string;
  /** 0-based line in the plan. */
  readonly line: number;
}

export interface MessageDraft {
  readonly language: ContentLanguage;
  /** The message as Markdown, ending with one newline. */
  readonly text: string;
  /** The other department, if the plan names it. */
  readonly counterpart: string | undefined;
  /** Ids of the parts in the message, in order. */
  readonly parts: readonly string[];
  /** Ids of the parts left out because none of their answers is written yet. */
  readonly leftOut: readonly string[];
  /** Questions whose answers the message needs, in plan order. */
  readonly missing: readonly MissingAnswer[];
}

export interface DraftOptions {
  /** Today as `YYYY-MM-DD`: check-ins before it are not proposed. */
  readonly today?: string;
}

/** The part ids in message order (the kickoff note's order). */
export const MESSAGE_PART_IDS: readonly string[] = PARTS.map((part) => part.id);

/** The headings of the message's parts in a language, in order. */
export function messagePartHeadings(language: ContentLanguage): string[] {
  return PARTS.map((part) => part.heading[language]);
}

/** The plan's counterpart, as the command's title and notification name it. */
export function messageCounterpart(model: PlanModel): string | undefined {
  return cleanValue(model.counterpart?.text);
}

/** Drafts the message from a plan. Never throws. */
export function draftMessage(model: PlanModel, options: DraftOptions = {}): MessageDraft {
  const language = model.language;
  const missing: MissingAnswer[] = [];
  const title = cleanValue(model.title?.text);
  const counterpart = messageCounterpart(model);
  if (model.title && title === undefined) {
    missing.push({ label: MISSING_LABELS.title[language], line: model.title.line });
  }
  if (model.counterpart && counterpart === undefined) {
    missing.push({ label: MISSING_LABELS.counterpart[language], line: model.counterpart.line });
  }
  const blocks: string[] = [`# ${title ? fillMessage(words.title[language], { title: escapeMarkdown(headingText(title)) }) : words.titleWithoutName[language]}`];
  const namedCounterpart = counterpart === undefined ? undefined : escapeMarkdown(counterpart);
  blocks.push(namedCounterpart ? fillMessage(words.greeting[language], { counterpart: namedCounterpart }) : words.greetingWithoutName[language]);
  if (title) {
    blocks.push(fillMessage(words.opening[language], { counterpart: namedCounterpart ?? words.you[language], title: escapeMarkdown(sentenceText(title)) }));
  }
  const included: string[] = [];
  const leftOut: string[] = [];
  const reader = new AnswerReader(model, language, options.today, missing);
  for (const part of PARTS) {
    const body = part.items.map((item) => reader.item(item)).filter((text): text is string => text !== undefined);
    if (body.length === 0) {
      leftOut.push(part.id);
      continue;
    }
    included.push(part.id);
    blocks.push(`## ${part.heading[language]}`, ...(part.intro ? [part.intro[language]] : []), body.join('\n'));
  }
  const nextDate = reader.openCheckins()[0]?.date;
  blocks.push(nextDate ? fillMessage(words.nextStep[language], { date: nextDate }) : words.nextStepWithoutDate[language]);
  return {
    language,
    text: blocks.join('\n\n') + '\n',
    counterpart,
    parts: included,
    leftOut,
    missing: missing.filter((answer, index) => missing.findIndex((other) => other.line === answer.line) === index).sort((a, b) => a.line - b.line),
  };
}

/** Reads the answers an item names, noting the ones still missing. */
class AnswerReader {
  constructor(
    private readonly model: PlanModel,
    private readonly language: ContentLanguage,
    private readonly today: string | undefined,
    private readonly missing: MissingAnswer[],
  ) {}

  /** The item's Markdown (a list item, or a paragraph when it has no label), or undefined when it has no answer. */
  item(item: ItemWords): string | undefined {
    const label = item.label?.[this.language];
    if (item.field) {
      const answer = this.field(item.field);
      return answer === undefined ? undefined : label === undefined ? escapeLines(answer, '') : `${this.labelled(label)}${escapeLines(answer, '  ')}`;
    }
    if (item.rows === 'mine' || item.rows === 'theirs') {
      const rows = this.rows(item.rows);
      if (rows.length === 0 || label === undefined) {
        return undefined;
      }
      return rows.length === 1 ? `${this.labelled(label)}${rows[0] ?? ''}` : [this.labelled(label).trimEnd(), ...rows.map((row) => `  - ${row}`)].join('\n');
    }
    if (item.checkins) {
      this.noteUnfilledCheckins();
      const dates = this.openCheckins().map((checkin) => `- ${checkin.date ?? ''}`);
      return dates.length === 0 ? undefined : dates.join('\n');
    }
    return undefined;
  }

  /** A list item's start: its label in bold and the language's colon. */
  private labelled(label: string): string {
    return `- **${label}**${words.labelEnd[this.language]}`;
  }

  /** Open check-ins with a date from today on, earliest first; unfilled dates are missing. */
  openCheckins(): { date: string | undefined; line: number }[] {
    return this.model.checkins
      .filter((checkin) => !checkin.done && checkin.date !== undefined && (this.today === undefined || checkin.date >= this.today))
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.line - b.line);
  }

  private field(source: FieldSource): string | undefined {
    const fields = this.model.sections
      .filter((section) => section.marker === source.marker)
      .flatMap((section) => section.fields)
      .filter((field) => source.labels.includes(field.label) && (source.side === undefined || field.side === source.side));
    const answered = fields.map((field) => field.answer).filter((answer): answer is string => answer !== undefined);
    if (answered.length === 0) {
      this.noteMissing(fields);
    }
    return answered.length === 0 ? undefined : answered.join('\n');
  }

  private noteMissing(fields: readonly PlanField[]): void {
    for (const field of fields) {
      this.missing.push({ label: field.label, line: field.line });
    }
  }

  private rows(side: Side): string[] {
    const rows: WorkloadRow[] = this.model.sections.filter((section) => section.marker === 'workload').flatMap((section) => section.workload);
    const unansweredRows = this.model.sections
      .filter((section) => section.marker === 'workload')
      .flatMap((section) => section.questions)
      .filter((question) => question.kind === 'row' && !question.answered);
    const written = rows.filter((row) => row.side === side);
    const writtenLines = new Set(rows.map((row) => row.line));
    for (const question of unansweredRows) {
      const row = written.find((candidate) => candidate.line === question.line);
      // A row with no task written belongs to no side yet: noted once, with the rows of my side.
      if (row || (side === 'mine' && !writtenLines.has(question.line))) {
        this.missing.push({ label: MISSING_LABELS.row[this.language], line: question.line });
      }
    }
    return written.map((row) => {
      const task = escapeMarkdown(oneLine(row.task));
      return row.answered && row.effortText.trim() !== '' ? fillMessage(words.rowWithEffort[this.language], { task, effort: escapeMarkdown(oneLine(row.effortText)) }) : task;
    });
  }

  /** Unfilled check-in dates are missing answers of the check-in part. */
  private noteUnfilledCheckins(): void {
    for (const checkin of this.model.checkins) {
      if (!checkin.done && checkin.date === undefined) {
        this.missing.push({ label: MISSING_LABELS.checkin[this.language], line: checkin.line });
      }
    }
  }
}

const SENTENCE_END = /[\s.,;:!?。，；：！？、]+$/u;

/** A preamble value, trimmed; undefined when empty. */
function cleanValue(text: string | undefined): string | undefined {
  const trimmed = oneLine(text ?? '');
  return trimmed === '' ? undefined : trimmed;
}

/** Text for a heading: markdownlint (MD026) rejects trailing punctuation there. */
function headingText(text: string): string {
  return text.replace(SENTENCE_END, '') || text;
}

/** Text inside a sentence the message ends itself. */
function sentenceText(text: string): string {
  return text.replace(SENTENCE_END, '') || text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown characters that can start markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_[\]<>|~$]/g;
/** `&name;` and `&#123;` would render as the character they name. */
const ENTITY_START = /&(?=#?[0-9A-Za-z]+;)/g;
/** What markdownlint (MD034) and linkifiers read as a bare link: `scheme://`, `a@b`, `www.`. */
const BARE_LINK = /(?<=[A-Za-z0-9])(:\/\/|@)|(?<![A-Za-z0-9])(www)\./gi;
/** A line starting with these is a heading, quote, list item, rule or setext underline. */
const LINE_START_MARKUP = /^(?:[#>+=-]|(\d{1,9})([.)]))/;

/** Escapes one line of an answer so any Markdown renderer shows it as written. */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\t/g, ' ')
    .replace(INLINE_MARKUP, '\\$&')
    .replace(ENTITY_START, '\\&')
    .replace(BARE_LINK, (whole, separator: string | undefined, www: string | undefined) => (www ? `${www}\\.` : `\\${separator ?? whole}`));
  return inline.replace(LINE_START_MARKUP, (whole, digits: string | undefined, mark: string | undefined) => (digits && mark ? `${digits}\\${mark}` : `\\${whole}`));
}

/** An answer's lines escaped, the lines after the first indented to stay in their list item. */
function escapeLines(answer: string, indent: string): string {
  return answer
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .filter((line) => line !== '')
    .join(`\n${indent}`);
}
