// Deployable flash size: int8 weights + int32 biases + per-channel quantization data.
#include <catch2/catch.hpp>

#include "core/graph/flash_size.hpp"
#include "core/spec/presets.hpp"
#include "graph_test_helpers.hpp"

using namespace tinyml;
using tinyml::test::graph_of;

TEST_CASE("a conv with BN and a linear layer, worked by hand", "[graph][flash]") {
  // conv 3→4, 3×3, BN folded: weights 4·3·3·3 = 108 B; biases 4 × 4 B = 16 B;
  //   quantization 4 channels × (weight scale 4 + zero point 8 + bias scale 4 + zero point 8) = 96 B.
  // linear 4→2: weights 8 B; biases 2 × 4 = 8 B; quantization 2 × 24 = 48 B.
  const Graph graph = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3, "bn": true},
                                                {"type": "global_avgpool"}, {"type": "linear", "out": 2}])");
  const FlashSize size = deployable_flash_size(graph);
  CHECK(size.weight_bytes == 108 + 8);
  CHECK(size.bias_bytes == 16 + 8);
  CHECK(size.quantization_bytes == 96 + 48);
  CHECK(size.total_bytes() == 284);
  CHECK(graph.params == 108 + 8 + 8 + 2);  // PyTorch: BN weight+bias are parameters, not stored after folding
}

TEST_CASE("a conv without bias still stores Cout int32 biases, pools store nothing", "[graph][flash]") {
  const Graph graph = graph_of("[2, 4, 4]", R"([{"type": "conv2d", "out": 3, "kernel": 1, "bias": false},
                                                {"type": "maxpool", "kernel": 2}])");
  CHECK(deployable_flash_size(graph).total_bytes() == 6 + 3 * 28);
}

TEST_CASE("depthwise convs count one channel per input channel, an mbconv sums its three convs", "[graph][flash]") {
  const Graph depthwise = graph_of("[8, 6, 6]", R"([{"type": "dwconv2d", "kernel": 3}])");
  CHECK(deployable_flash_size(depthwise).total_bytes() == 8 * 9 + 8 * 28);
  // 4 → expand 8 (1×1: 32 B) → dw 3×3 (72 B) → project 4 (32 B); channels 8 + 8 + 4 = 20.
  const Graph block = graph_of("[4, 6, 6]", R"([{"type": "mbconv", "out": 4, "expand": 2}])");
  CHECK(deployable_flash_size(block).total_bytes() == 32 + 72 + 32 + 20 * 28);
}

TEST_CASE("the lecture's TinyNet: 105,480 bytes deployable vs 98,730 bytes as params × 1", "[graph][flash][lecture]") {
  const Graph graph = build_graph(parse_network(find_preset("TinyNet").spec));
  const FlashSize size = deployable_flash_size(graph);
  // weights 432 + 4608 + 18432 + 73728 + 1280; output channels 16 + 32 + 64 + 128 + 10 = 250.
  CHECK(size.weight_bytes == 98480);
  CHECK(size.bias_bytes == 250 * 4);
  CHECK(size.quantization_bytes == 250 * 24);
  CHECK(size.total_bytes() == 105480);
}
