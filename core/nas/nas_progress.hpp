// The search's progress as JSON increments, for a caller that draws a search live (the
// page's NAS panel, through the wasm API's nas(request, onProgress)). Each increment:
//   {"phase": "space_optimisation" | "evolution", "trials_done", "trials_total",
//    "measured", "feasible", "final": bool,
//    "points": [[flash_bytes, peak_bytes, macs, fits (1 | 0)], ...],
//    "top": [candidate, ...]}
// `points` holds the networks first measured since the previous increment (in that
// order), so the increments together list every distinct network once. `top` is the
// ranking's head so far (ranking.hpp: the best feasible networks, or the nearest misses
// while nothing fits), at most `top` candidates in nas_result.hpp's candidate shape; it
// is present only when it changed since the previous increment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

class ProgressStream {
 public:
  ProgressStream(const std::string& space, const Constraints& constraints, int top);

  // The increment for this callback; reads progress.evaluated (which must be set).
  nlohmann::json next(const Progress& progress);

 private:
  SearchSpace space_;
  Constraints constraints_;
  std::size_t top_;
  std::size_t streamed_ = 0;          // networks already sent as points
  std::vector<const Evaluated*> head_;  // the ranking's head, best first
};

}  // namespace tinyml::nas
