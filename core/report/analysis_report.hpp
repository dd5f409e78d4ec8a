// The analysis report: one JSON shape for the CLI, the wasm API and the page
// (docs/report-format.md documents every field).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/graph/graph.hpp"
#include "core/mcu/mcu_catalog.hpp"
#include "core/memory/patch_search.hpp"

namespace tinyml {

enum class Precision { Int8, Fp32 };

// Which patch-based schedule the report shows (core/memory/patch_search.hpp): the best
// under max_extra_macs_ratio, or the one named by split_op and grid (both or neither).
struct PatchRequest {
  std::optional<int> split_op;
  std::optional<int> grid;
  double max_extra_macs_ratio = memory::kDefaultMaxExtraMacsRatio;
};

struct AnalysisOptions {
  Precision precision = Precision::Int8;
  std::optional<Mcu> mcu;
  PatchRequest patch;
};

int bytes_per_element(Precision precision);

// options: {"mcu": NAME | {"name", "flash_kb", "sram_kb", "clock_mhz"}, "precision":
// "int8" | "fp32", "patch": {"split_op", "grid", "max_extra_macs_ratio"}}; null or {}
// gives the defaults. Throws tinyml::Error with the path.
AnalysisOptions parse_analysis_options(const nlohmann::json& options);

// Throws tinyml::Error ("options.patch.split_op" / "options.patch.grid") when a requested
// patch schedule does not fit the graph.
nlohmann::json analysis_report(const Graph& graph, const AnalysisOptions& options);

// The report as the CLI prints it for people: summary, per-layer table, estimators, verdict.
std::string format_report_text(const nlohmann::json& report);

}  // namespace tinyml
