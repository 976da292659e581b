import * as assert from 'node:assert/strict';
import { catchUpMessages, classifyLink, type HostMessage, parseHostMessage, parsePageMessage } from '../../src/lesson/messages';
import { type PageEffects, handlePageMessage } from '../../src/lesson/pageMessageHandler';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RecordedEffect {
  readonly kind: keyof PageEffects;
  readonly value?: unknown;
}

function recordingEffects(): { effects: PageEffects; log: RecordedEffect[] } {
  const log: RecordedEffect[] = [];
  return {
    log,
    effects: {
      render: () => log.push({ kind: 'render' }),
      sectionVisible: (value) => log.push({ kind: 'sectionVisible', value }),
      setLanguage: (value) => log.push({ kind: 'setLanguage', value }),
      openExternal: (value) => log.push({ kind: 'openExternal', value }),
      scrollTo: (value) => log.push({ kind: 'scrollTo', value }),
      drop: (reason) => log.push({ kind: 'drop', value: reason }),
      failed: (action) => log.push({ kind: 'failed', value: action }),
    },
  };
}

describe('page → host messages', () => {
  it('accepts exactly the valid shapes', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'section', sectionId: 'principle-2' }), { type: 'section', sectionId: 'principle-2' });
    assert.deepEqual(parsePageMessage({ type: 'setLanguage', language: 'en' }), { type: 'setLanguage', language: 'en' });
    assert.deepEqual(parsePageMessage({ type: 'openLink', href: 'https://example.com' }), { type: 'openLink', href: 'https://example.com' });
  });

  it('drops unknown types, extra keys, wrong value types and non-objects', () => {
    for (const raw of [
      undefined, null, 0, 'ready', [], ['ready'], { type: 'Ready' }, { type: 'ready', extra: 1 }, { type: 'section' },
      { type: 'section', sectionId: 3 }, { type: 'section', sectionId: '../x' }, { type: 'section', sectionId: '' },
      { type: 'setLanguage', language: 'fr' }, { type: 'setLanguage', language: 'EN' }, { type: 'openLink', href: '' },
      { type: 'openLink', href: 'x'.repeat(5000) }, { type: 'openLink' }, { type: 'runCommand', command: 'workbench.action.quit' },
      JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'),
    ]) {
      assert.equal(parsePageMessage(raw), undefined, `dropped: ${JSON.stringify(raw)}`);
    }
  });

  it('lets only http(s), mailto and in-page anchors through as links', () => {
    assert.deepEqual(classifyLink('https://example.com/a'), { kind: 'external', href: 'https://example.com/a' });
    assert.deepEqual(classifyLink('HTTP://example.com'), { kind: 'external', href: 'HTTP://example.com' });
    assert.deepEqual(classifyLink('mailto:a@example.com'), { kind: 'external', href: 'mailto:a@example.com' });
    assert.deepEqual(classifyLink('#principle-1'), { kind: 'anchor', sectionId: 'principle-1' });
    for (const href of [
      'command:workbench.action.quit', 'javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x',
      'file:///etc/passwd', 'vscode://file/etc/passwd', 'vscode-webview://x', 'https:', 'http:///x', 'mailto:', '#', '#a b', 'relative/path',
    ]) {
      assert.deepEqual(classifyLink(href), { kind: 'refuse' }, href);
    }
  });

  it('checks host messages on the page side too', () => {
    assert.equal(parseHostMessage({ type: 'render', language: 'de' }), undefined);
    assert.deepEqual(parseHostMessage({ type: 'scrollTo', sectionId: 'summary' }), { type: 'scrollTo', sectionId: 'summary' });
    assert.equal(parseHostMessage({ type: 'scrollTo', sectionId: '<img>' }), undefined);
  });

  it('survives 10,000 random and malformed messages: no throw, no action for an invalid one', () => {
    const random = seededRandom(20261127);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const randomString = (): string => {
      const alphabet = ['a', 'Z', '-', ':', '/', '#', ' ', '\u0000', '\u202e', '\u200b', '中', '😀', '"', '<', '%'];
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) {
        text += pick(alphabet);
      }
      return text;
    };
    const randomValue = (depth: number): unknown => {
      switch (Math.floor(random() * 9)) {
        case 0: return undefined;
        case 1: return null;
        case 2: return random() * 1e6 - 5e5;
        case 3: return random() < 0.5;
        case 4: return randomString();
        case 5: return pick(['ready', 'section', 'setLanguage', 'openLink', 'render', 'scrollTo', 'zh-cn', 'en', 'principle-1', 'https://x.org', 'command:x']);
        case 6: return depth > 2 ? [] : Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
        case 7: return Symbol('s');
        default: {
          if (depth > 2) {
            return {};
          }
          const record: Record<string, unknown> = {};
          for (let i = Math.floor(random() * 4); i > 0; i--) {
            record[pick(['type', 'href', 'language', 'sectionId', 'extra', '__proto__', 'constructor'])] = randomValue(depth + 1);
          }
          return record;
        }
      }
    };
    const validMessages = (): unknown => pick([
      { type: 'ready' },
      { type: 'section', sectionId: pick(['overview', 'principle-3', 'summary']) },
      { type: 'setLanguage', language: pick(['zh-cn', 'en']) },
      { type: 'openLink', href: pick(['https://example.com', 'mailto:x@example.com', '#principle-2']) },
    ]);

    let sent = 0;
    let invalid = 0;
    let actionsOnInvalid = 0;
    let valid = 0;
    for (let i = 0; i < 10000; i++) {
      const raw = i % 10 === 0 ? validMessages() : randomValue(0);
      const { effects, log } = recordingEffects();
      assert.doesNotThrow(() => handlePageMessage(raw, effects));
      sent++;
      const parsed = parsePageMessage(raw);
      const refusedLink = parsed?.type === 'openLink' && classifyLink(parsed.href).kind === 'refuse';
      if (parsed === undefined || refusedLink) {
        invalid++;
        actionsOnInvalid += log.filter((effect) => effect.kind !== 'drop').length;
        assert.deepEqual(log.map((effect) => effect.kind), ['drop']);
      } else {
        valid++;
        assert.equal(log.length, 1);
        assert.notEqual(log[0]?.kind, 'drop');
      }
    }
    console.log(`      message fuzzer: ${sent} sent, ${valid} valid, ${invalid} invalid, ${actionsOnInvalid} actions on invalid ones`);
    assert.equal(actionsOnInvalid, 0);
    assert.ok(valid >= 1000, 'the valid share is exercised too');
  });

  it('lets nothing from the page throw out of the listener: a throwing or rejecting effect is reported', async () => {
    const failures: { action: string; error: unknown }[] = [];
    const boom = new Error('boom');
    const throwing: PageEffects = {
      render: () => { throw boom; },
      sectionVisible: () => { throw boom; },
      setLanguage: () => Promise.reject(boom),
      // What `Uri.parse(href, true)` does with a link it cannot take.
      openExternal: () => { throw new Error('[UriError]: Scheme is missing'); },
      scrollTo: () => ({ then: (_ok: unknown, fail: (error: unknown) => void) => fail(boom) }),
      drop: () => { throw boom; },
      failed: (action, error) => failures.push({ action, error }),
    };
    for (const raw of [
      { type: 'ready' }, { type: 'section', sectionId: 'summary' }, { type: 'setLanguage', language: 'en' },
      { type: 'openLink', href: 'https://example.com/%' }, { type: 'openLink', href: '#summary' }, { type: 'openLink', href: 'javascript:x' }, 42,
    ]) {
      assert.doesNotThrow(() => handlePageMessage(raw, throwing), JSON.stringify(raw));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(
      failures.map((failure) => failure.action).sort(),
      ['drop', 'drop', 'openExternal', 'render', 'scrollTo', 'sectionVisible', 'setLanguage'],
    );
    const failingLog: PageEffects = { ...throwing, failed: () => { throw boom; } };
    assert.doesNotThrow(() => handlePageMessage({ type: 'ready' }, failingLog), 'a failing log does not throw either');
  });
});

describe('a page catching up when it says ready', () => {
  type Render = Extract<HostMessage, { type: 'render' }>;
  const shown: Render = {
    type: 'render',
    language: 'en',
    html: '<h1 id="overview">Overview</h1>',
    toc: [{ id: 'overview', title: 'Overview', level: 1 }],
    labels: { contents: 'Contents', language: 'Lesson language', chinese: '中文', english: 'English', lesson: 'Lesson', read: 'Read', notRead: 'Not read', practised: 'Practised', notPractised: 'Not practised', progress: 'Progress' },
    fontSize: 14,
    scrollTo: undefined,
    progress: [],
    teamNotes: { state: 'none', heading: 'Team notes', notices: [], notes: [] },
  };

  it('needs nothing when the HTML carries what it should show', () => {
    assert.deepEqual(catchUpMessages(shown, shown), []);
  });

  it('gets only the notes, progress and font size that changed while it loaded, never a render that would reset its place', () => {
    const teamNotes = { state: 'shown' as const, heading: 'Team notes', notices: [], notes: [{ name: 'a.md', html: '<p>a</p>' }] };
    const progress = [{ sectionId: 'principle-1' as const, read: true, practised: false }];
    assert.deepEqual(catchUpMessages(shown, { ...shown, teamNotes }), [{ type: 'teamNotes', teamNotes }]);
    assert.deepEqual(catchUpMessages(shown, { ...shown, teamNotes, progress, fontSize: 18 }), [
      { type: 'teamNotes', teamNotes },
      { type: 'progress', progress },
      { type: 'fontSize', fontSize: 18 },
    ]);
  });

  it('gets the whole render when the lesson itself changed (language, text, contents, labels, a place to go)', () => {
    for (const latest of [
      { ...shown, language: 'zh-cn' as const },
      { ...shown, html: '<h1 id="overview">概述</h1>' },
      { ...shown, toc: [] },
      { ...shown, labels: { ...shown.labels } },
      { ...shown, scrollTo: 'summary' },
    ]) {
      assert.deepEqual(catchUpMessages(shown, latest), [latest]);
    }
  });
});
