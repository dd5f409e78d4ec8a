#include "core/kernels/window2d.hpp"

#include <algorithm>
#include <cassert>

#include "core/error.hpp"

namespace tinyml::kernels {
namespace {

void check_at_least(int value, int minimum, const std::string& path) {
  if (value < minimum) {
    throw Error(path, "must be " + std::to_string(minimum) + " or more, got " +
                          std::to_string(value));
  }
}

void check_shape(const Nhwc& shape, const std::string& path) {
  check_at_least(shape.batch, 1, path + ".batch");
  check_at_least(shape.height, 1, path + ".height");
  check_at_least(shape.width, 1, path + ".width");
  check_at_least(shape.channels, 1, path + ".channels");
}

}  // namespace

AxisPadding compute_padding(Padding mode, int input, int filter, int stride, int dilation) {
  assert(input >= 1 && filter >= 1 && stride >= 1 && dilation >= 1);
  const int effective_filter = (filter - 1) * dilation + 1;
  AxisPadding result;
  result.output = mode == Padding::Same ? (input + stride - 1) / stride
                                        : (input - effective_filter + stride) / stride;
  const int total = std::max(0, (result.output - 1) * stride + effective_filter - input);
  result.before = total / 2;
  result.after = total - result.before;
  return result;
}

void check_window2d(const Window2d& window, const std::string& path) {
  check_shape(window.input, path + ".input");
  check_shape(window.output, path + ".output");
  if (window.output.batch != window.input.batch) {
    throw Error(path + ".output.batch", "must equal the input batch " +
                                            std::to_string(window.input.batch) + ", got " +
                                            std::to_string(window.output.batch));
  }
  check_at_least(window.filter_height, 1, path + ".filter_height");
  check_at_least(window.filter_width, 1, path + ".filter_width");
  check_at_least(window.stride_h, 1, path + ".stride_h");
  check_at_least(window.stride_w, 1, path + ".stride_w");
  check_at_least(window.dilation_h, 1, path + ".dilation_h");
  check_at_least(window.dilation_w, 1, path + ".dilation_w");
  check_at_least(window.pad_top, 0, path + ".pad_top");
  check_at_least(window.pad_left, 0, path + ".pad_left");
}

}  // namespace tinyml::kernels
