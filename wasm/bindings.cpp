// Embind registrations of core/api.hpp, and nothing else. Every function takes and
// returns std::string (JSON text), which Embind copies to and from JS strings — infer
// and compare also take a typed array (typed_array_calls.hpp) — so no returned object
// needs .delete(); inference sessions are integer handles freed with release(). None
// of them throws; errors come back inside the JSON status envelope, which wasm/api.js
// turns into a PlaygroundError.
#include <emscripten/bind.h>

#include "core/api.hpp"
#include "wasm/nas_binding.hpp"
#include "wasm/typed_array_calls.hpp"
#include "core/api_nas_accuracy.hpp"
#include "core/api_training.hpp"
#include "wasm/training_calls.hpp"

EMSCRIPTEN_BINDINGS(tinyml_api) {
  emscripten::function("analyze", &tinyml::api::analyze);
  emscripten::function("presets", &tinyml::api::presets);
  emscripten::function("mcus", &tinyml::api::mcus);
  // int8 inference: sessions live in the core under integer handles until release().
  emscripten::function("quantize", &tinyml::api::quantize);
  emscripten::function("loadInt8Model", &tinyml::api::load_int8_model);
  emscripten::function("infer", &tinyml::wasm::infer_with_data);
  emscripten::function("compare", &tinyml::wasm::compare_with_data);
  emscripten::function("modelFile", &tinyml::api::model_file);
  emscripten::function("release", &tinyml::api::release);
  emscripten::function("estimateLatency", &tinyml::api::estimate_latency);
  // Training in slices (core/api_training.hpp): runs under integer handles until trainRelease().
  emscripten::function("loadDataset", &tinyml::wasm::load_dataset_with_data);
  emscripten::function("trainStart", &tinyml::api::train_start);
  emscripten::function("trainSteps", &tinyml::api::train_steps);
  emscripten::function("trainFinish", &tinyml::api::train_finish);
  emscripten::function("trainRelease", &tinyml::api::train_release);
  emscripten::function("nas", &tinyml::wasm::nas_with_progress);
  // NAS with measured accuracy in slices (core/api_nas_accuracy.hpp), under handles.
  emscripten::function("nasAccuracyStart", &tinyml::wasm::nas_accuracy_start_with_progress);
  emscripten::function("nasAccuracySteps", &tinyml::api::nas_accuracy_steps);
  emscripten::function("nasAccuracyFinish", &tinyml::api::nas_accuracy_finish);
  emscripten::function("nasAccuracyRelease", &tinyml::api::nas_accuracy_release);
}
