// core/api's inference entry points: sessions under handles, inputs chosen four ways,
// and errors in the status envelope instead of exceptions.
#include <catch2/catch.hpp>

#include <vector>

#include <nlohmann/json.hpp>

#include "core/api.hpp"

using nlohmann::json;

namespace {
json reply(const std::string& text) { return json::parse(text); }
json result(const std::string& text) {
  const json envelope = reply(text);
  INFO(envelope.dump());
  REQUIRE(envelope["ok"] == true);
  return envelope["result"];
}
json error(const std::string& text) {
  const json envelope = reply(text);
  INFO(envelope.dump());
  REQUIRE(envelope["ok"] == false);
  return envelope["error"];
}
}  // namespace

TEST_CASE("a quantized session runs on a pattern, on the same values as a tensor, and on pixels", "[api]") {
  const json summary = result(tinyml::api::quantize(R"({"preset": "TinyNet", "resolution": 8, "calib": 2})"));
  const int handle = summary["handle"];
  REQUIRE(summary["input_shape"] == json{3, 8, 8});
  REQUIRE(summary["has_float"] == true);

  const json by_pattern = result(tinyml::api::infer(handle, R"({"pattern": "rings", "seed": 4, "layers": true})", {}));
  // The input layer's dequantized values fed back as a CHW tensor quantize to the same bytes.
  const json& input_layer = by_pattern["layers"][0];
  std::vector<float> values;
  for (const json& q : input_layer["int8"]) {
    values.push_back(input_layer["scale"].get<float>() * (q.get<int>() - input_layer["zero_point"].get<int>()));
  }
  const json by_tensor = result(tinyml::api::infer(handle, R"({"tensor": {"layout": "chw"}, "layers": true})", values));
  REQUIRE(by_tensor["layers"] == by_pattern["layers"]);

  const std::vector<float> pixels(16 * 16 * 4, 200.0f);
  const json by_pixels = result(tinyml::api::compare(handle, R"({"pixels": {"width": 16, "height": 16, "channels": 4}, "runs": 2})", pixels));
  REQUIRE(by_pixels["int8_output"]["int8"].size() == 10);
  REQUIRE(by_pixels["timing"]["runs"] == 2);
  REQUIRE(by_pixels["layers"][0]["name"] == "input");

  REQUIRE(result(tinyml::api::release(handle)) == true);
  REQUIRE(result(tinyml::api::release(handle)) == false);
  REQUIRE(error(tinyml::api::infer(handle, R"({"pattern": "noise"})", {}))["path"] == "handle");
}

TEST_CASE("bad inference requests come back as errors with a path", "[api]") {
  const int handle = result(tinyml::api::quantize(R"({"preset": "MCUNet", "resolution": 32, "calib": 1})"))["handle"];
  CHECK(error(tinyml::api::infer(handle, R"({"pattern": "stripes"})", {}))["path"] == "pattern");
  CHECK(error(tinyml::api::infer(handle, R"({"tensor": {}})", {1, 2, 3}))["path"] == "tensor");
  CHECK(error(tinyml::api::infer(handle, R"({"pattern": "noise", "tensor": {}})", {}))["path"] == "");
  CHECK(error(tinyml::api::infer(handle, R"({"pixels": {"width": 2, "height": 2}})", {}))["path"] == "pixels.channels");
  CHECK(error(tinyml::api::infer(handle, R"({"pattern": "noise", "runs": 5000})", {}))["path"] == "runs");
  CHECK(error(tinyml::api::infer(handle, "{", {}))["line"] == 1);
  CHECK(error(tinyml::api::quantize(R"({"preset": "TinyNet", "calib": 0})"))["path"] == "calib");
  CHECK(error(tinyml::api::quantize(R"({"spec": {"input": [3, 8, 8], "layers": [{"type": "conv2d", "out": 0}]}})"))["path"] ==
        "layers[0].out");
  CHECK(error(tinyml::api::load_int8_model(R"({"format": "tinyml-int8-model", "version": 9})"))["path"] == "version");
  CHECK(error(tinyml::api::estimate_latency(R"({"mcu": "STM32F4", "macs": -3})"))["path"] == "macs");
  CHECK(error(tinyml::api::estimate_latency(R"({"mcu": "Z80", "macs": 3})"))["path"] == "mcu");
  tinyml::api::release(handle);
}

TEST_CASE("at most kMaxSessions sessions are open at once", "[api]") {
  std::vector<int> handles;
  for (int index = 0; index < tinyml::api::kMaxSessions; ++index) {
    handles.push_back(result(tinyml::api::quantize(R"({"preset": "TinyNet", "resolution": 16, "calib": 1})"))["handle"]);
  }
  CHECK(error(tinyml::api::quantize(R"({"preset": "TinyNet", "resolution": 16, "calib": 1})"))["message"] ==
        "too many open models (8): release one first");
  for (int handle : handles) tinyml::api::release(handle);
  const int again = result(tinyml::api::quantize(R"({"preset": "TinyNet", "resolution": 16, "calib": 1})"))["handle"];
  tinyml::api::release(again);
}
