// Wires the four rooms together. Startup registers commands, views and the plan watcher with
// handlers that load their feature on first use, and starts loading the status-bar tip.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { createLog } from './base/vscode/log';
import { sectionOfLessonLink } from './lesson/lessonLink';
import type { LessonFeature } from './lesson/vscode/lessonFeature';
import { createLessonPanel, wantsFocusKept } from './lesson/vscode/lessonPanel';
import type { ProgressStore, createProgressStore } from './lesson/vscode/progress';
import type { CoachFeature } from './plan/vscode/coachFeature';
import type { DraftMessageFeature } from './plan/vscode/draftMessageCommand';
import type { PlanFeature } from './plan/vscode/planFeature';
import type { createPreviewDecorator } from './plan/vscode/planPreview';
import type { TemplateCatalogue } from './plan/vscode/templateCatalogue';
import { hookPlanPreview } from './plan/previewHook';
import { registerPlanWatcher } from './plan/vscode/planWatcher';
import { type AgentToolsRunner, LanguageModelTools } from './plan/vscode/languageModelTools';
import { createPlansView, lessonSectionOf, planUriOf, scheduleWorkspaceLook } from './plan/vscode/plansView';
import type { DailyTipController } from './tips/vscode/dailyTip';
import { deferDailyTip } from './tips/deferredTip';

/** What activate() returns: used by the extension-host tests to observe state. */
export interface CollabCoachApi {
  readonly tip: DailyTipController;
  readonly progress: ProgressStore;
  lesson(): Promise<LessonFeature>;
  plan(): Promise<PlanFeature>;
  coach(): Promise<CoachFeature>;
  /** The language model tools registered (none where VS Code has no language model tool API). */
  readonly languageModelTools: readonly string[];
  /** Called by the Markdown extension when it builds its preview engine (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** What the preview's chunk exports (required synchronously, so typed by hand). */
interface PreviewChunk {
  readonly createPreviewDecorator: typeof createPreviewDecorator;
}

/** How long after activation the lesson is prepared: after the window's own startup work. */
const LESSON_WARM_UP_DELAY_MS = 3000;

export function activate(context: vscode.ExtensionContext): CollabCoachApi {
  // The one log output channel: every failure of every room goes there.
  const log = createLog();
  context.subscriptions.push(log);
  // Created on first use: activation reads nothing from state.
  let progressStore: ProgressStore | undefined;
  // Its code is a lazyChunks module too, required synchronously on first use (the API's getter is sync).
  const progress = (): ProgressStore =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (progressStore ??= (require('./lesson/vscode/progress') as { createProgressStore: typeof createProgressStore }).createProgressStore(context));
  // The tip loads as its own chunk just after activation: activation waits on nothing.
  const tip = deferDailyTip(() => import('./tips/vscode/dailyTip').then((module) => module.createDailyTip(context, log)), log);

  let lessonFeature: Promise<LessonFeature> | undefined;
  const lesson = (): Promise<LessonFeature> =>
    (lessonFeature ??= import('./lesson/vscode/lessonFeature').then((module) => module.createLessonFeature(context, progress, log)));
  // A while after startup the lesson feature is made and its page rendered, so the first open of a
  // session only makes the page and paints as fast as the next ones; startup itself is not touched.
  const lessonWarmUp = setTimeout(() => {
    lesson()
      .then(async () => (await import('./lesson/vscode/lessonFeature')).warmLesson(context.extensionUri, log))
      .catch((error: unknown) => log.error('The lesson could not be loaded before its first open.', error));
  }, LESSON_WARM_UP_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(lessonWarmUp) });
  // One template catalogue, shared by Insert, New Plan and the coach.
  let templateCatalogue: Promise<TemplateCatalogue> | undefined;
  const catalogue = (): Promise<TemplateCatalogue> =>
    (templateCatalogue ??= import('./plan/vscode/templateCatalogue').then((module) => {
      const created = new module.TemplateCatalogue(context.extensionUri, log);
      context.subscriptions.push(created);
      return created;
    }));
  let planFeature: Promise<PlanFeature> | undefined;
  const plan = (): Promise<PlanFeature> =>
    (planFeature ??= Promise.all([import('./plan/vscode/planFeature'), catalogue()]).then(([module, shared]) => {
      const feature = module.createPlanFeature(context, log, { catalogue: shared });
      context.subscriptions.push(feature);
      return feature;
    }));
  let coachFeature: Promise<CoachFeature> | undefined;
  const coach = (): Promise<CoachFeature> =>
    (coachFeature ??= Promise.all([import('./plan/vscode/coachFeature'), catalogue()]).then(([module, shared]) =>
      module.createCoachFeature(context, { progress: progress(), tip, log, plansView, state: context.workspaceState, catalogue: shared }),
    ));
  let draftFeature: Promise<DraftMessageFeature> | undefined;
  const drafts = (): Promise<DraftMessageFeature> =>
    (draftFeature ??= Promise.all([import('./plan/vscode/draftMessageCommand'), catalogue()]).then(([module, shared]) => {
      const feature = module.createDraftMessageFeature(shared, log);
      context.subscriptions.push(feature);
      return feature;
    }));
  const plansView = createPlansView(coach);
  context.subscriptions.push(plansView, scheduleWorkspaceLook(coach, log));
  // Only documents that hold plan markers load the coach; others cost one `includes` check.
  registerPlanWatcher(context, coach, log);
  // The coach for agents: the tools' chunk loads when an agent first calls one.
  let agentTools: Promise<AgentToolsRunner> | undefined;
  const languageModelTools = new LanguageModelTools(
    () =>
      (agentTools ??= import('./plan/vscode/agentToolsFeature').then((module) =>
        module.createAgentTools({ extensionUri: context.extensionUri, log, coach, catalogue }),
      )),
    log,
  );
  context.subscriptions.push(languageModelTools);

  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('collabCoach.lesson', {
      resolveWebviewView: async (view) => (await lesson()).resolveWebviewView(view),
    }),
    vscode.window.registerWebviewPanelSerializer('collabCoach.lessonPanel', {
      deserializeWebviewPanel: async (panel, state: unknown) => (await lesson()).restorePanel(panel, state),
    }),
    // A finding's code in the Problems panel links here: the lesson at the rule's section.
    vscode.window.registerUriHandler({
      handleUri: async (uri) => {
        const section = sectionOfLessonLink(uri.path, uri.query);
        if (section) {
          await (await lesson()).openLesson(section);
        } else {
          log.warn(`Ignored a link the extension does not know: ${uri.toString(true).slice(0, 200)}`);
        }
      },
    }),
    vscode.commands.registerCommand('collabCoach.openLesson', async (sectionId?: unknown, options?: unknown) => {
      const preserveFocus = wantsFocusKept(options);
      // The first time, the panel is created before the lesson chunk loads: VS Code builds the webview meanwhile.
      const created = lessonFeature === undefined ? createLessonPanel(context.extensionUri, preserveFocus) : undefined;
      return (await lesson()).openLesson(sectionId, created, preserveFocus);
    }),
    vscode.commands.registerCommand('collabCoach.insertPlan', async (templateId?: unknown) => (await plan()).insertPlan(templateId)),
    vscode.commands.registerCommand('collabCoach.nextTip', () => tip.showNextTip()),
    vscode.commands.registerCommand('collabCoach.checkAllPlans', async () => (await coach()).checkAllPlans()),
    vscode.commands.registerCommand('collabCoach.fixAll', async (target?: unknown) => (await coach()).fixAll(planUriOf(target))),
    vscode.commands.registerCommand('collabCoach.plans.openLesson', async (target?: unknown) => (await lesson()).openLesson(lessonSectionOf(target))),
    vscode.commands.registerCommand('collabCoach.newPlan', async (options?: unknown) => (await plan()).newPlan(options)),
    vscode.commands.registerCommand('collabCoach.draftMessage', async (target?: unknown) => (await drafts()).draftMessage(planUriOf(target))),
    vscode.commands.registerCommand('collabCoach.resetProgress', async () => {
      await progress().reset();
      void vscode.window.showInformationMessage(vscode.l10n.t('Collab Coach progress has been reset.'));
    }),
  );

  return {
    tip,
    get progress() {
      return progress();
    },
    lesson,
    plan,
    coach,
    languageModelTools: languageModelTools.registered,
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      // One cheap rule now; the decorator (a lazyChunks module, required synchronously: the engine
      // is parsing) loads on the first document that may hold a plan.
      return hookPlanPreview(
        md,
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (engine) => (require('./plan/vscode/planPreview') as PreviewChunk).createPreviewDecorator(engine, { catalogue, log }),
        (error) => log.error('The plan could not be shown in the Markdown preview.', error),
      );
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
