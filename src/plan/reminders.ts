/**
 * Check-in reminders (pure): which open check-ins of the workspace's plans are due today, and
 * what the reminder says. The adapter (vscode/checkinReminders.ts) shows at most one a day.
 */
import * as messages from '../../content/coach/messages.json';
import type { ContentLanguage } from '../content/language';
import type { PlanCheckin, PlanModel } from './planModel';
import { fillMessage } from './ruleMessages';

export interface PlanOnDisk {
  /** The plan's URI as a string. */
  readonly uri: string;
  readonly model: PlanModel;
}

export interface DueCheckin {
  readonly uri: string;
  readonly checkin: PlanCheckin;
  readonly title: string | undefined;
  readonly counterpart: string | undefined;
  /** Key that names this check-in across days (for "Remind me tomorrow"). */
  readonly key: string;
}

export function checkinKey(uri: string, checkin: Pick<PlanCheckin, 'date' | 'note'>): string {
  return `${uri}#${checkin.date ?? ''}#${checkin.note ?? ''}`;
}

/**
 * Open check-ins dated today, and those put off until a day that has come ("Remind me tomorrow").
 * `snoozed` maps a check-in key to the day (`YYYY-MM-DD`) it should be shown again.
 */
export function dueCheckins(plans: readonly PlanOnDisk[], today: string, snoozed: Readonly<Record<string, string>>): DueCheckin[] {
  const due: DueCheckin[] = [];
  for (const plan of plans) {
    for (const checkin of plan.model.checkins) {
      if (checkin.done || checkin.date === undefined) {
        continue;
      }
      const key = checkinKey(plan.uri, checkin);
      const until = snoozed[key];
      const isDue = until !== undefined ? until <= today : checkin.date === today;
      if (isDue) {
        due.push({ uri: plan.uri, checkin, title: plan.model.title?.text, counterpart: plan.model.counterpart?.text, key });
      }
    }
  }
  return due;
}

/** The reminder's words for the first due check-in, in the content language. */
export function reminderText(due: readonly DueCheckin[], language: ContentLanguage, fileName: (uri: string) => string): string {
  const first = due[0];
  if (!first) {
    return '';
  }
  const text = first.counterpart
    ? fillMessage(messages.reminders.partner[language], { counterpart: first.counterpart })
    : fillMessage(messages.reminders.plan[language], { title: first.title ?? fileName(first.uri) });
  return due.length > 1 ? `${text} ${fillMessage(messages.reminders.more[language], { count: due.length - 1 })}` : text;
}
