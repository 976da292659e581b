/** Publishes each checked plan's findings to the Problems panel. */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { ContentLanguage } from '../../content/language';
import type { PlanFinding } from '../checker';
import type { PlanReports } from './planReports';

export const DIAGNOSTIC_SOURCE = 'Collab Coach';

export class CoachDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('collabCoach'));

  constructor(reports: PlanReports) {
    super();
    this._register(
      reports.onDidCheck(({ document, report, language }) => {
        this.collection.set(
          document.uri,
          report.findings.map((finding) => toDiagnostic(document, finding, language)),
        );
      }),
    );
    this._register(reports.onDidRemove((uri) => this.collection.delete(uri)));
  }
}

function toDiagnostic(document: vscode.TextDocument, finding: PlanFinding, language: ContentLanguage): vscode.Diagnostic {
  const last = Math.max(0, document.lineCount - 1);
  const start = document.lineAt(Math.min(finding.line, last));
  const end = document.lineAt(Math.min(Math.max(finding.endLine ?? finding.line, finding.line), last));
  const range = new vscode.Range(start.lineNumber, start.firstNonWhitespaceCharacterIndex, end.lineNumber, end.text.length);
  const severity = finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, finding.message[language], severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** The code of one of our diagnostics, whether written plain or with a link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
