#include "core/nas/nas_search.hpp"

#include <algorithm>

#include "core/nas/ranking.hpp"

namespace tinyml::nas {
namespace {

// Every measured network, best first (ranking.hpp).
std::vector<const Evaluated*> ranked(const Evaluator& evaluator) {
  std::vector<const Evaluated*> all;
  for (const Evaluated& evaluated : evaluator.evaluated()) all.push_back(&evaluated);
  std::sort(all.begin(), all.end(), [](const Evaluated* a, const Evaluated* b) { return ranks_before(*a, *b); });
  return all;
}

void collect_log(const Evaluator& evaluator, int log_limit, NasResult& result) {
  const std::vector<Trial>& trials = evaluator.trials();
  result.log_total = static_cast<int>(trials.size());
  result.log_stride = log_limit <= 0 ? 0 : std::max(1, (result.log_total + log_limit - 1) / log_limit);
  if (result.log_stride == 0) return;
  for (std::size_t index = 0; index < trials.size(); index += static_cast<std::size_t>(result.log_stride)) {
    const Trial& trial = trials[index];
    const Measurement& measurement = trial.evaluated->measurement;
    result.log.push_back(LogEntry{trial.number, trial.phase, measurement.macs, measurement.flash_bytes,
                                  measurement.peak_bytes, trial.evaluated->verdict.fits()});
  }
}

void collect_candidates(const Evaluator& evaluator, const NasConfig& config, NasResult& result) {
  const std::vector<const Evaluated*> all = ranked(evaluator);
  for (const Evaluated* evaluated : all) {
    if (evaluated->verdict.fits() && static_cast<int>(result.top.size()) < config.top) result.top.push_back(*evaluated);
  }
  if (evaluator.feasible() > 0) return;
  for (const Evaluated* evaluated : all) {
    if (static_cast<int>(result.nearest_misses.size()) >= config.misses) break;
    result.nearest_misses.push_back(*evaluated);
  }
}

}  // namespace

NasResult run_nas(const NasConfig& config) {
  const SearchSpace space = find_search_space(config.space, "space");
  NasResult result;
  result.space = space.name();
  result.seed = config.seed;
  result.objective = config.objective == Objective::Accuracy ? "accuracy" : "macs";
  result.constraints = config.constraints;
  result.exhaustive = count_exhaustively(space, config.constraints);

  const int pairs = static_cast<int>(space.genes()[space.gene_index("width")].values.size() *
                                     space.genes()[space.gene_index("resolution")].values.size());
  Evaluator evaluator(space, config.constraints, pairs * config.space_samples + config.evolution.trials,
                      config.on_progress);
  SeededRng rng(config.seed);
  result.space_optimisation = optimise_space(space, evaluator, rng, config.space_samples);
  result.space_optimisation_trials = static_cast<int>(evaluator.trials().size());
  if (result.space_optimisation.chosen >= 0 && !evaluator.cancelled()) {
    evolve(chosen_subspace(space, result.space_optimisation), evaluator, rng, config.evolution);
  }
  if (!evaluator.cancelled()) {
    evaluator.report_progress(evaluator.trials().empty() ? Phase::SpaceOptimisation : evaluator.trials().back().phase, true);
  }
  result.trials = static_cast<int>(evaluator.trials().size()) - result.space_optimisation_trials;
  result.measured = evaluator.measured();
  result.feasible_count = evaluator.feasible();
  result.cancelled = evaluator.cancelled();
  collect_candidates(evaluator, config, result);
  collect_log(evaluator, config.log_limit, result);
  return result;
}

}  // namespace tinyml::nas
