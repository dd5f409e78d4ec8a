#include "core/kernels/fully_connected_fast.hpp"

#include <algorithm>
#include <cassert>

namespace tinyml::kernels {

FastFullyConnected prepare_fully_connected_fast(const FullyConnectedParams& params, Span<const int8_t> filter,
                                                Span<const int32_t> bias) {
  assert(filter.size == static_cast<std::size_t>(params.output_depth) * params.input_depth);
  FastFullyConnected layer;
  layer.params = params;
  layer.packed = pack_filter(filter.data, params.output_depth, params.input_depth,
                             static_cast<std::size_t>(params.input_depth), bias.empty() ? nullptr : bias.data,
                             params.channel_multipliers, params.output_zero_point, params.range);
  return layer;
}

void fully_connected_fast(const FastFullyConnected& layer, Span<const int8_t> input, Span<int16_t> scratch,
                          Span<int8_t> output) {
  const FullyConnectedParams& params = layer.params;
  const PackedFilter& packed = layer.packed;
  assert(input.size == static_cast<std::size_t>(params.batches) * params.input_depth);
  assert(output.size == static_cast<std::size_t>(params.batches) * params.output_depth);
  assert(scratch.size >= layer.scratch_elements());
  for (int batch = 0; batch < params.batches; ++batch) {
    int16_t* row = scratch.data + static_cast<std::size_t>(batch) * packed.depth_padded;
    widen_with_offset(input.data + static_cast<std::size_t>(batch) * params.input_depth, params.input_depth,
                      static_cast<int16_t>(params.input_offset), row);
    std::fill(row + params.input_depth, row + packed.depth_padded, int16_t{0});
  }
  gemm_requantize(packed, scratch.data, params.batches, output.data, static_cast<std::size_t>(params.output_depth));
}

}  // namespace tinyml::kernels
