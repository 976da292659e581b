/**
 * The coach for Copilot and other agents: three language model tools, registered at activation
 * (startup entry) with an `invoke` that hands over to the features file, which runs them with the
 * tools' chunk, loaded on first use. The language model tool API arrived after 1.91, which
 * `engines.vscode` still allows, so it is found at run time: where `vscode.lm.registerTool` is
 * missing, or throws (1.91 has it only as a proposal), nothing is registered and the rest of the
 * extension is unaffected.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import { AGENT_TOOL_NAMES, type AgentToolName } from '../agentToolNames';

// The few types of the API this needs, declared here: @types/vscode stays at 1.91.
export interface LanguageModelTextPartShim {
  readonly value: string;
}
export interface LanguageModelToolResultShim {
  readonly content: readonly unknown[];
}
export interface LanguageModelToolInvocationOptionsShim {
  readonly input: unknown;
  readonly toolInvocationToken: unknown;
}
export interface LanguageModelToolShim {
  invoke(options: LanguageModelToolInvocationOptionsShim, token: vscode.CancellationToken): Promise<LanguageModelToolResultShim>;
}
export interface LanguageModelToolInformationShim {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: object | undefined;
  readonly tags: readonly string[];
}
export interface LanguageModelApiShim {
  readonly registerTool?: (name: string, tool: LanguageModelToolShim) => vscode.Disposable;
  readonly invokeTool?: (name: string, options: LanguageModelToolInvocationOptionsShim, token?: vscode.CancellationToken) => Thenable<LanguageModelToolResultShim>;
  readonly tools?: readonly LanguageModelToolInformationShim[];
}
export interface LanguageModelToolsNamespaceShim {
  readonly lm?: LanguageModelApiShim;
  readonly LanguageModelTextPart?: new (value: string) => LanguageModelTextPartShim;
  readonly LanguageModelToolResult?: new (content: LanguageModelTextPartShim[]) => LanguageModelToolResultShim;
}

/** The API as this VS Code has it (its members may be missing). */
export const languageModelApi = vscode as unknown as LanguageModelToolsNamespaceShim;

/** Runs a tool: the text of its one result part (an error in words, never a throw). */
export interface AgentToolsRunner {
  run(name: AgentToolName, input: unknown, token: vscode.CancellationToken): Promise<string>;
}

/** What activation registered: the tools, or nothing and why. */
export interface AgentToolsRegistration extends vscode.Disposable {
  /** All three, or none where the API is missing. */
  readonly registered: readonly AgentToolName[];
  /** What registering threw (VS Code 1.91 has the API as a proposal, which throws for extensions that do not enable it). */
  readonly error: unknown;
}

/** Calls a tool the way VS Code does. */
export type AgentToolInvoker = (name: AgentToolName, options: LanguageModelToolInvocationOptionsShim, token: vscode.CancellationToken) => Promise<LanguageModelToolResultShim>;

/** Registers the three tools, each calling `invoke`, where the API has them. Never throws. */
export function registerAgentTools(invoke: AgentToolInvoker): AgentToolsRegistration {
  const { lm, LanguageModelTextPart: TextPart, LanguageModelToolResult: ToolResult } = languageModelApi;
  const registered: AgentToolName[] = [];
  const disposables: vscode.Disposable[] = [];
  let error: unknown;
  if (typeof lm?.registerTool === 'function' && typeof TextPart === 'function' && typeof ToolResult === 'function') {
    try {
      for (const name of AGENT_TOOL_NAMES) {
        disposables.push(lm.registerTool(name, { invoke: (options, token) => invoke(name, options, token) }));
        registered.push(name);
      }
    } catch (thrown) {
      error = thrown;
    }
  }
  return { registered, error, dispose: () => disposables.forEach((disposable) => disposable.dispose()) };
}

/** The log's line for a VS Code without the tools (none registered), or undefined. */
export function agentToolsAbsence(registration: AgentToolsRegistration): string | undefined {
  if (registration.registered.length > 0) {
    return undefined;
  }
  const { error } = registration;
  const why = error === undefined ? '' : ` (${error instanceof Error ? error.message : String(error)})`;
  return `Language model tools: none in VS Code ${vscode.version}${why}.`;
}

/** Runs a tool for VS Code: its answer as one text part, or the failure in words (logged), never a throw. */
export async function invokeAgentTool(
  runner: () => Promise<AgentToolsRunner>,
  name: AgentToolName,
  options: LanguageModelToolInvocationOptionsShim,
  token: vscode.CancellationToken,
  log: Log,
): Promise<LanguageModelToolResultShim> {
  const { LanguageModelTextPart: TextPart, LanguageModelToolResult: ToolResult } = languageModelApi;
  if (typeof TextPart !== 'function' || typeof ToolResult !== 'function') {
    // Tools are registered only where both exist.
    throw new Error(`Language model tool ${name} was called in VS Code ${vscode.version}, which has no tool results.`);
  }
  const result = (text: string): LanguageModelToolResultShim => new ToolResult([new TextPart(text)]);
  try {
    return result(await (await runner()).run(name, options.input, token));
  } catch (error) {
    log.error(`Language model tool ${name} failed.`, error);
    return result(vscode.l10n.t('Error: Collab Coach could not run this tool; the Collab Coach output channel says why.'));
  }
}
