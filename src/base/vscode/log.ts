import * as vscode from 'vscode';
import { describeError, type Log } from '../log';

/** The extension's one log output channel ("Collab Coach" in the Output view). Create it once, at activation. */
export function createLog(): Log & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Collab Coach', { log: true });
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, error) => channel.error(error === undefined ? message : `${message} ${describeError(error)}`),
    dispose: () => channel.dispose(),
  };
}
