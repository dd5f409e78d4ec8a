// Number formatting for the page. No DOM: these are plain functions over numbers.
// KB means 1024 bytes, as the lecture and the MCUNet papers use it.

export const BYTES_PER_KB = 1024;
export const BYTES_PER_MB = 1024 * 1024;

const fixed2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function toKB(bytes) {
  return bytes / BYTES_PER_KB;
}

export function toMB(bytes) {
  return bytes / BYTES_PER_MB;
}

// "384.00" — a KB figure with two decimals, for table cells whose header names the unit.
export function kbNumber(bytes) {
  return fixed2.format(toKB(bytes));
}

// "384.00 KB"
export function formatKB(bytes) {
  return `${kbNumber(bytes)} KB`;
}

// "384.00 KB" below 1 MB, "13.37 MB" above: for sizes that span several decades.
export function formatSize(bytes) {
  return Math.abs(bytes) < BYTES_PER_MB ? formatKB(bytes) : formatMB(bytes);
}

// "0.74 MB"
export function formatMB(bytes) {
  return `${fixed2.format(toMB(bytes))} MB`;
}

// "97,354"
export function formatCount(n) {
  return integer.format(n);
}

// "63.70 M" — a short form for large counts (MACs, params).
export function formatShortCount(n) {
  const units = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [scale, suffix] of units) {
    if (Math.abs(n) >= scale) return `${fixed2.format(n / scale)} ${suffix}`;
  }
  return formatCount(n);
}

// [16, 128, 128] → "16×128×128"
export function formatShape(shape) {
  return Array.isArray(shape) ? shape.join('×') : '';
}

// A verdict margin (capacity − need) as a sentence fragment:
//   −262144 → "exceeds SRAM by 256.00 KB", 131072 → "128.00 KB of SRAM to spare".
export function formatMargin(marginBytes, resource) {
  return marginBytes < 0
    ? `exceeds ${resource} by ${formatSize(-marginBytes)}`
    : `${formatSize(marginBytes)} of ${resource} to spare`;
}

// need / capacity as a percentage string: "300%".
export function formatPercent(need, capacity) {
  if (!(capacity > 0)) return '—';
  const percent = (100 * need) / capacity;
  return `${percent >= 10 ? integer.format(percent) : fixed2.format(percent)}%`;
}
