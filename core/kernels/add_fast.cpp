#include "core/kernels/add_fast.hpp"

#include <cassert>

namespace tinyml::kernels {
namespace {

// Input `value` offset, shifted left and rescaled, as the reference add computes it.
inline int32_t rescale_input(const AddParams& params, int8_t value, int32_t offset,
                             quant::QuantizedMultiplier multiplier) {
  const int32_t shifted = (int32_t{value} + offset) * (int32_t{1} << params.left_shift);
  return quant::multiply_by_quantized_multiplier_smaller_than_one(shifted, multiplier);
}

// One element exactly as the reference add computes it.
inline int8_t add_one(const AddParams& params, int8_t value1, int8_t value2) {
  const int32_t sum = rescale_input(params, value1, params.input1_offset, params.input1_multiplier) +
                      rescale_input(params, value2, params.input2_offset, params.input2_multiplier);
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
  FastAdd add;
  add.params = params;
  for (int value = -128; value <= 127; ++value) {
    const auto x = static_cast<int8_t>(value);
    add.rescaled1.push_back(rescale_input(params, x, params.input1_offset, params.input1_multiplier));
    add.rescaled2.push_back(rescale_input(params, x, params.input2_offset, params.input2_multiplier));
  }
  add.output = make_vector_requantizer({params.output_multiplier}, params.output_zero_point, params.range);
  return add;
}

void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output) {
  const AddParams& params = add.params;
  assert(input1.size == params.output_size && input2.size == params.output_size);
  assert(output.size == params.output_size);
  const int32_t* table1 = add.rescaled1.data() + 128;
  const int32_t* table2 = add.rescaled2.data() + 128;
  std::size_t index = 0;
  for (; index + 8 <= output.size; index += 8) {
    int32_t sums[8];
    for (int lane = 0; lane < 8; ++lane) sums[lane] = table1[input1.data[index + lane]] + table2[input2.data[index + lane]];
    simd::store_int8x4(output.data + index, requantize_i32x4(add.output, simd::load_i32x4(sums), 0));
    simd::store_int8x4(output.data + index + 4, requantize_i32x4(add.output, simd::load_i32x4(sums + 4), 0));
  }
  for (; index < output.size; ++index) output.data[index] = add_one(params, input1.data[index], input2.data[index]);
}

}  // namespace tinyml::kernels
