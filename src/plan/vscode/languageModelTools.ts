/**
 * The coach for Copilot and other agents, as registered at activation (startup bundle): three
 * language model tools whose `invoke` loads the tools' chunk on first use. The language model tool
 * API arrived after 1.91, which `engines.vscode` still allows, so it is found at run time: where
 * `vscode.lm.registerTool` is missing, or throws (1.91 has it only as a proposal), nothing is
 * registered and the rest of the extension is unaffected.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
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
export function languageModelApi(): LanguageModelToolsNamespaceShim {
  return vscode as unknown as LanguageModelToolsNamespaceShim;
}

/** Runs a tool: the text of its one result part (an error in words, never a throw). */
export interface AgentToolsRunner {
  run(name: AgentToolName, input: unknown, token: vscode.CancellationToken): Promise<string>;
}

export class LanguageModelTools extends Disposable {
  private readonly names: AgentToolName[] = [];

  constructor(runner: () => Promise<AgentToolsRunner>, log: Log) {
    super();
    const api = languageModelApi();
    const { lm, LanguageModelTextPart: TextPart, LanguageModelToolResult: ToolResult } = api;
    if (typeof lm?.registerTool !== 'function' || typeof TextPart !== 'function' || typeof ToolResult !== 'function') {
      log.info(`Language model tools: none in VS Code ${vscode.version}.`);
      return;
    }
    const result = (text: string): LanguageModelToolResultShim => new ToolResult([new TextPart(text)]);
    for (const name of AGENT_TOOL_NAMES) {
      const tool: LanguageModelToolShim = {
        invoke: async (options, token) => {
          try {
            return result(await (await runner()).run(name, options.input, token));
          } catch (error) {
            log.error(`Language model tool ${name} failed.`, error);
            return result(vscode.l10n.t('Error: Collab Coach could not run this tool; the Collab Coach output channel says why.'));
          }
        },
      };
      try {
        this._register(lm.registerTool(name, tool));
        this.names.push(name);
      } catch (error) {
        // VS Code 1.91 has the API as a proposal, which throws for extensions that do not enable it.
        log.info(`Language model tools: none in VS Code ${vscode.version} (${error instanceof Error ? error.message : String(error)}).`);
        return;
      }
    }
  }

  /** The tools registered with VS Code: all three, or none where the API is missing. */
  get registered(): readonly AgentToolName[] {
    return [...this.names];
  }
}
