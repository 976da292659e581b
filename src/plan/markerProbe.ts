/**
 * The cheap first look at a text (pure, tiny: the features file and the scanner chunk both carry
 * it): whether it may hold a Collab Coach marker, `<!-- collab:`, before anything parses it.
 */
const MARKER_START = /<!--[ \t]*collab:/;

export function mayHoldMarkers(text: string): boolean {
  return text.includes('collab:') && MARKER_START.test(text);
}
