// Reads the files out of a .vsix (a zip), so the bench measures exactly what ships, not whatever
// happens to be in dist/ at the moment. Stored and deflated entries only, which is what vsce writes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** @returns {Map<string, Buffer>} entry name → contents */
function readZip(file) {
  const zip = fs.readFileSync(file);
  let end = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 65535); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) {
    throw new Error(`${file} is not a zip file`);
  }
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`${file}: bad central directory`);
    }
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) {
      throw new Error(`${file}: bad local header for ${name}`);
    }
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) {
      entries.set(name, Buffer.from(data));
    } else if (method === 8) {
      entries.set(name, zlib.inflateRawSync(data));
    } else {
      throw new Error(`${file}: ${name} uses compression method ${method}`);
    }
  }
  return entries;
}

/** Writes every entry under `folder` (entry names are checked to stay inside it). */
function extractZip(file, folder) {
  fs.rmSync(folder, { recursive: true, force: true });
  for (const [name, contents] of readZip(file)) {
    if (name.endsWith('/')) {
      continue;
    }
    const target = path.resolve(folder, name);
    if (!target.startsWith(path.resolve(folder) + path.sep)) {
      throw new Error(`${file}: entry ${name} points outside the folder`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
}

module.exports = { readZip, extractZip };
