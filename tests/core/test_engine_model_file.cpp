// The int8 model file: a hand-written model whose every value is worked out in
// docs/int8-model-format.md, the round trip of a quantized preset, and one clear error
// per kind of malformed file.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/engine/calibration.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/error.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/graph_test_helpers.hpp"

using namespace tinyml;
using namespace tinyml::engine;

namespace {

// tests/data/int8_hand_model.json, found beside this source file.
std::string hand_model_text() {
  std::string path = __FILE__;
  path = path.substr(0, path.rfind('/')) + "/../data/int8_hand_model.json";
  std::ifstream file(path);
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

nlohmann::json hand_model() { return nlohmann::json::parse(hand_model_text()); }

std::string error_of(const nlohmann::json& document) {
  try {
    const Int8Model model = int8_model_from_json(document);
    Int8Engine engine(model);
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a hand-written int8 model runs to the values worked out by hand", "[quant-model]") {
  const Int8Model model = read_int8_model(hand_model_text());
  Int8Engine engine(model);
  // Input [1, 2, 2], scale 0.5: reals 1, 2, 3, −4.
  const std::vector<int8_t> input = {2, 4, 6, -8};
  const std::vector<std::vector<int8_t>> tensors = engine.run_all({input.data(), input.size()});
  // conv (1×1, relu): channel 0 = x + 1, channel 1 = −x, at scale 0.25, zero point −128;
  // HWC: pixel by pixel, the two channels interleaved.
  CHECK(tensors[1] == std::vector<int8_t>{-120, -128,
                                          -116, -128,
                                          -112, -128,
                                          -128, -112});
  CHECK(tensors[2] == std::vector<int8_t>{-119, -124});  // avgpool: 2.25, 1.0
  CHECK(tensors[3] == std::vector<int8_t>{-110, -120});  // mean at scale 0.125: 2.25, 1.0
  CHECK(tensors[4] == std::vector<int8_t>{-110, -120});  // add: 4.5, 2.0
  CHECK(tensors[5] == std::vector<int8_t>{-110, -120});  // flatten
  CHECK(tensors[6] == std::vector<int8_t>{7});           // linear: 26 · 0.25 = 6.5 → 7 (3.5)
}

TEST_CASE("a quantized preset survives the file round trip exactly", "[quant-model]") {
  nlohmann::json spec = find_preset("MCUNet").spec;
  spec["input"] = {3, 16, 16};
  const Graph graph = build_graph(parse_network(spec));
  const Int8Model model = quantize_model(graph, init_float_model(graph, 3), generated_samples(graph, 3, 2));
  const std::string text = int8_model_to_json(model).dump();
  const Int8Model back = read_int8_model(text);
  CHECK(int8_model_to_json(back).dump() == text);
  REQUIRE(back.graph.ops.size() == model.graph.ops.size());
  for (std::size_t index = 0; index < model.graph.ops.size(); ++index) {
    CHECK(back.graph.ops[index].padding.top == model.graph.ops[index].padding.top);
    CHECK(back.graph.ops[index].macs == model.graph.ops[index].macs);
  }
  CHECK(back.graph.macs == model.graph.macs);
  std::vector<int8_t> input(3 * 16 * 16);
  for (std::size_t index = 0; index < input.size(); ++index) input[index] = static_cast<int8_t>(index * 37 % 256 - 128);
  Int8Engine original(model), reread(back);
  CHECK(original.run_all({input.data(), input.size()}) == reread.run_all({input.data(), input.size()}));
}

TEST_CASE("a flattened vector longer than any one dimension round-trips", "[quant-model]") {
  // 70·16·16 = 17 920 features: more than the 16 384 a single dimension may have.
  const Graph graph = test::graph_of("[70, 16, 16]", R"([{"type": "flatten"}, {"type": "linear", "out": 2}])");
  const Int8Model model = quantize_model(graph, init_float_model(graph, 1), generated_samples(graph, 1, 1));
  const std::string text = int8_model_to_json(model).dump();
  CHECK(int8_model_to_json(read_int8_model(text)).dump() == text);
}

TEST_CASE("malformed int8 model files are rejected with the path and the reason", "[quant-model]") {
  const nlohmann::json good = hand_model();
  CHECK(error_of(good) == "(no error)");
  const auto broken = [&](const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json document = good;
    edit(document);
    return error_of(document);
  };
  CHECK(broken([](auto& d) { d["ops"][0]["weights"] = {2, -4, 1}; }) == "ops[0].weights: must have 2 values, got 3");
  CHECK(broken([](auto& d) { d["ops"][5]["weights"][1] = 128; }) ==
        "ops[5].weights[1]: must be an integer in [-128, 127], got 128");
  CHECK(broken([](auto& d) { d["tensors"][1]["scale"] = 0; }) == "tensors[1].scale: must be > 0, got 0");
  CHECK(broken([](auto& d) { d["tensors"][1]["scale"] = 1e300; }) ==
        "tensors[1].scale: must be a finite float32 number, got 1e+300");
  CHECK(broken([](auto& d) { d["tensors"][0]["zero_point"] = 128; }) ==
        "tensors[0].zero_point: must be at most 127, got 128");
  CHECK(broken([](auto& d) { d["ops"][0]["weight_scales"][1] = -0.5; }) ==
        "ops[0].weight_scales[1]: must be a finite number > 0, got -0.500000");
  CHECK(broken([](auto& d) { d["ops"][0]["weight_scales"] = {0.5, 0.5, 0.5}; }) ==
        "ops[0].weight_scales: must have 2 values, got 3");
  CHECK(broken([](auto& d) { d["ops"][0]["bias"] = {1}; }) == "ops[0].bias: must have 2 values, got 1");
  CHECK(broken([](auto& d) { d["ops"][1]["type"] = "softmax"; }) ==
        "ops[1].type: unknown op type \"softmax\"; known: conv2d, dwconv2d, linear, add, avgpool, maxpool, "
        "global_avgpool, flatten");
  CHECK(broken([](auto& d) { d["ops"][3]["inputs"][1] = "gapp"; }) == "ops[3].inputs[1]: no tensor is named \"gapp\"");
  CHECK(broken([](auto& d) { d["ops"][1]["inputs"][0] = "sum"; }) ==
        "ops[1].inputs[0]: tensor \"sum\" is read before an op produces it (ops run in file order)");
  CHECK(broken([](auto& d) { d["ops"][2]["output"] = "pool"; }) ==
        "ops[2].output: tensor \"pool\" is already produced by an earlier op");
  CHECK(broken([](auto& d) { d["tensors"][1]["shape"] = {2, 2, 3}; }) ==
        "ops[0].output: tensor \"conv\" is declared [2, 2, 3] but conv2d computes [2, 2, 2] from its input [1, 2, 2]");
  CHECK(broken([](auto& d) { d["tensors"][2]["scale"] = 0.5; }) ==
        "ops[1]: avgpool does not requantize: its output's scale and zero point must equal its input's");
  CHECK(broken([](auto& d) { d["ops"][4]["kernel"] = 2; }) ==
        "ops[4].kernel: unknown field; allowed here: type, name, inputs, output");
  CHECK(broken([](auto& d) { d["ops"][3]["inputs"] = {"pool"}; }) == "ops[3].inputs: add takes 2 inputs, got 1");
  CHECK(broken([](auto& d) { d["tensors"][1]["name"] = "input"; }) ==
        "tensors[1].name: \"input\" names an earlier tensor too");
  CHECK(broken([](auto& d) { d["format"] = "tflite"; }) == "format: must be \"tinyml-int8-model\"");
  CHECK(broken([](auto& d) { d["output"] = "input"; }) == "output: must be a tensor produced by an op");
  CHECK(broken([](auto& d) { d["tensors"][0]["shape"] = {1, 2, 2, 1}; }) ==
        "tensors[0].shape: must be [C, H, W] or [N], got 4 dimensions");
  CHECK(broken([](auto& d) { d["tensors"][0]["shape"] = {100000, 1, 1}; }) ==
        "tensors[0].shape[0]: must be an integer in [1, 16384], got 100000");
  CHECK(broken([](auto& d) {
          d["tensors"] = nlohmann::json::array();
          for (int index = 0; index < 5000; ++index) d["tensors"].push_back({{"name", std::to_string(index)}});
        }) == "tensors: must list 2 to 4096 tensors, got 5000");
  const std::string syntax = [] {
    try {
      read_int8_model("{\"format\": ");
    } catch (const JsonSyntaxError& error) {
      return std::string(error.what());
    }
    return std::string("(no error)");
  }();
  CHECK_THAT(syntax, Catch::StartsWith("invalid JSON at line 1"));
}
