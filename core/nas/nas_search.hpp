// TinyNAS on real measurements: search-space optimisation, then evolution inside the
// chosen sub-space, every candidate built as a network and measured by the core.
//   1. If the space has at most kMaxEnumeratedPoints points, measure them all (not
//      counted as trials): how many fit, and the true optimum to compare against.
//   2. Space optimisation (space_optimisation.hpp): space_samples per (width, resolution).
//   3. Evolution (evolution.hpp) in the chosen pair's sub-space, evolution.trials trials.
//   4. Report the best feasible networks among everything measured in 2 and 3 (objective
//      `macs`), or, when none fits, the nearest misses and what each failed by.
// One SeededRng(seed) drives 2 and 3 in that order: a seed repeats a run exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/nas/accuracy_objective.hpp"
#include "core/nas/evaluator.hpp"
#include "core/nas/evolution.hpp"
#include "core/nas/exhaustive_count.hpp"
#include "core/nas/space_optimisation.hpp"

namespace tinyml::nas {

struct NasConfig {
  std::string space = "lecture";
  Constraints constraints;
  uint64_t seed = 1;
  int space_samples = 100;  // per (width, resolution) pair
  EvolutionSettings evolution;
  int top = 5;           // feasible candidates reported (best first)
  int misses = 5;        // nearest misses reported when nothing fits
  int log_limit = 1000;  // log entries kept (every k-th trial when there are more)
  ProgressCallback on_progress;  // optional; may cancel
  // "accuracy": train the best `accuracy.candidates` and rank them by measured accuracy
  // (nas_accuracy.hpp runs that phase; run_nas does only the search).
  Objective objective = Objective::Macs;
  AccuracySettings accuracy;
};

struct LogEntry {
  int trial = 0;
  Phase phase = Phase::SpaceOptimisation;
  int64_t macs = 0;
  int64_t flash_bytes = 0;
  int64_t peak_bytes = 0;
  bool feasible = false;
};

struct NasResult {
  std::string space;
  std::string objective = "macs";
  uint64_t seed = 0;
  int space_optimisation_trials = 0;
  int trials = 0;  // evolution trials run
  int measured = 0;  // distinct networks measured in both phases
  int feasible_count = 0;  // of those, how many fit
  bool cancelled = false;
  Constraints constraints;
  SpaceOptimisation space_optimisation;
  std::vector<Evaluated> top;             // best first; empty when nothing fits
  std::vector<Evaluated> nearest_misses;  // smallest miss first; only when nothing fits
  std::optional<ExhaustiveCount> exhaustive;
  std::vector<LogEntry> log;
  int log_total = 0;
  int log_stride = 1;
  std::vector<Evaluated> mac_top;          // objective accuracy: the search's `top` by MACs
  std::optional<AccuracyReport> accuracy;  // objective accuracy, after the training phase
};

// Throws tinyml::Error for an unknown space; checks of the numbers are the caller's
// (nas_request.hpp validates them).
NasResult run_nas(const NasConfig& config);

}  // namespace tinyml::nas
