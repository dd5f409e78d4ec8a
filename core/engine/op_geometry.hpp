// How a graph op's geometry maps onto the kernels' descriptions: NHWC shapes (batch 1)
// and sliding windows. Shared by the float and int8 engines.
#pragma once

#include "core/graph/graph.hpp"
#include "core/kernels/window2d.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::engine {

// [1, H, W, C] for a C×H×W tensor; [1, 1, 1, C] for a flat vector [C].
kernels::Nhwc nhwc_of(const TensorShape& shape);

// The window of a conv, depthwise conv or 2-D pool: input and output shapes, kernel,
// stride, dilation 1 and the leading (top/left) padding. The trailing padding is implied
// by the declared output size, which is what the kernels iterate over.
kernels::Window2d window_of(const Graph& graph, const Op& op);

quant::FusedActivation fused_activation(Activation act);

}  // namespace tinyml::engine
