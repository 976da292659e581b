/**
 * The Plans view as registered at activation (startup entry): only the view and a provider that
 * asks for its rows (the coach, and markdown-it with it, loads when the view is first shown); and,
 * for the features file, when the first rows start, the workspace look and what a command run on a
 * row is about.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import type { CoachFeature } from './coachFeature';
import type { PlansViewHost, PlanTreeNode } from './plansTree';

export const PLANS_VIEW_ID = 'collabCoach.plans';

/** The view and the event that tells it its rows changed, as activation made them. */
export interface PlansTreeView {
  readonly view: vscode.TreeView<PlanTreeNode>;
  readonly changed: vscode.EventEmitter<void>;
}

/** Registers the view; `children` gives its rows. */
export function createPlansTreeView(children: (element: PlanTreeNode | undefined) => Promise<PlanTreeNode[]>): PlansTreeView {
  const changed = new vscode.EventEmitter<void>();
  const view = vscode.window.createTreeView<PlanTreeNode>(PLANS_VIEW_ID, {
    treeDataProvider: { onDidChangeTreeData: changed.event, getChildren: children, getTreeItem: (element) => element.item },
    showCollapseAll: true,
  });
  return { view, changed };
}

/** What the coach does with the view: its badge, and its rows shown again. */
export function plansViewHost({ view, changed }: PlansTreeView): PlansViewHost {
  return {
    setBadge(count, tooltip) {
      view.badge = count > 0 ? { value: count, tooltip } : undefined;
    },
    refresh: () => changed.fire(),
  };
}

/** How long the Plans view's first rows wait at most for the lesson page beside them. */
const LESSON_PAGE_WAIT_MS = 1000;
/** How long after the lesson page's first message they start: its first frames are drawn meanwhile. */
const LESSON_PAGE_PAINT_MS = 200;

/**
 * The first show of the Collab Coach container opens the lesson view and the Plans view together,
 * and both want the machine at once. The Plans view's first rows (the coach, markdown-it, a look
 * through the workspace) start a moment after a lesson page has sent its first message, so the
 * page the reader looks at paints first; a lesson view that does not open (collapsed) costs that
 * wait once, up to `waitMs`.
 */
export function plansAfterLessonPage(
  waitMs = LESSON_PAGE_WAIT_MS,
  paintMs = LESSON_PAGE_PAINT_MS,
): {
  lessonViewMade(view: Pick<vscode.WebviewView, 'webview'>): void;
  firstRows(): Promise<void>;
} {
  let pageUp = false;
  let open: (() => void) | undefined;
  let rowsMayStart: Promise<void> | undefined;
  return {
    lessonViewMade(view) {
      const first = view.webview.onDidReceiveMessage(() => {
        first.dispose();
        setTimeout(() => {
          pageUp = true;
          open?.();
        }, paintMs);
      });
    },
    firstRows: () =>
      (rowsMayStart ??= new Promise<void>((resolve) => {
        open = resolve;
        setTimeout(resolve, pageUp ? 0 : waitMs);
      })),
  };
}

/** How long after activation the workspace is looked at for plans (reminders need the index). */
const WORKSPACE_LOOK_DELAY_MS = 4000;

/**
 * A while after startup, looks (with the small scanner chunk, no markdown-it) whether the
 * workspace holds a plan; only then loads the coach, which indexes the plans and shows the day's
 * check-in reminder.
 */
export function scheduleWorkspaceLook(coach: () => Promise<CoachFeature>, log: Log): vscode.Disposable {
  const timer = setTimeout(() => {
    if (vscode.workspace.getConfiguration('collabCoach').get<unknown>('reminders.enabled') === false || !vscode.workspace.workspaceFolders?.length) {
      return;
    }
    import('./planScanner')
      .then((scanner) => scanner.workspaceHoldsPlan(log))
      .then(async (holdsPlan) => {
        if (holdsPlan) {
          await (await coach()).startWorkspace();
        }
      })
      .catch((error: unknown) => log.error('Could not look for plans in the workspace.', error));
  }, WORKSPACE_LOOK_DELAY_MS);
  return { dispose: () => clearTimeout(timer) };
}

/** The plan a command was run on: a Plans view row, a URI (Explorer, tests), or none. */
export function planUriOf(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  const node = target as Partial<PlanTreeNode> | undefined;
  return node && typeof node === 'object' && node.uri instanceof vscode.Uri ? node.uri : undefined;
}

/** The lesson section of a Plans view section row. */
export function lessonSectionOf(target: unknown): string | undefined {
  const node = target as Partial<Extract<PlanTreeNode, { kind: 'section' }>> | undefined;
  return node && typeof node === 'object' && node.kind === 'section' ? node.section?.lessonSection : undefined;
}
