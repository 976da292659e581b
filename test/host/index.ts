// Entry for `extensionTestsPath`: the extension host calls run() and reads its promise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { attachPrefixedReport } from './prefixedReport';

export const REPORT_PREFIX = '[host-test] ';

class PrefixedSpecReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    attachPrefixedReport(runner, () => this.stats, REPORT_PREFIX);
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: PrefixedSpecReporter });
  const only = process.env['COLLAB_COACH_HOST_GREP'];
  if (only) {
    mocha.grep(only);
  }
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) {
      mocha.addFile(path.join(__dirname, file));
    }
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) {
        reject(new Error(`${failures} extension-host test(s) failed`));
      } else {
        resolve();
      }
    });
  });
}
