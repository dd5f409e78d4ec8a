#include "core/memory/inplace_depthwise.hpp"

#include <algorithm>

namespace tinyml::memory {

bool runs_in_place(const Graph& graph, const std::vector<TensorLifetime>& lifetimes, int op_index) {
  const Op& op = graph.ops[op_index];
  return op.kind == OpKind::DepthwiseConv2d && lifetimes[op.inputs[0]].last_op == op_index;
}

int64_t inplace_scratch_bytes(const Op& op, int64_t in_height, int64_t in_width, int bytes_per_element) {
  const int64_t padded_height = in_height + op.padding.top + op.padding.bottom;
  const int64_t padded_width = in_width + op.padding.left + op.padding.right;
  return padded_height * padded_width * bytes_per_element;
}

std::vector<int64_t> inplace_depthwise_bytes_per_op(const Graph& graph, int bytes_per_element) {
  std::vector<int64_t> bytes = live_bytes_per_op(graph, bytes_per_element);
  const std::vector<TensorLifetime> lifetimes = tensor_lifetimes(graph, bytes_per_element);
  for (int op_index = 0; op_index < static_cast<int>(graph.ops.size()); ++op_index) {
    if (!runs_in_place(graph, lifetimes, op_index)) continue;
    const Op& op = graph.ops[op_index];
    const TensorShape& in_shape = graph.tensors[op.inputs[0]].shape;
    const int64_t in_bytes = lifetimes[op.inputs[0]].bytes;
    const int64_t out_bytes = lifetimes[op.output].bytes;
    bytes[op_index] += std::max(in_bytes, out_bytes) - in_bytes - out_bytes +
                       inplace_scratch_bytes(op, in_shape.h, in_shape.w, bytes_per_element);
  }
  return bytes;
}

PeakEstimate inplace_depthwise_peak(const Graph& graph, int bytes_per_element) {
  const std::vector<int64_t> bytes = inplace_depthwise_bytes_per_op(graph, bytes_per_element);
  PeakEstimate peak;
  for (std::size_t op_index = 0; op_index < bytes.size(); ++op_index) {
    if (bytes[op_index] > peak.bytes) peak = PeakEstimate{bytes[op_index], graph.ops[op_index].name};
  }
  return peak;
}

}  // namespace tinyml::memory
