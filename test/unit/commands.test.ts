import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/commandIds';

describe('commands: the manifest and the startup entry', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[]; menus: Record<string, { command?: string }[]> };
  };

  it('registers exactly the commands the manifest contributes', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((entry) => entry.command),
      [...COMMAND_IDS],
    );
  });

  it('every menu entry names a command the entry registers', () => {
    const known = new Set<string>(COMMAND_IDS);
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.command !== undefined) {
          assert.ok(known.has(entry.command), `${menu}: ${entry.command}`);
        }
      }
    }
  });
});
