#!/usr/bin/env node
// Independent verifier for a Kaderwijzer audit export (JSON Lines, one event per line, in seq order).
// Re-implements the canonical form and the hash rule of docs/audit-format.md from scratch: it shares no code
// with the application on purpose. Node 20+, no dependencies.
//
//   node scripts/verify-audit-export.mjs export.jsonl [--anchor "<anchor line>" --anchor-file anchor.json]
//
// Prints "ok: N events in S streams" (exit 0) or the first broken event (exit 1). Usage errors exit 2.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';

const FIELDS = ['seq', 'stream', 'streamSeq', 'id', 'occurredAt', 'actorId', 'actorRoles', 'action',
  'dossierId', 'workflowId', 'workflowVersion', 'payload', 'prevHash', 'hash'];
const GENESIS = '0'.repeat(64);
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// Canonical JSON: keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace, strings and
// numbers exactly as JSON.stringify writes them.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value); // parsed JSON has only strings, finite numbers, booleans and null here
}

// The types every field must have; anything else is not an audit event.
const isStr = (v) => typeof v === 'string';
const isPosInt = (v) => Number.isSafeInteger(v) && v > 0;
const isStrOrNull = (v) => v === null || isStr(v);
const isHex64 = (v) => isStr(v) && /^[0-9a-f]{64}$/.test(v);
const TYPES = {
  seq: isPosInt, stream: isStr, streamSeq: isPosInt, id: isStr, occurredAt: isStr, actorId: isStr,
  actorRoles: (v) => Array.isArray(v) && v.every(isStr), action: isStr, dossierId: isStrOrNull,
  workflowId: isStrOrNull, workflowVersion: isStrOrNull, payload: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  prevHash: isStr, hash: isHex64,
};

// The lines of the export. A line ends at "\n" only (a "\r" before it is dropped): canonical JSON escapes every
// control character inside a string, but writes U+2028 and U+2029 as they are, and node:readline ends a line at
// those too from Node 24 on (and at a lone "\r" on every version). So the file is split here, not by readline.
async function* lines(file) {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    for (const part of parts) yield part.endsWith('\r') ? part.slice(0, -1) : part;
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

function usage(message) {
  console.error(`${message}\nusage: node scripts/verify-audit-export.mjs export.jsonl [--anchor "<line>" --anchor-file <file>]`);
  return 2;
}

function report(title, expected, found) {
  console.log(title);
  console.log(`  expected: ${expected}`);
  console.log(`  found:    ${found}`);
  return 1;
}

// Checks one line against the chain so far; returns [reason, expected, found] for a broken event.
function check(line, row, heads, lastSeq) {
  const keys = row !== null && typeof row === 'object' ? Object.keys(row) : [];
  const bad = FIELDS.find((f) => !keys.includes(f) || !TYPES[f](row[f])) ?? keys.find((k) => !FIELDS.includes(k));
  if (bad !== undefined) return ['bad-format', `exactly the fields ${FIELDS.join(', ')}, each of its type`, `field ${bad}`];
  // Each line must itself be canonical JSON, so the text a reader sees is exactly what was hashed (no duplicate
  // keys, no 1e400 that parses to Infinity, no number spelled two ways).
  const expectedLine = canonical(row);
  if (expectedLine !== line) {
    let col = 0;
    while (expectedLine[col] === line[col]) col++;
    return ['bad-format', `the line in canonical form: …${expectedLine.slice(col, col + 40)}`, `column ${col + 1}: …${line.slice(col, col + 40)}`];
  }
  if (row.seq <= lastSeq) return ['seq-order', `> ${lastSeq}`, row.seq];
  const head = heads.get(row.stream);
  const expectedStreamSeq = head ? head.streamSeq + 1 : 1;
  if (row.streamSeq !== expectedStreamSeq) return ['stream-seq-gap', expectedStreamSeq, row.streamSeq];
  const expectedPrev = head ? head.hash : GENESIS;
  if (row.prevHash !== expectedPrev) return ['prev-hash-mismatch', expectedPrev, row.prevHash];
  const { seq: _seq, hash, ...content } = row; // the hash covers every field except seq and hash
  const computed = sha256(canonical(content));
  if (computed !== hash) return ['hash-mismatch', computed, hash];
  return null;
}

async function main(args) {
  let file, anchorLine, anchorFile;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--anchor') anchorLine = args[++i];
    else if (args[i] === '--anchor-file') anchorFile = args[++i];
    else if (file === undefined && !args[i].startsWith('--')) file = args[i];
    else return usage(`unexpected argument ${args[i]}`);
  }
  if (!file) return usage('no export file given');
  if ((anchorLine === undefined) !== (anchorFile === undefined)) return usage('--anchor and --anchor-file go together');

  let anchor; // { at, heads, seen: "stream\nstreamSeq" -> hash found in the export }
  if (anchorLine !== undefined) {
    const parts = anchorLine.trim().split(/\s+/);
    if (parts.length !== 5 || parts[0] !== 'kaderwijzer-anchor' || parts[1] !== 'v1' || !isHex64(parts[3])) {
      return usage('not a "kaderwijzer-anchor v1 <at> <digest> <streams>" line');
    }
    let heads;
    try {
      heads = JSON.parse(readFileSync(anchorFile, 'utf8')).heads;
    } catch (e) {
      return usage(`cannot read the anchor file: ${e.message}`);
    }
    if (!Array.isArray(heads)) return usage('the anchor file has no "heads" list');
    heads = heads.map((h) => ({ stream: h.stream, streamSeq: h.streamSeq, hash: h.hash }))
      .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
    if (sha256(canonical(heads)) !== parts[3] || String(heads.length) !== parts[4]) {
      console.log('ANCHOR FILE DOES NOT MATCH THE ANCHOR LINE (a different or altered file)');
      return 1;
    }
    anchor = { at: parts[2], heads, seen: new Map(heads.map((h) => [`${h.stream}\n${h.streamSeq}`, undefined])) };
  }

  const heads = new Map(); // stream -> { streamSeq, hash } of its last intact event
  let lastSeq = 0;
  let count = 0;
  let lineNo = 0;
  for await (const text of lines(file)) {
    const line = ++lineNo === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') continue;
    let row = null;
    try {
      row = JSON.parse(line);
    } catch {
      // reported as bad-format below
    }
    const failure = check(line, row, heads, lastSeq);
    if (failure) {
      const [reason, expected, found] = failure;
      const where = row?.seq === undefined ? `line ${lineNo}` : `seq ${row.seq} (line ${lineNo}, stream ${row.stream}, streamSeq ${row.streamSeq})`;
      report(`BROKEN at ${where}: ${reason}`, expected, found);
      console.log(`the ${count} event(s) before it are intact`);
      return 1;
    }
    heads.set(row.stream, { streamSeq: row.streamSeq, hash: row.hash });
    const key = `${row.stream}\n${row.streamSeq}`;
    if (anchor?.seen.has(key)) anchor.seen.set(key, row.hash);
    lastSeq = row.seq;
    count++;
  }

  for (const h of anchor?.heads ?? []) {
    const found = anchor.seen.get(`${h.stream}\n${h.streamSeq}`);
    if (found !== h.hash) {
      return report(`ANCHOR ${anchor.at} FAILED for stream ${h.stream} at streamSeq ${h.streamSeq}`, h.hash, found ?? '(no such event in the export)');
    }
  }
  const anchored = anchor ? `; anchor ${anchor.at} holds (${anchor.heads.length} streams)` : '';
  console.log(`ok: ${count} events in ${heads.size} streams${anchored}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
