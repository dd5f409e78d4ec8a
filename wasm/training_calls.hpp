// The training calls that take bulk bytes (IDX files): JS passes Uint8Arrays, copied here
// into std::vector<uint8_t> with one bulk copy each, then handed to core/api_training.
#pragma once

#include <string>

#include <emscripten/val.h>

namespace tinyml::wasm {

std::string load_dataset_with_data(const std::string& request_json, const emscripten::val& images,
                                   const emscripten::val& labels);

}  // namespace tinyml::wasm
