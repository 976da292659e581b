// A minimal `vscode` module for timing `activate` on plain Node, outside any editor.
// It implements what activation touches (status bar item, output channel, registrations, tree view,
// language model tools, configuration, events, `workspace.fs.readFile`, `Uri.joinPath`, `l10n.t`,
// `MarkdownString`, …) as plain functions, as the host's API is, and answers anything else
// with a tolerant no-op, so a new API call in `activate` slows nothing down and breaks nothing here.
// `install()` makes `require('vscode')` resolve to it in the current process.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/** A value that can be called, read, awaited-on-nothing and stringified without throwing. */
function tolerant(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') {
        return undefined; // not a thenable: `await tolerant` gives the proxy, not a hang
      }
      if (property === Symbol.toPrimitive) {
        return () => `[stand-in ${name}]`;
      }
      if (property === 'toString' || property === 'toJSON') {
        return () => `[stand-in ${name}]`;
      }
      if (property === 'dispose') {
        return () => undefined;
      }
      return tolerant(`${name}.${String(property)}`);
    },
    apply() {
      return tolerant(`${name}()`);
    },
    construct() {
      return tolerant(`new ${name}`);
    },
    set() {
      return true;
    },
  });
}

/** Counts reads of API functions (≈ calls) while `counting` is set; see `install()`. */
let counting = null;

/** Adds a tolerant fallback to an object: known members as given, anything else a no-op. */
function withFallback(name, members) {
  return new Proxy(members, {
    get(target, property) {
      if (property in target) {
        const value = target[property];
        if (counting && typeof value === 'function' && typeof property === 'string') {
          const key = name === 'vscode' ? property : `${name}.${property}`;
          counting.set(key, (counting.get(key) || 0) + 1);
        }
        return value;
      }
      // Not thenable, and not an ES module namespace (the real `vscode` module is neither).
      if (typeof property === 'symbol' || property === 'then' || property === '__esModule') {
        return undefined;
      }
      if (counting) {
        const key = `${name === 'vscode' ? '' : `${name}.`}${property} (no-op)`;
        counting.set(key, (counting.get(key) || 0) + 1);
      }
      return tolerant(`${name}.${property}`);
    },
  });
}

class Disposable {
  constructor(callOnDispose) {
    this.callOnDispose = callOnDispose;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item && item.dispose && item.dispose()));
  }
  dispose() {
    if (typeof this.callOnDispose === 'function') {
      this.callOnDispose();
    }
  }
}

const noopDisposable = () => new Disposable(() => undefined);

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return new Disposable(() => this.listeners.delete(listener));
    };
  }
  fire(value) {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }
  dispose() {
    this.listeners.clear();
  }
}

/** An event nobody fires. */
const quietEvent = () => noopDisposable();

class Uri {
  constructor(scheme, fsPath) {
    this.scheme = scheme;
    this.fsPath = fsPath;
    this.path = fsPath.split(path.sep).join('/');
  }
  static file(fsPath) {
    return new Uri('file', fsPath);
  }
  static parse(value) {
    return new Uri('file', value.replace(/^file:\/\//, ''));
  }
  static joinPath(base, ...segments) {
    return new Uri(base.scheme, path.join(base.fsPath, ...segments));
  }
  with() {
    return this;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
    this.isTrusted = false;
  }
  appendMarkdown(value) {
    this.value += value;
    return this;
  }
  appendText(value) {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
    return this;
  }
  appendCodeblock(code, language = '') {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}

class LanguageModelTextPart {
  constructor(value) {
    this.value = value;
  }
}

class LanguageModelToolResult {
  constructor(content) {
    this.content = content;
  }
}

function statusBarItem(id, alignment, priority) {
  return withFallback('StatusBarItem', {
    id,
    alignment,
    priority,
    name: undefined,
    text: '',
    tooltip: undefined,
    command: undefined,
    accessibilityInformation: undefined,
    visible: false,
    show() {
      this.visible = true;
    },
    hide() {
      this.visible = false;
    },
    dispose() {
      this.visible = false;
    },
  });
}

function memento() {
  const values = new Map();
  return {
    get: (key, fallback) => (values.has(key) ? values.get(key) : fallback),
    update: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
    keys: () => [...values.keys()],
    setKeysForSync: () => undefined,
  };
}

/**
 * Builds the stand-in. `record` collects what activate did (commands, status items), which the
 * bench prints as a sanity check that activation really ran.
 */
function createStandIn() {
  const record = { commands: new Map(), statusItems: [], providers: [] };
  const configuration = () =>
    withFallback('WorkspaceConfiguration', {
      get: (_key, fallback) => fallback,
      has: () => false,
      inspect: () => undefined,
      update: () => Promise.resolve(),
    });

  const vscode = {
    Disposable,
    EventEmitter,
    Uri,
    MarkdownString,
    ThemeColor,
    ThemeIcon,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    version: '1.139.1',
    env: withFallback('env', { language: 'en', appName: 'stand-in', uiKind: 1, openExternal: () => Promise.resolve(true) }),
    l10n: withFallback('l10n', {
      t: (message, ...args) => {
        const text = typeof message === 'string' ? message : message && message.message;
        return String(text).replace(/\{(\d+)\}/g, (whole, index) => (args[index] === undefined ? whole : String(args[index])));
      },
    }),
    window: withFallback('window', {
      createStatusBarItem: (...args) => {
        // Both overloads: (alignment, priority) and (id, alignment, priority).
        const item = typeof args[0] === 'string' ? statusBarItem(args[0], args[1], args[2]) : statusBarItem(undefined, args[0], args[1]);
        record.statusItems.push(item);
        return item;
      },
      registerWebviewViewProvider: (id) => {
        record.providers.push(id);
        return noopDisposable();
      },
      registerWebviewPanelSerializer: (id) => {
        record.providers.push(id);
        return noopDisposable();
      },
      registerTreeDataProvider: () => noopDisposable(),
      createTreeView: (id) => {
        record.providers.push(id);
        return withFallback('TreeView', { badge: undefined, visible: false, onDidChangeVisibility: quietEvent, dispose() {} });
      },
      registerUriHandler: () => noopDisposable(),
      createOutputChannel: (name) =>
        withFallback('LogOutputChannel', { name, trace() {}, debug() {}, info() {}, warn() {}, error() {}, append() {}, appendLine() {}, show() {}, dispose() {} }),
      onDidChangeWindowState: quietEvent,
      onDidChangeActiveTextEditor: quietEvent,
      onDidChangeTextEditorSelection: quietEvent,
      onDidChangeVisibleTextEditors: quietEvent,
      activeTextEditor: undefined,
      visibleTextEditors: [],
      state: { focused: true, active: true },
      showInformationMessage: () => Promise.resolve(undefined),
      showWarningMessage: () => Promise.resolve(undefined),
      showErrorMessage: () => Promise.resolve(undefined),
    }),
    commands: withFallback('commands', {
      registerCommand: (id, callback) => {
        record.commands.set(id, callback);
        return noopDisposable();
      },
      registerTextEditorCommand: (id, callback) => {
        record.commands.set(id, callback);
        return noopDisposable();
      },
      executeCommand: () => Promise.resolve(undefined),
    }),
    workspace: withFallback('workspace', {
      getConfiguration: configuration,
      onDidChangeConfiguration: quietEvent,
      onDidOpenTextDocument: quietEvent,
      onDidCloseTextDocument: quietEvent,
      onDidChangeTextDocument: quietEvent,
      onDidSaveTextDocument: quietEvent,
      onDidChangeWorkspaceFolders: quietEvent,
      onDidGrantWorkspaceTrust: quietEvent,
      createFileSystemWatcher: () =>
        withFallback('FileSystemWatcher', { onDidCreate: quietEvent, onDidChange: quietEvent, onDidDelete: quietEvent, dispose() {} }),
      workspaceFolders: undefined,
      textDocuments: [],
      isTrusted: true,
      // The file system answers asynchronously, as the real one does: activate never waits on it.
      fs: withFallback('workspace.fs', {
        readFile: (uri) =>
          new Promise((resolve, reject) => {
            setImmediate(() => fs.readFile(uri.fsPath, (error, buffer) => (error ? reject(error) : resolve(new Uint8Array(buffer)))));
          }),
        stat: (uri) => fs.promises.stat(uri.fsPath).then((stats) => ({ type: stats.isDirectory() ? 2 : 1, size: stats.size, ctime: 0, mtime: 0 })),
        writeFile: () => Promise.resolve(),
        createDirectory: () => Promise.resolve(),
        readDirectory: () => Promise.resolve([]),
      }),
    }),
    // The language model tool API as VS Code 1.95+ has it (the part activation touches).
    lm: withFallback('lm', { registerTool: () => noopDisposable(), tools: [] }),
    LanguageModelTextPart,
    LanguageModelToolResult,
    languages: withFallback('languages', {}),
    extensions: withFallback('extensions', { getExtension: () => undefined, all: [] }),
  };
  return { vscode: withFallback('vscode', vscode), record };
}

/** An ExtensionContext for a given extension folder. */
function createContext(extensionPath) {
  const extensionUri = Uri.file(extensionPath);
  return withFallback('ExtensionContext', {
    subscriptions: [],
    extensionPath,
    extensionUri,
    globalState: memento(),
    workspaceState: memento(),
    secrets: withFallback('secrets', {}),
    extensionMode: 1,
    storageUri: undefined,
    globalStorageUri: Uri.file(path.join(extensionPath, '.stand-in-storage')),
    logUri: Uri.file(path.join(extensionPath, '.stand-in-log')),
    asAbsolutePath: (relative) => path.join(extensionPath, relative),
  });
}

/**
 * In the extension host Node's timers, promises, text decoding and file system are warm long before
 * any extension activates; warm them here too, so neither bundle pays for Node's own lazy loading.
 */
function warmRuntime() {
  clearTimeout(setTimeout(() => undefined, 1));
  clearImmediate(setImmediate(() => undefined));
  void fs.promises;
  new TextDecoder('utf-8').decode(new Uint8Array([65]));
  new TextEncoder().encode('A');
  globalThis.crypto.getRandomValues(new Uint8Array(1));
  JSON.parse(JSON.stringify({ warm: [1, 'a'] }));
  new Date().getTimezoneOffset();
  encodeURIComponent('[]');
}

/**
 * In the extension host the API's own code is warm too: the extensions activated before ours (Git
 * alone registers dozens of commands, output channels, views and events) have run it. Run each
 * member once here, on a throwaway context, so neither bundle pays to compile the stand-in itself,
 * which is not the extension's cost: before this, ours paid for the ten stand-in functions it calls
 * that the empty extension does not. `record` is emptied afterwards.
 */
function warmApi(standIn) {
  const { vscode, record } = standIn;
  const disposables = [];
  const context = createContext(__dirname);
  const emitter = new vscode.EventEmitter();
  disposables.push(
    emitter,
    emitter.event(() => undefined),
    vscode.window.createOutputChannel('warm', { log: true }),
    vscode.window.createTreeView('warm', { treeDataProvider: { getChildren: () => [], getTreeItem: (item) => item } }),
    vscode.window.registerWebviewViewProvider('warm', {}),
    vscode.window.registerWebviewPanelSerializer('warm', {}),
    vscode.window.registerTreeDataProvider('warm', {}),
    vscode.window.registerUriHandler({ handleUri: () => undefined }),
    vscode.commands.registerCommand('warm', () => undefined),
    vscode.workspace.onDidOpenTextDocument(() => undefined),
    vscode.workspace.onDidChangeTextDocument(() => undefined),
    vscode.workspace.onDidChangeConfiguration(() => undefined),
    vscode.lm.registerTool('warm', {}),
    vscode.Disposable.from(),
  );
  const item = vscode.window.createStatusBarItem('warm', vscode.StatusBarAlignment.Right, 0);
  item.text = 'warm';
  item.show();
  disposables.push(item);
  vscode.workspace.getConfiguration('warm').get('warm', undefined);
  vscode.Uri.joinPath(context.extensionUri, 'warm');
  vscode.l10n.t('warm {0}', 'warm');
  void `${vscode.version}${typeof vscode.LanguageModelTextPart}${typeof vscode.LanguageModelToolResult}`;
  disposables.forEach((disposable) => disposable.dispose());
  record.commands.clear();
  record.statusItems.length = 0;
  record.providers.length = 0;
}

/**
 * Makes `require('vscode')` (and `import('vscode')`) in this process return the stand-in. The
 * returned `countCalls(true)` starts counting which API members are used, `countCalls(false)` stops
 * and returns the counts.
 */
function install() {
  warmRuntime();
  const standIn = createStandIn();
  warmApi(standIn);
  standIn.countCalls = (on) => {
    const counts = counting;
    counting = on ? new Map() : null;
    return counts ? Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) : {};
  };
  const key = '\0vscode-stand-in';
  const stub = new Module(key);
  stub.filename = key;
  stub.loaded = true;
  stub.exports = standIn.vscode;
  require.cache[key] = stub;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? key : resolve.call(this, request, ...rest);
  };
  return standIn;
}

module.exports = { install, createContext };
