// The training entry points of the wasm API (JSON in, JSON status envelope out, as
// core/api.hpp; none throws). Training runs in slices so that the page's Web Worker can
// report progress and be cancelled between them:
//
//   load_dataset({"split": "train"}, images IDX bytes, labels IDX bytes)   once per split
//   handle = train_start({...options})          checks everything, starts from seeded weights
//   train_steps(handle, n) ... until "done"     n batches at a time, progress after each call
//   train_finish(handle)                        test accuracy float and int8, the files
//   train_release(handle)
//
// The options and defaults are `tinyml train`'s (docs/training.md), so the same options
// on the same subset give the CLI's run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinyml::api {

constexpr int kMaxTrainingRuns = 2;

// request_json: {"split": "train" | "test"}; images, labels: uncompressed IDX files
// (core/data/idx.hpp), Fashion-MNIST's 10 classes. Replaces that split.
// result: {"split", "examples", "height", "width"}.
std::string load_dataset(const std::string& request_json, const std::vector<uint8_t>& images,
                         const std::vector<uint8_t>& labels);

// request_json: {"spec": {...} or text | "preset": NAME, "train_subset": 6000,
//   "test_subset": 2000, "epochs": 4, "batch": 32, "lr": 0.002 (adam) | 0.05 (sgd),
//   "schedule": "cosine" | "constant", "optimizer": "adam" | "sgd", "momentum": 0.9,
//   "weight_decay": 5e-4, "seed": 1, "calib": 200}. Needs the train split loaded (and
// the test split for train_finish). result: {"handle", "model", "params", "input_shape",
//   "train_images", "test_images", "steps_per_epoch", "total_steps", "options": {...}}.
std::string train_start(const std::string& request_json);

// Trains up to `batches` batches (1..100000). result: {"done", "epoch", "epochs", "step",
//   "steps", "steps_done", "total_steps", "images", "loss" (mean so far in this epoch),
//   "epoch_results": [{"loss", "train_accuracy_percent"}] (completed epochs)}.
std::string train_steps(int handle, int batches);

// Evaluates the weights so far (the run need not be done) as `tinyml train` does.
// result: {"model", "epochs", "images", "float_test_accuracy_percent",
//   "int8_test_accuracy_percent", "int8_drop_points", "test_images", "calibration_images",
//   "weights" (float weights file), "int8_model" (int8 model file)}.
std::string train_finish(int handle);

// result: true if the run existed.
std::string train_release(int handle);

}  // namespace tinyml::api

namespace tinyml::data {
struct ImageDataset;
}

namespace tinyml::api {

// The split ("train" | "test") load_dataset loaded, or nullptr (the NAS objective
// "accuracy" trains on it: core/api_nas_accuracy.hpp).
const data::ImageDataset* loaded_dataset(const std::string& split);

}  // namespace tinyml::api
