// Fast int8 mean over the spatial axes of an NHWC tensor (global average pooling), with
// the reference mean's result (mean.hpp): the int32 sum of each channel does not depend
// on the order of its terms (no overflow: prepare_mean bounds n · 255 < 2^31), so this
// kernel walks the input in memory order, 8 channels at a time in vector lanes, instead
// of channel by channel with a stride; each sum is then requantized as the reference does.
#pragma once

#include <cstdint>

#include "core/kernels/mean.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

// Whether `params` reduces exactly the two middle axes of a rank-4 input (N, H, W kept
// as N, 1, 1, C): the global average pool of the graph.
bool mean_fast_supported(const MeanParams& params);

// Same result as mean(params, input, output). Domain: mean_fast_supported(params).
// Allocates nothing.
void mean_fast(const MeanParams& params, Span<const int8_t> input, Span<int8_t> output);

}  // namespace tinyml::kernels
