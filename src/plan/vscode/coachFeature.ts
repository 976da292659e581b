/**
 * The plan coach (a lazily loaded chunk, dist/coach.js): loaded once a document holds Collab Coach
 * markers, the Plans view is opened, or the workspace is found to hold a plan. It wires small units
 * around one store of reports (open documents) and one index (every plan of the workspace):
 * diagnostics, quick fixes and fix-all, section CodeLens, tips in context, progress by practice,
 * the Plans view and check-in reminders.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import type { ProgressStore } from '../../lesson/vscode/progress';
import type { DailyTipController } from '../../tips/vscode/dailyTip';
import type { PlanReport } from '../checker';
import { CheckinReminders, type ReminderState } from './checkinReminders';
import { CoachCodeActions, fixAllEdit } from './coachCodeActions';
import { coachScope } from './coachSettings';
import { PlanIndex } from './planIndex';
import { type PlansViewHost, PlansTree, type PlanTreeNode } from './plansTree';
import { CoachDiagnostics } from './coachDiagnostics';
import { CoachTemplates } from './coachTemplates';
import { type CheckReason, PlanReports } from './planReports';
import { PracticeRecorder } from './practiceRecorder';
import type { TemplateCatalogue } from './templateCatalogue';
import { SectionCodeLens } from './sectionCodeLens';
import { SectionTipFollower } from './sectionTipFollower';

export { DIAGNOSTIC_SOURCE } from './coachDiagnostics';

export interface CoachFeature extends vscode.Disposable {
  /** Checks a plan document now (the watcher debounces edits before calling this). */
  checkDocument(document: vscode.TextDocument, reason?: CheckReason): void;
  /** Forgets a document that closed or no longer holds markers, clearing its diagnostics. */
  closeDocument(document: vscode.TextDocument): void;
  /** The latest report for a document, if it is a plan (for tests). */
  report(uri: vscode.Uri): PlanReport | undefined;
  /** The Plans view's rows. */
  plansTree(element?: PlanTreeNode): Promise<PlanTreeNode[]>;
  /** Every plan of the workspace, with its findings in the Problems panel, open or not. Returns how many. */
  checkAllPlans(): Promise<number>;
  /** Inserts every missing section of the full plan into a plan (the active editor's by default), one undo. */
  fixAll(uri?: vscode.Uri): Promise<boolean>;
  /** Looks at the workspace (after startup, when it holds a plan) and shows the day's reminder. */
  startWorkspace(): Promise<void>;
  readonly index: PlanIndex;
  readonly reminders: CheckinReminders;
}

export interface CoachDependencies {
  readonly progress: ProgressStore;
  readonly tip: DailyTipController;
  readonly log: Log;
  readonly plansView: PlansViewHost;
  /** Where reminders keep the day they were shown (the workspace's state). */
  readonly state: ReminderState;
  /** The one template catalogue, shared with Insert and New Plan. */
  readonly catalogue: TemplateCatalogue;
}

class Coach extends Disposable implements CoachFeature {
  private readonly reports: PlanReports;
  private readonly templates: CoachTemplates;
  private readonly diagnostics: CoachDiagnostics;
  private readonly tree: PlansTree;
  private showAllFindings = false;
  readonly index: PlanIndex;
  readonly reminders: CheckinReminders;

  constructor(private readonly deps: CoachDependencies) {
    super();
    this.templates = new CoachTemplates(deps.catalogue);
    this.reports = this._register(new PlanReports(this.templates));
    this.diagnostics = this._register(new CoachDiagnostics(this.reports));
    this._register(new CoachCodeActions(this.reports, this.templates));
    this._register(new SectionCodeLens(this.reports));
    this._register(new SectionTipFollower(this.reports, deps.tip));
    this._register(new PracticeRecorder(this.reports, deps.progress, deps.log));
    this.index = this._register(new PlanIndex(this.templates, this.reports, deps.log));
    this.tree = this._register(new PlansTree(this.index, deps.plansView));
    this.reminders = this._register(new CheckinReminders(this.index, deps.state, deps.log));
    this._register(
      this.index.onDidChange(() => {
        if (this.showAllFindings || coachScope() === 'workspace') {
          this.diagnostics.publishPlans(this.index.known());
        }
      }),
    );
  }

  plansTree(element?: PlanTreeNode): Promise<PlanTreeNode[]> {
    return this.tree.getChildren(element);
  }

  async checkAllPlans(): Promise<number> {
    this.showAllFindings = true;
    await this.index.rescan();
    const plans = await this.index.all();
    this.diagnostics.publishPlans(plans);
    return plans.length;
  }

  async fixAll(uri?: vscode.Uri): Promise<boolean> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan to insert its missing sections.'));
      return false;
    }
    const document = await vscode.workspace.openTextDocument(target);
    const { fullPlans } = await this.templates.load();
    const language = this.reports.get(target)?.report.language ?? this.index.get(target)?.report.language ?? [...fullPlans.keys()][0] ?? 'en';
    const edit = fixAllEdit(document, this.templates, language);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This plan has every section of the full plan.'));
      return false;
    }
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) {
      this.deps.log.error(`Could not insert the missing sections into ${target.toString(true)}: the editor did not accept the edit.`);
    }
    return applied;
  }

  async startWorkspace(): Promise<void> {
    await this.index.ensureScanned();
    await this.reminders.checkNow();
  }

  checkDocument(document: vscode.TextDocument, reason: CheckReason = 'open'): void {
    this.reports.check(document, reason);
  }

  closeDocument(document: vscode.TextDocument): void {
    this.reports.remove(document.uri);
  }

  report(uri: vscode.Uri): PlanReport | undefined {
    return this.reports.get(uri)?.report;
  }
}

export function createCoachFeature(context: vscode.ExtensionContext, deps: CoachDependencies): CoachFeature {
  const coach = new Coach(deps);
  context.subscriptions.push(coach);
  return coach;
}
