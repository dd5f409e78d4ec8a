#include <catch2/catch.hpp>

#include "core/graph/graph.hpp"
#include "core/memory/lifetimes.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/spec/presets.hpp"
#include "graph_test_helpers.hpp"

using namespace tinyml;
using tinyml::test::graph_of;

namespace {

Graph preset_graph(const std::string& name) { return build_graph(parse_network(find_preset(name).spec)); }

constexpr int64_t kKB = 1024;

}  // namespace

TEST_CASE("a residual block keeps its input alive until the add", "[memory]") {
  // input 8×8×8 = 512 B; expand and dw outputs 16×8×8 = 1024 B; project and add 512 B.
  const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 8, "expand": 2}])");
  const auto lifetimes = tensor_lifetimes(graph, 1);
  CHECK(lifetimes[graph.input].first_op == 0);
  CHECK(lifetimes[graph.input].last_op == 3);  // read by the add
  CHECK(lifetimes[graph.output].last_op == 3);

  // expand: in + expanded; dw: in + expanded + dw; project: in + dw + projected; add: in + projected + sum
  CHECK(live_bytes_per_op(graph, 1) == std::vector<int64_t>{1536, 2560, 2048, 1536});
  CHECK(live_bytes_per_op(graph, 4) == std::vector<int64_t>{6144, 10240, 8192, 6144});
  const PeakEstimate live = live_peak(graph, 1);
  CHECK(live.bytes == 2560);
  CHECK(live.at == "mbconv1.dw");

  // The lecture's estimators see no residual: in + out of a conv, or consecutive outputs.
  CHECK(lecture_in_out_peak(graph, 1).bytes == 2048);      // dw: 1024 + 1024
  CHECK(lecture_consecutive_peak(graph, 1).bytes == 2048);  // expand + dw outputs
}

TEST_CASE("the network output lives to the end, a lone op counts its output", "[memory]") {
  const Graph graph = graph_of("[1, 4, 4]", R"([{"type": "conv2d", "out": 2, "kernel": 1}, {"type": "flatten"}])");
  CHECK(live_bytes_per_op(graph, 1) == std::vector<int64_t>{16 + 32, 32 + 32});
  const PeakEstimate consecutive = lecture_consecutive_peak(graph, 1);
  CHECK(consecutive.bytes == 32);
  CHECK(consecutive.at == "conv1");
}

TEST_CASE("the lecture's TinyNet numbers (part 2)", "[memory][lecture]") {
  const Graph graph = preset_graph("TinyNet");
  // Input / output / weight KB per conv as the lecture prints them: 48/256/0.42, 256/128/4.5, 128/64/18, 64/32/72.
  const double expected[4][3] = {{48, 256, 0.42}, {256, 128, 4.5}, {128, 64, 18}, {64, 32, 72}};
  int conv_index = 0;
  for (const Op& op : graph.ops) {
    if (op.kind != OpKind::Conv2d) continue;
    REQUIRE(conv_index < 4);
    CHECK(graph.tensors[op.inputs[0]].shape.elements() == int64_t(expected[conv_index][0] * kKB));
    CHECK(graph.tensors[op.output].shape.elements() == int64_t(expected[conv_index][1] * kKB));
    CHECK(static_cast<double>(op.weight_elements) / kKB == Approx(expected[conv_index][2]).margin(0.005));
    ++conv_index;
  }
  CHECK(conv_index == 4);
  const PeakEstimate in_out = lecture_in_out_peak(graph, 1);
  CHECK(in_out.bytes == 384 * kKB);
  CHECK(in_out.at == "conv2");
}

TEST_CASE("the lecture's MCUNet numbers (part 3)", "[memory][lecture]") {
  const Graph mcunet = preset_graph("MCUNet");
  CHECK(mcunet.params == 63866);
  CHECK(static_cast<double>(mcunet.params) / kKB == Approx(62.37).margin(0.005));
  const int64_t tiny = lecture_consecutive_peak(preset_graph("TinyNet"), 1).bytes;
  const int64_t mcu = lecture_consecutive_peak(mcunet, 1).bytes;
  CHECK(tiny == 384 * kKB);
  CHECK(mcu == 192 * kKB);
  CHECK(static_cast<double>(tiny) / mcu == 2.0);
  // The true peak of the lecture's MCUNet is at its first block: the residual input,
  // the depthwise output and the projection (3 × 16×64×64 bytes) are alive together.
  const PeakEstimate live = live_peak(mcunet, 1);
  CHECK(live.bytes == 192 * kKB);
  CHECK(live.at == "mbconv1.project");
}

TEST_CASE("live is never below the lecture's in+out estimate", "[memory]") {
  for (const Preset& preset : presets()) {
    const Graph graph = build_graph(parse_network(preset.spec));
    INFO(preset.name);
    CHECK(live_peak(graph, 1).bytes >= lecture_in_out_peak(graph, 1).bytes);
  }
}
