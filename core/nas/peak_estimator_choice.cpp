#include "core/nas/peak_estimator_choice.hpp"

#include "core/error.hpp"
#include "core/memory/peak_estimators.hpp"

namespace tinyml::nas {

const std::vector<PeakEstimator>& peak_estimators() {
  static const std::vector<PeakEstimator> all = {
      {"live", [](const Graph& graph) { return live_peak(graph, 1).bytes; }},
      {"lecture_in_out", [](const Graph& graph) { return lecture_in_out_peak(graph, 1).bytes; }},
      {"lecture_consecutive", [](const Graph& graph) { return lecture_consecutive_peak(graph, 1).bytes; }},
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
