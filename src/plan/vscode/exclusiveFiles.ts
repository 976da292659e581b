/**
 * Adapter: creates a file with its full content, never over an existing one. The name gets the
 * first free suffix (`-2`, `-3`, …) when it is taken.
 *
 * Creations run one after another, so two that race in this window (a double-triggered command)
 * pick different names. Each goes through a WorkspaceEdit `createFile` with `overwrite: false`, so
 * VS Code's file service refuses a file another process created since the check; the next name is
 * then tried.
 */
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import { withCollisionSuffixAsync } from '../slug';

export class ExclusiveFiles extends Disposable {
  private queue: Promise<unknown> = Promise.resolve();

  /** Creates `fileName` (or its first free suffixed name) in `directory` holding `contents`. */
  create(directory: vscode.Uri, fileName: string, contents: Uint8Array): Promise<vscode.Uri> {
    const created = this.queue.then(() => this.createNow(directory, fileName, contents));
    this.queue = created.catch(() => undefined);
    return created;
  }

  private async createNow(directory: vscode.Uri, fileName: string, contents: Uint8Array): Promise<vscode.Uri> {
    if (this.isDisposed) {
      throw new Error('The plan commands were disposed.');
    }
    await vscode.workspace.fs.createDirectory(directory);
    const name = await withCollisionSuffixAsync(fileName, async (candidate) => !(await createIfAbsent(vscode.Uri.joinPath(directory, candidate), contents)));
    return vscode.Uri.joinPath(directory, name);
  }
}

/** True when the file was created with `contents`; false when it already exists. */
async function createIfAbsent(uri: vscode.Uri, contents: Uint8Array): Promise<boolean> {
  if (await exists(uri)) {
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents });
  let failure: unknown;
  try {
    if (await vscode.workspace.applyEdit(edit)) {
      return true;
    }
  } catch (error) {
    failure = error;
  }
  if (await exists(uri)) {
    return false; // Created by someone else since the check: try the next name.
  }
  throw failure instanceof Error ? failure : new Error(`VS Code did not create ${uri.toString(true)}.`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (isNotFound(error)) {
      return false;
    }
    throw error; // Unknown state: better to stop than to risk overwriting a file.
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
    return true;
  }
  return error instanceof Error && /FileNotFound|EntryNotFound|ENOENT/.test(`${(error as { code?: unknown }).code ?? ''} ${error.message}`);
}
