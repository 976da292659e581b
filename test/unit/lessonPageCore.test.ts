import * as assert from 'node:assert/strict';
import { type Timers, debounce } from '../../src/lesson/debounce';
import { effectiveSettingTarget } from '../../src/lesson/settingTarget';

/** Timers driven by hand: `advance` runs what falls due. */
function manualTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { at: now + delayMs, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('the language toggle writes where the effective value lives', () => {
  it('writes the user settings when nothing is set, or only the user value', () => {
    assert.equal(effectiveSettingTarget(undefined), 'global');
    assert.equal(effectiveSettingTarget({}), 'global');
    assert.equal(effectiveSettingTarget({ globalValue: 'en' }), 'global');
  });

  it('writes the workspace when the workspace holds a value (else the toggle would change nothing)', () => {
    assert.equal(effectiveSettingTarget({ globalValue: 'en', workspaceValue: 'zh-cn' }), 'workspace');
    assert.equal(effectiveSettingTarget({ workspaceValue: 'auto' }), 'workspace');
  });

  it('writes the workspace folder when the folder holds a value', () => {
    assert.equal(effectiveSettingTarget({ globalValue: 'en', workspaceValue: 'en', workspaceFolderValue: 'zh-cn' }), 'workspaceFolder');
  });
});

describe('team-note reloads are debounced', () => {
  it('turns a burst of 50 changes (a checkout) into one reload', () => {
    const timers = manualTimers();
    let reloads = 0;
    const reload = debounce(() => reloads++, 300, timers);
    for (let note = 0; note < 50; note++) {
      reload.trigger();
      timers.advance(5);
    }
    assert.equal(reloads, 0, 'nothing while the burst lasts');
    timers.advance(300);
    assert.equal(reloads, 1);
    assert.equal(timers.pending(), 0);
  });

  it('reloads again for a change after the quiet time, and never after dispose', () => {
    const timers = manualTimers();
    let reloads = 0;
    const reload = debounce(() => reloads++, 300, timers);
    reload.trigger();
    timers.advance(400);
    reload.trigger();
    timers.advance(400);
    assert.equal(reloads, 2);
    reload.trigger();
    reload.dispose();
    timers.advance(1000);
    assert.equal(reloads, 2);
  });
});
