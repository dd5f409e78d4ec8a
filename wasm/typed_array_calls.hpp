// The api calls that take bulk numbers (an input tensor or image pixels): JS passes a
// typed array (Float32Array, Uint8Array, Uint8ClampedArray...) or undefined, copied here
// into a std::vector<float> with one bulk copy, then handed to core/api.
#pragma once

#include <string>

#include <emscripten/val.h>

namespace tinyml::wasm {

std::string infer_with_data(int handle, const std::string& request_json, const emscripten::val& data);
std::string compare_with_data(int handle, const std::string& request_json, const emscripten::val& data);

}  // namespace tinyml::wasm
