/**
 * The plan coach (a lazily loaded chunk, dist/coach.js): planWatcher.ts loads it only once a
 * document holds Collab Coach markers. It wires small units around one store of reports:
 * diagnostics, quick fixes, section CodeLens, tips in context and progress by practice.
 */
import type * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import type { ProgressStore } from '../../lesson/vscode/progress';
import type { DailyTipController } from '../../tips/vscode/dailyTip';
import type { PlanReport } from '../checker';
import { CoachCodeActions } from './coachCodeActions';
import { CoachDiagnostics } from './coachDiagnostics';
import { CoachTemplates } from './coachTemplates';
import { PlanReports } from './planReports';
import { PracticeRecorder } from './practiceRecorder';
import { SectionCodeLens } from './sectionCodeLens';
import { SectionTipFollower } from './sectionTipFollower';

export { DIAGNOSTIC_SOURCE } from './coachDiagnostics';

export interface CoachFeature extends vscode.Disposable {
  /** Checks a plan document now (the watcher debounces edits before calling this). */
  checkDocument(document: vscode.TextDocument): void;
  /** Forgets a document that closed or no longer holds markers, clearing its diagnostics. */
  closeDocument(document: vscode.TextDocument): void;
  /** The latest report for a document, if it is a plan (for tests). */
  report(uri: vscode.Uri): PlanReport | undefined;
}

export interface CoachDependencies {
  readonly progress: ProgressStore;
  readonly tip: DailyTipController;
  readonly log: Log;
}

class Coach extends Disposable implements CoachFeature {
  private readonly reports: PlanReports;

  constructor(extensionUri: vscode.Uri, deps: CoachDependencies) {
    super();
    const templates = new CoachTemplates(extensionUri, deps.log);
    this.reports = this._register(new PlanReports(templates));
    this._register(new CoachDiagnostics(this.reports));
    this._register(new CoachCodeActions(this.reports, templates));
    this._register(new SectionCodeLens(this.reports));
    this._register(new SectionTipFollower(this.reports, deps.tip));
    this._register(new PracticeRecorder(this.reports, deps.progress, deps.log));
  }

  checkDocument(document: vscode.TextDocument): void {
    this.reports.check(document);
  }

  closeDocument(document: vscode.TextDocument): void {
    this.reports.remove(document.uri);
  }

  report(uri: vscode.Uri): PlanReport | undefined {
    return this.reports.get(uri)?.report;
  }
}

export function createCoachFeature(context: vscode.ExtensionContext, deps: CoachDependencies): CoachFeature {
  const coach = new Coach(context.extensionUri, deps);
  context.subscriptions.push(coach);
  return coach;
}
