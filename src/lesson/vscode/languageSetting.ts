import * as vscode from 'vscode';
import type { ContentLanguage } from '../../content/language';
import { type SettingTarget, effectiveSettingTarget } from '../settingTarget';

const TARGETS: Record<SettingTarget, vscode.ConfigurationTarget> = {
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
  workspace: vscode.ConfigurationTarget.Workspace,
  global: vscode.ConfigurationTarget.Global,
};

/**
 * Adapter: the page's language toggle. Writes `collabCoach.language` where its effective value
 * comes from (workspace folder, workspace or user settings), so a workspace value cannot make the
 * toggle do nothing.
 */
export async function writeLanguageSetting(language: ContentLanguage): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('collabCoach');
  const target = effectiveSettingTarget(configuration.inspect('language'));
  await configuration.update('language', language, TARGETS[target]);
}
