/** Quick fixes on the coach's findings: open the lesson where it explains them, insert a missing section. */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { ContentLanguage } from '../../content/language';
import { sectionTitle } from '../../tips/sectionTitles';
import { fixAllMissingSections, missingSectionInsertion, suppressionInsertion } from '../insertion';
import { snippetToPlainText } from '../snippet';
import { DIAGNOSTIC_SOURCE, diagnosticCode } from './coachDiagnostics';
import type { CoachTemplates } from './coachTemplates';
import { PLAN_SELECTOR } from './planDocuments';
import type { PlanReports } from './planReports';

const OPEN_LESSON_COMMAND = 'collabCoach.openLesson';
/** `source.fixAll.collabCoach`: every missing section inserted at once (editor.codeActionsOnSave can opt in). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('collabCoach');

/** The edit that inserts every missing section of the full plan in one undo, or undefined when none is missing. */
export function fixAllEdit(document: vscode.TextDocument, templates: CoachTemplates, language: ContentLanguage): vscode.WorkspaceEdit | undefined {
  const fullPlan = templates.fullPlan(language);
  const replacement = fullPlan ? fixAllMissingSections(fullPlan, document.getText(), new Date()) : undefined;
  if (!replacement) {
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(replacement.start), document.positionAt(replacement.end)), replacement.text);
  return edit;
}

export class CoachCodeActions extends Disposable implements vscode.CodeActionProvider {
  constructor(
    private readonly reports: PlanReports,
    private readonly templates: CoachTemplates,
  ) {
    super();
    this._register(
      vscode.languages.registerCodeActionsProvider(PLAN_SELECTOR, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] }),
    );
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.reports.get(document.uri);
    if (!entry) {
      return [];
    }
    const { report } = entry;
    if (context.only && FIX_ALL_KIND.intersects(context.only)) {
      const edit = fixAllEdit(document, this.templates, report.language);
      if (!edit) {
        return [];
      }
      const fixAll = new vscode.CodeAction(vscode.l10n.t('Insert all missing sections'), FIX_ALL_KIND);
      fixAll.edit = edit;
      return [fixAll];
    }
    const actions: vscode.CodeAction[] = [];
    const lessonSectionsOffered = new Set<string>();
    const suppressionsOffered = new Set<string>();
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    for (const finding of report.findings) {
      if (finding.line > range.end.line || (finding.endLine ?? finding.line) < range.start.line) {
        continue;
      }
      const diagnostic = context.diagnostics.find(
        (candidate) => candidate.source === DIAGNOSTIC_SOURCE && diagnosticCode(candidate) === finding.code && candidate.range.start.line === finding.line,
      );
      const attach = (action: vscode.CodeAction): vscode.CodeAction => {
        if (diagnostic) {
          action.diagnostics = [diagnostic];
        }
        return action;
      };
      if (finding.missingMarker !== undefined) {
        const insert = this.insertSectionAction(document, finding.missingMarker, report.language);
        if (insert) {
          actions.push(attach(insert));
        }
      }
      if (!lessonSectionsOffered.has(finding.lessonSection)) {
        lessonSectionsOffered.add(finding.lessonSection);
        const title = vscode.l10n.t('Open the lesson at this principle: {0}', sectionTitle(finding.lessonSection, report.language));
        const open = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        open.command = { command: OPEN_LESSON_COMMAND, title, arguments: [finding.lessonSection] };
        actions.push(attach(open));
      }
      if (!suppressionsOffered.has(`${finding.code}:${finding.line}`)) {
        suppressionsOffered.add(`${finding.code}:${finding.line}`);
        const comment = suppressionInsertion(report.model, finding.line, finding.code, eol);
        const quiet = new vscode.CodeAction(vscode.l10n.t("Don't check {0} here", finding.code), vscode.CodeActionKind.QuickFix);
        quiet.edit = new vscode.WorkspaceEdit();
        quiet.edit.insert(document.uri, new vscode.Position(comment.line, comment.character), comment.text);
        actions.push(attach(quiet));
      }
    }
    return actions;
  }

  private insertSectionAction(document: vscode.TextDocument, marker: string, language: ContentLanguage): vscode.CodeAction | undefined {
    const fullPlan = this.templates.fullPlan(language);
    const insertion = fullPlan ? missingSectionInsertion(fullPlan, document.getText(), marker, new Date()) : undefined;
    if (!fullPlan || !insertion) {
      return undefined;
    }
    const templateTitle = fullPlan.sections.find((section) => section.marker === marker)?.title;
    const name = templateTitle ? snippetToPlainText(templateTitle) : marker;
    const action = new vscode.CodeAction(vscode.l10n.t('Insert the missing section: {0}', name), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(insertion.line, insertion.character), insertion.text);
    action.isPreferred = true;
    return action;
  }
}
