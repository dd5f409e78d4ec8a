// Reference int8 element-wise addition with numpy broadcasting, as TFLM computes it
// (micro/kernels/add_common.cc for prepare, reference/integer_ops/add.h AddFunc per
// element, BroadcastAdd4DSlow for broadcasting). See tflite-int8-arithmetic.md §9.
//
// Both inputs are rescaled to a common scale 2·max(s1, s2) with 20 bits of headroom,
// added in int32, and rescaled to the output scale.
// Layouts: any shapes of rank ≤ 4 that broadcast (each dimension equal or 1, aligned at
// the right); output has the broadcast shape, row-major.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/kernels/tensor_span.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct AddConfig {
  std::vector<int> input1_shape;  // rank 0 (scalar) … 4
  std::vector<int> input2_shape;
  quant::QuantParams input1;
  quant::QuantParams input2;
  quant::QuantParams output;
  quant::FusedActivation activation = quant::FusedActivation::None;
};

struct AddParams {
  std::vector<int> output_shape;        // the broadcast shape, rank max(rank1, rank2)
  std::array<int, 4> output_dims{};     // output_shape left-padded with 1s to rank 4
  std::array<std::size_t, 4> input1_strides{};  // element strides; 0 along broadcast dims
  std::array<std::size_t, 4> input2_strides{};
  std::size_t input1_size = 0;
  std::size_t input2_size = 0;
  std::size_t output_size = 0;
  int left_shift = 20;  // TFLM: 20 for int8 inputs
  int32_t input1_offset = 0;  // −zero point
  int32_t input2_offset = 0;
  int32_t output_zero_point = 0;
  quant::QuantizedMultiplier input1_multiplier;  // s1 / (2·max(s1, s2)), shift ≤ 0
  quant::QuantizedMultiplier input2_multiplier;  // s2 / (2·max(s1, s2)), shift ≤ 0
  quant::QuantizedMultiplier output_multiplier;  // 2·max(s1, s2) / (2^20 · s_out), shift ≤ 0
  quant::ActivationRange range;
};

// Validates shapes and scales (throws tinyml::Error) and derives the multipliers.
AddParams prepare_add(const AddConfig& config, const std::string& path = "add");

// Adds element-wise with broadcasting. Allocates nothing.
// Bounds: (x − zp) · 2^20 ≤ 255 · 2^20 < 2^28; each rescaled input is ≤ half of that, so
// their int32 sum stays below 2^28.
void add(const AddParams& params, Span<const int8_t> input1, Span<const int8_t> input2,
         Span<int8_t> output);

}  // namespace tinyml::kernels
