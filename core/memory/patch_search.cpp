#include "core/memory/patch_search.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

#include "core/error.hpp"

namespace tinyml::memory {
namespace {

// Step 1's choice of splits, by lower bound then split_op.
std::vector<PatchSplit> searched_splits(const PatchPlanner& planner) {
  std::vector<PatchSplit> splits = planner.valid_splits();
  std::vector<int64_t> bound(planner.graph().ops.size() + 1, 0);
  for (const PatchSplit& split : splits) bound[split.split_op] = planner.peak_lower_bound(split.split_op);
  std::stable_sort(splits.begin(), splits.end(), [&](const PatchSplit& a, const PatchSplit& b) {
    return bound[a.split_op] < bound[b.split_op];
  });
  if (splits.size() > static_cast<size_t>(kMaxSearchedSplits)) splits.resize(kMaxSearchedSplits);
  return splits;
}

bool better_under_limit(const PatchSchedule& a, const PatchSchedule& b) {
  return std::tie(a.peak_bytes, a.extra_macs, a.grid, a.split_op) <
         std::tie(b.peak_bytes, b.extra_macs, b.grid, b.split_op);
}

// Step 3.
std::vector<PatchSchedule> pareto_front(std::vector<PatchSchedule> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const PatchSchedule& a, const PatchSchedule& b) {
    return std::tie(a.extra_macs, a.peak_bytes, a.grid, a.split_op) <
           std::tie(b.extra_macs, b.peak_bytes, b.grid, b.split_op);
  });
  std::vector<PatchSchedule> front;
  for (const PatchSchedule& candidate : candidates) {
    if (front.empty() || candidate.peak_bytes < front.back().peak_bytes) front.push_back(candidate);
  }
  if (front.size() <= kMaxTradeoffPoints) return front;
  std::vector<PatchSchedule> thinned;
  for (size_t point = 0; point < kMaxTradeoffPoints; ++point) {
    thinned.push_back(front[point * (front.size() - 1) / (kMaxTradeoffPoints - 1)]);
  }
  return thinned;
}

}  // namespace

double extra_macs_ratio(const Graph& graph, int64_t extra_macs) {
  return graph.macs == 0 ? 0.0 : static_cast<double>(extra_macs) / static_cast<double>(graph.macs);
}

namespace {

void check_ratio(double max_extra_macs_ratio) {
  if (!std::isfinite(max_extra_macs_ratio) || max_extra_macs_ratio < 0) {
    throw Error("max_extra_macs_ratio", "must be a number >= 0, got " + std::to_string(max_extra_macs_ratio));
  }
}

// Steps 1 and 2: evaluates the candidates, keeping `best`; passes each to `seen`. With
// `stop_early`, stops at the first split whose lower bound exceeds best's peak.
template <typename Seen>
PatchSchedule search(const PatchPlanner& planner, double max_extra_macs_ratio, bool stop_early, Seen seen) {
  const Graph& graph = planner.graph();
  PatchSchedule best = planner.evaluate(0, 1);
  seen(best);
  for (const PatchSplit& split : searched_splits(planner)) {
    if (stop_early && planner.peak_lower_bound(split.split_op) > best.peak_bytes) break;
    for (int grid = 2; grid <= std::min(kMaxSearchGrid, split.max_grid); ++grid) {
      const PatchSchedule candidate = planner.evaluate(split.split_op, grid);
      seen(candidate);
      const bool under_limit = extra_macs_ratio(graph, candidate.extra_macs) <= max_extra_macs_ratio;
      if (under_limit && better_under_limit(candidate, best)) best = candidate;
    }
  }
  return best;
}

}  // namespace

PatchSearch search_patch_schedules(const PatchPlanner& planner, double max_extra_macs_ratio) {
  check_ratio(max_extra_macs_ratio);
  PatchSearch result;
  result.max_extra_macs_ratio = max_extra_macs_ratio;
  std::vector<PatchSchedule> candidates;
  result.best = search(planner, max_extra_macs_ratio, false,
                       [&](const PatchSchedule& candidate) { candidates.push_back(candidate); });
  result.evaluated = static_cast<int>(candidates.size());
  result.tradeoff = pareto_front(std::move(candidates));
  return result;
}

PatchSchedule best_patch_schedule(const PatchPlanner& planner, double max_extra_macs_ratio) {
  check_ratio(max_extra_macs_ratio);
  return search(planner, max_extra_macs_ratio, true, [](const PatchSchedule&) {});
}

}  // namespace tinyml::memory
