// Fast int8 fully connected layer, bit-exact with the reference fully_connected
// (fully_connected.hpp): the filter is packed once at prepare (int8_gemm.hpp); eval
// widens each input row (input + offset) into int16 scratch and runs the product.
// Scratch: `scratch_elements()` int16, handed in by the caller.
#pragma once

#include <cstdint>

#include "core/kernels/fully_connected.hpp"
#include "core/kernels/int8_gemm.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastFullyConnected {
  FullyConnectedParams params;
  PackedFilter packed;  // [O, K]
  std::size_t scratch_elements() const {
    return static_cast<std::size_t>(params.batches) * packed.depth_padded;
  }
};

// Packs `filter` ([O, K] int8) and `bias` ([O] int32 or empty). Prepare-time: allocates.
FastFullyConnected prepare_fully_connected_fast(const FullyConnectedParams& params, Span<const int8_t> filter,
                                                Span<const int32_t> bias);

// Same result as fully_connected(params, input, filter, bias, output). Allocates nothing.
void fully_connected_fast(const FastFullyConnected& layer, Span<const int8_t> input, Span<int16_t> scratch,
                          Span<int8_t> output);

}  // namespace tinyml::kernels
