// Entry for `extensionTestsPath`: the extension host calls run() and reads its promise.
// The workbench forwards the host's console with a lot of its own logging, so the report's lines
// carry a prefix the harness picks out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const REPORT_PREFIX = '[host-test] ';

class PrefixedSpecReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const print = (line: string): void => console.log(REPORT_PREFIX + line);
    let depth = 0;
    const failures: { title: string; error: Error }[] = [];
    runner.on(Mocha.Runner.constants.EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) {
        print(`${'  '.repeat(depth)}${suite.title}`);
      }
      depth++;
    });
    runner.on(Mocha.Runner.constants.EVENT_SUITE_END, () => {
      depth--;
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test: Mocha.Test) => {
      print(`${'  '.repeat(depth)}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test: Mocha.Test) => {
      print(`${'  '.repeat(depth)}- ${test.title} (pending)`);
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      failures.push({ title: test.fullTitle(), error });
      print(`${'  '.repeat(depth)}✘ ${failures.length}) ${test.title}`);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = this.stats;
      print('');
      print(`${stats.passes} passing`);
      if (stats.pending > 0) {
        print(`${stats.pending} pending`);
      }
      if (stats.failures > 0) {
        print(`${stats.failures} failing`);
      }
      failures.forEach(({ title, error }, index) => {
        print('');
        print(`${index + 1}) ${title}`);
        for (const line of String(error.stack ?? error.message).split('\n')) {
          print(`   ${line}`);
        }
      });
    });
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
