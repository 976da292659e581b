import * as vscode from 'vscode';

export const LESSON_PANEL_TYPE = 'collabCoach.lessonPanel';

/**
 * Adapter: the lesson's editor panel, still without its page. Small enough for the startup entry,
 * so the first *Open the Lesson* creates the panel while the lesson chunk loads.
 */
export function createLessonPanel(preserveFocus = false): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    LESSON_PANEL_TYPE,
    vscode.l10n.t('Collab Coach Lesson'),
    { viewColumn: vscode.ViewColumn.Active, preserveFocus },
    { enableFindWidget: true },
  );
}

/** `{ preserveFocus: true }` as the command's second argument: open without taking the keyboard. */
export function wantsFocusKept(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { preserveFocus?: unknown }).preserveFocus === true;
}
