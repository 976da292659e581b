// Checks that the web layer really is what it claims to be: the browser build of the extension, in a
// web-worker extension host of VS Code for the Web 1.91, on a virtual workspace. The other suites of
// the web layer are the extension-host files from test/host, run unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from '../host/support';

describe('VS Code for the Web (web extension host)', function () {
  it('runs on VS Code 1.91, the oldest engines.vscode allows', function () {
    assert.match(vscode.version, /^1\.91\./);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('runs in a web worker', function () {
    const scope = globalThis as Record<string, unknown>;
    assert.equal(typeof scope['WorkerGlobalScope'], 'function', 'the global scope is a worker scope');
    assert.equal(typeof scope['importScripts'], 'function', 'a worker global scope has importScripts');
  });

  it("activates the manifest's browser entry", async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as { browser?: unknown };
    assert.equal(manifest.browser, './dist/web/extension.js');
    const api = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.ok(api.tip, 'the activate() result carries the tip controller');
  });

  it('opens a virtual workspace and reads it with workspace.fs', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    assert.notEqual(folder.uri.scheme, 'file', `the folder is virtual: ${folder.uri.toString()}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'README.md'));
    assert.match(new TextDecoder().decode(bytes), /Collab Coach/);
  });
});
