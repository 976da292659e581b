/**
 * The coach's reports on open plan documents: checks a document when the watcher asks, keeps the
 * latest report per document, and tells the other coach units when one changes. Only documents a
 * user edits are checked — not read-only copies such as a `git:` diff or local history, which would
 * show every finding twice in the Problems panel.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { ContentLanguage } from '../../content/language';
import { currentContentLanguage, onDidChangeContentLanguage } from '../../content/vscode/settings';
import { checkPlan, type PlanReport } from '../checker';
import type { CoachTemplates, LoadedTemplates } from './coachTemplates';
import { affectsCoach, coachRun, ruleSeverities } from './coachSettings';

/** Why a document is checked: `edit` checks wait for a save when `collabCoach.coach.run` is `onSave`. */
export type CheckReason = 'open' | 'edit' | 'save';

export interface CheckedDocument {
  readonly document: vscode.TextDocument;
  readonly report: PlanReport;
  /** The content language the report's words are in. */
  readonly language: ContentLanguage;
}

/** Schemes of read-only views of other versions of a file. */
const READ_ONLY_VIEW_SCHEMES: ReadonlySet<string> = new Set(['git', 'gitfs', 'output', 'vscode-local-history', 'vscode-scm', 'review', 'pr', 'merge-conflict.conflict-diff']);

/** Whether the coach checks a document: one a user edits, not a read-only copy. */
export function isEditablePlanDocument(uri: vscode.Uri): boolean {
  if (uri.scheme === 'untitled') {
    return true;
  }
  if (READ_ONLY_VIEW_SCHEMES.has(uri.scheme)) {
    return false;
  }
  // A file system registered as read-only (as the git extension's is) holds copies, not plans.
  return vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== false;
}

export class PlanReports extends Disposable {
  private readonly checked = new Map<string, CheckedDocument>();
  private readonly changed = this._register(new vscode.EventEmitter<CheckedDocument>());
  private readonly removed = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A report was made (or made again) for a document. */
  readonly onDidCheck = this.changed.event;
  /** A document is no longer checked: closed, no longer a plan, or a read-only copy. */
  readonly onDidRemove = this.removed.event;

  constructor(private readonly templates: CoachTemplates) {
    super();
    // Messages and section states are written in the content language.
    this._register(onDidChangeContentLanguage(() => this.recheckAll()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCoach(event)) {
          this.recheckAll();
        }
      }),
    );
  }

  get(uri: vscode.Uri): CheckedDocument | undefined {
    return this.checked.get(uri.toString());
  }

  all(): CheckedDocument[] {
    return [...this.checked.values()];
  }

  /** Checks a plan document now (the watcher debounces edits before calling this). */
  check(document: vscode.TextDocument, reason: CheckReason = 'open'): void {
    if (reason === 'edit' && this.checked.has(document.uri.toString()) && coachRun(document.uri) === 'onSave') {
      return; // Quiet while drafting: checked again on save.
    }
    void this.templates.load().then((templates) => {
      if (!this.isDisposed && !document.isClosed) {
        this.run(document, templates);
      }
    });
  }

  /** Forgets a document that closed or no longer holds markers. */
  remove(uri: vscode.Uri): void {
    this.checked.delete(uri.toString());
    this.removed.fire(uri);
  }

  private run(document: vscode.TextDocument, templates: LoadedTemplates): void {
    if (!isEditablePlanDocument(document.uri)) {
      this.remove(document.uri);
      return;
    }
    const language = currentContentLanguage();
    const report = checkPlan(document.getText(), { today: new Date(), language, knowledge: templates.knowledge, severities: ruleSeverities(document.uri) });
    if (report.sections.length === 0) {
      this.remove(document.uri);
      return;
    }
    const entry: CheckedDocument = { document, report, language };
    this.checked.set(document.uri.toString(), entry);
    this.changed.fire(entry);
  }

  private recheckAll(): void {
    for (const { document } of this.all()) {
      this.check(document);
    }
  }
}
