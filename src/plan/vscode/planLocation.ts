/**
 * Adapter: the folder a new plan goes into.
 *
 * - Chosen in the Explorer (the folder right-clicked): that folder itself, as New File does. The
 *   user pointed at the place; putting the plan in `collabCoach.plan.folder` below it would hide
 *   it somewhere they did not choose.
 * - Otherwise: `collabCoach.plan.folder` inside the workspace folder of the active editor (or the
 *   first workspace folder), the setting read for that folder, so a folder's own value counts in a
 *   multi-root workspace.
 */
import * as vscode from 'vscode';
import { DEFAULT_PLAN_FOLDER, planFolderSegments } from '../slug';
import { type PlanFeedback } from './planMessages';

/** The directory for the new plan, or undefined when there is no folder to put it in (no workspace). */
export async function planDirectory(chosen: vscode.Uri | undefined, feedback: PlanFeedback): Promise<vscode.Uri | undefined> {
  if (chosen) {
    return (await isFile(chosen)) ? vscode.Uri.joinPath(chosen, '..') : chosen;
  }
  const folder = workspaceFolderInUse();
  if (!folder) {
    return undefined;
  }
  const setting = vscode.workspace.getConfiguration('collabCoach.plan', folder.uri).get<unknown>('folder');
  const { segments, problem } = planFolderSegments(setting);
  if (problem === 'wrong-type') {
    feedback.tell('warning', vscode.l10n.t('The setting collabCoach.plan.folder should be a folder path; using "{0}" instead.', DEFAULT_PLAN_FOLDER));
  } else if (problem === 'outside-workspace') {
    feedback.tell(
      'warning',
      vscode.l10n.t('The setting collabCoach.plan.folder must be a path inside the workspace folder; using "{0}" instead.', DEFAULT_PLAN_FOLDER),
    );
  } else if (problem === 'invalid-name') {
    feedback.tell('warning', vscode.l10n.t('The setting collabCoach.plan.folder names a folder some systems cannot create; using "{0}" instead.', DEFAULT_PLAN_FOLDER));
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The workspace folder the user is working in: the active editor's, else the first. */
function workspaceFolderInUse(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
}

/** A command called with a file (not from the Explorer's folder menu) puts the plan beside it. */
async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false; // Gone or not yet there: treat it as the folder to create.
  }
}
