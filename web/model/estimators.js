// The peak-SRAM estimators the core reports (docs/report-format.md), in the order the
// page shows them, with what each one counts. No DOM.

export const ESTIMATORS = [
  {
    key: 'lecture_in_out',
    label: 'Lecture: input + output',
    counts: 'The largest input + output of any convolution (lecture, part 2): only the layer being computed is in memory.',
  },
  {
    key: 'lecture_consecutive',
    label: 'Lecture: consecutive outputs',
    counts: 'The largest sum of two consecutive conv/linear outputs (lecture, part 3): it never sees the network input, pools, adds or skip connections.',
  },
  {
    key: 'live',
    label: 'Live tensors (true peak)',
    counts: 'Every tensor alive while an op runs — its inputs, its outputs and any tensor kept for a later residual add; the verdict uses this one.',
  },
];

export const WHY_THEY_DIFFER =
  'They differ in what they leave out: the consecutive-outputs rule never counts the network input that the first layer reads; both lecture rules skip pools and adds, and the block input that a residual block keeps alive for its add, which only the live count includes.';

// One sentence on how the lecture's estimates compare with the live peak for this report.
export function comparedWithLive(peakBytes) {
  const live = peakBytes.live;
  const lecture = ESTIMATORS.filter(({ key }) => key !== 'live');
  if (lecture.every(({ key }) => peakBytes[key] === live)) return 'For this network all three agree.';
  const parts = lecture.map(({ key, label }) => {
    const ratio = peakBytes[key] / live;
    const relation = ratio === 1 ? 'matches the live peak' : ratio < 1
      ? `is ${Math.round((1 - ratio) * 100)}% below the live peak`
      : `is ${Math.round((ratio - 1) * 100)}% above the live peak`;
    return `${label.replace('Lecture: ', 'the lecture\'s ')} estimate ${relation}`;
  });
  return `For this network, ${parts.join('; ')}.`;
}

// The estimator the MCU verdict is judged by.
export const VERDICT_ESTIMATOR = 'live';
