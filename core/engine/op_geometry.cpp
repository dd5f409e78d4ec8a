#include "core/engine/op_geometry.hpp"

namespace tinyml::engine {

kernels::Nhwc nhwc_of(const TensorShape& shape) {
  if (shape.flat) return {1, 1, 1, shape.c};
  return {1, shape.h, shape.w, shape.c};
}

kernels::Window2d window_of(const Graph& graph, const Op& op) {
  kernels::Window2d window;
  window.input = nhwc_of(graph.tensors[op.inputs[0]].shape);
  window.output = nhwc_of(graph.tensors[op.output].shape);
  window.filter_height = op.kernel.h;
  window.filter_width = op.kernel.w;
  window.stride_h = op.stride.h;
  window.stride_w = op.stride.w;
  window.pad_top = op.padding.top;
  window.pad_left = op.padding.left;
  return window;
}

quant::FusedActivation fused_activation(Activation act) {
  switch (act) {
    case Activation::Relu: return quant::FusedActivation::Relu;
    case Activation::Relu6: return quant::FusedActivation::Relu6;
    case Activation::None: break;
  }
  return quant::FusedActivation::None;
}

}  // namespace tinyml::engine
