// The arena estimator: every tensor of a graph and every kernel scratch buffer get an
// offset in one arena, planned by plan_arena (TFLM's greedy planner, arena_planner.hpp).
// The arena size includes alignment padding, scratch and fragmentation, so it is never
// below `live` (the bytes of the tensors alive at an op, unaligned, without scratch).
//
// Buffers, in this order:
//   1. One per tensor, in tensor order: bytes = elements × bytes_per_element, alive over
//      [first_op, last_op] from tensor_lifetimes (the network input from op 0, as TFLM
//      keeps the input tensor in the arena from the start; the network output to the last
//      op). A flatten's output is a buffer of its own, as in `live` (TFLM would alias a
//      RESHAPE to its input).
//   2. One per op whose kernel requests scratch (kernel_scratch.hpp), alive over [op, op],
//      named "<op name>.scratch".
// Then plan_arena(requests, alignment): each buffer occupies align_up(bytes, alignment)
// bytes from its offset.
//
// Not modelled: TFLM's persistent allocations (tensor structs, op user data, per-channel
// quantization parameters), which live in the same arena but outside the planned region.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/graph/graph.hpp"
#include "core/memory/arena_planner.hpp"
#include "core/memory/kernel_scratch.hpp"

namespace tinyml::memory {

enum class BufferKind { Tensor, Scratch };

const char* buffer_kind_name(BufferKind kind);  // "tensor", "scratch"

struct ArenaBuffer {
  std::string name;  // the tensor's name ("input", an op name) or "<op>.scratch"
  BufferKind kind = BufferKind::Tensor;
  int index = 0;  // tensor index (Tensor) or op index (Scratch)
};

struct GraphArena {
  std::vector<ArenaBuffer> buffers;
  std::vector<BufferRequest> requests;  // requests[i] is buffers[i]
  ArenaPlan plan;
  KernelLibrary library = KernelLibrary::Reference;
  // live_lower_bound(requests, alignment): aligned tensors + scratch alive together. The
  // arena minus this is fragmentation; this minus `live` is alignment padding + scratch.
  int64_t lower_bound_bytes = 0;
  // The first op at which a buffer reaching the arena's top (offset + aligned size ==
  // arena_bytes) is alive; -1 for an empty plan.
  int peak_op = -1;
};

// Builds the requests as above and plans them.
GraphArena plan_graph_arena(const Graph& graph, int bytes_per_element, KernelLibrary library,
                            int64_t alignment = kTflmArenaAlignment);

}  // namespace tinyml::memory
