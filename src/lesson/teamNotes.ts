/**
 * Team notes: Markdown files a team keeps in `.collab/notes/` and the lesson view shows under
 * "Team notes". This is the one place the extension renders Markdown it did not write, so every
 * file is checked before it reaches the renderer. Pure: no `vscode`.
 */

export const TEAM_NOTES_FOLDER = ['.collab', 'notes'] as const;
export const MAX_NOTE_BYTES = 256 * 1024;

export interface NoteFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type NoteCheck =
  | { readonly kind: 'ok'; readonly name: string; readonly markdown: string }
  | { readonly kind: 'skipped'; readonly name: string; readonly reason: 'too-large' | 'not-utf8' };

export function isNoteFileName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name) && !name.startsWith('.');
}

/** Whether a path names a note: a Markdown file directly inside a `.collab/notes/` folder. */
export function isTeamNotePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  return parts[parts.length - 2] === TEAM_NOTES_FOLDER[1] && parts[parts.length - 3] === TEAM_NOTES_FOLDER[0] && isNoteFileName(name);
}

/** Checks one note: at most 256 KB, valid UTF-8 (a byte-order mark is dropped). */
export function checkNote(file: NoteFile): NoteCheck {
  if (file.bytes.byteLength > MAX_NOTE_BYTES) {
    return { kind: 'skipped', name: file.name, reason: 'too-large' };
  }
  try {
    const markdown = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
    return { kind: 'ok', name: file.name, markdown };
  } catch {
    return { kind: 'skipped', name: file.name, reason: 'not-utf8' };
  }
}

/** Notes in a stable order (by name, case-insensitively), whatever order the file system lists them. */
export function sortNotes<T extends { readonly name: string }>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1));
}
