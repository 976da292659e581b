// Helpers shared by the extension-host tests.
import * as vscode from 'vscode';
import type { CollabCoachApi } from '../../src/extension';

export const EXTENSION_ID = 'qianjinshe.collab-coach';

export async function activateExtension(): Promise<CollabCoachApi> {
  const extension = vscode.extensions.getExtension<CollabCoachApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  }
  return extension.activate();
}

/** Polls until `read()` returns a value `accept` takes, or fails with what it last saw. */
export async function waitFor<T>(what: string, read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

export async function setSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('collabCoach').update(section, value, vscode.ConfigurationTarget.Global);
}
