// The network editor: CodeMirror 6 in JSON mode, with the analysis error (if any)
// underlined where it occurs and its line highlighted.

import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';
import { basicSetup } from 'codemirror';

const setErrorLine = StateEffect.define();

// The highlighted error line, as a line decoration that follows edits.
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(lines, transaction) {
    let next = lines.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue;
      next = effect.value === null
        ? Decoration.none
        : Decoration.set([Decoration.line({ class: 'cm-error-line' }).range(transaction.state.doc.lineAt(effect.value).from)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Wrapped lines continue under their own indentation plus two, so a long layer line
// that wraps still reads as one layer.
function hangingIndents(view) {
  const decorations = [];
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const indent = /^\s*/.exec(line.text)[0].length + 2;
      decorations.push(Decoration.line({ attributes: { style: `padding-left: calc(${indent}ch + 6px); text-indent: -${indent}ch` } }).range(line.from));
      pos = line.to + 1;
    }
  }
  return Decoration.set(decorations);
}

const hangingIndentPlugin = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = hangingIndents(view); }
  update(update) {
    if (update.docChanged || update.viewportChanged) this.decorations = hangingIndents(update.view);
  }
}, { decorations: (plugin) => plugin.decorations });

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: '#f8fafc', borderRight: '1px solid #e2e8f0', color: '#94a3b8' },
  '.cm-error-line': { backgroundColor: '#fef2f2' },
  '&.cm-focused': { outline: 'none' },
});

export class SpecEditor {
  #view;
  #applying = false;

  // onChange(text): the user changed the text (not called for setText).
  constructor(parent, { text = '', onChange }) {
    this.#view = new EditorView({
      parent,
      doc: text,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        errorLineField,
        theme,
        EditorView.lineWrapping,
        hangingIndentPlugin,
        EditorView.contentAttributes.of({ 'aria-label': 'Network JSON', spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !this.#applying) onChange(update.state.doc.toString());
        }),
      ],
    });
  }

  get text() {
    return this.#view.state.doc.toString();
  }

  // Replace the whole text (a preset was chosen), keeping the undo history.
  setText(text) {
    if (text === this.text) return;
    this.#applying = true;
    try {
      this.#view.dispatch({ changes: { from: 0, to: this.#view.state.doc.length, insert: text } });
    } finally {
      this.#applying = false;
    }
  }

  // range: {from, to} in the text, or null; message: shown on hover.
  showError(range, message) {
    const length = this.#view.state.doc.length;
    if (!range) {
      this.clearError();
      return;
    }
    const from = Math.min(range.from, length);
    const to = Math.min(Math.max(range.to, from), length);
    this.#view.dispatch(setDiagnostics(this.#view.state, [{ from, to, severity: 'error', message }]));
    this.#view.dispatch({ effects: setErrorLine.of(from) });
  }

  clearError() {
    this.#view.dispatch(setDiagnostics(this.#view.state, []));
    this.#view.dispatch({ effects: setErrorLine.of(null) });
  }

  // Select a range and scroll it into view (a table row or the error was clicked).
  reveal(range) {
    this.#view.dispatch({
      selection: { anchor: range.from, head: range.to },
      effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
    });
    this.#view.focus();
  }
}
