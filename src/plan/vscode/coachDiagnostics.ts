/** Publishes each checked plan's findings to the Problems panel. */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { ContentLanguage } from '../../content/language';
import type { LessonSectionId } from '../../content/sections';
import { LESSON_LINK_PATH, lessonLinkQuery } from '../../lesson/lessonLink';
import type { PlanFinding } from '../checker';
import type { IndexedPlan } from './planIndex';
import type { PlanReports } from './planReports';

export const DIAGNOSTIC_SOURCE = 'Collab Coach';
const EXTENSION_ID = 'qianjinshe.collab-coach';

/** The link on a finding's code: the lesson at the section the rule comes from (see lessonLink.ts). */
export function lessonLink(sectionId: LessonSectionId): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: LESSON_LINK_PATH, query: lessonLinkQuery(sectionId) });
}

export class CoachDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('collabCoach'));
  /** Plans not open in an editor whose findings are shown (Check All Plans, or the workspace scope). */
  private readonly fromDisk = new Set<string>();

  constructor(private readonly reports: PlanReports) {
    super();
    this._register(
      reports.onDidCheck(({ document, report, language }) => {
        this.collection.set(
          document.uri,
          report.findings.map((finding) => toDiagnostic(document, finding, language)),
        );
      }),
    );
    this._register(
      reports.onDidRemove((uri) => {
        if (!this.fromDisk.has(uri.toString())) {
          this.collection.delete(uri);
        }
      }),
    );
  }

  /** Shows the findings of every plan given, open or not; plans no longer given lose theirs. */
  publishPlans(plans: readonly IndexedPlan[]): void {
    const now = new Set<string>();
    for (const plan of plans) {
      const key = plan.uri.toString();
      now.add(key);
      if (!this.reports.get(plan.uri)) {
        const language = plan.report.language;
        this.collection.set(
          plan.uri,
          plan.report.findings.map((finding) => toDiagnosticByLines(finding, language)),
        );
      }
    }
    for (const key of this.fromDisk) {
      if (!now.has(key) && !this.reports.get(vscode.Uri.parse(key))) {
        this.collection.delete(vscode.Uri.parse(key));
      }
    }
    this.fromDisk.clear();
    now.forEach((key) => this.fromDisk.add(key));
  }
}

/** A finding of a plan not open in an editor: its lines are known, their lengths not. */
function toDiagnosticByLines(finding: PlanFinding, language: ContentLanguage): vscode.Diagnostic {
  const end = Math.max(finding.endLine ?? finding.line, finding.line);
  return withFinding(new vscode.Range(finding.line, 0, end, Number.MAX_SAFE_INTEGER), finding, language);
}

function toDiagnostic(document: vscode.TextDocument, finding: PlanFinding, language: ContentLanguage): vscode.Diagnostic {
  const last = Math.max(0, document.lineCount - 1);
  const start = document.lineAt(Math.min(finding.line, last));
  const end = document.lineAt(Math.min(Math.max(finding.endLine ?? finding.line, finding.line), last));
  const range = new vscode.Range(start.lineNumber, start.firstNonWhitespaceCharacterIndex, end.lineNumber, end.text.length);
  return withFinding(range, finding, language);
}

function withFinding(range: vscode.Range, finding: PlanFinding, language: ContentLanguage): vscode.Diagnostic {
  const severity =
    finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : finding.severity === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, finding.message[language], severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: lessonLink(finding.lessonSection) };
  return diagnostic;
}

/** The code of one of our diagnostics, whether written plain or with a link. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
