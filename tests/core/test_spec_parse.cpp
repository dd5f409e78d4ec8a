#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/spec/network_spec.hpp"

using tinyml::Error;
using tinyml::parse_network;

namespace {

std::string with_layer(const std::string& layer) {
  return R"({"input": [3, 32, 32], "layers": [)" + layer + "]}";
}

// The error a spec raises, as "path: reason".
std::string error_of(const std::string& text) {
  try {
    parse_network(text);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("defaults follow the network format", "[spec]") {
  const auto spec = parse_network(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 5})"));
  const auto& conv = spec.layers.at(0);
  CHECK(spec.name == "network");
  CHECK(conv.kernel == tinyml::Hw{5, 5});
  CHECK(conv.stride == tinyml::Hw{1, 1});
  CHECK(conv.padding.amount == tinyml::Hw{2, 2});  // kernel / 2
  CHECK(conv.bias);
  CHECK_FALSE(conv.bn);
  CHECK(conv.act == tinyml::Activation::None);

  const auto with_bn = parse_network(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 3, "bn": true})"));
  CHECK_FALSE(with_bn.layers[0].bias);  // bias defaults to false under BN

  const auto dw = parse_network(with_layer(R"({"type": "dwconv2d"})")).layers[0];
  CHECK(dw.kernel == tinyml::Hw{3, 3});
  const auto pool = parse_network(with_layer(R"({"type": "maxpool", "kernel": [2, 3]})")).layers[0];
  CHECK(pool.stride == tinyml::Hw{2, 3});  // stride defaults to the kernel
  const auto block = parse_network(with_layer(R"({"type": "mbconv", "out": 8, "expand": 6})")).layers[0];
  CHECK(block.act == tinyml::Activation::Relu6);
}

TEST_CASE("malformed JSON reports line and column", "[spec]") {
  try {
    parse_network("{\n  \"input\": [3, 8, 8],\n  \"layers\": [\n    {\"type\": \"conv2d\",, }\n  ]\n}");
    FAIL("expected an error");
  } catch (const tinyml::JsonSyntaxError& error) {
    CHECK(error.line() == 4);
    CHECK(error.column() == 23);  // the second comma: 4 spaces, {"type": "conv2d", then ,
    CHECK_THAT(error.what(), Catch::Contains("invalid JSON at line 4, column 23"));
  }
  CHECK_THAT(error_of(""), Catch::Contains("invalid JSON at line 1"));
}

TEST_CASE("bad fields name their path and reason", "[spec]") {
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 3, "stride": 0})")) ==
        "layers[0].stride: must be 1 or more, got 0");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": -4, "kernel": 3})")) ==
        "layers[0].out: must be 1 or more, got -4");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernal": 3})")) ==
        "layers[0].kernal: unknown field; allowed here: type, name, out, kernel, stride, padding, groups, bias, bn, act");
  CHECK_THAT(error_of(with_layer(R"({"type": "conv3d"})")),
             Catch::StartsWith("layers[0].type: unknown layer type \"conv3d\"; known: conv2d, dwconv2d"));
  CHECK(error_of(with_layer(R"({"out": 8})")) == "layers[0].type: is required");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "kernel": 3})")) == "layers[0].out: is required");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 2.5, "kernel": 3})")) ==
        "layers[0].out: must be a whole number, got 2.5");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": "8", "kernel": 3})")) ==
        "layers[0].out: must be a number, got \"8\"");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": [3, 3, 3]})")) ==
        "layers[0].kernel: must be a number or [h, w], got [3,3,3]");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": [3, 0]})")) ==
        "layers[0].kernel[1]: must be 1 or more, got 0");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 3, "act": "gelu"})")) ==
        "layers[0].act: must be \"none\", \"relu\" or \"relu6\", got \"gelu\"");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 3, "padding": "full"})")) ==
        "layers[0].padding: must be a number, [h, w], \"same\" or \"valid\", got \"full\"");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 3, "bn": 1})")) ==
        "layers[0].bn: must be true or false, got 1");
  CHECK(error_of(with_layer(R"({"type": "avgpool", "kernel": 2, "padding": 2})")) ==
        "layers[0].padding: must be at most half the kernel (1), got 2");
  CHECK(error_of(with_layer("7")) == "layers[0]: must be an object, got 7");
}

TEST_CASE("the top level is checked too", "[spec]") {
  CHECK(error_of(R"({"input": [3, 8, 8], "layers": [], "extra": 1})") ==
        "extra: unknown field; allowed here: name, description, input, layers");
  CHECK(error_of(R"({"layers": [{"type": "flatten"}]})") == "input: is required ([C, H, W])");
  CHECK(error_of(R"({"input": [3, 8], "layers": [{"type": "flatten"}]})") == "input: must be [C, H, W], got [3,8]");
  CHECK(error_of(R"({"input": [3, 0, 8], "layers": [{"type": "flatten"}]})") == "input[1]: must be 1 or more, got 0");
  CHECK(error_of(R"({"input": [3, 8, 8], "layers": []})") == "layers: must be a non-empty array of layers");
  CHECK(error_of(R"([1, 2])") == "must be an object, got [1,2]");
}

TEST_CASE("absurd sizes are rejected by the documented limits", "[spec][limits]") {
  CHECK(error_of(R"({"input": [3, 100000, 100000], "layers": [{"type": "flatten"}]})") ==
        "input[1]: must be at most 16384, got 100000");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 1e12, "kernel": 3})")) ==
        "layers[0].out: must be at most 16384, got 1000000000000.0");
  CHECK(error_of(with_layer(R"({"type": "conv2d", "out": 8, "kernel": 65})")) ==
        "layers[0].kernel: must be at most 64, got 65");
  std::string many = R"({"input": [1, 4, 4], "layers": [)";
  for (int index = 0; index < tinyml::limits::kMaxLayers + 1; ++index) many += (index ? "," : "") + std::string(R"({"type": "flatten"})");
  CHECK(error_of(many + "]}") == "layers: has 1001 entries; the limit is 1000");
  CHECK_THAT(error_of(std::string(tinyml::limits::kMaxSpecBytes + 1, ' ')), Catch::Contains("the limit is 4194304"));
}
