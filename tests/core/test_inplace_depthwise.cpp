#include <catch2/catch.hpp>

#include <algorithm>

#include "core/graph/graph.hpp"
#include "core/memory/inplace_depthwise.hpp"
#include "core/memory/lifetimes.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/spec/presets.hpp"
#include "graph_test_helpers.hpp"

using namespace tinyml;
using tinyml::test::graph_of;

TEST_CASE("a depthwise conv whose input dies there overwrites it channel by channel", "[memory]") {
  // input 2×8×8 = 128 B → conv1 1×1 to 8 channels (512 B) → dwconv1 3×3 s1 p1 (512 B) → conv2 1×1 to 2 (128 B).
  const Graph graph = graph_of("[2, 8, 8]", R"([{"type": "conv2d", "out": 8, "kernel": 1},
                                                 {"type": "dwconv2d", "kernel": 3},
                                                 {"type": "conv2d", "out": 2, "kernel": 1}])");
  const auto lifetimes = tensor_lifetimes(graph, 1);
  CHECK_FALSE(memory::runs_in_place(graph, lifetimes, 0));
  CHECK(memory::runs_in_place(graph, lifetimes, 1));  // conv1's output is read by dwconv1 only

  // live: conv1 128 + 512; dwconv1 512 + 512; conv2 512 + 128.
  CHECK(live_bytes_per_op(graph, 1) == std::vector<int64_t>{640, 1024, 640});
  // In place, dwconv1 holds max(512, 512) plus one padded input channel (8+1+1)·(8+1+1) = 100 B
  // (TinyEngine's buffer) instead of input + output: 612 B.
  CHECK(memory::inplace_depthwise_bytes_per_op(graph, 1) == std::vector<int64_t>{640, 612, 640});
  const PeakEstimate peak = memory::inplace_depthwise_peak(graph, 1);
  CHECK(peak.bytes == 640);
  CHECK(peak.at == "conv1");  // the depthwise conv is no longer the peak (live: 1024 at dwconv1)
  // fp32: every tensor and the scratch channel are 4 bytes per element.
  CHECK(memory::inplace_depthwise_bytes_per_op(graph, 4) == std::vector<int64_t>{2560, 2448, 2560});
}

TEST_CASE("a strided depthwise conv in place holds its larger input plus one channel", "[memory]") {
  // input 8×8×8 = 512 B → dwconv1 3×3 s2 p1 → 8×4×4 = 128 B. The network input dies at
  // dwconv1, so it runs in place: max(512, 128) + (8+2)·(8+2) = 612 B instead of 640.
  const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "dwconv2d", "kernel": 3, "stride": 2}])");
  CHECK(live_bytes_per_op(graph, 1) == std::vector<int64_t>{640});
  CHECK(memory::inplace_depthwise_bytes_per_op(graph, 1) == std::vector<int64_t>{612});
}

TEST_CASE("a depthwise conv whose input a residual add still needs does not run in place", "[memory]") {
  // mbconv with expand 1 and a residual: the depthwise conv reads the block input, which the add reads later.
  const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 8, "expand": 1}])");
  const auto lifetimes = tensor_lifetimes(graph, 1);
  CHECK(graph.ops[0].name == "mbconv1.dw");
  CHECK_FALSE(memory::runs_in_place(graph, lifetimes, 0));
  CHECK(memory::inplace_depthwise_bytes_per_op(graph, 1) == live_bytes_per_op(graph, 1));
}

TEST_CASE("in place, only the depthwise convs whose input dies change, by scratch minus the smaller tensor",
          "[memory]") {
  for (const Preset& preset : presets()) {
    const Graph graph = build_graph(parse_network(preset.spec));
    INFO(preset.name);
    const auto live = live_bytes_per_op(graph, 1);
    const auto inplace = memory::inplace_depthwise_bytes_per_op(graph, 1);
    REQUIRE(live.size() == inplace.size());
    const auto lifetimes = tensor_lifetimes(graph, 1);
    for (int op_index = 0; op_index < static_cast<int>(live.size()); ++op_index) {
      const Op& op = graph.ops[op_index];
      INFO(op.name);
      int64_t change = 0;
      if (memory::runs_in_place(graph, lifetimes, op_index)) {
        const TensorShape& in = graph.tensors[op.inputs[0]].shape;
        change = memory::inplace_scratch_bytes(op, in.h, in.w, 1) -
                 std::min(lifetimes[op.inputs[0]].bytes, lifetimes[op.output].bytes);
      }
      CHECK(inplace[op_index] == live[op_index] + change);
    }
    CHECK(memory::inplace_depthwise_peak(graph, 1).bytes <= live_peak(graph, 1).bytes);
  }
}
