// Adapter: the team notes in `.collab/notes/*.md` of every workspace folder, and when they change.
import * as vscode from 'vscode';
import { Disposable } from '../../base/dispose';
import type { Log } from '../../base/log';
import { debounce } from '../debounce';
import type { TeamNotesBlock } from '../messages';
import { renderMarkdown } from '../render';
import { MAX_NOTE_BYTES, TEAM_NOTES_FOLDER, checkNote, isNoteFileName, isTeamNotePath, sortNotes } from '../teamNotes';

/** Quiet time before a burst of note changes (a checkout, a rename of many files) reloads the notes once. */
export const TEAM_NOTES_DEBOUNCE_MS = 300;

export class TeamNotesSource extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires once after a burst of changes to the notes. */
  readonly onDidChange = this.changed.event;
  private readonly trigger = debounce(() => this.changed.fire(), TEAM_NOTES_DEBOUNCE_MS);
  private watchers: vscode.Disposable[] = [];
  /** The disk watchers start with the first read: a lesson feature made ahead of its first page watches nothing yet. */
  private watching = false;
  /** How many times the notes were read, for the tests. */
  loads = 0;
  private lastLoaded: TeamNotesBlock | undefined;

  constructor(private readonly log: Log) {
    super();
    this._register(this.trigger);
    this._register({ dispose: () => this.watchers.forEach((watcher) => watcher.dispose()) });
    // The disk watcher can miss files in a folder that was only just created; changes made in VS Code
    // itself (saving a note, creating, deleting or renaming one) are also heard directly.
    const fireForNotes = (uris: readonly vscode.Uri[]): void => {
      if (uris.some((uri) => isTeamNotePath(uri.path))) {
        this.trigger.trigger();
      }
    };
    this._register(vscode.workspace.onDidSaveTextDocument((document) => fireForNotes([document.uri])));
    this._register(vscode.workspace.onDidCreateFiles((event) => fireForNotes(event.files)));
    this._register(vscode.workspace.onDidDeleteFiles((event) => fireForNotes(event.files)));
    this._register(vscode.workspace.onDidRenameFiles((event) => fireForNotes(event.files.flatMap((file) => [file.oldUri, file.newUri]))));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.trigger.trigger()));
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.watching) {
          this.watchFolders();
        }
        this.trigger.trigger();
      }),
    );
  }

  /** One watcher per workspace folder, rooted at it, so events do not depend on a workspace-wide glob. */
  private watchFolders(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    const fire = (): void => this.trigger.trigger();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${TEAM_NOTES_FOLDER.join('/')}/*.{md,markdown}`));
      return [watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire)];
    });
  }

  /** The notes as last read, or none yet: what a page shows until a fresh read arrives. */
  get latest(): TeamNotesBlock {
    return this.lastLoaded ?? noTeamNotes(vscode.l10n.t('Team notes'));
  }

  async load(): Promise<TeamNotesBlock> {
    if (!this.watching) {
      this.watching = true;
      this.watchFolders();
    }
    const block = await this.read();
    this.lastLoaded = block;
    return block;
  }

  private async read(): Promise<TeamNotesBlock> {
    this.loads++;
    const heading = vscode.l10n.t('Team notes');
    const files = await this.noteFiles();
    if (files.length === 0) {
      return noTeamNotes(heading);
    }
    if (!vscode.workspace.isTrusted) {
      return {
        state: 'restricted',
        heading,
        notices: [vscode.l10n.t('This workspace is in Restricted Mode, so its team notes are not shown. Trust the workspace to read them.')],
        notes: [],
      };
    }
    const notices: string[] = [];
    const notes: { name: string; html: string }[] = [];
    for (const file of sortNotes(files)) {
      try {
        const stat = await vscode.workspace.fs.stat(file.uri);
        if (stat.size > MAX_NOTE_BYTES) {
          notices.push(vscode.l10n.t('{0} was skipped: it is larger than 256 KB.', file.name));
          continue;
        }
        const checked = checkNote({ name: file.name, bytes: await vscode.workspace.fs.readFile(file.uri) });
        if (checked.kind === 'skipped') {
          notices.push(
            checked.reason === 'too-large'
              ? vscode.l10n.t('{0} was skipped: it is larger than 256 KB.', file.name)
              : vscode.l10n.t('{0} was skipped: it is not UTF-8 text.', file.name),
          );
          continue;
        }
        notes.push({ name: file.name, html: renderMarkdown(checked.markdown, { idPrefix: `note-${notes.length + 1}-` }).html });
      } catch (error) {
        this.log.warn(`Could not read team note ${file.uri.toString()}: ${String(error)}`);
        notices.push(vscode.l10n.t('{0} could not be read.', file.name));
      }
    }
    return { state: 'shown', heading, notices, notes };
  }

  private async noteFiles(): Promise<{ name: string; uri: vscode.Uri }[]> {
    const files: { name: string; uri: vscode.Uri }[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const notesFolder = vscode.Uri.joinPath(folder.uri, ...TEAM_NOTES_FOLDER);
      try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(notesFolder)) {
          if (type === vscode.FileType.File && isNoteFileName(name)) {
            files.push({ name, uri: vscode.Uri.joinPath(notesFolder, name) });
          }
        }
      } catch {
        // No notes folder in this workspace folder.
      }
    }
    return files;
  }
}

function noTeamNotes(heading: string): TeamNotesBlock {
  return { state: 'none', heading, notices: [], notes: [] };
}
