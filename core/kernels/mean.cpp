#include "core/kernels/mean.hpp"

#include <algorithm>
#include <cassert>

#include "core/error.hpp"
#include "core/kernels/requantize.hpp"

namespace tinyml::kernels {
namespace {

// Rescale (m, s) by 1/n keeping as many significant bits as the int64 division allows.
quant::QuantizedMultiplier divide_by_count(quant::QuantizedMultiplier base, int32_t count) {
  int shift = 63 - quant::count_leading_zeros(static_cast<uint64_t>(count));  // floor(log2 n)
  shift = std::min(shift, 32);
  shift = std::min(shift, 31 + base.shift);
  const int64_t scaled = (static_cast<int64_t>(base.multiplier) << shift) / count;
  return {static_cast<int32_t>(scaled), base.shift - shift};
}

// Input dims left-padded to rank 4, and which of them are reduced.
void split_dims(const MeanConfig& config, const std::string& path, MeanParams& params) {
  const int rank = static_cast<int>(config.input_shape.size());
  if (rank < 1 || rank > 4) throw Error(path + ".input_shape", "rank must be 1 to 4");
  std::array<bool, 4> reduced{};
  for (const int axis : config.axes) {
    if (axis < -rank || axis >= rank) {
      throw Error(path + ".axes", "axis " + std::to_string(axis) + " is out of range for rank " +
                                      std::to_string(rank));
    }
    reduced[4 - rank + (axis < 0 ? axis + rank : axis)] = true;
  }
  for (int axis = 0; axis < 4; ++axis) {
    const int input_axis = axis - (4 - rank);
    const int dim = input_axis < 0 ? 1 : config.input_shape[input_axis];
    if (dim < 1) throw Error(path + ".input_shape", "dimensions must be 1 or more");
    params.kept_dims[axis] = reduced[axis] ? 1 : dim;
    params.reduced_dims[axis] = reduced[axis] ? dim : 1;
    if (input_axis >= 0 && (config.keep_dims || !reduced[axis])) {
      params.output_shape.push_back(params.kept_dims[axis]);
    }
  }
  std::size_t stride = 1;
  for (int axis = 3; axis >= 0; --axis) {
    params.input_strides[axis] = stride;
    stride *= static_cast<std::size_t>(params.kept_dims[axis]) * params.reduced_dims[axis];
  }
  params.input_size = stride;
}

}  // namespace

MeanParams prepare_mean(const MeanConfig& config, const std::string& path) {
  quant::check_quant_params(config.input, path + ".input");
  quant::check_quant_params(config.output, path + ".output");
  MeanParams params;
  split_dims(config, path, params);
  const auto product = [](const std::array<int, 4>& d) {
    return static_cast<std::size_t>(d[0]) * d[1] * d[2] * d[3];
  };
  params.output_size = product(params.kept_dims);
  const std::size_t count = product(params.reduced_dims);
  if (count * 255 >= (std::size_t{1} << 31)) {
    throw Error(path, "averages " + std::to_string(count) +
                          " elements per output; at most 8421504 fit the int32 sum");
  }
  params.count = static_cast<int32_t>(count);
  params.input_zero_point = config.input.zero_point;
  params.output_zero_point = config.output.zero_point;
  const quant::QuantizedMultiplier base = checked_multiplier(
      static_cast<double>(config.input.scale) / static_cast<double>(config.output.scale),
      path + ".output.scale");
  params.multiplier = divide_by_count(base, params.count);
  return params;
}

void mean(const MeanParams& params, Span<const int8_t> input, Span<int8_t> output) {
  assert(input.size == params.input_size);
  assert(output.size == params.output_size);
  const std::array<int, 4>& kept = params.kept_dims;
  const std::array<int, 4>& reduced = params.reduced_dims;
  const std::array<std::size_t, 4>& stride = params.input_strides;
  std::size_t out_index = 0;
  for (int k0 = 0; k0 < kept[0]; ++k0) {
    for (int k1 = 0; k1 < kept[1]; ++k1) {
      for (int k2 = 0; k2 < kept[2]; ++k2) {
        for (int k3 = 0; k3 < kept[3]; ++k3) {
          const std::size_t base = k0 * stride[0] + k1 * stride[1] + k2 * stride[2] + k3 * stride[3];
          int32_t sum = 0;
          for (int r0 = 0; r0 < reduced[0]; ++r0) {
            for (int r1 = 0; r1 < reduced[1]; ++r1) {
              for (int r2 = 0; r2 < reduced[2]; ++r2) {
                for (int r3 = 0; r3 < reduced[3]; ++r3) {
                  sum += input[base + r0 * stride[0] + r1 * stride[1] + r2 * stride[2] +
                               r3 * stride[3]];
                }
              }
            }
          }
          const int32_t centred = sum - params.input_zero_point * params.count;
          const int32_t scaled =
              quant::multiply_by_quantized_multiplier(centred, params.multiplier) +
              params.output_zero_point;
          output[out_index++] = quant::saturate_to_int8(scaled);
        }
      }
    }
  }
}

}  // namespace tinyml::kernels
