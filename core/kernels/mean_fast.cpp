#include "core/kernels/mean_fast.hpp"

#include <cassert>

#include "core/kernels/simd128.hpp"

namespace tinyml::kernels {
namespace {

inline int8_t requantize_mean(const MeanParams& params, int32_t sum) {
  const int32_t centred = sum - params.input_zero_point * params.count;
  return quant::saturate_to_int8(quant::multiply_by_quantized_multiplier(centred, params.multiplier) +
                                 params.output_zero_point);
}

}  // namespace

bool mean_fast_supported(const MeanParams& params) {
  return params.reduced_dims[0] == 1 && params.reduced_dims[3] == 1 && params.kept_dims[1] == 1 &&
         params.kept_dims[2] == 1;
}

void mean_fast(const MeanParams& params, Span<const int8_t> input, Span<int8_t> output) {
  assert(mean_fast_supported(params));
  assert(input.size == params.input_size && output.size == params.output_size);
  const int batches = params.kept_dims[0];
  const int channels = params.kept_dims[3];
  const int pixels = params.reduced_dims[1] * params.reduced_dims[2];
  for (int batch = 0; batch < batches; ++batch) {
    const int8_t* image = input.data + static_cast<std::size_t>(batch) * pixels * channels;
    int8_t* out = output.data + static_cast<std::size_t>(batch) * channels;
    int channel = 0;
    for (; channel + 8 <= channels; channel += 8) {
      simd::I32x4 low = simd::zero_i32x4();
      simd::I32x4 high = simd::zero_i32x4();
      const int8_t* at = image + channel;
      for (int pixel = 0; pixel < pixels; ++pixel, at += channels) {
        const simd::I16x8 values = simd::load_i8x8_widened(at);
        low = simd::add_i32x4(low, simd::widen_low_i16x8(values));
        high = simd::add_i32x4(high, simd::widen_high_i16x8(values));
      }
      alignas(16) int32_t sums[8];
      simd::store_i32x4(sums, low);
      simd::store_i32x4(sums + 4, high);
      for (int lane = 0; lane < 8; ++lane) out[channel + lane] = requantize_mean(params, sums[lane]);
    }
    for (; channel < channels; ++channel) {
      int32_t sum = 0;
      for (int pixel = 0; pixel < pixels; ++pixel) sum += image[static_cast<std::size_t>(pixel) * channels + channel];
      out[channel] = requantize_mean(params, sum);
    }
  }
}

}  // namespace tinyml::kernels
