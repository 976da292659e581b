import * as vscode from 'vscode';

export const LESSON_PANEL_TYPE = 'collabCoach.lessonPanel';

/**
 * What every lesson page's webview may do: run its own script, load from the two folders that hold
 * its assets, and nothing else (no command links).
 */
export function lessonWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/**
 * Adapter: the lesson's editor panel, still without its page. Small enough for the features file
 * (src/features.ts), so the first *Open the Lesson* creates the panel while the lesson chunk loads. It is made with
 * the page's options: set afterwards, they reach the webview as a content update of their own, one
 * more frame VS Code builds before the page's.
 */
export function createLessonPanel(extensionUri: vscode.Uri, preserveFocus = false): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    LESSON_PANEL_TYPE,
    vscode.l10n.t('Collab Coach Lesson'),
    { viewColumn: vscode.ViewColumn.Active, preserveFocus },
    { enableFindWidget: true, ...lessonWebviewOptions(extensionUri) },
  );
}

/** `{ preserveFocus: true }` as the command's second argument: open without taking the keyboard. */
export function wantsFocusKept(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { preserveFocus?: unknown }).preserveFocus === true;
}
