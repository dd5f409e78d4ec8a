// Float32 reference ops for the float engine, batch 1, NHWC. Semantics match the int8
// kernels (core/kernels) so the two engines compute the same network:
//   - conv/depthwise: taps outside the input contribute 0 (zero padding);
//   - average pool: the mean of the taps inside the image (padding not counted);
//   - max pool: the max of the taps inside the image (padding ignored);
//   - global average pool: the mean over H and W per channel.
// Accumulation is in float, in a fixed loop order (filter_y, filter_x, in_channel, then
// the bias), so results are the same natively and in wasm (no FMA contraction: the
// build is ISO C++ without -ffast-math, and wasm has no fused multiply-add).
#pragma once

#include "core/kernels/tensor_span.hpp"
#include "core/kernels/window2d.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::engine {

using kernels::Nhwc;
using kernels::Span;
using kernels::Window2d;

// filter [C_out, KH, KW, C_in / groups]; bias [C_out] or empty; output window.output.
void conv2d_float(const Window2d& window, int groups, Span<const float> input, Span<const float> filter,
                  Span<const float> bias, Span<float> output);

// filter [1, KH, KW, C] (depth multiplier 1); bias [C] or empty.
void depthwise_conv2d_float(const Window2d& window, Span<const float> input, Span<const float> filter,
                            Span<const float> bias, Span<float> output);

// output[o] = Σ_k filter[o, k] · input[k] + bias[o]; filter [O, K]; bias [O] or empty.
void fully_connected_float(int input_depth, int output_depth, Span<const float> input, Span<const float> filter,
                           Span<const float> bias, Span<float> output);

// Per channel c (the last dimension of `values`, `channels` wide):
// v = v · scale[c] + shift[c]. BN in inference mode is scale = γ / sqrt(var + eps),
// shift = β − mean · scale (computed by the caller).
void channel_affine(Span<float> values, int channels, Span<const float> scale, Span<const float> shift);

// ReLU: max(v, 0); ReLU6: min(max(v, 0), 6); None: unchanged.
void apply_activation(Activation act, Span<float> values);

// output = input1 + input2 element-wise (equal sizes).
void add_float(Span<const float> input1, Span<const float> input2, Span<float> output);

void average_pool2d_float(const Window2d& window, Span<const float> input, Span<float> output);
void max_pool2d_float(const Window2d& window, Span<const float> input, Span<float> output);

// input [H, W, C] → output [C]: the mean over H·W, summed in float in row-major order.
void global_average_pool_float(const Nhwc& input_shape, Span<const float> input, Span<float> output);

}  // namespace tinyml::engine
