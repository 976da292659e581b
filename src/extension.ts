// Wires the four rooms together. Startup registers commands, views and the plan watcher with
// handlers that load their feature on first use, and starts loading the status-bar tip.
import * as vscode from 'vscode';
import type { LessonFeature } from './lesson/lessonFeature';
import { type ProgressStore, createProgressStore } from './lesson/progress';
import type { CoachFeature } from './plan/coachFeature';
import type { PlanFeature } from './plan/planFeature';
import { registerPlanWatcher } from './plan/planWatcher';
import type { DailyTipController } from './tips/dailyTip';
import { deferDailyTip } from './tips/deferredTip';

/** What activate() returns: used by the extension-host tests to observe state. */
export interface CollabCoachApi {
  readonly tip: DailyTipController;
  readonly progress: ProgressStore;
  lesson(): Promise<LessonFeature>;
  plan(): Promise<PlanFeature>;
}

export function activate(context: vscode.ExtensionContext): CollabCoachApi {
  const progress = createProgressStore(context);
  // The tip loads as its own chunk just after activation: activation waits on nothing.
  const tip = deferDailyTip(() => import('./tips/dailyTip').then((module) => module.createDailyTip(context)));

  let lessonFeature: Promise<LessonFeature> | undefined;
  const lesson = (): Promise<LessonFeature> =>
    (lessonFeature ??= import('./lesson/lessonFeature').then((module) => module.createLessonFeature(context, progress)));
  let planFeature: Promise<PlanFeature> | undefined;
  const plan = (): Promise<PlanFeature> =>
    (planFeature ??= import('./plan/planFeature').then((module) => module.createPlanFeature(context)));
  let coachFeature: Promise<CoachFeature> | undefined;
  const coach = (): Promise<CoachFeature> =>
    (coachFeature ??= import('./plan/coachFeature').then((module) => module.createCoachFeature(context, { progress, tip })));
  // Only documents that hold plan markers load the coach; others cost one `includes` check.
  registerPlanWatcher(context, coach);

  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('collabCoach.lesson', {
      resolveWebviewView: async (view) => (await lesson()).resolveWebviewView(view),
    }),
    vscode.window.registerWebviewPanelSerializer('collabCoach.lessonPanel', {
      deserializeWebviewPanel: async (panel, state: unknown) => (await lesson()).restorePanel(panel, state),
    }),
    vscode.commands.registerCommand('collabCoach.openLesson', async (sectionId?: unknown) => (await lesson()).openLesson(sectionId)),
    vscode.commands.registerCommand('collabCoach.insertPlan', async (templateId?: unknown) => (await plan()).insertPlan(templateId)),
    vscode.commands.registerCommand('collabCoach.nextTip', () => tip.showNextTip()),
    vscode.commands.registerCommand('collabCoach.newPlan', async (options?: unknown) => (await plan()).newPlan(options)),
    vscode.commands.registerCommand('collabCoach.resetProgress', async () => {
      await progress.reset();
      void vscode.window.showInformationMessage(vscode.l10n.t('Collab Coach progress has been reset.'));
    }),
  );

  return { tip, progress, lesson, plan };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
