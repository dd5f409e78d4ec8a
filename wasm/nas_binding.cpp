#include "wasm/nas_binding.hpp"

#include "core/api.hpp"
#include "core/api_nas_accuracy.hpp"

namespace tinyml::wasm {

std::string nas_with_progress(const std::string& request_json, emscripten::val on_progress) {
  if (on_progress.isUndefined() || on_progress.isNull()) return tinyml::api::nas(request_json);
  return tinyml::api::nas(request_json, [&on_progress](const std::string& progress_json) {
    return !on_progress(progress_json).isFalse();
  });
}

std::string nas_accuracy_start_with_progress(const std::string& request_json, emscripten::val on_progress) {
  if (on_progress.isUndefined() || on_progress.isNull()) return tinyml::api::nas_accuracy_start(request_json, {});
  return tinyml::api::nas_accuracy_start(request_json, [&on_progress](const std::string& progress_json) {
    return !on_progress(progress_json).isFalse();
  });
}

}  // namespace tinyml::wasm
