// Network spec ⇄ editor text. No DOM.
//
// Presets arrive from the core as objects (with keys in alphabetical order); the editor
// shows them the way DESIGN.md writes networks: name, input, then each layer on a line
// of its own, its type first.

const INDENT = '  ';
const KEY_ORDER = ['name', 'input', 'layers', 'type', 'out', 'expand', 'mid', 'kernel', 'stride', 'padding', 'groups', 'bias', 'bn', 'act'];

function rank(key) {
  const index = KEY_ORDER.indexOf(key);
  return index === -1 ? KEY_ORDER.length : index;
}

// A copy of value with every object's keys in KEY_ORDER (unknown keys after, as they were).
function ordered(value) {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, ordered(value[key])]));
}

// One line, with a space after ':' and ',' as people type it.
function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function formatValue(key, value, depth) {
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
    const items = value.map((item) => `${pad}${INDENT}${inline(item)}`);
    return `[\n${items.join(',\n')}\n${pad}]`;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && key === null) {
    const entries = Object.entries(value).map(([k, v]) => `${pad}${INDENT}${JSON.stringify(k)}: ${formatValue(k, v, depth + 1)}`);
    return `{\n${entries.join(',\n')}\n${pad}}`;
  }
  return inline(value);
}

// spec object (or JSON text) → editor text, each layer on one line.
export function specToText(spec) {
  const value = typeof spec === 'string' ? JSON.parse(spec) : spec;
  return `${formatValue(null, ordered(value), 0)}\n`;
}

