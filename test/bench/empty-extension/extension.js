// The reference for the startup row: an extension that does the least a visible extension can do,
// one status-bar item. run-bench.js bundles it with the same esbuild settings as our entry.
const vscode = require('vscode');

exports.activate = function activate(context) {
  const item = vscode.window.createStatusBarItem('bench.empty', vscode.StatusBarAlignment.Right, 50);
  item.text = 'Empty';
  item.show();
  context.subscriptions.push(item);
};

exports.deactivate = function deactivate() {};
