#include "core/memory/peak_estimators.hpp"

#include "core/memory/lifetimes.hpp"

namespace tinyml {
namespace {

int64_t tensor_bytes(const Graph& graph, int tensor, int bytes_per_element) {
  return graph.tensors[tensor].shape.elements() * bytes_per_element;
}

}  // namespace

PeakEstimate lecture_in_out_peak(const Graph& graph, int bytes_per_element) {
  PeakEstimate peak;
  for (const Op& op : graph.ops) {
    if (!is_convolution(op.kind)) continue;
    const int64_t bytes = tensor_bytes(graph, op.inputs[0], bytes_per_element) +
                          tensor_bytes(graph, op.output, bytes_per_element);
    if (bytes > peak.bytes) peak = PeakEstimate{bytes, op.name};
  }
  return peak;
}

PeakEstimate lecture_consecutive_peak(const Graph& graph, int bytes_per_element) {
  std::vector<const Op*> recorded;  // the ops the lecture's forward hooks see
  for (const Op& op : graph.ops) {
    if (is_convolution(op.kind) || op.kind == OpKind::Linear) recorded.push_back(&op);
  }
  PeakEstimate peak;
  if (recorded.size() == 1) {
    peak = PeakEstimate{tensor_bytes(graph, recorded[0]->output, bytes_per_element), recorded[0]->name};
  }
  for (std::size_t index = 1; index < recorded.size(); ++index) {
    const Op& previous = *recorded[index - 1];
    const Op& current = *recorded[index];
    const int64_t bytes = tensor_bytes(graph, previous.output, bytes_per_element) +
                          tensor_bytes(graph, current.output, bytes_per_element);
    if (bytes > peak.bytes) peak = PeakEstimate{bytes, previous.name + "+" + current.name};
  }
  return peak;
}

std::vector<int64_t> live_bytes_per_op(const Graph& graph, int bytes_per_element) {
  std::vector<int64_t> live(graph.ops.size(), 0);
  for (const TensorLifetime& lifetime : tensor_lifetimes(graph, bytes_per_element)) {
    for (int op_index = lifetime.first_op; op_index <= lifetime.last_op; ++op_index) {
      live[op_index] += lifetime.bytes;
    }
  }
  return live;
}

PeakEstimate live_peak(const Graph& graph, int bytes_per_element) {
  const std::vector<int64_t> live = live_bytes_per_op(graph, bytes_per_element);
  PeakEstimate peak;
  for (std::size_t op_index = 0; op_index < live.size(); ++op_index) {
    if (live[op_index] > peak.bytes) peak = PeakEstimate{live[op_index], graph.ops[op_index].name};
  }
  return peak;
}

}  // namespace tinyml
