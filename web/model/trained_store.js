// Weights trained in the page, kept in localStorage so a reload loses no training run:
// one entry per network text (the key is a hash of it; the text is stored too and
// compared, so a hash collision reads as "nothing stored"). No DOM beyond the Storage
// object handed in.

const PREFIX = 'tinyml.trained.';

// FNV-1a, 32 bits, of the text's UTF-16 code units, as 8 hex digits.
export function textHash(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; ++index) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export class TrainedStore {
  #storage;

  constructor(storage) {
    this.#storage = storage;
  }

  // → {text, weights, int8_model, report, saved} or null.
  get(text) {
    try {
      const entry = JSON.parse(this.#storage.getItem(PREFIX + textHash(text)) ?? 'null');
      return entry && entry.text === text ? entry : null;
    } catch {
      return null;
    }
  }

  // Throws (with a message saying so) when the browser's storage is full.
  put(text, { weights, int8_model, report }) {
    const entry = { text, weights, int8_model, report, saved: new Date().toISOString() };
    try {
      this.#storage.setItem(PREFIX + textHash(text), JSON.stringify(entry));
    } catch (error) {
      throw new Error(`the trained weights could not be kept in this browser's storage (${error.message}); download them instead`);
    }
    return entry;
  }
}
