// Fast int8 element-wise addition, bit-exact with the reference add (add.hpp) when
// neither input is broadcast (the residual add of MobileNet/MCUNet blocks). An output
// depends only on the two int8 inputs, so prepare tabulates all 256 × 256 of them
// (64 KB): each input's rescaled value (x + offset, shifted left by 20 bits and rescaled
// with its multiplier, the reference's arithmetic) for its 256 values, then every sum
// rescaled to the output and clamped with the reference's rounding
// (requantize_vector.hpp). Eval is one table lookup per element. Broadcasting adds stay
// on the reference kernel.
#pragma once

#include <cstdint>
#include <vector>

#include "core/kernels/add.hpp"
#include "core/kernels/requantize_vector.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastAdd {
  AddParams params;
  std::vector<int8_t> table;  // [(x1 + 128) · 256 + (x2 + 128)]: the output for int8 inputs x1, x2
};

// Whether the fast kernel handles `params` (both inputs the output's size: no broadcast).
bool add_fast_supported(const AddParams& params);

// Domain: add_fast_supported(params). Prepare-time: allocates.
FastAdd prepare_add_fast(const AddParams& params);

// Same result as add(params, input1, input2, output). Allocates nothing.
// Bounds: as add.hpp.
void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output);

}  // namespace tinyml::kernels
