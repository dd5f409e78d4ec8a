#include "core/graph/flash_size.hpp"

namespace tinyml {

int64_t weighted_output_channels(const Graph& graph, const Op& op) {
  if (!is_convolution(op.kind) && op.kind != OpKind::Linear) return 0;
  return graph.tensors[op.output].shape.c;
}

FlashSize deployable_flash_size(const Graph& graph) {
  FlashSize size;
  for (const Op& op : graph.ops) {
    const int64_t channels = weighted_output_channels(graph, op);
    size.weight_bytes += op.weight_elements;
    size.bias_bytes += channels * kBiasBytes;
    size.quantization_bytes += channels * kQuantBytesPerChannel;
  }
  return size;
}

}  // namespace tinyml
