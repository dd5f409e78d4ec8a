// Writing a NetworkSpec back as JSON: parse(write(spec)) is the same spec.
#include <catch2/catch.hpp>

#include "core/graph/graph.hpp"
#include "core/spec/presets.hpp"
#include "core/spec/spec_json.hpp"

using namespace tinyml;

namespace {

void check_same_layers(const NetworkSpec& a, const NetworkSpec& b) {
  CHECK(a.name == b.name);
  CHECK(a.in_channels == b.in_channels);
  CHECK(a.in_height == b.in_height);
  CHECK(a.in_width == b.in_width);
  REQUIRE(a.layers.size() == b.layers.size());
  for (std::size_t index = 0; index < a.layers.size(); ++index) {
    const LayerSpec& x = a.layers[index];
    const LayerSpec& y = b.layers[index];
    INFO("layer " << index);
    CHECK(x.kind == y.kind);
    CHECK(x.path == y.path);
    CHECK(x.name == y.name);
    CHECK(x.out == y.out);
    CHECK(x.kernel == y.kernel);
    CHECK(x.stride == y.stride);
    CHECK(x.padding.mode == y.padding.mode);
    CHECK(x.padding.amount == y.padding.amount);
    CHECK(x.groups == y.groups);
    CHECK(x.bias == y.bias);
    CHECK(x.bn == y.bn);
    CHECK(x.act == y.act);
    CHECK(x.expand == y.expand);
    CHECK(x.mid == y.mid);
  }
}

}  // namespace

TEST_CASE("every preset survives a write and a parse unchanged", "[spec]") {
  for (const Preset& preset : presets()) {
    INFO(preset.name);
    const NetworkSpec spec = parse_network(preset.spec);
    check_same_layers(spec, parse_network(network_spec_json(spec)));
  }
}

TEST_CASE("non-default fields are written, defaults left out", "[spec]") {
  const NetworkSpec spec = parse_network(nlohmann::json::parse(R"({"name": "odd", "input": [4, 9, 7], "layers": [
    {"type": "conv2d", "name": "first", "out": 8, "kernel": [3, 5], "stride": [2, 1], "padding": "same", "groups": 2, "bias": false},
    {"type": "dwconv2d", "kernel": 5, "padding": 1, "bn": true, "bias": true, "act": "relu"},
    {"type": "avgpool", "kernel": 3, "stride": 1, "padding": 1},
    {"type": "maxpool", "kernel": 2, "padding": "valid"},
    {"type": "mbconv", "out": 8, "expand": 3, "kernel": 5, "act": "relu", "mid": 20},
    {"type": "resblock", "out": 16, "stride": 2},
    {"type": "flatten"},
    {"type": "linear", "out": 3, "bias": false, "act": "relu6"}]})"));
  const nlohmann::json written = network_spec_json(spec);
  check_same_layers(spec, parse_network(written));
  CHECK(written["layers"][0]["kernel"] == nlohmann::json::array({3, 5}));
  CHECK(written["layers"][0]["padding"] == "same");
  CHECK(written["layers"][2].contains("padding"));
  CHECK_FALSE(written["layers"][6].contains("out"));
  CHECK(written["layers"][4] == nlohmann::json::parse(
      R"({"type": "mbconv", "out": 8, "expand": 3, "kernel": 5, "act": "relu", "mid": 20})"));
}
