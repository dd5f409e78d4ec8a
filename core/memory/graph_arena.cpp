#include "core/memory/graph_arena.hpp"

#include <algorithm>

#include "core/memory/lifetimes.hpp"

namespace tinyml::memory {
namespace {

int first_op_at_arena_top(const GraphArena& arena) {
  int peak_op = -1;
  for (size_t buffer_index = 0; buffer_index < arena.requests.size(); ++buffer_index) {
    const BufferRequest& request = arena.requests[buffer_index];
    const int64_t top = arena.plan.offsets[buffer_index] + align_up(request.bytes, arena.plan.alignment);
    if (request.bytes == 0 || top != arena.plan.arena_bytes) continue;
    if (peak_op < 0 || request.first_use < peak_op) peak_op = request.first_use;
  }
  return peak_op;
}

}  // namespace

const char* buffer_kind_name(BufferKind kind) { return kind == BufferKind::Scratch ? "scratch" : "tensor"; }

GraphArena plan_graph_arena(const Graph& graph, int bytes_per_element, KernelLibrary library,
                            int64_t alignment) {
  GraphArena arena;
  arena.library = library;
  for (const TensorLifetime& lifetime : tensor_lifetimes(graph, bytes_per_element)) {
    arena.buffers.push_back(ArenaBuffer{graph.tensors[lifetime.tensor].name, BufferKind::Tensor, lifetime.tensor});
    arena.requests.push_back(BufferRequest{lifetime.bytes, lifetime.first_op, lifetime.last_op});
  }
  for (int op_index = 0; op_index < static_cast<int>(graph.ops.size()); ++op_index) {
    const int64_t scratch = kernel_scratch_bytes(graph, op_index, library);
    if (scratch == 0) continue;
    arena.buffers.push_back(ArenaBuffer{graph.ops[op_index].name + ".scratch", BufferKind::Scratch, op_index});
    arena.requests.push_back(BufferRequest{scratch, op_index, op_index});
  }
  arena.plan = plan_arena(arena.requests, alignment);
  arena.lower_bound_bytes = live_lower_bound(arena.requests, alignment);
  arena.peak_op = first_op_at_arena_top(arena);
  return arena;
}

}  // namespace tinyml::memory
