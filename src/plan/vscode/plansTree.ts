/**
 * The Plans view: every plan of the workspace with its progress, a mark per principle, the next
 * check-in and, first, the plans that need attention and why. Under each plan, its overdue
 * check-ins and its sections; a click opens the plan there. A badge counts the plans that need
 * attention. The view itself is created at activation (plansView.ts) and asks this for its rows.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { localIsoDate } from '../slug';
import type { PlanReport, PlanSectionState } from '../checker';
import { comparePlans, type PlanSummary, summarizePlan } from '../planSummary';
import type { PlanCheckin } from '../planModel';
import type { FindingCode } from '../rules';
import type { IndexedPlan, PlanIndex } from './planIndex';

export type PlanTreeNode =
  | { readonly kind: 'plan'; readonly uri: vscode.Uri; readonly plan: IndexedPlan; readonly summary: PlanSummary; readonly item: vscode.TreeItem }
  | { readonly kind: 'overdue'; readonly uri: vscode.Uri; readonly checkin: PlanCheckin; readonly item: vscode.TreeItem }
  | { readonly kind: 'section'; readonly uri: vscode.Uri; readonly section: PlanSectionState; readonly item: vscode.TreeItem };

/** What the view needs from the host: set its badge, and redraw. */
export interface PlansViewHost {
  setBadge(count: number, tooltip: string): void;
  refresh(): void;
}

const PRINCIPLE_MARKS = ['①', '②', '③'] as const;

export function attentionReason(code: FindingCode): string {
  switch (code) {
    case 'overdue-checkin':
      return vscode.l10n.t('a check-in is overdue');
    case 'uneven-workload':
      return vscode.l10n.t('one side carries clearly more, with nothing given back');
    case 'one-sided-self-protection':
      return vscode.l10n.t('only one side is covered');
    default:
      return vscode.l10n.t('sections of the full plan are missing');
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function openAt(uri: vscode.Uri, line: number): vscode.Command {
  const position = new vscode.Range(line, 0, line, 0);
  return { title: vscode.l10n.t('Open the plan here'), command: 'vscode.open', arguments: [uri, { selection: position, preview: false }] };
}

export class PlansTree extends Disposable {
  /** Each report's summary, made once: a change to one plan re-summarizes that plan only. */
  private readonly summaries = new WeakMap<PlanReport, { readonly day: string; readonly summary: PlanSummary }>();

  constructor(
    private readonly index: PlanIndex,
    private readonly host: PlansViewHost,
  ) {
    super();
    this._register(index.onDidChange(() => this.update()));
  }

  /** The rows under `element` (the plans at the top). Waits for the first scan. */
  async getChildren(element?: PlanTreeNode): Promise<PlanTreeNode[]> {
    if (!element) {
      return this.planNodes(await this.index.all());
    }
    if (element.kind !== 'plan') {
      return [];
    }
    const overdue = element.summary.overdue.map((checkin): PlanTreeNode => ({ kind: 'overdue', uri: element.uri, checkin, item: this.overdueItem(element.uri, checkin) }));
    const sections = element.plan.report.sections.map((section): PlanTreeNode => ({ kind: 'section', uri: element.uri, section, item: this.sectionItem(element, section) }));
    return [...overdue, ...sections];
  }

  /** The plans as the view lists them, for tests and the badge. */
  planNodes(plans: readonly IndexedPlan[]): Extract<PlanTreeNode, { kind: 'plan' }>[] {
    const today = localIsoDate(new Date());
    return plans
      .map((plan) => ({ plan, summary: this.summaryOf(plan.report, today), name: fileName(plan.uri) }))
      .sort(
        (a, b) =>
          comparePlans({ summary: a.summary, name: a.summary.title ?? a.name }, { summary: b.summary, name: b.summary.title ?? b.name }) ||
          a.plan.uri.toString().localeCompare(b.plan.uri.toString()),
      )
      .map(({ plan, summary }) => ({ kind: 'plan', uri: plan.uri, plan, summary, item: this.planItem(plan, summary) }));
  }

  private summaryOf(report: PlanReport, today: string): PlanSummary {
    const known = this.summaries.get(report);
    if (known && known.day === today) {
      return known.summary;
    }
    const summary = summarizePlan(report, today);
    this.summaries.set(report, { day: today, summary });
    return summary;
  }

  private update(): void {
    const nodes = this.planNodes(this.index.known());
    const needing = nodes.filter((node) => node.summary.attention.length > 0).length;
    this.host.setBadge(needing, needing === 1 ? vscode.l10n.t('1 plan needs attention') : vscode.l10n.t('{0} plans need attention', needing));
    this.host.refresh();
  }

  private planItem(plan: IndexedPlan, summary: PlanSummary): vscode.TreeItem {
    const item = new vscode.TreeItem(summary.title ?? fileName(plan.uri), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = plan.uri.toString();
    const marks = PRINCIPLE_MARKS.map((mark, index) => `${mark}${summary.principles[`principle-${index + 1}` as 'principle-1'] ? '✓' : '·'}`).join(' ');
    const parts = [
      summary.counterpart ?? '',
      vscode.l10n.t('{0}/{1} answered', summary.answered, summary.total),
      marks,
      summary.nextCheckin?.date ? vscode.l10n.t('next check-in {0}', summary.nextCheckin.date) : '',
    ];
    item.description = parts.filter((part) => part !== '').join(' · ');
    const reasons = summary.attention.map(attentionReason);
    item.tooltip = new vscode.MarkdownString(
      [`**${summary.title ?? fileName(plan.uri)}**`, vscode.workspace.asRelativePath(plan.uri), ...reasons.map((reason) => `- ⚠ ${reason}`)].join('\n\n'),
    );
    item.iconPath = summary.attention.length > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('checklist');
    item.accessibilityInformation = {
      label: [item.label, item.description, reasons.length > 0 ? vscode.l10n.t('needs attention: {0}', reasons.join('; ')) : ''].filter(Boolean).join(', '),
    };
    item.contextValue = summary.attention.includes('missing-section') ? 'collabCoach.plan.missingSections' : 'collabCoach.plan';
    item.resourceUri = plan.uri;
    item.command = openAt(plan.uri, plan.report.model.title?.line ?? 0);
    return item;
  }

  private overdueItem(uri: vscode.Uri, checkin: PlanCheckin): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Overdue check-in {0}', checkin.date ?? ''), vscode.TreeItemCollapsibleState.None);
    item.description = checkin.note ?? '';
    item.iconPath = new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = openAt(uri, checkin.line);
    item.contextValue = 'collabCoach.overdueCheckin';
    return item;
  }

  private sectionItem(plan: Extract<PlanTreeNode, { kind: 'plan' }>, section: PlanSectionState): vscode.TreeItem {
    const heading = plan.plan.report.model.sections.find((candidate) => candidate.markerLine === section.markerLine)?.heading?.text;
    const item = new vscode.TreeItem(heading ?? section.marker, vscode.TreeItemCollapsibleState.None);
    item.id = `${plan.uri.toString()}#${section.markerLine}`;
    item.description = section.label[plan.plan.report.language];
    item.iconPath = new vscode.ThemeIcon(section.total > 0 && section.answered === section.total ? 'pass' : 'circle-large-outline');
    item.command = openAt(plan.uri, section.line);
    item.contextValue = section.lessonSection ? 'collabCoach.planSection' : 'collabCoach.teamSection';
    return item;
  }
}
