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

PatchSearch search_patch_schedules(const PatchPlanner& planner, double max_extra_macs_ratio) {
  if (!std::isfinite(max_extra_macs_ratio) || max_extra_macs_ratio < 0) {
    throw Error("max_extra_macs_ratio", "must be a number >= 0, got " + std::to_string(max_extra_macs_ratio));
  }
  const Graph& graph = planner.graph();
  PatchSearch search;
  search.max_extra_macs_ratio = max_extra_macs_ratio;
  std::vector<PatchSchedule> candidates{planner.evaluate(0, 1)};
  search.best = candidates.front();
  for (const PatchSplit& split : searched_splits(planner)) {
    for (int grid = 2; grid <= std::min(kMaxSearchGrid, split.max_grid); ++grid) {
      candidates.push_back(planner.evaluate(split.split_op, grid));
      const PatchSchedule& candidate = candidates.back();
      const bool under_limit = extra_macs_ratio(graph, candidate.extra_macs) <= max_extra_macs_ratio;
      if (under_limit && better_under_limit(candidate, search.best)) search.best = candidate;
    }
  }
  search.evaluated = static_cast<int>(candidates.size());
  search.tradeoff = pareto_front(std::move(candidates));
  return search;
}

}  // namespace tinyml::memory
