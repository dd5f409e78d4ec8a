// The entry points shared by the wasm bindings (and anything else that wants JSON in,
// JSON out). None of them throws: each returns a status envelope as JSON text,
//   {"ok": true,  "result": <value>}
//   {"ok": false, "error": {"path": "layers[3].stride", "message": "must be 1 or more, got 0",
//                            "line": 7, "column": 22}}      (line/column only for JSON syntax errors)
// Report shapes are documented in docs/report-format.md.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tinyml::api {

// spec_text: a network description (docs/report-format.md, DESIGN.md) as JSON text.
// options_json: {"mcu": "STM32F746" | {"name", "flash_kb", "sram_kb", "clock_mhz"},
//                "precision": "int8" | "fp32"}; "" or "{}" means defaults (no MCU, int8).
// result: the analysis report.
std::string analyze(const std::string& spec_text, const std::string& options_json);

// result: [{"name", "description", "spec": {...}}] for every preset in the core.
std::string presets();

// result: [{"name", "flash_bytes", "sram_bytes", "clock_mhz", "core", "source"}].
std::string mcus();

// request_json: a NAS request (core/nas/nas_request.hpp lists the fields), e.g.
//   {"space": "lecture", "mcu": {"flash_kb": 256, "sram_kb": 128}, "trials": 1000, "seed": 1}
// result: the NAS result (docs/nas-result.md). Runs to completion, synchronously:
// natively about 5 µs per lecture-space candidate and 12 µs per mcunet candidate.
std::string nas(const std::string& request_json);

// ---- int8 inference (core/api_inference.cpp). A prepared model lives in the core
// between calls, under an integer handle, until release(handle): quantize once, then
// infer/compare many times. At most kMaxSessions are open at once.
constexpr int kMaxSessions = 8;

// request_json: {"preset": NAME | "spec": {...} or text, "resolution": N (H = W = N),
//   "seed": 1, "calib": 16, "init": "he" | "pytorch", "weights": float weights file (object or text)}
// — the options of `tinyml quantize`. result: {"handle", "model", "input_shape",
//   "output_shape", "has_float": true, "ops", "tensors", "macs", "weight_bytes",
//   "bias_bytes", "arena_bytes"}.
std::string quantize(const std::string& request_json);

// model_text: an int8 model file (docs/int8-model-format.md). result: as quantize, with
// "has_float": false (infer works, compare does not).
std::string load_int8_model(const std::string& model_text);

// request_json: the input, one of
//   {"pattern": "noise" | "gradient" | "checkerboard" | "rings", "seed": 1}
//   {"input": {"shape", "data" | "int8", "layout"}}        (the CLI's input file)
//   {"tensor": {"layout": "chw" | "hwc"}}                 data: the floats, network input size
//   {"pixels": {"width", "height", "channels": 1|3|4}}    data: 8-bit pixel values, row-major
// (image_input.hpp resizes pixels to the network input), plus "layers": bool (every int8
// tensor, infer only) and "runs": N (0–100: also time N runs, median in ms).
// data: the values for "tensor" and "pixels"; empty otherwise.
// infer result: the report of `tinyml infer --json` (+ "timing": {"runs", "int8_median_ms",
// "int8_warmup_runs"}: the timed runs follow untimed ones for at least 300 ms, see
// util/median_time.hpp).
std::string infer(int handle, const std::string& request_json, const std::vector<float>& data);

// As infer, on float and int8 (needs a quantized session, real-valued input): the report of
// `tinyml compare --json` — per-layer ranges and errors, both outputs, agreement — plus
// "int8_output" (the infer report's "output") and, with runs, "timing": {"runs",
// "int8_median_ms", "float_median_ms", "int8_warmup_runs", "float_warmup_runs"}. With "input_values": true, also "input":
// {"shape", "values"}, the real-valued network input in [C, H, W] order (to show it).
std::string compare(int handle, const std::string& request_json, const std::vector<float>& data);

// result: the session's int8 model file (docs/int8-model-format.md).
std::string model_file(int handle);

// Frees the session. result: true if it existed.
std::string release(int handle);

// request_json: {"mcu": NAME | {"name", "flash_kb", "sram_kb", "clock_mhz"}, "macs": N}.
// result: {"mcu", "clock_mhz", "macs", "ms", "cycles_per_mac", "core", "basis",
//   "derivation", "source", "assumed_core"} — an estimate (core/mcu/latency_model.hpp).
std::string estimate_latency(const std::string& request_json);

// As nas(request_json), reporting progress: on_progress receives a JSON increment
// (core/nas/nas_progress.hpp: counters, the networks measured since the last one, the
// best so far) every 100 trials and once when the search ends. Returning false cancels
// the search, which then returns its partial result with "cancelled": true. An exception
// thrown by on_progress ends the search and comes back as an error envelope.
using NasProgressCallback = std::function<bool(const std::string& progress_json)>;
std::string nas(const std::string& request_json, const NasProgressCallback& on_progress);

}  // namespace tinyml::api
