#include "core/nas/peak_estimator_choice.hpp"

#include "core/error.hpp"
#include "core/memory/graph_arena.hpp"
#include "core/memory/inplace_depthwise.hpp"
#include "core/memory/patch_search.hpp"
#include "core/memory/peak_estimators.hpp"

namespace tinyml::nas {
namespace {

// Each as the int8 report computes it (core/report/memory_report.cpp), so a candidate's
// peak_bytes equals analyze's peak_bytes[name] on its spec.
int64_t inplace_depthwise_bytes(const Graph& graph) { return memory::inplace_depthwise_peak(graph, 1).bytes; }

// The CMSIS-NN kernels' scratch, as the report plans the arena at int8.
int64_t arena_bytes(const Graph& graph) {
  return memory::plan_graph_arena(graph, 1, memory::KernelLibrary::CmsisNn).plan.arena_bytes;
}

// The best patch schedule within the default limit on extra MACs.
int64_t patch_bytes(const Graph& graph) {
  const memory::PatchPlanner planner(graph, 1);
  return memory::best_patch_schedule(planner, memory::kDefaultMaxExtraMacsRatio).peak_bytes;
}

}  // namespace

const std::vector<PeakEstimator>& peak_estimators() {
  static const std::vector<PeakEstimator> all = {
      {"live", [](const Graph& graph) { return live_peak(graph, 1).bytes; }},
      {"lecture_in_out", [](const Graph& graph) { return lecture_in_out_peak(graph, 1).bytes; }},
      {"lecture_consecutive", [](const Graph& graph) { return lecture_consecutive_peak(graph, 1).bytes; }},
      {"inplace_depthwise", inplace_depthwise_bytes},
      {"arena", arena_bytes},
      {"patch", patch_bytes},
  };
  return all;
}

const PeakEstimator& find_peak_estimator(const std::string& name, const std::string& path) {
  std::string known;
  for (const PeakEstimator& estimator : peak_estimators()) {
    if (estimator.name == name) return estimator;
    known += (known.empty() ? "" : ", ") + estimator.name;
  }
  throw Error(path, "unknown peak estimator \"" + name + "\"; known: " + known);
}

}  // namespace tinyml::nas
