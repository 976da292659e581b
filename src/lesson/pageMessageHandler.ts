/**
 * What the host does with a message from the lesson page, as a pure decision over injected
 * effects, so a fuzzer can prove that malformed messages cause nothing. Pure: no `vscode`.
 */
import { classifyLink, parsePageMessage } from './messages';

export interface PageEffects {
  /** The page is ready for content. */
  render(): void;
  /** The reader's position changed. */
  sectionVisible(sectionId: string): void;
  setLanguage(language: 'zh-cn' | 'en'): void;
  openExternal(href: string): void;
  scrollTo(sectionId: string): void;
  /** Nothing is done; the reason is logged. */
  drop(reason: string, raw: unknown): void;
}

export function handlePageMessage(raw: unknown, effects: PageEffects): void {
  const message = parsePageMessage(raw);
  if (!message) {
    effects.drop('malformed or unknown message', raw);
    return;
  }
  switch (message.type) {
    case 'ready':
      effects.render();
      return;
    case 'section':
      effects.sectionVisible(message.sectionId);
      return;
    case 'setLanguage':
      effects.setLanguage(message.language);
      return;
    case 'openLink': {
      const action = classifyLink(message.href);
      if (action.kind === 'external') {
        effects.openExternal(action.href);
      } else if (action.kind === 'anchor') {
        effects.scrollTo(action.sectionId);
      } else {
        effects.drop('link scheme not allowed', message.href);
      }
      return;
    }
  }
}
