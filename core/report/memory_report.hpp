// The report's memory estimators beyond the lecture's and `live`: in-place depthwise, the
// arena plan and patch-based inference — their per-op bytes for the layer table, their
// peak_bytes / peak_at entries, and the "plan" and "patch" objects (docs/report-format.md).
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/graph/graph.hpp"
#include "core/memory/kernel_scratch.hpp"
#include "core/report/analysis_report.hpp"

namespace tinyml {

struct MemoryReport {
  std::vector<int64_t> inplace_depthwise_bytes;  // per op
  std::vector<int64_t> scratch_bytes;            // per op, under `library`
  nlohmann::json peak_bytes;  // {"inplace_depthwise", "arena", "patch"}
  nlohmann::json peak_at;     // the same keys: op names
  nlohmann::json plan;
  nlohmann::json patch;
};

// library: the kernels whose scratch the arena holds (the report: CMSIS-NN at int8,
// reference kernels at fp32). Throws tinyml::Error ("options.patch.split_op" /
// "options.patch.grid" / "options.patch.max_extra_macs_ratio") for a request that does not
// fit the graph.
MemoryReport memory_report(const Graph& graph, int bytes_per_element, memory::KernelLibrary library,
                           const PatchRequest& request);

}  // namespace tinyml
