#include "core/nas/space_optimisation.hpp"

#include <algorithm>
#include <limits>

namespace tinyml::nas {
namespace {

SubspaceStats sample_subspace(const SearchSpace& subspace, int width, int resolution, Evaluator& evaluator,
                              SeededRng& rng, int samples) {
  SubspaceStats stats;
  stats.width = width;
  stats.resolution = resolution;
  stats.nearest_miss = std::numeric_limits<double>::infinity();
  for (int sample = 0; sample < samples && !evaluator.cancelled(); ++sample) {
    const Evaluated& evaluated = evaluator.evaluate(subspace.sample(rng), Phase::SpaceOptimisation);
    ++stats.sampled;
    if (evaluated.verdict.fits()) {
      stats.fitting_macs.push_back(evaluated.measurement.macs);
      stats.nearest_miss = 0;
    } else {
      stats.nearest_miss = std::min(stats.nearest_miss, evaluated.verdict.miss);
    }
  }
  std::sort(stats.fitting_macs.begin(), stats.fitting_macs.end());
  if (!stats.fitting_macs.empty()) {
    double sum = 0;
    for (const int64_t macs : stats.fitting_macs) sum += static_cast<double>(macs);
    stats.mean_macs = sum / static_cast<double>(stats.fitting_macs.size());
    stats.median_macs = stats.fitting_macs[(stats.fitting_macs.size() - 1) / 2];
  }
  return stats;
}

int choose(const std::vector<SubspaceStats>& subspaces) {
  int chosen = -1;
  for (int index = 0; index < static_cast<int>(subspaces.size()); ++index) {
    const SubspaceStats& stats = subspaces[index];
    if (stats.sampled == 0) continue;
    if (chosen < 0) {
      chosen = index;
      continue;
    }
    const SubspaceStats& best = subspaces[chosen];
    const bool fits = !stats.fitting_macs.empty();
    const bool best_fits = !best.fitting_macs.empty();
    if (fits != best_fits) {
      if (fits) chosen = index;
    } else if (fits ? stats.mean_macs > best.mean_macs : stats.nearest_miss < best.nearest_miss) {
      chosen = index;
    }
  }
  return chosen;
}

}  // namespace

SpaceOptimisation optimise_space(const SearchSpace& space, Evaluator& evaluator, SeededRng& rng, int samples) {
  SpaceOptimisation result;
  const Gene& widths = space.genes()[space.gene_index("width")];
  const Gene& resolutions = space.genes()[space.gene_index("resolution")];
  for (const int width : widths.values) {
    const SearchSpace by_width = space.pinned("width", width);
    for (const int resolution : resolutions.values) {
      if (evaluator.cancelled()) break;
      const SearchSpace subspace = by_width.pinned("resolution", resolution);
      result.subspaces.push_back(sample_subspace(subspace, width, resolution, evaluator, rng, samples));
    }
  }
  result.chosen = choose(result.subspaces);
  return result;
}

SearchSpace chosen_subspace(const SearchSpace& space, const SpaceOptimisation& optimisation) {
  const SubspaceStats& chosen = optimisation.subspaces.at(static_cast<std::size_t>(optimisation.chosen));
  return space.pinned("width", chosen.width).pinned("resolution", chosen.resolution);
}

}  // namespace tinyml::nas
