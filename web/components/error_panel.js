// Under the editor: the analysis error — its JSON path, its reason and its line — or
// a quiet "ok" line when the network is valid.

import { el, fill } from './dom.js';

export class ErrorPanel {
  #root;
  #onReveal;

  // onReveal(): the user asked to see the error in the editor.
  constructor(root, { onReveal }) {
    this.#root = root;
    this.#onReveal = onReveal;
  }

  // error: {path, reason}; location: {line} or null; staleName: the network still shown.
  showError(error, location, staleName) {
    this.#root.className = 'status error';
    fill(this.#root,
      el('div', { className: 'status-title' }, 'Error', location ? el('button', { type: 'button', className: 'link', onclick: () => this.#onReveal() }, `line ${location.line}`) : null),
      el('p', { className: 'status-message', dataset: { testid: 'error-message' } },
        error.path ? el('code', { className: 'error-path' }, error.path) : null,
        error.path ? ': ' : '', error.reason),
      staleName ? el('p', { className: 'status-note' }, `The results show the last valid network (${staleName}); nothing you typed is lost.`) : null,
    );
  }

  showOk(message) {
    this.#root.className = 'status ok';
    fill(this.#root, el('p', { className: 'status-message' }, message));
  }
}
