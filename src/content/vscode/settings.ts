import * as vscode from 'vscode';
import { type ContentLanguage, resolveContentLanguage } from '../language';

/** Adapter: the content language as the user's settings and VS Code's display language decide it. */
export function currentContentLanguage(): ContentLanguage {
  const setting = vscode.workspace.getConfiguration('collabCoach').get<unknown>('language', 'auto');
  return resolveContentLanguage(setting, vscode.env.language);
}

/** Fires `listener` when `collabCoach.language` changes. */
export function onDidChangeContentLanguage(listener: (language: ContentLanguage) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('collabCoach.language')) {
      listener(currentContentLanguage());
    }
  });
}
