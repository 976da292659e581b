/**
 * The plan check (pure): the plan model, the rules over it, and their words, as one report that
 * the coach's adapters (diagnostics, CodeLens, tips in context, progress by practice) read.
 * checkPlan never throws, and runs in time linear in the text.
 */
import type { ContentLanguage } from '../content/language';
import type { LessonSectionId } from '../content/sections';
import { parsePlan, type PlanModel, type PlanSection } from './planModel';
import { findingMessage, type LocalizedText, sectionLabel } from './ruleMessages';
import { type FindingCode, type FindingSeverity, type RuleFinding, RULES, runRules } from './rules';
import { isPlanSectionMarker, type PrincipleId, SECTION_LESSON_SOURCES, SECTION_PRINCIPLES } from './sectionPrinciples';
import { localIsoDate } from './slug';
import type { TemplateKnowledge } from './templateKnowledge';

export type { FindingCode, FindingSeverity, LocalizedText };
export { FULL_PLAN_MARKERS, THEIR_NEED_LABELS } from './rules';

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
  readonly model: PlanModel;
  readonly sections: readonly PlanSectionState[];
  readonly findings: readonly PlanFinding[];
  /** A principle passes when the plan has sections belonging to it and none of them has a finding. */
  readonly principlesPassing: Readonly<Record<PrincipleId, boolean>>;
}

export interface CheckOptions {
  /** Check-ins dated before this (local) day are due. */
  readonly today: Date;
  readonly language?: ContentLanguage;
  /** What the templates ask; without it only empty answers and unfilled dates count as unanswered. */
  readonly knowledge?: TemplateKnowledge;
}

const DEFAULT_SEVERITY: ReadonlyMap<FindingCode, FindingSeverity> = new Map(RULES.map((rule) => [rule.code, rule.defaultSeverity]));

/** Checks a plan. Never throws; runs in time linear in the text. */
export function checkPlan(text: string, options: CheckOptions): PlanReport {
  const model = parsePlan(text, options.knowledge);
  const today = options.today instanceof Date && !Number.isNaN(options.today.getTime()) ? localIsoDate(options.today) : undefined;
  // Findings that read the same share one message (a plan may hold thousands of the same kind).
  const messages = new Map<string, LocalizedText>();
  const messageOf = (finding: RuleFinding): LocalizedText => {
    const key = JSON.stringify([finding.code, finding.variant, finding.marker, finding.missingMarker, finding.values]);
    let message = messages.get(key);
    if (!message) {
      message = findingMessage(finding, model.sections);
      messages.set(key, message);
    }
    return message;
  };
  const findings = runRules({ model, today }).map((finding) => toPlanFinding(finding, messageOf(finding)));
  return {
    language: options.language ?? model.language,
    model,
    sections: model.sections.map(sectionState),
    findings,
    principlesPassing: principlesPassing(model.sections, findings),
  };
}

function toPlanFinding(finding: RuleFinding, message: LocalizedText): PlanFinding {
  return {
    code: finding.code,
    marker: finding.marker,
    line: finding.line,
    ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
    lessonSection: finding.lessonSection,
    principle: finding.principle,
    ...(finding.missingMarker === undefined ? {} : { missingMarker: finding.missingMarker }),
    severity: DEFAULT_SEVERITY.get(finding.code) ?? 'information',
    message,
  };
}

function sectionState(section: PlanSection): PlanSectionState {
  return {
    marker: section.marker,
    markerLine: section.markerLine,
    line: section.line,
    endLine: section.endLine,
    answered: section.answered,
    total: section.total,
    empty: section.empty,
    lessonSection: isPlanSectionMarker(section.marker) ? SECTION_LESSON_SOURCES[section.marker] : undefined,
    label: sectionLabel(section),
  };
}

function principlesPassing(sections: readonly PlanSection[], findings: readonly PlanFinding[]): Record<PrincipleId, boolean> {
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
  return {
    'principle-1': practised.has('principle-1') && !failing.has('principle-1'),
    'principle-2': practised.has('principle-2') && !failing.has('principle-2'),
    'principle-3': practised.has('principle-3') && !failing.has('principle-3'),
  };
}
