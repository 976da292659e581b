import type * as vscode from 'vscode';
import { describeError, type Log } from '../log';

/**
 * The extension's one log output channel ("Collab Coach" in the Output view), created once at
 * activation, as the `Log` every feature writes to.
 */
export function logTo(channel: vscode.LogOutputChannel): Log {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, error) => channel.error(error === undefined ? message : `${message} ${describeError(error)}`),
  };
}
