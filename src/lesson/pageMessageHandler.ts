/**
 * What the host does with a message from the lesson page, as a pure decision over injected
 * effects, so a fuzzer can prove that malformed messages cause nothing. Pure: no `vscode`.
 *
 * Nothing the page sends may throw out of the host's message listener: an effect that throws, or
 * whose promise rejects (opening a link the platform refuses, writing a setting), is reported
 * through `failed` instead.
 */
import { classifyLink, parsePageMessage } from './messages';

export interface PageEffects {
  /** The page is ready for content. */
  render(): unknown;
  /** The reader's position changed. */
  sectionVisible(sectionId: string): unknown;
  setLanguage(language: 'zh-cn' | 'en'): unknown;
  openExternal(href: string): unknown;
  scrollTo(sectionId: string): unknown;
  /** Nothing is done; the reason is logged. */
  drop(reason: string, raw: unknown): void;
  /** An effect threw or its promise rejected; the error is logged. */
  failed(action: string, error: unknown): void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs one effect so that neither a throw nor a rejection escapes. */
function guarded(action: string, effects: PageEffects, run: () => unknown): void {
  try {
    const result = run();
    if (isThenable(result)) {
      result.then(undefined, (error: unknown) => reportFailure(action, effects, error));
    }
  } catch (error) {
    reportFailure(action, effects, error);
  }
}

function reportFailure(action: string, effects: PageEffects, error: unknown): void {
  try {
    effects.failed(action, error);
  } catch {
    // The log itself failed; there is nowhere left to report to.
  }
}

export function handlePageMessage(raw: unknown, effects: PageEffects): void {
  const message = parsePageMessage(raw);
  if (!message) {
    guarded('drop', effects, () => effects.drop('malformed or unknown message', raw));
    return;
  }
  switch (message.type) {
    case 'ready':
      guarded('render', effects, () => effects.render());
      return;
    case 'section':
      guarded('sectionVisible', effects, () => effects.sectionVisible(message.sectionId));
      return;
    case 'setLanguage':
      guarded('setLanguage', effects, () => effects.setLanguage(message.language));
      return;
    case 'openLink': {
      const action = classifyLink(message.href);
      if (action.kind === 'external') {
        guarded('openExternal', effects, () => effects.openExternal(action.href));
      } else if (action.kind === 'anchor') {
        guarded('scrollTo', effects, () => effects.scrollTo(action.sectionId));
      } else {
        guarded('drop', effects, () => effects.drop('link scheme not allowed', message.href));
      }
      return;
    }
  }
}
