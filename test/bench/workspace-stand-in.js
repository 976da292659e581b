// The `vscode` stand-in of vscode-stand-in.js, extended with what the workspace index (PlanIndex)
// and the Plans tree (PlansTree) touch, for the workspace rows of the bench on plain Node:
// one workspace folder, `workspace.findFiles` as a real directory walk, `workspace.fs` on Node's
// fs promises (in the extension host a `file:` URI is read in-process too, not over IPC), file
// system watchers whose events the bench fires, and the tree item classes.
// `installWorkspaceStandIn(root)` makes `require('vscode')` resolve to it in the current process.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { install } = require('./vscode-stand-in');

const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };

class TreeItem {
  constructor(label, collapsibleState = TreeItemCollapsibleState.None) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(startLine, startCharacter, endLine, endCharacter) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

/**
 * Folder names an exclude glob such as `{**\/node_modules/**,**\/.git}` leaves out. Loose on
 * purpose: only whole-folder patterns, which is what the index asks for by default.
 */
function excludedFolderNames(exclude) {
  const names = new Set(['node_modules']);
  const body = typeof exclude === 'string' ? exclude.replace(/^\{|\}$/g, '') : '';
  for (const pattern of body.split(',')) {
    const folder = /^\*\*\/([^/*?[\]{}]+)(?:\/\*\*)?$/.exec(pattern.trim());
    if (folder) {
      names.add(folder[1]);
    }
  }
  return names;
}

/** `**\/*.{md,markdown}` and the like → a test on the file name (only extension patterns). */
function includedName(include) {
  const choices = /\*\.\{([^}]+)\}$/.exec(include) || /\*\.([\w-]+)$/.exec(include);
  if (!choices) {
    throw new Error(`the workspace stand-in only understands **/*.ext includes, not ${include}`);
  }
  const extensions = new Set(choices[1].split(',').map((extension) => `.${extension.trim().toLowerCase()}`));
  return (name) => extensions.has(path.extname(name).toLowerCase());
}

/**
 * Builds the stand-in for a workspace of one folder, `root`. Returns `{ vscode, watchers, timing }`:
 * `watchers` are the file system watchers created so far (each with `fireChange(uri)` …),
 * `timing.findFiles_ms` the duration of every `findFiles` call, `timing.fs_ms` the time spent in
 * `workspace.fs.stat/readFile` while `timing.recordFs` is set.
 */
function installWorkspaceStandIn(root) {
  const standIn = install();
  const vscode = standIn.vscode;
  const { Uri, EventEmitter } = vscode;
  const rootUri = Uri.file(root);
  const watchers = [];
  const timing = { findFiles_ms: [], recordFs: false, fs_ms: 0 };

  async function walk(folder, skip, accepts, into) {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) {
          await walk(full, skip, accepts, into);
        }
      } else if (entry.isFile() && accepts(entry.name)) {
        into.push(Uri.file(full));
      }
    }
  }

  vscode.FileType = FileType;
  vscode.TreeItem = TreeItem;
  vscode.TreeItemCollapsibleState = TreeItemCollapsibleState;
  vscode.Position = Position;
  vscode.Range = Range;

  const workspace = vscode.workspace;
  workspace.workspaceFolders = [{ uri: rootUri, name: path.basename(root), index: 0 }];
  workspace.getWorkspaceFolder = (uri) => (uri.path.startsWith(`${rootUri.path}/`) ? workspace.workspaceFolders[0] : undefined);
  workspace.textDocuments = [];
  workspace.asRelativePath = (target) => {
    const fsPath = typeof target === 'string' ? target : target.fsPath;
    return path.relative(root, fsPath).split(path.sep).join('/');
  };
  workspace.findFiles = async (include, exclude) => {
    const started = process.hrtime.bigint();
    const found = [];
    await walk(root, excludedFolderNames(exclude), includedName(include), found);
    timing.findFiles_ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    return found;
  };
  /** Adds the time of one file system call to `timing.fs_ms` while `timing.recordFs` is set. */
  const timed = async (call) => {
    const started = timing.recordFs ? process.hrtime.bigint() : 0n;
    const value = await call();
    if (timing.recordFs) {
      timing.fs_ms += Number(process.hrtime.bigint() - started) / 1e6;
    }
    return value;
  };
  workspace.fs = {
    stat: (uri) =>
      timed(async () => {
        const stats = await fs.promises.stat(uri.fsPath);
        return { type: stats.isDirectory() ? FileType.Directory : FileType.File, size: stats.size, ctime: stats.ctimeMs, mtime: stats.mtimeMs };
      }),
    readFile: (uri) => timed(async () => new Uint8Array(await fs.promises.readFile(uri.fsPath))),
    readDirectory: async (uri) =>
      (await fs.promises.readdir(uri.fsPath, { withFileTypes: true })).map((entry) => [entry.name, entry.isDirectory() ? FileType.Directory : FileType.File]),
    isWritableFileSystem: (scheme) => (scheme === 'file' ? true : undefined),
  };
  workspace.createFileSystemWatcher = (globPattern) => {
    const created = new EventEmitter();
    const changed = new EventEmitter();
    const deleted = new EventEmitter();
    const watcher = {
      globPattern,
      onDidCreate: created.event,
      onDidChange: changed.event,
      onDidDelete: deleted.event,
      fireCreate: (uri) => created.fire(uri),
      fireChange: (uri) => changed.fire(uri),
      fireDelete: (uri) => deleted.fire(uri),
      dispose() {
        [created, changed, deleted].forEach((emitter) => emitter.dispose());
        watchers.splice(watchers.indexOf(watcher), 1);
      },
    };
    watchers.push(watcher);
    return watcher;
  };
  return { vscode, watchers, timing, rootUri };
}

module.exports = { installWorkspaceStandIn };
