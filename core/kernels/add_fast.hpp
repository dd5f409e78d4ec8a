// Fast int8 element-wise addition, bit-exact with the reference add (add.hpp) when
// neither input is broadcast (the residual add of MobileNet/MCUNet blocks). Each input's
// rescaled value (x + offset, shifted left by 20 bits and rescaled with its multiplier,
// the reference's arithmetic) depends only on the int8 x, so prepare tabulates it for
// the 256 values of each input; eval sums the two looked-up values, 8 elements at a
// time, and rescales the sums to the output and clamps them with the reference's
// rounding (requantize_vector.hpp). Broadcasting adds stay on the reference kernel.
#pragma once

#include <cstdint>
#include <vector>

#include "core/kernels/add.hpp"
#include "core/kernels/requantize_vector.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastAdd {
  AddParams params;
  std::vector<int32_t> rescaled1;  // [256]: input 1's rescaled value of int8 x at x + 128
  std::vector<int32_t> rescaled2;
  VectorRequantizer output;  // output zero point, activation clamp
};

// Whether the fast kernel handles `params` (both inputs the output's size: no broadcast).
bool add_fast_supported(const AddParams& params);

// Domain: add_fast_supported(params). Prepare-time: allocates.
FastAdd prepare_add_fast(const AddParams& params);

// Same result as add(params, input1, input2, output). Allocates nothing.
// Bounds: as add.hpp.
void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output);

}  // namespace tinyml::kernels
