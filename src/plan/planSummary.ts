/**
 * What the Plans view shows of a plan (pure): its name, partner, progress, a mark per principle,
 * the next check-in, and why it needs attention. Plans that need attention come first.
 */
import type { PlanReport } from './checker';
import type { PlanCheckin } from './planModel';
import type { FindingCode } from './rules';
import type { PrincipleId } from './sectionPrinciples';

/** Findings that make a plan need attention, in the order their reasons are listed. */
export const ATTENTION_CODES: readonly FindingCode[] = ['overdue-checkin', 'uneven-workload', 'one-sided-self-protection', 'missing-section'];

export interface PlanSummary {
  readonly title: string | undefined;
  readonly counterpart: string | undefined;
  readonly answered: number;
  readonly total: number;
  readonly principles: Readonly<Record<PrincipleId, boolean>>;
  /** The earliest open check-in from today on. */
  readonly nextCheckin: PlanCheckin | undefined;
  readonly overdue: readonly PlanCheckin[];
  /** Codes of the findings that need attention, each once, in ATTENTION_CODES order. */
  readonly attention: readonly FindingCode[];
}

export function summarizePlan(report: PlanReport, today: string): PlanSummary {
  const { model } = report;
  const open = model.checkins.filter((checkin) => !checkin.done && checkin.date !== undefined);
  const found = new Set(report.findings.map((finding) => finding.code));
  const overdueLines = new Set(report.findings.filter((finding) => finding.code === 'overdue-checkin').map((finding) => finding.line));
  return {
    title: model.title?.text,
    counterpart: model.counterpart?.text,
    answered: model.sections.reduce((sum, section) => sum + section.answered, 0),
    total: model.sections.reduce((sum, section) => sum + section.total, 0),
    principles: report.principlesPassing,
    nextCheckin: open.filter((checkin) => (checkin.date ?? '') >= today).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))[0],
    overdue: open.filter((checkin) => overdueLines.has(checkin.line)),
    attention: ATTENTION_CODES.filter((code) => found.has(code)),
  };
}

/** Plans needing attention first (most reasons first), then by name. */
export function comparePlans(a: { summary: PlanSummary; name: string }, b: { summary: PlanSummary; name: string }): number {
  const byAttention = b.summary.attention.length - a.summary.attention.length;
  if ((a.summary.attention.length > 0) !== (b.summary.attention.length > 0)) {
    return a.summary.attention.length > 0 ? -1 : 1;
  }
  return byAttention !== 0 ? byAttention : a.name.localeCompare(b.name);
}
