// The conversion behind the wasm module's nas(requestJson, onProgress): adapts a JS
// function to core/api.hpp's NasProgressCallback. Only strings and a boolean cross.
#pragma once

#include <string>

#include <emscripten/val.h>

namespace tinyml::wasm {

// on_progress: a JS function called with each progress increment (JSON text); the search
// is cancelled when it returns exactly `false`. undefined or null: no progress reports.
// Returns the core's status envelope (JSON text), as tinyml::api::nas does.
std::string nas_with_progress(const std::string& request_json, emscripten::val on_progress);

// As nas_with_progress, for core/api_nas_accuracy.hpp's nas_accuracy_start.
std::string nas_accuracy_start_with_progress(const std::string& request_json, emscripten::val on_progress);

}  // namespace tinyml::wasm
