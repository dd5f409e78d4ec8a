// The inference panel's Fashion-MNIST inputs: a test image picked by number (shown
// enlarged, with its true label), and a 28×28 grey drawing pad for the mouse (or a
// finger). Both give 28×28 grey bytes; web/inference.js turns them into the network
// input the trainer uses (model/fashion_mnist.js datasetInput).

import { FASHION_CLASSES } from '../model/fashion_mnist.js';
import { el } from './dom.js';

export const SIDE = 28;

function paint(canvas, pixels) {
  const rgba = new Uint8ClampedArray(SIDE * SIDE * 4);
  for (let index = 0; index < SIDE * SIDE; ++index) {
    rgba.fill(pixels[index], index * 4, index * 4 + 3);
    rgba[index * 4 + 3] = 255;
  }
  canvas.getContext('2d').putImageData(new ImageData(rgba, SIDE, SIDE), 0, 0);
}

// A test image by number, drawn enlarged with its label.
export class TestImagePicker {
  element;
  #index;
  #canvas;
  #caption;
  #count = 0;

  // onChange(): the number changed (the caller loads the image and calls show()).
  constructor({ onChange }) {
    this.#index = el('input', { id: 'dataset-index', type: 'number', min: '0', step: '1', value: '0', onchange: onChange });
    const random = el('button', { id: 'dataset-random', type: 'button', onclick: () => {
      this.#index.value = String(Math.floor(Math.random() * Math.max(1, this.#count)));
      onChange();
    } }, 'Random');
    this.#canvas = el('canvas', { className: 'dataset-image', width: SIDE, height: SIDE, ariaLabel: 'The chosen test image' });
    this.#caption = el('figcaption', { dataset: { testid: 'dataset-label' } }, 'loads on first use');
    this.element = el('div', { className: 'dataset-picker' },
      el('label', { className: 'field seed-field' }, el('span', {}, 'Test image'), this.#index),
      random,
      el('figure', { className: 'dataset-figure' }, this.#canvas, this.#caption));
  }

  get index() {
    return Math.max(0, Math.min(Math.max(0, this.#count - 1), Math.round(Number(this.#index.value) || 0)));
  }

  // pixels: 28×28 bytes; label: 0–9; count: test images available.
  show(index, pixels, label, count) {
    this.#count = count;
    this.#index.max = String(count - 1);
    this.#index.value = String(index);
    paint(this.#canvas, pixels);
    this.#caption.textContent = `#${index} of ${count}: ${FASHION_CLASSES[label]} (label ${label})`;
  }
}

// A 28×28 drawing pad: white strokes on black, like Fashion-MNIST's images.
export class DrawingPad {
  element;
  #canvas;
  #pixels = new Uint8Array(SIDE * SIDE);
  #last = null;

  // onDrawn(): a stroke ended.
  constructor({ onDrawn }) {
    this.#canvas = el('canvas', { id: 'drawing-pad', className: 'dataset-image drawing-pad', width: SIDE, height: SIDE, ariaLabel: 'Draw here with the mouse' });
    paint(this.#canvas, this.#pixels);
    this.#canvas.addEventListener('pointerdown', (event) => {
      this.#canvas.setPointerCapture(event.pointerId);
      this.#last = this.#cell(event);
      this.#stamp(this.#last);
    });
    this.#canvas.addEventListener('pointermove', (event) => {
      if (!this.#last) return;
      const cell = this.#cell(event);
      // Fill the gap since the last event, so fast strokes stay connected.
      const steps = Math.ceil(Math.hypot(cell.x - this.#last.x, cell.y - this.#last.y) * 2) || 1;
      for (let step = 1; step <= steps; ++step) {
        this.#stamp({ x: this.#last.x + ((cell.x - this.#last.x) * step) / steps, y: this.#last.y + ((cell.y - this.#last.y) * step) / steps });
      }
      this.#last = cell;
    });
    const end = () => {
      if (!this.#last) return;
      this.#last = null;
      onDrawn();
    };
    this.#canvas.addEventListener('pointerup', end);
    this.#canvas.addEventListener('pointercancel', end);
    const clear = el('button', { id: 'drawing-clear', type: 'button', onclick: () => { this.#pixels.fill(0); paint(this.#canvas, this.#pixels); } }, 'Clear');
    this.element = el('div', { className: 'dataset-picker' },
      el('figure', { className: 'dataset-figure' }, this.#canvas, el('figcaption', {}, 'Draw with the mouse (white on black, 28×28)')),
      clear);
  }

  get pixels() { return this.#pixels.slice(); }
  get empty() { return this.#pixels.every((value) => value === 0); }

  #cell(event) {
    const box = this.#canvas.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * SIDE, y: ((event.clientY - box.top) / box.height) * SIDE };
  }

  // A soft round brush about 2.5 pixels wide (Fashion-MNIST's strokes are thick).
  #stamp({ x, y }) {
    for (let cellY = Math.floor(y - 2); cellY <= Math.ceil(y + 2); ++cellY) {
      for (let cellX = Math.floor(x - 2); cellX <= Math.ceil(x + 2); ++cellX) {
        if (cellX < 0 || cellY < 0 || cellX >= SIDE || cellY >= SIDE) continue;
        const distance = Math.hypot(cellX + 0.5 - x, cellY + 0.5 - y);
        const value = Math.round(255 * Math.max(0, Math.min(1, 1.8 - distance)));
        const index = cellY * SIDE + cellX;
        this.#pixels[index] = Math.max(this.#pixels[index], value);
      }
    }
    paint(this.#canvas, this.#pixels);
  }
}
