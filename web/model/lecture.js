// What the lecture typed in by hand, kept to show beside what the core computes. No DOM.

// The lecture's `models` dict (part 1): sizes in MB, typed in, not computed. They are
// fp32 figures (4 bytes a parameter); the lecture's code multiplies them by 1024 to plot KB.
export const LECTURE_MODELS = [
  { name: 'MobileNetV2', params_mb: 14, peak_act_mb: 40 },
  { name: 'ResNet-18', params_mb: 46, peak_act_mb: 100 },
  { name: 'BERT-tiny', params_mb: 17, peak_act_mb: 50 },
  { name: 'MCUNet', params_mb: 0.74, peak_act_mb: 0.39 },
];

// "ResNet-18" and "ResNet18" name the same network.
export function sameModelName(a, b) {
  const key = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return key(a) === key(b);
}

// The lecture's figure for a preset name, or undefined.
export function lectureFigure(presetName) {
  return LECTURE_MODELS.find((model) => sameModelName(model.name, presetName));
}
