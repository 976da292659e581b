/**
 * Adapter: how the plan commands talk to the user (notifications) and to the log.
 */
import * as vscode from 'vscode';
import { type Log } from '../../base/log';

export type PlanMessageKind = 'info' | 'warning' | 'error';

/** Where the commands report to the user; tests pass a recorder instead of the notification UI. */
export interface PlanMessages {
  show(kind: PlanMessageKind, message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const notificationMessages: PlanMessages = {
  show(kind, message, ...actions) {
    switch (kind) {
      case 'info':
        return vscode.window.showInformationMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
    }
  },
};

/** The user's messages and the log together: every failure shown is also logged. */
export class PlanFeedback {
  constructor(
    readonly messages: PlanMessages,
    readonly log: Log,
  ) {}

  /** Notifications resolve only when dismissed; a command never waits for one. */
  tell(kind: PlanMessageKind, message: string): void {
    if (kind === 'warning') {
      this.log.warn(message);
    }
    void this.messages.show(kind, message);
  }

  /** Shows `message` as an error and logs it with the error behind it. */
  fail(message: string, error?: unknown): void {
    this.log.error(message, error);
    void this.messages.show('error', message);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
