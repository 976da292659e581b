/**
 * The watcher for plan documents, started with the features file just after activation. It imports
 * nothing but 'vscode' and the marker probe: it finds Markdown and plain-text documents that hold
 * Collab Coach markers and only then loads the coach (a lazy chunk) and hands them over. Other
 * documents cost a cheap text test on open and a look at the edited lines on change.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { mayHoldMarkers } from '../markerProbe';
import type { CoachFeature } from './coachFeature';
import type { CheckReason } from './planReports';

const PLAN_LANGUAGES: ReadonlySet<string> = new Set(['markdown', 'plaintext']);
/** Edits settle this long before a plan is checked again. */
export const PLAN_CHECK_DEBOUNCE_MS = 300;

/** Watches the documents from now on, and looks at those already open. */
export function watchPlanDocuments(loadCoach: () => Promise<CoachFeature>, log: Log): vscode.Disposable {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents handed to the coach, which it must be told to forget. */
  const plans = new Set<string>();

  const withCoach = (use: (coach: CoachFeature) => void): void => {
    loadCoach().then(use, (error: unknown) => log.error('The plan coach could not be loaded.', error));
  };

  function evaluate(document: vscode.TextDocument, reason: CheckReason = 'open'): void {
    if (document.isClosed) {
      return;
    }
    const key = document.uri.toString();
    if (PLAN_LANGUAGES.has(document.languageId) && mayHoldMarkers(document.getText())) {
      plans.add(key);
      withCoach((coach) => {
        if (!document.isClosed) {
          coach.checkDocument(document, reason);
        }
      });
    } else if (plans.delete(key)) {
      withCoach((coach) => coach.closeDocument(document));
    }
  }

  function schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        evaluate(document, 'edit');
      }, PLAN_CHECK_DEBOUNCE_MS),
    );
  }

  /** Whether an edit may have written a marker: only the lines it touched can hold a new one. */
  function editMayAddMarker(event: vscode.TextDocumentChangeEvent): boolean {
    if (event.contentChanges.length !== 1) {
      return true;
    }
    const change = event.contentChanges[0];
    if (!change || change.text.includes('collab:')) {
      return true;
    }
    const firstLine = change.range.start.line;
    const lastLine = firstLine + (change.text.match(/\n/g)?.length ?? 0);
    const document = event.document;
    return [firstLine, lastLine].some((line) => line < document.lineCount && document.lineAt(line).text.includes('collab:'));
  }

  const disposable = vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((document) => evaluate(document)),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (plans.has(document.uri.toString())) {
        evaluate(document, 'save');
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const document = event.document;
      if (event.contentChanges.length === 0 || !PLAN_LANGUAGES.has(document.languageId)) {
        return;
      }
      if (plans.has(document.uri.toString()) || editMayAddMarker(event)) {
        schedule(document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      if (plans.delete(key)) {
        withCoach((coach) => coach.closeDocument(document));
      }
    }),
    {
      dispose: () => {
        for (const timer of timers.values()) {
          clearTimeout(timer);
        }
        timers.clear();
      },
    },
  );
  // After the listeners: a document opened since activation is either here or in an event.
  vscode.workspace.textDocuments.forEach((document) => evaluate(document));
  return disposable;
}
