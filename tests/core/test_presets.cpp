#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/spec/presets.hpp"

using namespace tinyml;

TEST_CASE("preset parameter counts match PyTorch's parameters()", "[presets]") {
  const auto params = [](const std::string& name) { return build_graph(parse_network(find_preset(name).spec)).params; };
  CHECK(params("TinyNet") == 98730);  // 448 + 4640 + 18496 + 73856 + 1290
  CHECK(params("MCUNet") == 63866);   // the lecture prints 63,866
  CHECK(params("MobileNetV2") == 3504872);  // torchvision mobilenet_v2()
  CHECK(params("ResNet-18") == 11689512);   // torchvision resnet18()
}

TEST_CASE("preset MACs match the published figures", "[presets]") {
  const auto macs = [](const std::string& name) { return build_graph(parse_network(find_preset(name).spec)).macs; };
  // MobileNetV2 1.0/224: 300 M multiply-adds (Sandler et al. 2018, Table 3);
  // ResNet-18: 1.8 G (He et al. 2016, Table 1).
  CHECK(macs("MobileNetV2") == 300774272);
  CHECK(macs("ResNet-18") == 1814073344);
  CHECK(macs("TinyNet") == 63702272);
  CHECK(macs("MCUNet") == 20477504);
}

TEST_CASE("presets are found by name, ignoring case", "[presets]") {
  CHECK(find_preset("tinynet").name == "TinyNet");
  CHECK_THROWS_WITH(find_preset("VGG"),
                    "preset: unknown preset \"VGG\"; known: TinyNet, MCUNet, MobileNetV2, ResNet-18, "
                    "FashionTinyNet, FashionMCUNet");
}

TEST_CASE("the Fashion-MNIST presets take one grey channel and give ten classes", "[presets]") {
  for (const char* name : {"FashionTinyNet", "FashionMCUNet"}) {
    INFO(name);
    const Graph graph = build_graph(parse_network(find_preset(name).spec));
    CHECK(graph.tensors[graph.input].shape.c == 1);
    CHECK(graph.tensors[graph.output].shape == TensorShape{10, 1, 1, true});
  }
  // FashionTinyNet: 8·9 + 2·8 BN, 16·72 + 2·16 BN, 784·10 + 10; MACs 8·9·784 + 16·72·196 + 7840.
  const Graph tiny = build_graph(parse_network(find_preset("FashionTinyNet").spec));
  CHECK(tiny.params == 72 + 16 + 1152 + 32 + 7840 + 10);
  CHECK(tiny.macs == 56448 + 225792 + 7840);
  CHECK(build_graph(parse_network(find_preset("FashionMCUNet").spec)).params == 18298);
}
