#include "wasm/typed_array_calls.hpp"

#include <vector>

#include "core/api.hpp"

namespace tinyml::wasm {
namespace {

std::vector<float> values_of(const emscripten::val& data) {
  if (data.isUndefined() || data.isNull()) return {};
  return emscripten::convertJSArrayToNumberVector<float>(data);
}

}  // namespace

std::string infer_with_data(int handle, const std::string& request_json, const emscripten::val& data) {
  return api::infer(handle, request_json, values_of(data));
}

std::string compare_with_data(int handle, const std::string& request_json, const emscripten::val& data) {
  return api::compare(handle, request_json, values_of(data));
}

}  // namespace tinyml::wasm
