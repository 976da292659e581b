/** A CodeLens over each plan section: how many of its questions are answered; a click opens the lesson there. */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { sectionTitle } from '../../tips/sectionTitles';
import { PLAN_SELECTOR } from './planDocuments';
import type { PlanReports } from './planReports';

const OPEN_LESSON_COMMAND = 'collabCoach.openLesson';

export class SectionCodeLens extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly reports: PlanReports) {
    super();
    this._register(reports.onDidCheck(() => this.changed.fire()));
    this._register(reports.onDidRemove(() => this.changed.fire()));
    this._register(vscode.languages.registerCodeLensProvider(PLAN_SELECTOR, this));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.reports.get(document.uri);
    if (!entry) {
      return [];
    }
    const { language } = entry.report;
    return entry.report.sections
      .filter((section) => section.line < document.lineCount)
      .map((section) => {
        const title = vscode.l10n.t('Collab Coach: {0}', section.label[language]);
        const range = new vscode.Range(section.line, 0, section.line, 0);
        const command: vscode.Command = section.lessonSection
          ? {
              title,
              command: OPEN_LESSON_COMMAND,
              arguments: [section.lessonSection],
              tooltip: vscode.l10n.t('Open the lesson at "{0}"', sectionTitle(section.lessonSection, language)),
            }
          : { title, command: '' };
        return new vscode.CodeLens(range, command);
      });
  }
}
