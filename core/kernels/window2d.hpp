// The sliding-window geometry shared by conv2d, depthwise conv2d and the 2-D pools:
// input and output NHWC shapes, filter size, stride, dilation and leading padding.
// The kernels iterate over the declared output and skip taps that fall outside the
// input (conv: as if padded with the input zero point; pools: window clamped), as TFLM does.
#pragma once

#include <string>

#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

// TensorFlow's padding modes (tensorflow/lite/kernels/padding.h).
enum class Padding { Same, Valid };

// One spatial axis: output size from the mode's formula, and the padding before/after.
struct AxisPadding {
  int output = 0;
  int before = 0;
  int after = 0;  // the odd pixel of SAME padding goes here
};

// TFLite ComputePaddingHeightWidth: effective filter eff = (filter − 1)·dilation + 1;
// SAME: out = ceil(in / stride); VALID: out = (in − eff + stride) / stride;
// total = max(0, (out − 1)·stride + eff − in); before = total / 2, after = total − before.
// Domain: in, filter, stride, dilation ≥ 1 (debug-checked).
AxisPadding compute_padding(Padding mode, int input, int filter, int stride, int dilation);

struct Window2d {
  Nhwc input;   // [N, H, W, C_in]
  Nhwc output;  // [N, OH, OW, C_out], as declared by the op
  int filter_height = 1;
  int filter_width = 1;
  int stride_h = 1;
  int stride_w = 1;
  int dilation_h = 1;
  int dilation_w = 1;
  int pad_top = 0;
  int pad_left = 0;
};

// Always-on check at prepare: every size ≥ 1, strides and dilations ≥ 1, pads ≥ 0,
// equal batches. Throws tinyml::Error(path + ".field", reason).
void check_window2d(const Window2d& window, const std::string& path);

}  // namespace tinyml::kernels
