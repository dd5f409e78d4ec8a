// Fast int8 element-wise addition, bit-exact with the reference add (add.hpp) when
// neither input is broadcast (the residual add of MobileNet/MCUNet blocks): 8 elements
// at a time, each input offset, shifted left by 20 bits and rescaled with its
// multiplier, summed, rescaled to the output and clamped, all with the reference's
// rounding (requantize_vector.hpp). Broadcasting adds stay on the reference kernel.
#pragma once

#include <cstdint>

#include "core/kernels/add.hpp"
#include "core/kernels/requantize_vector.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastAdd {
  AddParams params;
  VectorRequantizer input1;  // multiplier only: zero point 0, no clamp
  VectorRequantizer input2;
  VectorRequantizer output;  // output zero point, activation clamp
};

// Whether the fast kernel handles `params` (both inputs the output's size: no broadcast).
bool add_fast_supported(const AddParams& params);

// Domain: add_fast_supported(params). Prepare-time: allocates.
FastAdd prepare_add_fast(const AddParams& params);

// Same result as add(params, input1, input2, output). Allocates nothing.
// Bounds: as add.hpp; (x − zp) · 2^20 is computed in int32 lanes, < 2^28.
void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output);

}  // namespace tinyml::kernels
