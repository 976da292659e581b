/**
 * The plan check (pure): the plan model, the rules over it, and their words, as one report that
 * the coach's adapters (diagnostics, CodeLens, tips in context, progress by practice) read.
 * checkPlan never throws, and runs in time linear in the text.
 */
import type { ContentLanguage } from '../content/language';
import type { LessonSectionId } from '../content/sections';
import { parsePlan, type PlanModel, type PlanSection } from './planModel';
import { findingMessage, type LocalizedText, sectionLabel } from './ruleMessages';
import { type FindingCode, type FindingSeverity, type RuleFinding, RULE_SEVERITIES, type RuleSeverity, RULES, runRules } from './rules';
import { isSuppressed, suppressedLines } from './suppression';
import { isPlanSectionMarker, type PrincipleId, SECTION_LESSON_SOURCES, SECTION_PRINCIPLES } from './sectionPrinciples';
import { localIsoDate } from './slug';
import type { TemplateKnowledge } from './templateKnowledge';

export type { FindingCode, FindingSeverity, LocalizedText, RuleSeverity };
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
  /** Findings hidden by a `collab-coach-disable` comment or a rule set to `off`. */
  readonly hidden: number;
  /** A principle passes when the plan has sections belonging to it and none of them has a finding. */
  readonly principlesPassing: Readonly<Record<PrincipleId, boolean>>;
}

export interface CheckOptions {
  /** Check-ins dated before this (local) day are due. */
  readonly today: Date;
  readonly language?: ContentLanguage;
  /** What the templates ask; without it only empty answers and unfilled dates count as unanswered. */
  readonly knowledge?: TemplateKnowledge;
  /** Severity per rule code (`collabCoach.coach.rules`); `off` hides a rule's findings. */
  readonly severities?: Readonly<Partial<Record<string, RuleSeverity>>>;
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
  const all = runRules({ model, today });
  const suppressed = suppressedLines(model.directives, model.lineCount);
  const findings: PlanFinding[] = [];
  for (const finding of all) {
    const severity = severityOf(finding.code, options.severities);
    if (severity !== 'off' && !isSuppressed(suppressed, finding.code, finding.line)) {
      findings.push(toPlanFinding(finding, severity, messageOf(finding)));
    }
  }
  return {
    language: options.language ?? model.language,
    model,
    sections: model.sections.map(sectionState),
    findings,
    hidden: all.length - findings.length,
    // Hidden findings still count: switching a rule off never makes a plan practise a principle.
    principlesPassing: principlesPassing(model.sections, all),
  };
}

function severityOf(code: FindingCode, severities: CheckOptions['severities']): RuleSeverity {
  const chosen = severities?.[code];
  return chosen !== undefined && RULE_SEVERITIES.includes(chosen) ? chosen : (DEFAULT_SEVERITY.get(code) ?? 'information');
}

function toPlanFinding(finding: RuleFinding, severity: FindingSeverity, message: LocalizedText): PlanFinding {
  return {
    code: finding.code,
    marker: finding.marker,
    line: finding.line,
    ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
    lessonSection: finding.lessonSection,
    principle: finding.principle,
    ...(finding.missingMarker === undefined ? {} : { missingMarker: finding.missingMarker }),
    severity,
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

function principlesPassing(sections: readonly PlanSection[], findings: readonly RuleFinding[]): Record<PrincipleId, boolean> {
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
