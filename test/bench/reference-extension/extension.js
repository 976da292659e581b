// The references for the lesson rows of `npm run bench`:
//  - a panel: the same route as `collabCoach.openLesson` (command palette → command →
//    createWebviewPanel in the active column), with a page that holds one heading and nothing else;
//  - a sidebar webview view in its own activity-bar container, with the same one-heading page, the
//    reference for the lesson's sidebar view painted after a click on its container;
//  - a warm-up panel and view of their own types, which the bench opens once before measuring: VS Code
//    keeps one webview origin per extension and view type, and the first page of an origin costs more,
//    so the warm-up must not be the reference itself or the reference's "first open" would be warm.
// It activates on startup finished, as Collab Coach does, so neither side pays for activation
// inside the timed opens.
'use strict';
const vscode = require('vscode');

const EMPTY_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>Empty Webview</title>
</head>
<body>
<h1>Empty webview</h1>
</body>
</html>`;

function openPanel(viewType, title) {
  const panel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {});
  panel.webview.html = EMPTY_PAGE;
}

const emptyViewProvider = {
  resolveWebviewView(view) {
    view.webview.html = EMPTY_PAGE;
  },
};

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('collabCoachBench.openEmpty', () => openPanel('collabCoachBench.empty', 'Empty Webview')),
    vscode.commands.registerCommand('collabCoachBench.openWarmUp', () => openPanel('collabCoachBench.warmUp', 'Warm-up Webview')),
    vscode.window.registerWebviewViewProvider('collabCoachBench.emptyView', emptyViewProvider),
    vscode.window.registerWebviewViewProvider('collabCoachBench.warmUpView', emptyViewProvider),
  );
};

exports.deactivate = function deactivate() {};
