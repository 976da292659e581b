// Launches Debian's Chromium through playwright-core (no browser download).
'use strict';
const { chromium } = require('playwright-core');
const { chromiumArgs } = require('./common');

async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/**
 * The payload URL that makes code-server's workbench load an extension under development and run its
 * tests, in `folder` or, when it names a `.code-workspace` file, in that multi-root workspace.
 */
function developmentUrl(baseUrl, folder, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://remote${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['skipWelcome', 'true']];
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const opened = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${baseUrl}/?${opened}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { launchBrowser, developmentUrl };
