// Where in the editor text an analysis error points. No DOM.
//
// The core names a JSON path ("layers[3].stride") for spec errors and a 1-based line
// and column for JSON syntax errors; the editor needs character offsets.

import { findNodeAtLocation, parseTree } from 'jsonc-parser';

// "layers[3].stride" → ["layers", 3, "stride"]; "" → [].
export function parsePath(path) {
  const segments = [];
  for (const [, key, index] of (path ?? '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(index !== undefined ? Number(index) : key);
  }
  return segments;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

// 0-based offset → 1-based line number.
export function lineAt(text, offset) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return line + 1;
}

function rangeAtLineColumn(text, line, column) {
  const starts = lineStarts(text);
  const lineIndex = Math.min(Math.max(line - 1, 0), starts.length - 1);
  const lineStart = starts[lineIndex];
  const lineEnd = lineIndex + 1 < starts.length ? starts[lineIndex + 1] - 1 : text.length;
  const from = Math.min(lineStart + Math.max(column - 1, 0), lineEnd);
  // Point at one character; at the end of a line (or of the text), the one before it.
  if (from < lineEnd) return { from, to: from + 1 };
  return { from: Math.max(lineStart, from - 1), to: from };
}

// The text range of a JSON path: the property (key and value) when the path ends at one,
// else the deepest part of the path that exists (a missing field points at its object).
export function rangeOfPath(text, path) {
  const root = parseTree(text);
  if (!root) return null;
  const segments = parsePath(path);
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, segments.slice(0, depth));
    if (!node) continue;
    const span = node.parent?.type === 'property' ? node.parent : node;
    return { from: span.offset, to: span.offset + span.length, exact: depth === segments.length };
  }
  return null;
}

// error: {path, reason, line?, column?} → {from, to, line} in text, or null if the error
// names no place in the text (an analysis option such as "options.mcu.sram_kb").
export function locateError(text, error) {
  let range = null;
  if (error.line > 0) range = rangeAtLineColumn(text, error.line, error.column ?? 1);
  else if (error.path && !error.path.startsWith('options')) range = rangeOfPath(text, error.path);
  return range && { ...range, line: lineAt(text, range.from) };
}
