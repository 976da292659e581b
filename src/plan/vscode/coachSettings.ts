/** The coach's settings, read with the document's resource so folder settings apply. */
import * as vscode from 'vscode';
import { isFindingCode, RULE_SEVERITIES, type RuleSeverity } from '../rules';

export type CoachRun = 'onType' | 'onSave';
export type CoachScope = 'openDocuments' | 'workspace';

const SECTION = 'collabCoach';

function configuration(resource: vscode.Uri | undefined): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, resource);
}

/** `collabCoach.coach.rules`: a severity per rule code; unknown codes and values are ignored. */
export function ruleSeverities(resource: vscode.Uri | undefined): Record<string, RuleSeverity> {
  const value = configuration(resource).get<unknown>('coach.rules');
  const result: Record<string, RuleSeverity> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [code, severity] of Object.entries(value)) {
      if (isFindingCode(code) && typeof severity === 'string' && (RULE_SEVERITIES as readonly string[]).includes(severity)) {
        result[code] = severity as RuleSeverity;
      }
    }
  }
  return result;
}

export function coachRun(resource: vscode.Uri | undefined): CoachRun {
  return configuration(resource).get<unknown>('coach.run') === 'onSave' ? 'onSave' : 'onType';
}

export function coachScope(): CoachScope {
  return configuration(undefined).get<unknown>('coach.scope') === 'workspace' ? 'workspace' : 'openDocuments';
}

export function remindersEnabled(): boolean {
  return configuration(undefined).get<unknown>('reminders.enabled') !== false;
}

/** Whether a configuration change touches any of the coach's settings. */
export function affectsCoach(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.coach`);
}
