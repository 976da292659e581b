/**
 * Stands in for `linkify-it` in our bundles. markdown-it always constructs a LinkifyIt instance,
 * but with `linkify: false` (our only setting) its rules return before touching it, so the real
 * 9 KB matcher would ship unused twice. If linkify were ever enabled, nothing would be linkified.
 */
export default class LinkifyDisabled {
  pretest(): boolean {
    return false;
  }

  test(): boolean {
    return false;
  }

  match(): null {
    return null;
  }

  matchAtStart(): null {
    return null;
  }
}
