// The input file of `tinyml infer` (docs/int8-model-format.md, "Input files"):
//   {"shape": [C, H, W], "data": [floats]}      real values, quantized with the model's
//                                              input scale and zero point
//   {"shape": [C, H, W], "int8": [integers]}    already quantized, used as is
// with an optional "layout": "chw" (default, PyTorch's order: channel planes) or "hwc"
// (interleaved pixels, as images and TFLite store them). Flat inputs use "shape": [N].
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/graph/graph.hpp"

namespace tinyml::engine {

struct InputTensor {
  bool is_int8 = false;
  std::vector<float> values;  // NHWC, when !is_int8
  std::vector<int8_t> int8;   // NHWC, when is_int8
};

// Reads and checks the input against `expected` (the network input's shape): the shape
// must match, counts and ranges are checked (int8 in [-128, 127], floats finite).
// Throws tinyml::Error naming the field.
InputTensor read_input_tensor(const nlohmann::json& document, const TensorShape& expected);

}  // namespace tinyml::engine
