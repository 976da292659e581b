/**
 * The plan coach's rules (pure): small functions over the plan model, each finding what one
 * passage of the lesson would ask next. What they say is data (content/coach/messages.json, see
 * ruleMessages.ts); which principle and lesson section each plan section belongs to is the table
 * in sectionPrinciples.ts.
 */
import type { LessonSectionId } from '../content/sections';
import type { PlanModel, PlanSection, WorkloadRow } from './planModel';
import { isPlanSectionMarker, PRIMARY_PRINCIPLE, type PrincipleId, SECTION_LESSON_SOURCES } from './sectionPrinciples';
import type { PlanSectionMarker } from './templates';

export type FindingCode =
  | 'empty-section'
  | 'unanswered-questions'
  | 'no-shared-interest'
  | 'one-sided-self-protection'
  | 'uneven-workload'
  | 'overdue-checkin'
  | 'missing-section';

export type FindingSeverity = 'hint' | 'information' | 'warning';

/** What a user may set per rule code (`collabCoach.coach.rules`). */
export type RuleSeverity = 'off' | FindingSeverity;

export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning'];

/** A finding before it is put into words: what, where, and the values its message needs. */
export interface RuleFinding {
  readonly code: FindingCode;
  /** Marker of the section the finding sits in. */
  readonly marker: string;
  readonly line: number;
  readonly endLine?: number;
  readonly lessonSection: LessonSectionId;
  readonly principle: PrincipleId;
  /** For `missing-section`: the marker of the section to insert. */
  readonly missingMarker?: PlanSectionMarker;
  /** Which wording of the message (e.g. the side that is missing). */
  readonly variant?: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** One entry of the rule catalogue. */
export interface RuleDescription {
  readonly code: FindingCode;
  readonly defaultSeverity: FindingSeverity;
  /** The lesson section the rule comes from (where its code links to). */
  readonly lessonSection: LessonSectionId;
}

/**
 * Every rule, in the order the README lists them. Codes are stable: settings and comments name them.
 * Drafting progress (empty sections, open questions) is a hint: it shows in the editor, the CodeLens
 * and the Plans view, not in the Problems panel's count, so a new plan lists nothing there.
 */
export const RULES: readonly RuleDescription[] = [
  { code: 'empty-section', defaultSeverity: 'hint', lessonSection: 'self-check' },
  { code: 'unanswered-questions', defaultSeverity: 'hint', lessonSection: 'self-check' },
  { code: 'no-shared-interest', defaultSeverity: 'warning', lessonSection: 'principle-1' },
  { code: 'one-sided-self-protection', defaultSeverity: 'warning', lessonSection: 'example-finance' },
  { code: 'uneven-workload', defaultSeverity: 'warning', lessonSection: 'example-workload' },
  { code: 'overdue-checkin', defaultSeverity: 'warning', lessonSection: 'principle-3' },
  { code: 'missing-section', defaultSeverity: 'information', lessonSection: 'principles' },
];

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && RULES.some((rule) => rule.code === value);
}

/** Sections of the full plan, in template order. A unit test keeps this equal to full-plan.*.md. */
export const FULL_PLAN_MARKERS: readonly PlanSectionMarker[] = ['needs', 'shared-interest', 'self-protection', 'workload'];

/** Labels of the "their need" field (needs and quick-check sections), in every content language. */
export const THEIR_NEED_LABELS: readonly string[] = ['对方的诉求', 'Their need'];

/** Their side counts as carrying clearly more at this ratio of effort numbers, or with this many more rows. */
const UNEVEN_EFFORT_RATIO = 1.5;
const UNEVEN_EXTRA_ROWS = 2;

export interface RuleContext {
  readonly model: PlanModel;
  /** Today as `YYYY-MM-DD` (local), or undefined when no valid day was given. */
  readonly today: string | undefined;
}

function sectionFinding(
  code: FindingCode,
  marker: PlanSectionMarker,
  line: number,
  values: RuleFinding['values'],
  extra: Partial<Pick<RuleFinding, 'endLine' | 'lessonSection' | 'variant'>> = {},
): RuleFinding {
  return { code, marker, line, lessonSection: SECTION_LESSON_SOURCES[marker], principle: PRIMARY_PRINCIPLE[marker], values, ...extra };
}

/** Findings about each section: its specific rule if one applies, else empty / unanswered. */
export function sectionRules(context: RuleContext): RuleFinding[] {
  const { model } = context;
  const theirNeedAnswered = model.sections.some((section) => section.fields.some((field) => field.answer !== undefined && THEIR_NEED_LABELS.includes(field.label)));
  const hasDatedCheckin = model.checkins.some((checkin) => checkin.date !== undefined);
  const findings: RuleFinding[] = [];
  for (const section of model.sections) {
    if (!isPlanSectionMarker(section.marker)) {
      continue; // A team template's own section: we don't know what the lesson asks of it.
    }
    const specific = noSharedInterest(section, section.marker, theirNeedAnswered) ?? oneSidedSelfProtection(section, section.marker) ?? unevenWorkload(section, section.marker, hasDatedCheckin);
    if (specific) {
      findings.push(specific);
      if (specific.code !== 'uneven-workload') {
        continue; // It says more than "unanswered" would.
      }
    }
    const general = emptyOrUnanswered(section, section.marker);
    if (general) {
      findings.push(general);
    }
  }
  return findings;
}

function emptyOrUnanswered(section: PlanSection, marker: PlanSectionMarker): RuleFinding | undefined {
  if (section.empty) {
    return sectionFinding('empty-section', marker, section.line, {});
  }
  if (section.answered >= section.total) {
    return undefined;
  }
  const firstOpen = section.questions.find((question) => !question.answered);
  const leftover = section.questions.find((question) => !question.answered && question.leftover !== undefined)?.leftover;
  const values = { answered: section.answered, total: section.total, ...(leftover === undefined ? {} : { question: leftover }) };
  return sectionFinding('unanswered-questions', marker, firstOpen?.line ?? section.line, values, leftover === undefined ? {} : { variant: 'leftover' });
}

function noSharedInterest(section: PlanSection, marker: PlanSectionMarker, theirNeedAnswered: boolean): RuleFinding | undefined {
  if (marker !== 'shared-interest' || section.answered > 0 || !theirNeedAnswered) {
    return undefined;
  }
  return sectionFinding('no-shared-interest', marker, section.line, {}, { lessonSection: 'principle-1' });
}

function oneSidedSelfProtection(section: PlanSection, marker: PlanSectionMarker): RuleFinding | undefined {
  if (marker !== 'self-protection') {
    return undefined;
  }
  const { mine, theirs } = section.sides;
  const mineAnswered = (mine?.answered ?? 0) > 0;
  const theirsAnswered = (theirs?.answered ?? 0) > 0;
  if ((!mine && !theirs) || mineAnswered === theirsAnswered) {
    return undefined;
  }
  const missingSide = mineAnswered ? 'theirs' : 'mine';
  const line = section.sides[missingSide]?.headingLine ?? section.line;
  return sectionFinding('one-sided-self-protection', marker, line, {}, { lessonSection: 'example-finance', variant: missingSide });
}

function unevenWorkload(section: PlanSection, marker: PlanSectionMarker, hasDatedCheckin: boolean): RuleFinding | undefined {
  const offersSomething = section.fields.some((field) => field.answer !== undefined);
  if (marker !== 'workload' || offersSomething || hasDatedCheckin) {
    return undefined;
  }
  const load = unevenLoad(section.workload);
  if (!load) {
    return undefined;
  }
  const theirRows = section.workload.filter((row) => row.side === 'theirs');
  const first = theirRows[0]?.line ?? section.line;
  const last = theirRows[theirRows.length - 1]?.line ?? first;
  return sectionFinding('uneven-workload', marker, first, { theirs: load.theirs, mine: load.mine }, {
    lessonSection: 'example-workload',
    variant: load.unit,
    ...(last > first ? { endLine: last } : {}),
  });
}

/** Their side's load against mine, when they clearly carry more. */
export function unevenLoad(rows: readonly WorkloadRow[]): { unit: 'effort' | 'tasks'; theirs: number; mine: number } | undefined {
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

/** Open check-ins dated before today, with no check-in held since. */
export function overdueCheckins(context: RuleContext): RuleFinding[] {
  const { today, model } = context;
  if (today === undefined) {
    return [];
  }
  let lastHeld = '';
  for (const checkin of model.checkins) {
    if (checkin.done && checkin.date !== undefined && checkin.date > lastHeld) {
      lastHeld = checkin.date;
    }
  }
  const findings: RuleFinding[] = [];
  for (const checkin of model.checkins) {
    if (!checkin.done && checkin.date !== undefined && checkin.date < today && lastHeld < checkin.date) {
      findings.push({ code: 'overdue-checkin', marker: checkin.marker, line: checkin.line, lessonSection: 'principle-3', principle: 'principle-3', values: { date: checkin.date } });
    }
  }
  return findings;
}

/** Sections of the full plan that a plan holding some of them lacks. */
export function missingFullPlanSections(context: RuleContext): RuleFinding[] {
  const present = new Map<string, PlanSection>();
  for (const section of context.model.sections) {
    if (!present.has(section.marker)) {
      present.set(section.marker, section);
    }
  }
  if (!FULL_PLAN_MARKERS.some((marker) => present.has(marker))) {
    return [];
  }
  const findings: RuleFinding[] = [];
  FULL_PLAN_MARKERS.forEach((marker, order) => {
    if (present.has(marker)) {
      return;
    }
    // Point at the nearest full-plan section before it (or after it, if none comes before).
    const before = FULL_PLAN_MARKERS.slice(0, order).reverse().find((other) => present.has(other));
    const after = FULL_PLAN_MARKERS.slice(order + 1).find((other) => present.has(other));
    const anchor = present.get(before ?? after ?? marker);
    findings.push({
      code: 'missing-section',
      marker: anchor?.marker ?? marker,
      line: anchor?.line ?? 0,
      lessonSection: SECTION_LESSON_SOURCES[marker],
      principle: PRIMARY_PRINCIPLE[marker],
      values: {},
      missingMarker: marker,
    });
  });
  return findings;
}

/** Every rule over a plan, in document order. */
export function runRules(context: RuleContext): RuleFinding[] {
  const findings = [...sectionRules(context), ...overdueCheckins(context), ...missingFullPlanSections(context)];
  return findings.sort((a, b) => a.line - b.line);
}
