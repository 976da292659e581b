// The reference for the lesson-first-paint row: the same route as `collabCoach.openLesson`
// (command palette → command → createWebviewPanel in the active column), with a page that holds
// one heading and nothing else. It activates on startup finished, as Collab Coach does, so neither
// side pays for activation inside the timed open.
'use strict';
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('collabCoachBench.openEmpty', () => {
      const panel = vscode.window.createWebviewPanel(
        'collabCoachBench.empty',
        'Empty Webview',
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        {},
      );
      panel.webview.html = `<!DOCTYPE html>
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
    }),
  );
};

exports.deactivate = function deactivate() {};
