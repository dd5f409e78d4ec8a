// The entry points shared by the wasm bindings (and anything else that wants JSON in,
// JSON out). None of them throws: each returns a status envelope as JSON text,
//   {"ok": true,  "result": <value>}
//   {"ok": false, "error": {"path": "layers[3].stride", "message": "must be 1 or more, got 0",
//                            "line": 7, "column": 22}}      (line/column only for JSON syntax errors)
// Report shapes are documented in docs/report-format.md.
#pragma once

#include <functional>
#include <string>

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

// As nas(request_json), reporting progress: on_progress receives a JSON increment
// (core/nas/nas_progress.hpp: counters, the networks measured since the last one, the
// best so far) every 100 trials and once when the search ends. Returning false cancels
// the search, which then returns its partial result with "cancelled": true. An exception
// thrown by on_progress ends the search and comes back as an error envelope.
using NasProgressCallback = std::function<bool(const std::string& progress_json)>;
std::string nas(const std::string& request_json, const NasProgressCallback& on_progress);

}  // namespace tinyml::api
