/**
 * A CodeLens over each plan section: how many of its questions are answered; a click opens the
 * lesson there. Over the plan's title, one more: draft the message to the other department.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { sectionTitle } from '../../tips/sectionTitles';
import { PLAN_SELECTOR } from './planDocuments';
import type { PlanReport } from '../checker';
import type { PlanReports } from './planReports';

const OPEN_LESSON_COMMAND = 'collabCoach.openLesson';
const DRAFT_MESSAGE_COMMAND = 'collabCoach.draftMessage';

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
    const sectionLenses = entry.report.sections
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
    const message = draftMessageLens(document, entry.report.model);
    return message ? [message, ...sectionLenses] : sectionLenses;
  }
}

/** Over the plan's title: draft the message to the counterpart it names. */
function draftMessageLens(document: vscode.TextDocument, model: PlanReport['model']): vscode.CodeLens | undefined {
  const line = model.title?.line;
  if (line === undefined || line >= document.lineCount) {
    return undefined;
  }
  const counterpart = model.counterpart?.text;
  return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
    title: counterpart ? vscode.l10n.t('$(mail) Draft the Message to {0}', counterpart) : vscode.l10n.t('$(mail) Draft the Message to the Other Department'),
    command: DRAFT_MESSAGE_COMMAND,
    arguments: [document.uri],
  });
}
