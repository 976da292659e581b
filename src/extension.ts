// Activation only registers: the log channel, every command, the two views, the panel serializer,
// the link handler and the agent tools, each handing over to the features (src/features.ts). That
// file loads on its own just after activate returns, or at the first call if that comes sooner.
import * as vscode from 'vscode';
import { COMMAND_IDS } from './commandIds';
// On Node, a stub that loads dist/features.js on the first call (esbuild.js, `deferredImports`).
import { type CollabCoachExports, createFeatures, type Features } from './features';
import { registerAgentTools } from './plan/vscode/languageModelTools';
import { createPlansTreeView } from './plan/vscode/plansView';

export type { CollabCoachApi, CollabCoachExports } from './features';

export function activate(context: vscode.ExtensionContext): CollabCoachExports {
  const subscriptions = context.subscriptions;
  // The one log output channel: every failure of every room goes there.
  const channel = vscode.window.createOutputChannel('Collab Coach', { log: true });
  const plansTree = createPlansTreeView((element) => features().plansChildren(element));
  const agentTools = registerAgentTools((name, options, token) => features().invokeAgentTool(name, options, token));
  let loaded: Features | undefined;
  const features = (): Features => {
    try {
      return (loaded ??= createFeatures(context, { channel, plansTree, agentTools }));
    } catch (error) {
      channel.error('Collab Coach could not load its features.', error);
      throw error;
    }
  };
  for (const id of COMMAND_IDS) {
    subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => features().runCommand(id, args)));
  }
  subscriptions.push(
    channel,
    plansTree.view,
    plansTree.changed,
    agentTools,
    vscode.window.registerWebviewViewProvider('collabCoach.lesson', {
      resolveWebviewView: (view) => features().resolveLessonView(view),
    }),
    vscode.window.registerWebviewPanelSerializer('collabCoach.lessonPanel', {
      deserializeWebviewPanel: (panel, state: unknown) => features().restoreLessonPanel(panel, state),
    }),
    vscode.window.registerUriHandler({ handleUri: (uri) => features().handleUri(uri) }),
  );
  const start = setTimeout(() => {
    try {
      features();
    } catch {
      // Logged by features(); each registration tries again on its first call.
    }
  }, 0);
  subscriptions.push({ dispose: () => clearTimeout(start) });
  return {
    extendMarkdownIt: (md) => features().extendMarkdownIt(md),
    get api() {
      return features().api;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
