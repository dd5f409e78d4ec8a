#include "core/nas/evaluator.hpp"

#include "core/graph/flash_size.hpp"

namespace tinyml::nas {

Measurement measure_network(const NetworkSpec& spec, const PeakEstimator& estimator) {
  const Graph graph = build_graph(spec);
  Measurement measurement;
  measurement.params = graph.params;
  measurement.macs = graph.macs;
  measurement.flash_bytes = deployable_flash_size(graph).total_bytes();
  measurement.peak_bytes = estimator.peak_bytes(graph);
  return measurement;
}

const char* phase_name(Phase phase) {
  return phase == Phase::SpaceOptimisation ? "space_optimisation" : "evolution";
}

Evaluator::Evaluator(const SearchSpace& space, const Constraints& constraints, int trials_total,
                     ProgressCallback on_progress)
    : space_(space), constraints_(constraints), trials_total_(trials_total), on_progress_(std::move(on_progress)) {
  trials_.reserve(static_cast<std::size_t>(trials_total));
}

const Evaluated& Evaluator::evaluate(const Candidate& candidate, Phase phase) {
  const Candidate key = space_.canonical(candidate);
  auto found = cache_.find(key);
  if (found == cache_.end()) {
    Evaluated fresh;
    fresh.candidate = key;
    fresh.measurement = measure_network(space_.network(key), constraints_.estimator);
    fresh.verdict = judge(fresh.measurement, constraints_);
    fresh.phase = phase;
    evaluated_.push_back(std::move(fresh));
    if (evaluated_.back().verdict.fits()) ++feasible_;
    found = cache_.emplace(key, &evaluated_.back()).first;
  }
  trials_.push_back(Trial{static_cast<int>(trials_.size()) + 1, phase, found->second});
  if (!cancelled_ && trials_.size() % kProgressEvery == 0) cancelled_ = !report_progress(phase, false);
  return *found->second;
}

bool Evaluator::report_progress(Phase phase, bool final) {
  if (!on_progress_) return true;
  return on_progress_(Progress{phase, static_cast<int>(trials_.size()), trials_total_, feasible_, &evaluated_, final});
}

}  // namespace tinyml::nas
