// Embind registrations of core/api.hpp, and nothing else. Every function takes and
// returns std::string (JSON text), which Embind copies to and from JS strings: no
// returned object needs .delete(). None of them throws; errors come back inside the
// JSON status envelope, which wasm/api.js turns into a PlaygroundError.
#include <emscripten/bind.h>

#include "core/api.hpp"
#include "wasm/nas_binding.hpp"

EMSCRIPTEN_BINDINGS(tinyml_api) {
  emscripten::function("analyze", &tinyml::api::analyze);
  emscripten::function("presets", &tinyml::api::presets);
  emscripten::function("mcus", &tinyml::api::mcus);
  emscripten::function("nas", &tinyml::wasm::nas_with_progress);
}
