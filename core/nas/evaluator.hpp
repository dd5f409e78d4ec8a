// Measures NAS candidates: expand to a NetworkSpec (no JSON), build the graph, count
// params, MACs and deployable flash, estimate the peak SRAM, judge the constraints.
// A candidate seen before (same canonical form) comes from a cache: each call is a
// trial, only new networks are measured.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <vector>

#include "core/nas/constraints.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {

Measurement measure_network(const NetworkSpec& spec, const PeakEstimator& estimator);

enum class Phase { SpaceOptimisation, Evolution };
const char* phase_name(Phase phase);

struct Evaluated {
  Candidate candidate;  // canonical form
  Measurement measurement;
  Verdict verdict;
  Phase phase = Phase::SpaceOptimisation;  // of the trial that first measured it
};

// One trial, for the search log.
struct Trial {
  int number = 0;  // 1-based, over the whole run
  Phase phase = Phase::SpaceOptimisation;
  const Evaluated* evaluated = nullptr;
};

struct Progress {
  Phase phase = Phase::SpaceOptimisation;
  int trials_done = 0;
  int trials_total = 0;
  int feasible = 0;  // distinct feasible networks so far
  // Every network measured so far, in the order first measured (the evaluator's own
  // list, valid during the call): a caller drawing the search live reads the new ones.
  const std::deque<Evaluated>* evaluated = nullptr;
  bool final = false;  // the search has ended (the last call; its return value is ignored)
};
// Called every kProgressEvery trials, and once more when the search ends (run_nas);
// returning false cancels the search.
using ProgressCallback = std::function<bool(const Progress&)>;
inline constexpr int kProgressEvery = 100;

class Evaluator {
 public:
  Evaluator(const SearchSpace& space, const Constraints& constraints, int trials_total, ProgressCallback on_progress);

  const Evaluated& evaluate(const Candidate& candidate, Phase phase);
  // Calls the progress callback now (if there is one); returns false if it cancels.
  bool report_progress(Phase phase, bool final);

  int measured() const { return static_cast<int>(evaluated_.size()); }
  int feasible() const { return feasible_; }
  bool cancelled() const { return cancelled_; }
  const std::deque<Evaluated>& evaluated() const { return evaluated_; }  // in the order first measured
  const std::vector<Trial>& trials() const { return trials_; }
  const Constraints& constraints() const { return constraints_; }

 private:
  const SearchSpace& space_;
  Constraints constraints_;
  int trials_total_;
  ProgressCallback on_progress_;
  std::map<Candidate, const Evaluated*> cache_;
  std::deque<Evaluated> evaluated_;  // stable addresses
  std::vector<Trial> trials_;
  int feasible_ = 0;
  bool cancelled_ = false;
};

}  // namespace tinyml::nas
