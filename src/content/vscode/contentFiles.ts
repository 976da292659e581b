import * as vscode from 'vscode';

const decoder = new TextDecoder('utf-8');

/**
 * Adapter: reads a file the extension ships under `content/` through `workspace.fs`, so it works
 * the same in the Node host, on remotes and in the browser.
 */
export async function readContentText(extensionUri: vscode.Uri, ...segments: string[]): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'content', ...segments));
  return decoder.decode(bytes);
}
