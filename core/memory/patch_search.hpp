// Searching patch-based schedules (patch_inference.hpp) for the lowest peak under a limit
// on the extra MACs the halos cost.
//
// Algorithm (search_patch_schedules):
//   1. Candidates: the no-patch schedule (split_op 0, grid 1: every op layer by layer, no
//      extra MACs), then, for at most kMaxSearchedSplits valid splits — those with the
//      lowest peak_lower_bound (stage output bytes vs. rest peak; ties: earlier split) —
//      every grid from 2 to min(kMaxSearchGrid, H_O, W_O). Cost: O(splits × stage ops ×
//      sum of grid²): about 1.5 ms for MobileNetV2 natively (217 candidates).
//   2. best = the candidate with the lowest peak among those with extra_macs <=
//      max_extra_macs_ratio × graph.macs (extra_macs_ratio below); ties: fewer extra MACs,
//      then smaller grid, then earlier split. The no-patch schedule always qualifies, so
//      best never has a higher peak than running the network layer by layer.
//   3. tradeoff = the Pareto front of all candidates over (extra_macs, peak_bytes): each
//      has a lower peak than every candidate with at most its extra MACs; ordered by
//      extra_macs ascending. It starts at the no-patch schedule unless a patch schedule
//      with no extra MACs (a stage of 1×1 ops and pools) has a lower peak; extra MACs can
//      even be negative when a strided 1×1 op makes patches skip pixels the layer-by-layer
//      run computes. Thinned evenly to at most kMaxTradeoffPoints, keeping both ends.
//
// Default limit: 10% extra MACs. MCUNetV2 (section 3.2) reports that naive patch-based
// inference of MobileNetV2 costs about 10% more computation (cut to ~3% by redistributing
// the receptive field), so 10% admits the paper's own MobileNetV2 setting.
#pragma once

#include <cstdint>
#include <vector>

#include "core/memory/patch_inference.hpp"

namespace tinyml::memory {

inline constexpr double kDefaultMaxExtraMacsRatio = 0.10;
inline constexpr int kMaxSearchGrid = 8;
inline constexpr int kMaxSearchedSplits = 48;
inline constexpr size_t kMaxTradeoffPoints = 48;

struct PatchSearch {
  double max_extra_macs_ratio = kDefaultMaxExtraMacsRatio;
  PatchSchedule best;                  // step 2
  std::vector<PatchSchedule> tradeoff;  // step 3
  int evaluated = 0;                   // candidates evaluated, the no-patch one included
};

// extra_macs / graph.macs; 0 when the graph has no MACs.
double extra_macs_ratio(const Graph& graph, int64_t extra_macs);

// Throws tinyml::Error ("max_extra_macs_ratio") if the ratio is negative or not finite.
PatchSearch search_patch_schedules(const PatchPlanner& planner,
                                   double max_extra_macs_ratio = kDefaultMaxExtraMacsRatio);

// Step 2 alone: search_patch_schedules(planner, ratio).best, found faster (no tradeoff).
// Splits are visited in step 1's order, by rising peak_lower_bound: once a split's
// bound exceeds the best peak so far, no schedule of it or of a later split can beat it
// (a tie on peak could still win on extra MACs, so only a strictly larger bound stops).
// TinyNAS's `patch` estimator uses it.
PatchSchedule best_patch_schedule(const PatchPlanner& planner,
                                  double max_extra_macs_ratio = kDefaultMaxExtraMacsRatio);

}  // namespace tinyml::memory
