/**
 * A spec-style report whose every line carries a prefix: the workbench forwards the extension
 * host's console mixed with its own logging, and the harness picks our lines out by the prefix.
 * It ends like mocha's spec reporter ("N passing", "N failing") so test/harness/test-all.js can
 * count it. Shared by the Node host suite (test/host/index.ts) and the web one (test/web/index.ts),
 * which get Mocha from different builds; so it listens by event name and imports nothing.
 */
export function attachPrefixedReport(runner: Mocha.Runner, stats: () => Mocha.Stats, prefix: string): void {
  const print = (line: string): void => console.log(prefix + line);
  let depth = 0;
  const failures: { title: string; error: Error }[] = [];
  runner.on('suite', (suite: Mocha.Suite) => {
    if (suite.title) {
      print(`${'  '.repeat(depth)}${suite.title}`);
    }
    depth++;
  });
  runner.on('suite end', () => {
    depth--;
  });
  runner.on('pass', (test: Mocha.Test) => {
    print(`${'  '.repeat(depth)}✔ ${test.title} (${test.duration ?? 0} ms)`);
  });
  runner.on('pending', (test: Mocha.Test) => {
    print(`${'  '.repeat(depth)}- ${test.title} (pending)`);
  });
  runner.on('fail', (test: Mocha.Test, error: Error) => {
    failures.push({ title: test.fullTitle(), error });
    print(`${'  '.repeat(depth)}✘ ${failures.length}) ${test.title}`);
  });
  runner.once('end', () => {
    const { passes, pending, failures: failed } = stats();
    print('');
    print(`${passes} passing`);
    if (pending > 0) {
      print(`${pending} pending`);
    }
    if (failed > 0) {
      print(`${failed} failing`);
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
