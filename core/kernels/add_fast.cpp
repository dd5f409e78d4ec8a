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

}  // namespace

bool add_fast_supported(const AddParams& params) {
  return params.input1_size == params.output_size && params.input2_size == params.output_size;
}

FastAdd prepare_add_fast(const AddParams& params) {
  assert(add_fast_supported(params));
  FastAdd add;
  add.params = params;
  std::vector<int32_t> rescaled2;
  for (int value = -128; value <= 127; ++value) {
    rescaled2.push_back(rescale_input(params, static_cast<int8_t>(value), params.input2_offset, params.input2_multiplier));
  }
  const VectorRequantizer output =
      make_vector_requantizer({params.output_multiplier}, params.output_zero_point, params.range);
  add.table.resize(256 * 256);
  for (int value1 = -128; value1 <= 127; ++value1) {
    const int32_t rescaled1 =
        rescale_input(params, static_cast<int8_t>(value1), params.input1_offset, params.input1_multiplier);
    int8_t* row = add.table.data() + (value1 + 128) * 256;
    for (int index = 0; index < 256; index += 4) {
      const simd::I32x4 sums = simd::add_i32x4(simd::splat_i32x4(rescaled1), simd::load_i32x4(rescaled2.data() + index));
      simd::store_int8x4(row + index, requantize_i32x4(output, sums, 0));
    }
  }
  return add;
}

void add_fast(const FastAdd& add, Span<const int8_t> input1, Span<const int8_t> input2, Span<int8_t> output) {
  assert(input1.size == add.params.output_size && input2.size == add.params.output_size);
  assert(output.size == add.params.output_size);
  const int8_t* table = add.table.data();
  for (std::size_t index = 0; index < output.size; ++index) {
    const unsigned row = static_cast<uint8_t>(input1.data[index]) ^ 0x80u;     // x1 + 128
    const unsigned column = static_cast<uint8_t>(input2.data[index]) ^ 0x80u;  // x2 + 128
    output.data[index] = table[row << 8 | column];
  }
}

}  // namespace tinyml::kernels
