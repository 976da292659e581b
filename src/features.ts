/**
 * The features behind activation's registrations (src/extension.ts only registers). This file
 * loads on its own just after activate returns, or at the first command, view or tool call if that
 * comes sooner. It starts the daily tip and the plan watcher, schedules the lesson's warm-up and
 * the workspace look, and makes each feature (a lazy chunk) on first use.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { Log } from './base/log';
import { logTo } from './base/vscode/log';
import type { CommandId } from './commandIds';
import { sectionOfLessonLink } from './lesson/lessonLink';
import type { LessonFeature } from './lesson/vscode/lessonFeature';
import { createLessonPanel, wantsFocusKept } from './lesson/vscode/lessonPanel';
import type { ProgressStore, createProgressStore } from './lesson/vscode/progress';
import type { AgentToolName } from './plan/agentToolNames';
import { hookPlanPreview } from './plan/previewHook';
import type { CoachFeature } from './plan/vscode/coachFeature';
import type { DraftMessageFeature } from './plan/vscode/draftMessageCommand';
import {
  agentToolsAbsence,
  type AgentToolsRegistration,
  type AgentToolsRunner,
  invokeAgentTool,
  type LanguageModelToolInvocationOptionsShim,
  type LanguageModelToolResultShim,
} from './plan/vscode/languageModelTools';
import type { PlanFeature } from './plan/vscode/planFeature';
import type { createPreviewDecorator } from './plan/vscode/planPreview';
import type { PlansViewHost, PlanTreeNode } from './plan/vscode/plansTree';
import { lessonSectionOf, planUriOf, plansAfterLessonPage, plansViewHost, type PlansTreeView, scheduleWorkspaceLook } from './plan/vscode/plansView';
import { watchPlanDocuments } from './plan/vscode/planWatcher';
import type { TemplateCatalogue } from './plan/vscode/templateCatalogue';
import { deferDailyTip } from './tips/deferredTip';
import type { DailyTipController } from './tips/vscode/dailyTip';

/** What activate() returns. */
export interface CollabCoachExports {
  /** Called by the Markdown extension when it builds its preview engine (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** The features, for the extension-host tests to observe state (loads them if they are not yet). */
  readonly api: CollabCoachApi;
}

/** What the extension-host tests observe. */
export interface CollabCoachApi {
  readonly tip: DailyTipController;
  readonly progress: ProgressStore;
  lesson(): Promise<LessonFeature>;
  plan(): Promise<PlanFeature>;
  coach(): Promise<CoachFeature>;
  /** The language model tools registered (none where VS Code has no language model tool API). */
  readonly languageModelTools: readonly string[];
}

/** What activation made and hands over. */
export interface Registered {
  /** The one log output channel. */
  readonly channel: vscode.LogOutputChannel;
  readonly plansTree: PlansTreeView;
  readonly agentTools: AgentToolsRegistration;
}

/** What the registrations call. */
export interface Features {
  readonly api: CollabCoachApi;
  resolveLessonView(view: vscode.WebviewView): Promise<void>;
  restoreLessonPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  runCommand(id: CommandId, args: readonly unknown[]): unknown;
  plansChildren(element: PlanTreeNode | undefined): Promise<PlanTreeNode[]>;
  handleUri(uri: vscode.Uri): Promise<void>;
  invokeAgentTool(name: AgentToolName, options: LanguageModelToolInvocationOptionsShim, token: vscode.CancellationToken): Promise<LanguageModelToolResultShim>;
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** What the preview's chunk exports (required synchronously, so typed by hand). */
interface PreviewChunk {
  readonly createPreviewDecorator: typeof createPreviewDecorator;
}

/** How long after activation the lesson is prepared: after the window's own startup work. */
const LESSON_WARM_UP_DELAY_MS = 3000;

/** Each feature, made on first use (its code a lazy chunk). */
interface FeatureLoaders {
  readonly tip: DailyTipController;
  progress(): ProgressStore;
  lesson(): Promise<LessonFeature>;
  /** Whether the lesson feature has been asked for. */
  lessonAsked(): boolean;
  catalogue(): Promise<TemplateCatalogue>;
  plan(): Promise<PlanFeature>;
  coach(): Promise<CoachFeature>;
  drafts(): Promise<DraftMessageFeature>;
  agentTools(): Promise<AgentToolsRunner>;
}

function featureLoaders(context: vscode.ExtensionContext, log: Log, plansView: PlansViewHost): FeatureLoaders {
  const subscriptions = context.subscriptions;
  let progressStore: ProgressStore | undefined;
  // Its code is a lazyChunks module too, required synchronously on first use (the API's getter is sync).
  const progress = (): ProgressStore =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (progressStore ??= (require('./lesson/vscode/progress') as { createProgressStore: typeof createProgressStore }).createProgressStore(context));
  const tip = deferDailyTip(() => import('./tips/vscode/dailyTip').then((module) => module.createDailyTip(context, log)), log);
  let lessonFeature: Promise<LessonFeature> | undefined;
  const lesson = (): Promise<LessonFeature> =>
    (lessonFeature ??= import('./lesson/vscode/lessonFeature').then((module) => module.createLessonFeature(context, progress, log)));
  // One template catalogue, shared by Insert, New Plan, the coach, the message and the agents' tools.
  let templateCatalogue: Promise<TemplateCatalogue> | undefined;
  const catalogue = (): Promise<TemplateCatalogue> =>
    (templateCatalogue ??= import('./plan/vscode/templateCatalogue').then((module) => {
      const created = new module.TemplateCatalogue(context.extensionUri, log);
      subscriptions.push(created);
      return created;
    }));
  let planFeature: Promise<PlanFeature> | undefined;
  let coachFeature: Promise<CoachFeature> | undefined;
  const coach = (): Promise<CoachFeature> =>
    (coachFeature ??= Promise.all([import('./plan/vscode/coachFeature'), catalogue()]).then(([module, shared]) =>
      module.createCoachFeature(context, { progress: progress(), tip, log, plansView, state: context.workspaceState, catalogue: shared }),
    ));
  let draftFeature: Promise<DraftMessageFeature> | undefined;
  let agentTools: Promise<AgentToolsRunner> | undefined;
  return {
    tip,
    progress,
    lesson,
    lessonAsked: () => lessonFeature !== undefined,
    catalogue,
    plan: () =>
      (planFeature ??= Promise.all([import('./plan/vscode/planFeature'), catalogue()]).then(([module, shared]) => {
        const feature = module.createPlanFeature(context, log, { catalogue: shared });
        subscriptions.push(feature);
        return feature;
      })),
    coach,
    drafts: () =>
      (draftFeature ??= Promise.all([import('./plan/vscode/draftMessageCommand'), catalogue()]).then(([module, shared]) => {
        const feature = module.createDraftMessageFeature(shared, log);
        subscriptions.push(feature);
        return feature;
      })),
    agentTools: () =>
      (agentTools ??= import('./plan/vscode/agentToolsFeature').then((module) =>
        module.createAgentTools({ extensionUri: context.extensionUri, log, coach, catalogue }),
      )),
  };
}

/** What each command does. */
function commandHandlers(loaders: FeatureLoaders, extensionUri: vscode.Uri): Record<CommandId, (...args: unknown[]) => unknown> {
  const { lesson, plan, coach, tip, progress } = loaders;
  return {
    'collabCoach.openLesson': async (sectionId?: unknown, options?: unknown) => {
      const preserveFocus = wantsFocusKept(options);
      // The first time, the panel is created before the lesson chunk loads: VS Code builds the webview meanwhile.
      const created = loaders.lessonAsked() ? undefined : createLessonPanel(extensionUri, preserveFocus);
      return (await lesson()).openLesson(sectionId, created, preserveFocus);
    },
    'collabCoach.insertPlan': async (templateId?: unknown) => (await plan()).insertPlan(templateId),
    'collabCoach.newPlan': async (options?: unknown) => (await plan()).newPlan(options),
    'collabCoach.nextTip': () => tip.showNextTip(),
    'collabCoach.resetProgress': async () => {
      await progress().reset();
      void vscode.window.showInformationMessage(vscode.l10n.t('Collab Coach progress has been reset.'));
    },
    'collabCoach.checkAllPlans': async () => (await coach()).checkAllPlans(),
    'collabCoach.fixAll': async (target?: unknown) => (await coach()).fixAll(planUriOf(target)),
    'collabCoach.plans.openLesson': async (target?: unknown) => (await lesson()).openLesson(lessonSectionOf(target)),
    'collabCoach.draftMessage': async (target?: unknown) => (await loaders.drafts()).draftMessage(planUriOf(target)),
  };
}

/** Makes the features and starts what runs in every session; each feature itself loads on first use. */
export function createFeatures(context: vscode.ExtensionContext, registered: Registered): Features {
  const log = logTo(registered.channel);
  const toolsAbsence = agentToolsAbsence(registered.agentTools);
  if (toolsAbsence) {
    log.info(toolsAbsence);
  }
  const loaders = featureLoaders(context, log, plansViewHost(registered.plansTree));
  const { tip, progress, lesson, plan, coach, catalogue } = loaders;
  // A while after startup the lesson feature is made and its page rendered, so the first open of a
  // session only makes the page and paints as fast as the next ones; startup itself is not touched.
  const lessonWarmUp = setTimeout(() => {
    lesson()
      .then(async () => (await import('./lesson/vscode/lessonFeature')).warmLesson(context.extensionUri, log))
      .catch((error: unknown) => log.error('The lesson could not be loaded before its first open.', error));
  }, LESSON_WARM_UP_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(lessonWarmUp) });
  // Only documents that hold plan markers load the coach; others cost one `includes` check.
  context.subscriptions.push(watchPlanDocuments(coach, log), scheduleWorkspaceLook(coach, log));
  const commands = commandHandlers(loaders, context.extensionUri);
  const sidebar = plansAfterLessonPage();

  return {
    api: {
      tip,
      get progress() {
        return progress();
      },
      lesson,
      plan,
      coach,
      languageModelTools: registered.agentTools.registered,
    },
    resolveLessonView: async (view) => {
      sidebar.lessonViewMade(view);
      return (await lesson()).resolveWebviewView(view);
    },
    restoreLessonPanel: async (panel, state) => (await lesson()).restorePanel(panel, state),
    runCommand: (id, args) => commands[id](...args),
    plansChildren: async (element) => {
      if (!element) {
        await sidebar.firstRows();
      }
      return (await coach()).plansTree(element);
    },
    // A finding's code in the Problems panel links here: the lesson at the rule's section.
    async handleUri(uri) {
      const section = sectionOfLessonLink(uri.path, uri.query);
      if (section) {
        await (await lesson()).openLesson(section);
      } else {
        log.warn(`Ignored a link the extension does not know: ${uri.toString(true).slice(0, 200)}`);
      }
    },
    invokeAgentTool: (name, options, token) => invokeAgentTool(loaders.agentTools, name, options, token, log),
    extendMarkdownIt(md) {
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
