import * as assert from 'node:assert/strict';
import { MAX_NOTE_BYTES, checkNote, isNoteFileName, isTeamNotePath, sortNotes } from '../../src/lesson/teamNotes';

describe('team notes', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('takes UTF-8 Markdown and drops a byte-order mark', () => {
    assert.deepEqual(checkNote({ name: 'a.md', bytes: utf8('# 财务部\n') }), { kind: 'ok', name: 'a.md', markdown: '# 财务部\n' });
    assert.deepEqual(checkNote({ name: 'b.md', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) }), { kind: 'ok', name: 'b.md', markdown: 'A' });
  });

  it('skips a file that is not UTF-8', () => {
    assert.deepEqual(checkNote({ name: 'bad.md', bytes: new Uint8Array([0x41, 0xff, 0xfe, 0xc3]) }), { kind: 'skipped', name: 'bad.md', reason: 'not-utf8' });
  });

  it('skips a file over 256 KB and keeps one of exactly 256 KB', () => {
    assert.equal(checkNote({ name: 'big.md', bytes: new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x41) }).kind, 'skipped');
    assert.equal(checkNote({ name: 'edge.md', bytes: new Uint8Array(MAX_NOTE_BYTES).fill(0x41) }).kind, 'ok');
  });

  it('knows a note path: a Markdown file directly in .collab/notes', () => {
    assert.equal(isTeamNotePath('/work/.collab/notes/finance.md'), true);
    assert.equal(isTeamNotePath('/work/.collab/notes/deep/finance.md'), false);
    assert.equal(isTeamNotePath('/work/.collab/templates/finance.md'), false);
    assert.equal(isTeamNotePath('/work/notes/finance.md'), false);
    assert.equal(isTeamNotePath('/work/.collab/notes/finance.txt'), false);
  });

  it('lists Markdown files only, in a stable order', () => {
    assert.equal(isNoteFileName('a.md'), true);
    assert.equal(isNoteFileName('A.MARKDOWN'), true);
    assert.equal(isNoteFileName('a.txt'), false);
    assert.equal(isNoteFileName('.hidden.md'), false);
    assert.deepEqual(sortNotes([{ name: 'b.md' }, { name: 'A.md' }, { name: 'a.md' }]).map((note) => note.name), ['A.md', 'a.md', 'b.md']);
  });
});
