/** While the cursor is in a plan section, the status-bar tip follows that section's part of the lesson. */
import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../../base/dispose';
import type { DailyTipController } from '../../tips/vscode/dailyTip';
import type { PlanReports } from './planReports';

export class SectionTipFollower extends Disposable {
  private shownSection: string | undefined;

  constructor(
    private readonly reports: PlanReports,
    private readonly tip: DailyTipController,
  ) {
    super();
    this._register(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) {
          this.follow(event.textEditor);
        }
      }),
    );
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
    this._register(
      reports.onDidCheck(({ document }) => {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document === document) {
          this.follow(editor);
        }
      }),
    );
    this._register(reports.onDidRemove(() => this.follow(vscode.window.activeTextEditor)));
    // Leaving, the tip goes back to the daily one.
    this._register(toDisposable(() => this.show(undefined)));
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const entry = editor ? this.reports.get(editor.document.uri) : undefined;
    const line = editor?.selection.active.line;
    const section = entry && line !== undefined ? entry.report.sections.find((candidate) => candidate.markerLine <= line && line <= candidate.endLine) : undefined;
    this.show(section?.lessonSection);
  }

  private show(sectionId: string | undefined): void {
    if (sectionId !== this.shownSection) {
      this.shownSection = sectionId;
      this.tip.showSectionTip(sectionId);
    }
  }
}
