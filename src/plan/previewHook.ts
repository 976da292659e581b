/**
 * The plan preview's foot in the features file (pure, tiny): the one rule it adds to VS Code's
 * Markdown engine. Every document costs one `includes` check (markerProbe.ts); the decorator — the
 * plan model, the chart, the templates' questions — is loaded only when a document may hold a
 * plan, so a session that previews no plan never loads it.
 */
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { mayHoldMarkers } from './markerProbe';

/** What decorates a plan in the engine's tokens (src/plan/previewPlugin.ts). */
export interface PlanDecorator {
  decorate(state: StateCore): void;
}

const NO_DECORATION: PlanDecorator = { decorate: () => undefined };

/**
 * Adds the rule; `load` makes the decorator (synchronously: the engine is parsing) on the first
 * document that may hold a marker. A failure is reported once and the preview renders plainly:
 * the plan's decorations are never worth a broken preview.
 */
export function hookPlanPreview(md: MarkdownIt, load: (engine: MarkdownIt) => PlanDecorator, onError: (error: unknown) => void): MarkdownIt {
  let decorator: PlanDecorator | undefined;
  md.core.ruler.push('collab_coach_plan', (state) => {
    if (!mayHoldMarkers(state.src)) {
      return;
    }
    try {
      decorator ??= load(md);
      decorator.decorate(state);
    } catch (error) {
      decorator = NO_DECORATION;
      onError(error);
    }
  });
  return md;
}
