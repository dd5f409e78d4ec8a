#include <catch2/catch.hpp>

#include "core/graph/graph.hpp"
#include "core/memory/graph_arena.hpp"
#include "core/memory/kernel_scratch.hpp"
#include "core/memory/overlap_check.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/spec/presets.hpp"
#include "graph_test_helpers.hpp"
#include "random_networks.hpp"

using namespace tinyml;
using namespace tinyml::memory;
using tinyml::test::graph_of;

namespace {

// The properties every graph arena must have, at int8 with CMSIS-NN scratch and at fp32
// with reference kernels.
void check_arena_properties(const Graph& graph) {
  for (const auto& [bytes_per_element, library] :
       {std::pair{1, KernelLibrary::CmsisNn}, std::pair{4, KernelLibrary::Reference}}) {
    const GraphArena arena = plan_graph_arena(graph, bytes_per_element, library);
    const int64_t live = live_peak(graph, bytes_per_element).bytes;
    INFO("bytes per element " << bytes_per_element);
    CHECK_FALSE(find_overlap(arena.requests, arena.plan).has_value());
    CHECK(arena.plan.arena_bytes >= arena.lower_bound_bytes);
    CHECK(arena.lower_bound_bytes >= live);
    CHECK(arena.plan.arena_bytes >= live);
    CHECK(arena.plan.alignment == kTflmArenaAlignment);
    for (const int64_t offset : arena.plan.offsets) CHECK(offset % kTflmArenaAlignment == 0);
    CHECK(arena.peak_op >= 0);
  }
}

}  // namespace

TEST_CASE("CMSIS-NN scratch sizes follow its get_buffer_size functions", "[memory]") {
  // conv1: 3×3 over 3 channels, im2col of 2 columns × align4(27) = 28 int16 → 112 B.
  // conv2: 1×1, no padding → 0. dw1: 3×3 pad 1 → the 3×3 kernel, 0. dw2: 5×5 over 16 → 16·25·2 = 800 B.
  // avgpool1 and gap1: 16 int32 sums → 64 B. fc1: 0.
  const Graph graph = graph_of("[3, 16, 16]", R"([{"type": "conv2d", "out": 8, "kernel": 3},
                                                   {"type": "conv2d", "out": 16, "kernel": 1},
                                                   {"type": "dwconv2d", "kernel": 3},
                                                   {"type": "dwconv2d", "kernel": 5},
                                                   {"type": "avgpool", "kernel": 2},
                                                   {"type": "maxpool", "kernel": 2},
                                                   {"type": "global_avgpool"},
                                                   {"type": "linear", "out": 10}])");
  const std::vector<int64_t> expected{112, 0, 0, 800, 64, 0, 64, 0};
  for (int op_index = 0; op_index < static_cast<int>(graph.ops.size()); ++op_index) {
    INFO(graph.ops[op_index].name);
    CHECK(kernel_scratch_bytes(graph, op_index, KernelLibrary::CmsisNn) == expected[op_index]);
    CHECK(kernel_scratch_bytes(graph, op_index, KernelLibrary::Reference) == 0);
  }
}

TEST_CASE("the arena holds tensors and scratch, aligned to 16 bytes", "[memory]") {
  // input 1×4×4 = 16 B → conv1 3×3 to 1 channel (16 B, scratch 2·align4(9)·2 = 48 B) → conv2 1×1 to 2 (32 B).
  const Graph graph = graph_of("[1, 4, 4]", R"([{"type": "conv2d", "out": 1, "kernel": 3},
                                                 {"type": "conv2d", "out": 2, "kernel": 1}])");
  const GraphArena arena = plan_graph_arena(graph, 1, KernelLibrary::CmsisNn);
  REQUIRE(arena.buffers.size() == 4);  // input, conv1, conv2, conv1.scratch
  CHECK(arena.buffers[3].name == "conv1.scratch");
  CHECK(arena.buffers[3].kind == BufferKind::Scratch);
  CHECK(arena.requests[3].bytes == 48);
  CHECK(arena.requests[3].first_use == 0);
  CHECK(arena.requests[3].last_use == 0);
  CHECK(arena.requests[0].first_use == 0);  // the network input from op 0
  // live: op 0 16 + 16, op 1 16 + 32 → 48. With scratch at op 0: 16 + 16 + 48 = 80 B.
  CHECK(live_peak(graph, 1).bytes == 48);
  CHECK(arena.lower_bound_bytes == 80);
  CHECK(arena.plan.arena_bytes == 80);  // largest first: scratch at 0, then the 16-byte tensors
  CHECK(arena.peak_op == 0);
  CHECK_FALSE(find_overlap(arena.requests, arena.plan).has_value());

  const GraphArena unaligned = plan_graph_arena(graph, 1, KernelLibrary::CmsisNn, 1);
  CHECK(unaligned.plan.arena_bytes == 80);
  const GraphArena fp32 = plan_graph_arena(graph, 4, KernelLibrary::Reference);
  CHECK(fp32.buffers.size() == 3);  // reference kernels: no scratch
  CHECK(fp32.plan.arena_bytes == 4 * 48);
}

TEST_CASE("the arena is never below live and never overlaps, on every preset", "[memory]") {
  for (const Preset& preset : presets()) {
    INFO(preset.name);
    check_arena_properties(build_graph(parse_network(preset.spec)));
  }
}

TEST_CASE("the arena is never below live and never overlaps, on random networks", "[memory]") {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    const nlohmann::json spec = test::random_network_spec(seed);
    INFO(spec.dump());
    Graph graph;
    REQUIRE_NOTHROW(graph = build_graph(parse_network(spec)));
    check_arena_properties(graph);
  }
}
