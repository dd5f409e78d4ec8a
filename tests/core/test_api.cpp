// The JSON-in, JSON-out entry points the wasm module exposes: never throw, always an envelope.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/api.hpp"
#include "core/spec/presets.hpp"

using nlohmann::json;

TEST_CASE("analyze returns a report in an ok envelope", "[api]") {
  const json reply = json::parse(tinyml::api::analyze(tinyml::find_preset("TinyNet").spec.dump(), R"({"mcu": "STM32F4"})"));
  REQUIRE(reply["ok"] == true);
  const json& report = reply["result"];
  CHECK(report["params"] == 98730);
  CHECK(report["peak_bytes"]["lecture_in_out"] == 384 * 1024);
  CHECK(report["layers"].size() == 6);
  CHECK(report["layers"][1]["in_shape"] == json::array({16, 128, 128}));
  CHECK(report["layers"][5]["out_shape"] == json::array({10}));
  CHECK(report["mcu"]["fits_sram"] == false);
  CHECK(report["mcu"]["sram_margin_bytes"] == 128 * 1024 - 384 * 1024);
  CHECK(report["mcu"]["fits_flash"] == true);
}

TEST_CASE("the MCU choice flips the verdict, fp32 quadruples the bytes", "[api]") {
  const std::string spec = tinyml::find_preset("TinyNet").spec.dump();
  const json esp32 = json::parse(tinyml::api::analyze(spec, R"({"mcu": "ESP32"})"))["result"];
  CHECK(esp32["mcu"]["fits_sram"] == true);
  const json custom = json::parse(tinyml::api::analyze(
      spec, R"({"mcu": {"name": "mine", "flash_kb": 64, "sram_kb": 400, "clock_mhz": 80}, "precision": "fp32"})"))["result"];
  CHECK(custom["peak_bytes"]["live"] == 4 * 384 * 1024);
  CHECK(custom["mcu"]["fits_sram"] == false);
  CHECK(custom["mcu"]["flash_bytes"] == 64 * 1024);
}

TEST_CASE("errors come back as envelopes with path, message and position", "[api]") {
  const json bad_field = json::parse(
      tinyml::api::analyze(R"({"input": [3, 8, 8], "layers": [{"type": "conv2d", "out": 4, "kernel": 3, "stride": 0}]})", ""));
  CHECK(bad_field["ok"] == false);
  CHECK(bad_field["error"]["path"] == "layers[0].stride");
  CHECK(bad_field["error"]["message"] == "must be 1 or more, got 0");

  const json syntax = json::parse(tinyml::api::analyze("{\n  \"input\": [3, 8, 8],\n  oops\n}", "{}"));
  CHECK(syntax["ok"] == false);
  CHECK(syntax["error"]["line"] == 3);
  CHECK(syntax["error"]["column"] == 3);

  const json bad_option = json::parse(tinyml::api::analyze(tinyml::find_preset("TinyNet").spec.dump(), R"({"mcu": "Z80"})"));
  CHECK(bad_option["error"]["path"] == "options.mcu");
}

TEST_CASE("presets and MCUs are listed", "[api]") {
  const json presets = json::parse(tinyml::api::presets())["result"];
  CHECK(presets.size() == tinyml::presets().size());
  CHECK(presets[0]["spec"]["layers"].size() == 6);
  const json mcus = json::parse(tinyml::api::mcus())["result"];
  CHECK(mcus[0]["name"] == "STM32F4");
  CHECK(mcus[0]["sram_bytes"] == 128 * 1024);
}

TEST_CASE("the report carries the deployable int8 flash size", "[api]") {
  const json report = json::parse(tinyml::api::analyze(tinyml::find_preset("TinyNet").spec.dump(), ""))["result"];
  // weights: 432 + 4608 + 18432 + 73728 + 1280 = 98480; 250 output channels (16+32+64+128+10)
  // × 4 bytes of int32 bias = 1000; × 24 bytes of per-channel scale + zero point = 6000.
  CHECK(report["deployable_flash"]["weight_bytes"] == 98480);
  CHECK(report["deployable_flash"]["bias_bytes"] == 1000);
  CHECK(report["deployable_flash"]["quantization_bytes"] == 6000);
  CHECK(report["deployable_flash"]["bytes"] == 105480);
}
