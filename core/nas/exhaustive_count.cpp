#include "core/nas/exhaustive_count.hpp"

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

std::optional<ExhaustiveCount> count_exhaustively(const SearchSpace& space, const Constraints& constraints) {
  const std::optional<int64_t> size = space.size();
  if (!size || *size > kMaxEnumeratedPoints) return std::nullopt;
  ExhaustiveCount count;
  for (int64_t index = 0; index < *size; ++index) {
    const Candidate candidate = space.point(index);
    if (space.canonical(candidate) != candidate) continue;  // the same network as another point
    ++count.size;
    const Measurement measurement = measure_network(space.network(candidate), constraints.estimator);
    if (!judge(measurement, constraints).fits()) continue;
    ++count.feasible;
    if (!count.best || measurement.macs > count.best_macs) {
      count.best = candidate;
      count.best_macs = measurement.macs;
    }
  }
  return count;
}

}  // namespace tinyml::nas
