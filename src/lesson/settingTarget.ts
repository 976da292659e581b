/**
 * Where a setting's effective value comes from, so a change the user makes in the page is written
 * there: writing the user (global) value under a workspace value would change nothing they see.
 * Pure: the shape is the one `WorkspaceConfiguration.inspect()` returns.
 */
export interface SettingInspection {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type SettingTarget = 'workspaceFolder' | 'workspace' | 'global';

/** The most specific scope that holds a value; the user settings when none does. */
export function effectiveSettingTarget(inspection: SettingInspection | undefined): SettingTarget {
  if (inspection?.workspaceFolderValue !== undefined) {
    return 'workspaceFolder';
  }
  if (inspection?.workspaceValue !== undefined) {
    return 'workspace';
  }
  return 'global';
}
