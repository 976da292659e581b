/**
 * Adapter for the plan coach: diagnostics, quick fixes, section CodeLens, tips in context and
 * progress by practice, all from the pure checker. Built as a lazily loaded chunk (dist/coach.js):
 * planWatcher.ts loads it only once a document holds Collab Coach markers.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { readContentText } from '../../content/vscode/contentFiles';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import type { ProgressStore } from '../../lesson/vscode/progress';
import { PRINCIPLE_IDS } from '../../lesson/progressCore';
import type { DailyTipController } from '../../tips/vscode/dailyTip';
import { sectionTitle } from '../../tips/sectionTitles';
import { type PlanFinding, type PlanReport, checkPlan } from '../checker';
import { missingSectionInsertion } from '../insertion';
import { type TemplateKnowledge, templateKnowledge } from '../templateKnowledge';
import { snippetToPlainText } from '../snippet';
import { BUILT_IN_TEMPLATE_IDS, type PlanTemplate, builtInTemplateFileName, parsePlanTemplate } from '../templates';

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

export const DIAGNOSTIC_SOURCE = 'Collab Coach';
const OPEN_LESSON_COMMAND = 'collabCoach.openLesson';
const PLAN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
/** Read-only views of other versions of a file; a plan there earns no practice. */
const NO_PRACTICE_SCHEMES: ReadonlySet<string> = new Set(['git', 'output', 'vscode-local-history']);

interface LoadedTemplates {
  readonly knowledge: TemplateKnowledge;
  readonly fullPlans: ReadonlyMap<ContentLanguage, PlanTemplate>;
}

interface CheckedDocument {
  readonly document: vscode.TextDocument;
  readonly report: PlanReport;
}

export function createCoachFeature(context: vscode.ExtensionContext, deps: CoachDependencies): CoachFeature {
  const diagnostics = vscode.languages.createDiagnosticCollection('collabCoach');
  const lensesChanged = new vscode.EventEmitter<void>();
  const checked = new Map<string, CheckedDocument>();
  const knowledge = loadTemplateKnowledge(context.extensionUri, deps.log);
  let loaded: LoadedTemplates | undefined;
  let shownTipSection: string | undefined;
  let disposed = false;

  function runCheck(document: vscode.TextDocument, templates: LoadedTemplates): void {
    const key = document.uri.toString();
    const language = currentContentLanguage();
    const report = checkPlan(document.getText(), { today: new Date(), language, knowledge: templates.knowledge });
    if (report.sections.length === 0) {
      closeDocument(document);
      return;
    }
    checked.set(key, { document, report });
    diagnostics.set(
      document.uri,
      report.findings.map((finding) => toDiagnostic(document, finding, language)),
    );
    lensesChanged.fire();
    if (!NO_PRACTICE_SCHEMES.has(document.uri.scheme)) {
      for (const principle of PRINCIPLE_IDS) {
        deps.progress.setPractised(principle, key, report.principlesPassing[principle]);
      }
    }
    const editor = vscode.window.activeTextEditor;
    if (editor?.document === document) {
      updateSectionTip(editor);
    }
  }

  function checkDocument(document: vscode.TextDocument): void {
    void knowledge.then((templates) => {
      loaded = templates;
      if (!disposed && !document.isClosed) {
        runCheck(document, templates);
      }
    });
  }

  function closeDocument(document: vscode.TextDocument): void {
    if (checked.delete(document.uri.toString())) {
      lensesChanged.fire();
    }
    diagnostics.delete(document.uri);
    updateSectionTip(vscode.window.activeTextEditor);
  }

  /** While the cursor is in a plan section, the status-bar tip follows that section's lesson part. */
  function updateSectionTip(editor: vscode.TextEditor | undefined): void {
    const entry = editor ? checked.get(editor.document.uri.toString()) : undefined;
    const line = editor?.selection.active.line;
    const section =
      entry && line !== undefined ? entry.report.sections.find((candidate) => candidate.markerLine <= line && line <= candidate.endLine) : undefined;
    const sectionId = section?.lessonSection;
    if (sectionId !== shownTipSection) {
      shownTipSection = sectionId;
      deps.tip.showSectionTip(sectionId);
    }
  }

  const codeActions: vscode.CodeActionProvider = {
    provideCodeActions(document, range, actionContext) {
      const entry = checked.get(document.uri.toString());
      if (!entry) {
        return [];
      }
      const { report } = entry;
      const actions: vscode.CodeAction[] = [];
      const lessonSectionsOffered = new Set<string>();
      for (const finding of report.findings) {
        if (finding.line > range.end.line || (finding.endLine ?? finding.line) < range.start.line) {
          continue;
        }
        const diagnostic = actionContext.diagnostics.find(
          (candidate) => candidate.source === DIAGNOSTIC_SOURCE && diagnosticCode(candidate) === finding.code && candidate.range.start.line === finding.line,
        );
        if (finding.missingMarker !== undefined) {
          const insert = insertSectionAction(document, finding.missingMarker, report.language);
          if (insert) {
            if (diagnostic) {
              insert.diagnostics = [diagnostic];
            }
            actions.push(insert);
          }
        }
        if (!lessonSectionsOffered.has(finding.lessonSection)) {
          lessonSectionsOffered.add(finding.lessonSection);
          const title = vscode.l10n.t('Open the lesson at this principle: {0}', sectionTitle(finding.lessonSection, report.language));
          const open = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          open.command = { command: OPEN_LESSON_COMMAND, title, arguments: [finding.lessonSection] };
          if (diagnostic) {
            open.diagnostics = [diagnostic];
          }
          actions.push(open);
        }
      }
      return actions;
    },
  };

  function insertSectionAction(document: vscode.TextDocument, marker: string, language: ContentLanguage): vscode.CodeAction | undefined {
    const fullPlan = loaded?.fullPlans.get(language) ?? loaded?.fullPlans.values().next().value;
    if (!fullPlan) {
      return undefined;
    }
    const insertion = missingSectionInsertion(fullPlan, document.getText(), marker, new Date());
    if (!insertion) {
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

  const codeLenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses(document) {
      const entry = checked.get(document.uri.toString());
      if (!entry) {
        return [];
      }
      const { language } = entry.report;
      return entry.report.sections
        .filter((section) => section.line < document.lineCount)
        .map((section) => {
          const title = vscode.l10n.t('Collab Coach: {0}', section.label[language]);
          const range = new vscode.Range(section.line, 0, section.line, 0);
          return new vscode.CodeLens(
            range,
            section.lessonSection
              ? {
                  title,
                  command: OPEN_LESSON_COMMAND,
                  arguments: [section.lessonSection],
                  tooltip: vscode.l10n.t('Open the lesson at "{0}"', sectionTitle(section.lessonSection, language)),
                }
              : { title, command: '' },
          );
        });
    },
  };

  const recheckAll = (): void => {
    for (const { document } of [...checked.values()]) {
      checkDocument(document);
    }
  };

  const subscriptions: vscode.Disposable[] = [
    diagnostics,
    lensesChanged,
    vscode.languages.registerCodeActionsProvider(PLAN_SELECTOR, codeActions, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.languages.registerCodeLensProvider(PLAN_SELECTOR, codeLenses),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === vscode.window.activeTextEditor) {
        updateSectionTip(event.textEditor);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateSectionTip(editor)),
    // Messages and section states are written in the content language.
    onDidChangeContentLanguage(recheckAll),
  ];

  const feature: CoachFeature = {
    checkDocument,
    closeDocument,
    report: (uri) => checked.get(uri.toString())?.report,
    dispose() {
      if (disposed) {
        return;
      }
      disposed = true;
      checked.clear();
      if (shownTipSection !== undefined) {
        shownTipSection = undefined;
        deps.tip.showSectionTip(undefined);
      }
      for (const subscription of subscriptions) {
        subscription.dispose();
      }
    },
  };
  context.subscriptions.push(feature);
  return feature;
}

/** Reads the built-in templates in every language; a file that fails to load is left out. */
async function loadTemplateKnowledge(extensionUri: vscode.Uri, log: Log): Promise<LoadedTemplates> {
  const loads = CONTENT_LANGUAGES.flatMap((language) =>
    BUILT_IN_TEMPLATE_IDS.map(async (id): Promise<PlanTemplate | undefined> => {
      const fileName = builtInTemplateFileName(id, language);
      try {
        return parsePlanTemplate(id, language, await readContentText(extensionUri, 'templates', fileName));
      } catch (error: unknown) {
        log.error(`Could not load the template ${fileName}; the plan check knows its questions less well.`, error);
        return undefined;
      }
    }),
  );
  const templates = (await Promise.all(loads)).filter((template): template is PlanTemplate => template !== undefined);
  const fullPlans = new Map<ContentLanguage, PlanTemplate>();
  for (const template of templates) {
    if (template.id === 'full-plan') {
      fullPlans.set(template.language, template);
    }
  }
  return { knowledge: templateKnowledge(templates), fullPlans };
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

function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
