// Shapes, params and MACs for every layer type, worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "graph_test_helpers.hpp"

using namespace tinyml;
using tinyml::test::graph_of;
using tinyml::test::op_named;
using tinyml::test::out_shape;

namespace {

// The error building this network raises, as "path: reason".
std::string error_of(const std::string& input, const std::string& layers) {
  try {
    graph_of(input, layers);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("conv2d: output size, params and MACs", "[graph]") {
  SECTION("3×3, stride 1, padding 1 keeps the size") {
    const Graph graph = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3}])");
    const Op& conv = graph.ops.at(0);
    CHECK(out_shape(graph, conv) == TensorShape{4, 8, 8, false});
    CHECK(conv.weight_elements == 4 * 3 * 3 * 3);      // 108
    CHECK(conv.params == 108 + 4);                      // + bias
    CHECK(conv.macs == int64_t{4} * 8 * 8 * 3 * 3 * 3);  // 6912
  }
  SECTION("grouped, no bias") {
    const Graph graph = graph_of("[4, 8, 8]", R"([{"type": "conv2d", "out": 8, "kernel": 3, "groups": 2, "bias": false}])");
    const Op& conv = graph.ops.at(0);
    CHECK(conv.kind == OpKind::Conv2d);
    CHECK(conv.params == 8 * 2 * 9);                // 144: each group sees 4/2 inputs
    CHECK(conv.macs == int64_t{8} * 64 * 2 * 9);    // 9216
  }
  SECTION("rectangular kernel, stride and padding") {
    // H: floor((9 + 2·1 − 3) / 2) + 1 = 5;  W: floor((5 + 0 − 1) / 1) + 1 = 5
    const Graph graph = graph_of("[2, 9, 5]",
                                 R"([{"type": "conv2d", "out": 3, "kernel": [3, 1], "stride": [2, 1], "padding": [1, 0]}])");
    CHECK(out_shape(graph, graph.ops[0]) == TensorShape{3, 5, 5, false});
    CHECK(graph.ops[0].macs == int64_t{3} * 25 * 2 * 3);
  }
  SECTION("\"same\" puts the odd pixel of padding at the bottom/right") {
    // 8 → ceil(8/2) = 4; total padding (4−1)·2 + 3 − 8 = 1 → top 0, bottom 1
    const Graph even = graph_of("[1, 8, 8]", R"([{"type": "conv2d", "out": 1, "kernel": 3, "stride": 2, "padding": "same"}])");
    CHECK(out_shape(even, even.ops[0]) == TensorShape{1, 4, 4, false});
    CHECK(even.ops[0].padding.top == 0);
    CHECK(even.ops[0].padding.bottom == 1);
    // 7 → 4; total (4−1)·2 + 3 − 7 = 2 → 1 and 1
    const Graph odd = graph_of("[1, 7, 7]", R"([{"type": "conv2d", "out": 1, "kernel": 3, "stride": 2, "padding": "same"}])");
    CHECK(out_shape(odd, odd.ops[0]) == TensorShape{1, 4, 4, false});
    CHECK(odd.ops[0].padding.top == 1);
    CHECK(odd.ops[0].padding.bottom == 1);
  }
  SECTION("\"valid\" is no padding") {
    const Graph graph = graph_of("[1, 5, 5]", R"([{"type": "conv2d", "out": 2, "kernel": 3, "padding": "valid"}])");
    CHECK(out_shape(graph, graph.ops[0]) == TensorShape{2, 3, 3, false});
  }
}

TEST_CASE("dwconv2d keeps the channels and counts one filter per channel", "[graph]") {
  const Graph graph = graph_of("[8, 10, 10]", R"([{"type": "dwconv2d", "stride": 2, "bn": true, "act": "relu6"}])");
  const Op& dw = graph.ops.at(0);
  CHECK(dw.kind == OpKind::DepthwiseConv2d);
  CHECK(out_shape(graph, dw) == TensorShape{8, 5, 5, false});  // floor((10 + 2 − 3) / 2) + 1
  CHECK(dw.params == 8 * 9 + 2 * 8);  // weights + BN weight and bias; no conv bias under BN
  CHECK(dw.macs == 8 * 25 * 9);
}

TEST_CASE("mbconv expands into expand, depthwise, project and a residual add", "[graph]") {
  SECTION("stride 1, in = out: all four ops") {
    const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 8, "expand": 2}])");
    REQUIRE(graph.ops.size() == 4);
    CHECK(graph.ops[0].name == "mbconv1.expand");
    CHECK(graph.ops[1].name == "mbconv1.dw");
    CHECK(graph.ops[2].name == "mbconv1.project");
    CHECK(graph.ops[3].name == "mbconv1.add");
    CHECK(graph.ops[3].inputs == std::vector<int>{graph.input, graph.ops[2].output});
    // expand 8·16 + 2·16 = 160; dw 16·9 + 2·16 = 176; project 16·8 + 2·8 = 144
    CHECK(graph.params == 160 + 176 + 144);
    CHECK(graph.macs == 16 * 64 * 8 + 16 * 64 * 9 + 8 * 64 * 16);  // 25600
    CHECK(graph.ops[2].act == Activation::None);
    CHECK(graph.ops[1].act == Activation::Relu6);
  }
  SECTION("expand 1 skips the expansion conv; a stride or width change drops the add") {
    const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 12, "expand": 1, "stride": 2}])");
    REQUIRE(graph.ops.size() == 2);
    CHECK(graph.ops[0].name == "mbconv1.dw");
    CHECK(graph.params == (8 * 9 + 16) + (8 * 12 + 24));  // 208
    CHECK(out_shape(graph, graph.ops[1]) == TensorShape{12, 4, 4, false});
  }
  SECTION("an explicit mid overrides in × expand") {
    const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 8, "expand": 2, "mid": 10}])");
    CHECK(out_shape(graph, graph.ops[0]).c == 10);
  }
}

TEST_CASE("resblock: two 3×3 convs, a projection shortcut when the shape changes, add + ReLU", "[graph]") {
  SECTION("projection") {
    const Graph graph = graph_of("[4, 8, 8]", R"([{"type": "resblock", "out": 8, "stride": 2}])");
    REQUIRE(graph.ops.size() == 4);
    CHECK(graph.ops[2].name == "resblock1.shortcut");
    CHECK(graph.ops[2].inputs == std::vector<int>{graph.input});
    // conv1 8·4·9 + 16 = 304; conv2 8·8·9 + 16 = 592; shortcut 8·4 + 16 = 48
    CHECK(graph.params == 304 + 592 + 48);
    CHECK(graph.macs == 8 * 16 * 36 + 8 * 16 * 72 + 8 * 16 * 4);  // 14336
    CHECK(graph.ops[3].act == Activation::Relu);
  }
  SECTION("identity") {
    const Graph graph = graph_of("[8, 8, 8]", R"([{"type": "resblock", "out": 8}])");
    REQUIRE(graph.ops.size() == 3);
    CHECK(graph.ops[2].kind == OpKind::Add);
    CHECK(graph.ops[2].inputs[0] == graph.input);
    CHECK(graph.params == 2 * (8 * 8 * 9 + 16));
  }
}

TEST_CASE("pools, flatten and linear", "[graph]") {
  const Graph graph = graph_of("[4, 8, 8]", R"([
      {"type": "avgpool", "kernel": 2},
      {"type": "maxpool", "kernel": 3, "stride": 1, "padding": 1},
      {"type": "global_avgpool"},
      {"type": "flatten"},
      {"type": "linear", "out": 3}])");
  CHECK(out_shape(graph, op_named(graph, "avgpool1")) == TensorShape{4, 4, 4, false});
  CHECK(out_shape(graph, op_named(graph, "maxpool1")) == TensorShape{4, 4, 4, false});
  CHECK(out_shape(graph, op_named(graph, "gap1")) == TensorShape{4, 1, 1, false});
  CHECK(out_shape(graph, op_named(graph, "flatten1")) == TensorShape{4, 1, 1, true});
  CHECK(op_named(graph, "fc1").params == 4 * 3 + 3);
  CHECK(graph.macs == 12);  // pools and flatten count no MACs

  const Graph direct = graph_of("[4, 2, 2]", R"([{"type": "linear", "out": 3, "bias": false}])");
  CHECK(direct.ops[0].params == 16 * 3);  // linear flattens its 4·2·2 input
  CHECK(direct.ops[0].macs == 48);
}

TEST_CASE("layers that do not fit their input are errors with the path", "[graph]") {
  CHECK(error_of("[3, 4, 4]", R"([{"type": "conv2d", "out": 8, "kernel": 7, "padding": 0}])") ==
        "layers[0]: kernel 7 is larger than the height of its input (4 plus padding 0 on each side = 4); "
        "the activation would shrink below 1×1");
  // 8 → 4 → 2 → 1, then a 3×3 valid conv cannot run on 1×1
  CHECK_THAT(error_of("[3, 8, 8]", R"([
      {"type": "conv2d", "out": 4, "kernel": 3, "stride": 2},
      {"type": "conv2d", "out": 4, "kernel": 3, "stride": 2},
      {"type": "conv2d", "out": 4, "kernel": 3, "stride": 2},
      {"type": "conv2d", "out": 4, "kernel": 3, "padding": 0}])"),
             Catch::StartsWith("layers[3]: kernel 3 is larger than the height of its input (1 plus"));
  CHECK(error_of("[6, 8, 8]", R"([{"type": "conv2d", "out": 8, "kernel": 3, "groups": 4}])") ==
        "layers[0].groups: must divide the input channels (6) and the output channels (8), got 4");
  CHECK(error_of("[3, 8, 8]", R"([{"type": "linear", "out": 4}, {"type": "conv2d", "out": 2, "kernel": 1}])") ==
        "layers[1]: conv2d needs a C×H×W input, got a flat vector [4]");
  CHECK(error_of("[8, 8, 8]", R"([{"type": "mbconv", "out": 8, "expand": 1, "mid": 16}])") ==
        "layers[0].mid: must equal the input channels (8) when expand is 1 (there is no expansion conv), got 16");
  CHECK(error_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 1}, {"type": "conv2d", "name": "conv1", "out": 4, "kernel": 1}])") ==
        "layers[1].name: the name \"conv1\" is already used by layers[0]");
}

TEST_CASE("networks past the size limits are rejected before anything is allocated", "[graph][limits]") {
  // 16384 × 4096 × 4096 activations: 2^38 elements
  CHECK(error_of("[3, 4096, 4096]", R"([{"type": "conv2d", "out": 16384, "kernel": 1}])") ==
        "layers[0]: the output 16384×4096×4096 has 274877906944 elements; the limit is 67108864");
  // 16384 inputs × 16384 outputs = 2^28 weights
  CHECK(error_of("[16384, 1, 1]", R"([{"type": "linear", "out": 16384}])") ==
        "layers[0]: the network would have 268451840 parameters; the limit is 67108864");
  // 32 × 1025 × 1025 outputs × 16 × 64 × 64 taps ≈ 2.2·10^12 MACs
  CHECK_THAT(error_of("[16, 1024, 1024]", R"([{"type": "conv2d", "out": 32, "kernel": 64, "padding": 32}])"),
             Catch::StartsWith("layers[0]: the network would need 2203320320000 MACs; the limit is 137438953472"));
  CHECK(error_of("[16384, 16384, 1]", R"([{"type": "flatten"}])") ==
        "input: the input 16384×16384×1 has 268435456 elements; the limit is 67108864");
}
