#include "core/memory/kernel_scratch.hpp"

#include "core/memory/arena_planner.hpp"

namespace tinyml::memory {
namespace {

constexpr int64_t kInt16Bytes = 2;
constexpr int64_t kInt32Bytes = 4;

int64_t cmsis_nn_scratch_bytes(const Graph& graph, const Op& op) {
  const int64_t in_channels = graph.tensors[op.inputs[0]].shape.c;
  const int64_t taps = int64_t{op.kernel.h} * op.kernel.w;
  switch (op.kind) {
    case OpKind::Conv2d: {
      const bool pointwise = op.kernel == Hw{1, 1} && op.padding.top == 0 && op.padding.left == 0;
      if (pointwise) return 0;
      return 2 * align_up(in_channels / op.groups * taps, 4) * kInt16Bytes;
    }
    case OpKind::DepthwiseConv2d: {
      const bool three_by_three = op.kernel == Hw{3, 3} && op.padding.top <= 1 && op.padding.left <= 1;
      if (three_by_three) return 0;
      return in_channels * taps * kInt16Bytes;
    }
    case OpKind::AvgPool:
    case OpKind::GlobalAvgPool: return in_channels * kInt32Bytes;
    case OpKind::Add:
    case OpKind::MaxPool:
    case OpKind::Flatten:
    case OpKind::Linear: return 0;
  }
  return 0;
}

}  // namespace

const char* kernel_library_name(KernelLibrary library) {
  return library == KernelLibrary::CmsisNn ? "cmsis-nn" : "reference";
}

int64_t kernel_scratch_bytes(const Graph& graph, int op_index, KernelLibrary library) {
  if (library == KernelLibrary::Reference) return 0;
  return cmsis_nn_scratch_bytes(graph, graph.ops[op_index]);
}

}  // namespace tinyml::memory
