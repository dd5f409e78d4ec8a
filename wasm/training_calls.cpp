#include "wasm/training_calls.hpp"

#include <cstdint>
#include <vector>

#include "core/api_training.hpp"

namespace tinyml::wasm {
namespace {

std::vector<uint8_t> bytes_of(const emscripten::val& data) {
  if (data.isUndefined() || data.isNull()) return {};
  return emscripten::convertJSArrayToNumberVector<uint8_t>(data);
}

}  // namespace

std::string load_dataset_with_data(const std::string& request_json, const emscripten::val& images,
                                   const emscripten::val& labels) {
  return api::load_dataset(request_json, bytes_of(images), bytes_of(labels));
}

}  // namespace tinyml::wasm
