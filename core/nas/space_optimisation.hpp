// TinyNAS step 1, search-space optimisation (MCUNet, NeurIPS 2020, section 3.1): for
// every (width, resolution) pair of a space, sample candidates with the other knobs
// random, keep those that fit the constraints and look at the distribution (CDF) of
// their MACs. A sub-space whose fitting models have more MACs has more capacity under
// the same memory budget, so it is likely to hold more accurate models; the pair whose
// fitting samples have the largest MEAN MACs is chosen (the paper compares the CDFs and
// their mean FLOPs). Ties go to the earlier pair (width, then resolution, ascending).
// When no pair has a fitting sample, the pair with the nearest miss is chosen, so the
// search can still report how close it got.
#pragma once

#include <cstdint>
#include <vector>

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

struct SubspaceStats {
  int width = 0;       // gene values (the mcunet width is in tenths)
  int resolution = 0;
  int sampled = 0;
  std::vector<int64_t> fitting_macs;  // ascending
  double mean_macs = 0;               // 0 when nothing fits
  int64_t median_macs = 0;            // lower median; 0 when nothing fits
  double nearest_miss = 0;            // smallest Verdict::miss among the samples
};

struct SpaceOptimisation {
  std::vector<SubspaceStats> subspaces;  // width-major, resolution-minor
  int chosen = -1;                       // index into subspaces; -1 only when cancelled early
};

// Samples `samples` candidates per pair (the evaluator counts them as trials).
SpaceOptimisation optimise_space(const SearchSpace& space, Evaluator& evaluator, SeededRng& rng, int samples);

// The chosen pair's sub-space: width and resolution pinned.
SearchSpace chosen_subspace(const SearchSpace& space, const SpaceOptimisation& optimisation);

}  // namespace tinyml::nas
