/**
 * Check-in reminders: on a check-in's date, from any plan of the workspace, open or not, one
 * notification that day — "Check-in with 财务部 today: …" — with *Open the plan*, *Remind me
 * tomorrow* and *Mark done* (ticks the check-in's box in the file: one undoable edit, saved).
 * Never more than one notification a day; `collabCoach.reminders.enabled` turns them off.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import { currentContentLanguage } from '../../content/vscode/settings';
import { parsePlan } from '../planModel';
import { type DueCheckin, dueCheckins, reminderText } from '../reminders';
import { localIsoDate } from '../slug';
import { remindersEnabled } from './coachSettings';
import type { PlanIndex } from './planIndex';

const SHOWN_ON_KEY = 'collabCoach.reminders.shownOn';
const SNOOZED_KEY = 'collabCoach.reminders.snoozed';

export interface ReminderState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export class CheckinReminders extends Disposable {
  /** The day's reminder as last shown (for tests), with the check-ins it covers. */
  lastShown: { readonly text: string; readonly due: readonly DueCheckin[] } | undefined;

  constructor(
    private readonly index: PlanIndex,
    private readonly state: ReminderState,
    private readonly log: Log,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
    this._register(index.onDidChange(() => void this.checkNow()));
    this._register(
      vscode.window.onDidChangeWindowState((windowState) => {
        if (windowState.focused) {
          void this.checkNow();
        }
      }),
    );
  }

  /** The check-ins due on `now`'s day (none when reminders are off). */
  async due(now: Date = this.clock()): Promise<DueCheckin[]> {
    if (!remindersEnabled()) {
      return [];
    }
    const plans = (await this.index.all()).map((plan) => ({ uri: plan.uri.toString(), model: plan.report.model }));
    return dueCheckins(plans, localIsoDate(now), this.state.get<Record<string, string>>(SNOOZED_KEY) ?? {});
  }

  /** Shows the day's reminder unless one was shown already today. Returns what is due. */
  async checkNow(now: Date = this.clock()): Promise<DueCheckin[]> {
    const today = localIsoDate(now);
    if (this.isDisposed || this.state.get<string>(SHOWN_ON_KEY) === today) {
      return [];
    }
    const due = await this.due(now);
    if (due.length === 0 || this.state.get<string>(SHOWN_ON_KEY) === today) {
      return due;
    }
    await this.state.update(SHOWN_ON_KEY, today);
    const text = reminderText(due, currentContentLanguage(), (uri) => uri.slice(uri.lastIndexOf('/') + 1));
    this.lastShown = { text, due };
    void this.ask(text, due, now);
    return due;
  }

  private async ask(text: string, due: readonly DueCheckin[], now: Date): Promise<void> {
    const open = vscode.l10n.t('Open the plan');
    const tomorrow = vscode.l10n.t('Remind me tomorrow');
    const done = vscode.l10n.t('Mark done');
    const first = due[0];
    const choice = await vscode.window.showInformationMessage(text, open, tomorrow, done);
    if (!first || choice === undefined) {
      return;
    }
    if (choice === open) {
      await vscode.window.showTextDocument(vscode.Uri.parse(first.uri, true), { selection: new vscode.Range(first.checkin.line, 0, first.checkin.line, 0) });
    } else if (choice === tomorrow) {
      await this.snooze(due, now);
    } else {
      await this.markDone(first);
    }
  }

  /** Puts the check-ins off until the next day. */
  async snooze(due: readonly DueCheckin[], now: Date = this.clock()): Promise<void> {
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const snoozed = { ...(this.state.get<Record<string, string>>(SNOOZED_KEY) ?? {}) };
    for (const each of due) {
      snoozed[each.key] = localIsoDate(next);
    }
    await this.state.update(SNOOZED_KEY, snoozed);
  }

  /** Ticks the check-in's box in its file: one undoable edit, saved when the file had no other unsaved change. */
  async markDone(due: DueCheckin): Promise<boolean> {
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(due.uri, true));
      // The file may have changed since the reminder: find the same check-in in its text now.
      const checkin = parsePlan(document.getText()).checkins.find((each) => !each.done && each.date === due.checkin.date && each.note === due.checkin.note);
      const box = checkin ? document.lineAt(checkin.line).text.indexOf('[ ]') : -1;
      if (!checkin || box < 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The check-in of {0} is no longer open in the plan.', due.checkin.date ?? ''));
        return false;
      }
      const wasDirty = document.isDirty;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(checkin.line, box + 1, checkin.line, box + 2), 'x');
      if (!(await vscode.workspace.applyEdit(edit))) {
        throw new Error('the editor did not accept the edit');
      }
      if (!wasDirty) {
        await document.save();
      }
      return true;
    } catch (error) {
      this.log.error(`Could not mark the check-in of ${due.checkin.date ?? ''} done in ${due.uri}.`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The check-in could not be marked done: {0}', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }
}
