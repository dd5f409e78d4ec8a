// Peak-SRAM estimators chosen by name, so a NAS constraint (and the page) can say which
// estimator it checks against. The names are the report's "peak_bytes" keys. A new
// estimator in core/memory plugs in with one line in peak_estimator_choice.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/graph/graph.hpp"

namespace tinyml::nas {

// Peak activation bytes of a graph at int8 (1 byte per element).
using PeakFunction = int64_t (*)(const Graph& graph);

struct PeakEstimator {
  std::string name;
  PeakFunction peak_bytes = nullptr;
};

const std::vector<PeakEstimator>& peak_estimators();
// Exact name; throws tinyml::Error at `path` listing the known names.
const PeakEstimator& find_peak_estimator(const std::string& name, const std::string& path);

}  // namespace tinyml::nas
