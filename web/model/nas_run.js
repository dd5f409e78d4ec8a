// One TinyNAS search as the page draws it: the worker's progress increments folded
// together (every measured network as a point, the best so far, the counters), then the
// final result. No DOM. Shapes: docs/nas-result.md and core/nas/nas_progress.hpp.

import { formatKB, formatShortCount } from './format.js';
import { accuracyFields } from './nas_accuracy.js';

// A measured network as the scatter plots it.
//   {flash, peak, macs, fits}: bytes, bytes, MACs, boolean
function pointOf([flash, peak, macs, fits]) {
  return { flash, peak, macs, fits: fits === 1 };
}

export class NasRun {
  points = [];
  front = [];         // the Pareto front of the fitting points (paretoFront), kept as points arrive
  macsLow = Infinity; // the MACs range of the points, for the colour scale
  macsHigh = 0;
  top = [];           // the ranking's head: best fitting first, or nearest misses
  trialsDone = 0;
  trialsTotal = 0;
  measured = 0;
  feasible = 0;
  phase = 'space_optimisation';
  result = null;      // the NAS result once the search has ended
  cancelled = false;
  // Objective accuracy (model/nas_accuracy.js): the probe's estimate, then the training
  // increments; `top` becomes the ranking by measured accuracy so far.
  estimate = null;
  training = null;
  trainingStartedMs = null;

  // increment: {phase, trials_done, trials_total, measured, feasible, final, points, top?},
  // or, with objective accuracy, {phase: 'estimate', estimate} and {phase: 'training', ...}
  addProgress(increment) {
    if (increment.phase === 'estimate' || increment.phase === 'training') {
      this.phase = increment.phase;
      if (increment.phase === 'estimate') {
        this.estimate = increment.estimate;
        this.trainingStartedMs = performance.now();
      } else {
        this.training = increment;
        if (increment.measured) this.top = increment.measured;
      }
      return;
    }
    for (const entry of increment.points) this.#add(pointOf(entry));
    this.trialsDone = increment.trials_done;
    this.trialsTotal = increment.trials_total;
    this.measured = increment.measured;
    this.feasible = increment.feasible;
    this.phase = increment.phase;
    if (increment.top) this.top = increment.top;
  }

  finish(result) {
    this.result = result;
    this.top = result.best ? result.top : result.nearest_misses;
    this.feasible = result.feasible_count;
    this.measured = result.measured;
    this.cancelled = result.cancelled;
  }

  // The search's limits in bytes, {sram, flash}, read off a measured candidate (its
  // need plus its margin) until the result states them; null before any candidate.
  get limits() {
    const constraints = this.result?.constraints;
    if (constraints) return { sram: constraints.sram_limit_bytes, flash: constraints.flash_limit_bytes };
    const candidate = this.top[0];
    if (!candidate) return null;
    return { sram: candidate.peak_bytes + candidate.sram_margin_bytes, flash: candidate.flash_bytes + candidate.flash_margin_bytes };
  }

  get fraction() {
    if (this.phase === 'estimate') return 0;
    if (this.training) return Math.min(1, this.training.images_done / Math.max(1, this.training.images_total));
    return this.trialsTotal > 0 ? Math.min(1, this.trialsDone / this.trialsTotal) : 0;
  }

  get best() {
    return this.top[0]?.fits ? this.top[0] : null;
  }

  // At most `limit` points to draw, spread evenly over the search (every k-th), so that
  // drawing stays fast however long the search runs; the front is drawn separately.
  // → {points, stride}
  sample(limit) {
    const stride = Math.max(1, Math.ceil(this.points.length / limit));
    if (stride === 1) return { points: this.points, stride };
    const points = [];
    for (let index = 0; index < this.points.length; index += stride) points.push(this.points[index]);
    return { points, stride };
  }

  #add(point) {
    this.points.push(point);
    if (point.macs > 0) {
      this.macsLow = Math.min(this.macsLow, point.macs);
      this.macsHigh = Math.max(this.macsHigh, point.macs);
    }
    if (!point.fits) return;
    if (this.front.some((kept) => dominatesOrEquals(kept, point))) return;
    this.front = this.front.filter((kept) => !dominatesOrEquals(point, kept));
    this.front.push(point);
  }
}

// a is at least as good as b in flash, peak and MACs.
function dominatesOrEquals(a, b) {
  return a.flash <= b.flash && a.peak <= b.peak && a.macs >= b.macs;
}

// Flash ascending, then peak ascending, then MACs descending.
export function byFlash(a, b) {
  return a.flash - b.flash || a.peak - b.peak || b.macs - a.macs;
}

// The fitting points no other fitting point beats: none has at most its flash, at most
// its peak and at least its MACs (of equal points, the first). In byFlash order.
// NasRun keeps the same front as points arrive; this is the definition, for the tests.
export function paretoFront(points) {
  const fitting = points.filter((point) => point.fits);
  fitting.sort((a, b) => b.macs - a.macs || a.flash - b.flash || a.peak - b.peak);
  const front = [];
  for (const point of fitting) {
    const dominated = front.some((kept) => kept.flash <= point.flash && kept.peak <= point.peak);
    if (!dominated) front.push(point);
  }
  return front.sort(byFlash);
}

// A colour for `value` in [low, high]: light blue (few MACs) to dark purple (many), on
// a log scale, since MACs in a space span decades.
export function objectiveColor(value, low, high, alpha = 1) {
  const span = Math.log(high) - Math.log(low);
  const t = span > 0 ? Math.min(1, Math.max(0, (Math.log(value) - Math.log(low)) / span)) : 1;
  const stops = [[125, 211, 252], [59, 130, 246], [109, 40, 217], [59, 7, 100]];
  const position = t * (stops.length - 1);
  const index = Math.min(stops.length - 2, Math.floor(position));
  const mix = position - index;
  const channel = (c) => Math.round(stops[index][c] + (stops[index + 1][c] - stops[index][c]) * mix);
  return `rgba(${channel(0)}, ${channel(1)}, ${channel(2)}, ${alpha})`;
}

// The space optimisation's CDFs, one curve per (width, resolution) pair with a fitting
// sample: [{label, chosen, fitting, sampled, points: [{x: macs, y: fraction ≤ x}]}].
export function cdfCurves(spaceOptimisation) {
  return spaceOptimisation
    .filter((pair) => pair.macs_cdf.length > 0)
    .map((pair) => {
      const count = pair.macs_cdf.length;
      // Every fitting sample: the empirical CDF, (i + 1)/n at the i-th. More than the
      // core sends are thinned to quantiles 0, 1/(count − 1), ..., 1.
      const thinned = pair.fitting > count;
      const level = (index) => (thinned ? index / (count - 1) : (index + 1) / count);
      return {
        label: `width ${pair.width}, ${pair.resolution}×${pair.resolution}`,
        chosen: pair.chosen,
        fitting: pair.fitting,
        sampled: pair.sampled,
        // From 0 at the smallest, so that a single sample still draws a step.
        points: [{ x: pair.macs_cdf[0], y: 0 }, ...pair.macs_cdf.map((macs, index) => ({ x: macs, y: level(index) }))],
      };
    });
}

// "SRAM: needs 140.00 KB, limit 128.00 KB, over by 12.00 KB"
export function failureText({ constraint, need_bytes: need, limit_bytes: limit, over_bytes: over }) {
  const name = constraint === 'sram' ? 'SRAM' : 'Flash';
  return `${name}: needs ${formatKB(need)}, limit ${formatKB(limit)}, over by ${formatKB(over)}`;
}

// {width: 20, resolution: 128, expand: [1, 3, 4], depth: [1, 1, 3]} →
// "width 20 · res 128 · expand 1,3,4 · depth 1,1,3" (null slots, past a stage's depth, as "–")
export function choicesText(choices) {
  const name = (key) => (key === 'resolution' ? 'res' : key);
  const value = (entry) => (Array.isArray(entry) ? entry.map((item) => item ?? '–').join(',') : entry);
  return Object.entries(choices).map(([key, entry]) => `${name(key)} ${value(entry)}`).join(' · ');
}

// The line under the progress bar.
export function progressText(run) {
  const phase = run.phase === 'evolution' ? 'evolution' : 'space optimisation';
  const base = `${run.trialsDone.toLocaleString('en-US')} of ${run.trialsTotal.toLocaleString('en-US')} trials (${phase}) · ` +
    `${run.measured.toLocaleString('en-US')} networks measured, ${run.feasible.toLocaleString('en-US')} fit`;
  const best = run.best;
  return best ? `${base} · best so far ${formatShortCount(best.macs)} MACs` : base;
}

// The panel's settings and the page's MCU (state.mcuOption) → the NAS request.
// Numbers go as typed (an empty field as null): the core validates them and names the
// field it refuses ("request.trials: ...").
export function nasRequest(settings, mcu, top = 10) {
  const number = (value) => (Number.isFinite(value) ? value : null);
  const bytes = (kb) => (Number.isFinite(kb) ? Math.round(kb * 1024) : null);
  return {
    space: settings.space,
    mcu,
    estimator: settings.estimator,
    trials: number(settings.trials),
    space_samples: number(settings.samples),
    seed: number(settings.seed),
    sram_reserve_bytes: bytes(settings.sramReserveKB),
    flash_reserve_bytes: bytes(settings.flashReserveKB),
    top,
    ...accuracyFields(settings),
  };
}
