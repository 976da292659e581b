// Entry for `extensionTestsPath` in the web extension host (VS Code for the Web, a web worker):
// the host calls run() and reads its promise. No Node built-ins here: mocha comes as its browser
// build, and test/web/build.js aliases `node:assert/strict` to test/web/assert.ts.
// The workbench forwards the worker's console with a lot of its own logging, so the report's lines
// carry a prefix test/harness/run-web-tests.js picks out; they end like mocha's spec reporter
// ("N passing", "N failing") so test/harness/test-all.js can count them.
import 'mocha/mocha';
import { attachPrefixedReport } from '../host/prefixedReport';

export const REPORT_PREFIX = '[web-test] ';

/** Set by test/web/build.js from COLLAB_COACH_WEB_GREP: run only the tests whose title matches. */
declare const COLLAB_COACH_WEB_GREP: string;

class PrefixedSpecReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    attachPrefixedReport(runner, () => this.stats, REPORT_PREFIX);
  }
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: PrefixedSpecReporter, timeout: 30000, color: false });
  if (COLLAB_COACH_WEB_GREP) {
    mocha.grep(COLLAB_COACH_WEB_GREP);
  }
  // The suites register with `describe` as they load, so they load after setup. The extension-host
  // files are the same ones the Node host runs (test/host); test/web/build.js lists the ones left
  // out, with the reason, and fails the build when a file there is neither loaded nor listed.
  try {
    await import('./environment.test');
    await import('../host/tips.test');
    await import('../host/lesson.test');
    await import('../host/plan.test');
    await import('../host/badGround.test');
    await import('../host/coach.test');
    await import('../host/workspaceCoach.test');
    await import('../host/languageModelTools.test');
    await import('../host/messageDraft.test');
    await import('../host/preview.test');
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    for (const line of `could not load the suites: ${text}`.split('\n')) {
      console.log(REPORT_PREFIX + line);
    }
    throw error;
  }

  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) {
        reject(new Error(`${failures} web extension-host test(s) failed`));
      } else {
        resolve();
      }
    });
  });
}
