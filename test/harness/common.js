// Shared constants and small helpers for the test harness (plain Node, no build step).
'use strict';
const path = require('node:path');
const net = require('node:net');

/** Pinned versions: the cache folder is keyed by them, so changing one installs afresh. */
const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';

const repoRoot = path.resolve(__dirname, '..', '..');
const extensionId = 'qianjinshe.collab-coach';

function cacheRoot() {
  return process.env.COLLAB_COACH_CACHE || path.join(repoRoot, '.cache', 'harness');
}

function log(message) {
  console.log(`[harness] ${message}`);
}

/** Asks the kernel for a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Launch flags for Debian's Chromium on these offline, root-run machines. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = { NODE24_VERSION, CODE_SERVER_VERSION, repoRoot, extensionId, cacheRoot, log, freePort, chromiumArgs };
