#include "core/kernels/add_fast.hpp"

#include <cassert>

namespace tinyml::kernels {
namespace {

// Lanes of one input: (x + offset) · 2^left_shift, rescaled by the input's multiplier.
inline simd::I32x4 rescale_input(const VectorRequantizer& q, simd::I32x4 values, simd::I32x4 offset,
                                 simd::I32x4 left_factor) {
  return requantize_i32x4(q, simd::mul_i32x4(simd::add_i32x4(values, offset), left_factor), 0);
}

// One element exactly as the reference add computes it.
inline int8_t add_one(const AddParams& params, int8_t value1, int8_t value2) {
  const int32_t shifted1 = (int32_t{value1} + params.input1_offset) * (int32_t{1} << params.left_shift);
  const int32_t shifted2 = (int32_t{value2} + params.input2_offset) * (int32_t{1} << params.left_shift);
  const int32_t sum = quant::multiply_by_quantized_multiplier_smaller_than_one(shifted1, params.input1_multiplier) +
                      quant::multiply_by_quantized_multiplier_smaller_than_one(shifted2, params.input2_multiplier);
  const int32_t raw =
      quant::multiply_by_quantized_multiplier_smaller_than_one(sum, params.output_multiplier) + params.output_zero_point;
  return static_cast<int8_t>(quant::clamp(raw, params.range.min, params.range.max));
}

}  // namespace

bool add_fast_supported(const AddParams& params) {
  return params.input1_size == params.output_size && params.input2_size == params.output_size;
}

FastAdd prepare_add_fast(const AddParams& params) {
  assert(add_fast_supported(params));
  const quant::ActivationRange unclamped{quant::kInt32Min, quant::kInt32Max};
  FastAdd add;
  add.params = params;
  add.input1 = make_vector_requantizer({params.input1_multiplier}, 0, unclamped);
  add.input2 = make_vector_requantizer({params.input2_multiplier}, 0, unclamped);
  add.output = make_vector_requantizer({params.output_multiplier}, params.output_zero_point, params.range);
  return add;
}

void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output) {
  const AddParams& params = add.params;
  assert(input1.size == params.output_size && input2.size == params.output_size);
  assert(output.size == params.output_size);
  const simd::I32x4 offset1 = simd::splat_i32x4(params.input1_offset);
  const simd::I32x4 offset2 = simd::splat_i32x4(params.input2_offset);
  const simd::I32x4 left_factor = simd::splat_i32x4(int32_t{1} << params.left_shift);
  std::size_t index = 0;
  for (; index + 8 <= output.size; index += 8) {
    const simd::I16x8 values1 = simd::load_i8x8_widened(input1.data + index);
    const simd::I16x8 values2 = simd::load_i8x8_widened(input2.data + index);
    const simd::I32x4 low = simd::add_i32x4(
        rescale_input(add.input1, simd::widen_low_i16x8(values1), offset1, left_factor),
        rescale_input(add.input2, simd::widen_low_i16x8(values2), offset2, left_factor));
    const simd::I32x4 high = simd::add_i32x4(
        rescale_input(add.input1, simd::widen_high_i16x8(values1), offset1, left_factor),
        rescale_input(add.input2, simd::widen_high_i16x8(values2), offset2, left_factor));
    simd::store_int8x4(output.data + index, requantize_i32x4(add.output, low, 0));
    simd::store_int8x4(output.data + index + 4, requantize_i32x4(add.output, high, 0));
  }
  for (; index < output.size; ++index) output.data[index] = add_one(params, input1.data[index], input2.data[index]);
}

}  // namespace tinyml::kernels
