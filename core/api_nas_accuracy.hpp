// The NAS objective "accuracy" in the wasm API (JSON in, status envelope out, as
// core/api.hpp; none throws). It trains on the data sets loaded with load_dataset
// (core/api_training.hpp): both splits must be loaded. Two ways to run it:
//   - nas(request) / nas(request, on_progress) with "objective": "accuracy" (core/api.hpp):
//     search and training phase in one call, as `tinyml nas --json` (nas_accuracy_run).
//   - in slices, so a Web Worker reports progress and reads a cancel between them:
//       nas_accuracy_start(request, on_progress)  the search (progress as nas()), then
//                                                 the probe: the estimate before training
//       nas_accuracy_steps(handle, batches) ...   until "final" is true
//       nas_accuracy_finish(handle)               the NAS result (cancels what is left)
//       nas_accuracy_release(handle)
// Both give the same result JSON for a request (except the measured seconds).
#pragma once

#include <string>

#include "core/api.hpp"

namespace tinyml::api {

constexpr int kMaxNasAccuracyRuns = 2;

// One call: the search, then the training phase. on_progress (may be empty) receives the
// search's increments, then the training phase's (core/nas/nas_accuracy_json.hpp:
// {"phase": "training", ...}; the first carries "estimate", and one after each trained
// candidate carries "measured", the ranking so far); returning false cancels.
std::string nas_accuracy_run(const std::string& request_json, const NasProgressCallback& on_progress);

// result: {"handle", "estimate" (the probe, before any training), "candidates",
//   "images_total", "search": the NAS result of the search alone (objective "accuracy",
//   "accuracy": null)}. Without a feasible network (or when on_progress cancelled the
//   search) there is nothing to train: "handle" is null.
std::string nas_accuracy_start(const std::string& request_json, const NasProgressCallback& on_progress);

// Trains up to `batches` batches (1 .. 100000). result: the training increment, with
// "measured" when a candidate finished in this call.
std::string nas_accuracy_steps(int handle, int batches);

// result: the NAS result with the ranking by measured accuracy ("cancelled": true, and
// the untrained candidates last, when called before the run is done).
std::string nas_accuracy_finish(int handle);

// result: true if the run existed.
std::string nas_accuracy_release(int handle);

}  // namespace tinyml::api
