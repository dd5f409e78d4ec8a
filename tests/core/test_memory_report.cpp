#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/memory/overlap_check.hpp"
#include "core/report/analysis_report.hpp"
#include "core/spec/presets.hpp"

using namespace tinyml;

namespace {

Graph preset_graph(const std::string& name) { return build_graph(parse_network(find_preset(name).spec)); }

std::string error_path(const Graph& graph, const nlohmann::json& options) {
  try {
    analysis_report(graph, parse_analysis_options(options));
  } catch (const Error& error) {
    return error.path();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the report carries every estimator, the arena plan and the patch schedule", "[memory][report]") {
  const Graph graph = preset_graph("MCUNet");
  const nlohmann::json report = analysis_report(graph, AnalysisOptions{});
  for (const char* key : {"lecture_in_out", "lecture_consecutive", "live", "inplace_depthwise", "arena", "patch"}) {
    INFO(key);
    CHECK(report["peak_bytes"][key].is_number_integer());
    CHECK(report["peak_at"][key].is_string());
  }
  const nlohmann::json& plan = report["plan"];
  CHECK(plan["alignment"] == 16);
  CHECK(plan["kernels"] == "cmsis-nn");
  CHECK(plan["arena_bytes"] == report["peak_bytes"]["arena"]);
  CHECK(plan["live_bytes"] == report["peak_bytes"]["live"]);
  CHECK(plan["overhead_bytes"].get<int64_t>() ==
        plan["alignment_and_scratch_bytes"].get<int64_t>() + plan["fragmentation_bytes"].get<int64_t>());

  // The plan as JSON is enough to check it: rebuild the requests and run the overlap checker.
  std::vector<memory::BufferRequest> requests;
  memory::ArenaPlan arena;
  arena.alignment = plan["alignment"].get<int64_t>();
  int tensors = 0;
  for (const auto& buffer : plan["buffers"]) {
    requests.push_back({buffer["bytes"].get<int64_t>(), buffer["first_op"].get<int>(), buffer["last_op"].get<int>()});
    arena.offsets.push_back(buffer["offset"].get<int64_t>());
    CHECK(buffer["offset"].get<int64_t>() + buffer["aligned_bytes"].get<int64_t>() <= plan["arena_bytes"].get<int64_t>());
    tensors += buffer["kind"] == "tensor";
  }
  CHECK(tensors == static_cast<int>(graph.tensors.size()));
  CHECK_FALSE(memory::find_overlap(requests, arena).has_value());

  const nlohmann::json& patch = report["patch"];
  CHECK(patch["chosen_by"] == "search");
  CHECK(patch["max_extra_macs_ratio"] == 0.1);
  CHECK(patch["peak_bytes"] == report["peak_bytes"]["patch"]);
  CHECK(patch["peak_bytes"].get<int64_t>() <= report["peak_bytes"]["live"].get<int64_t>());
  CHECK(patch["tradeoff"][0]["split_op"] == 0);
  CHECK_FALSE(patch["valid_splits"].empty());
  CHECK(patch["inplace_depthwise"]["peak_bytes"].get<int64_t>() <= patch["peak_bytes"].get<int64_t>());
  const nlohmann::json& layer = report["layers"][0];
  CHECK(layer["scratch_bytes"] == 112);  // conv1: 3×3 over 3 channels under CMSIS-NN
  CHECK(layer.contains("inplace_depthwise_bytes"));
}

TEST_CASE("a patch schedule can be requested by split and grid", "[memory][report]") {
  const Graph graph = preset_graph("MobileNetV2");
  const auto options = parse_analysis_options({{"patch", {{"split_op", 13}, {"grid", 4}}}});
  const nlohmann::json report = analysis_report(graph, options);
  CHECK(report["patch"]["chosen_by"] == "options");
  CHECK(report["patch"]["split_after"] == "mbconv4.project");
  CHECK(report["patch"]["grid"] == 4);
  CHECK(report["patch"]["extra_macs"] == 27919344);
  CHECK(report["peak_bytes"]["patch"] == 326144);

  CHECK(error_path(graph, {{"patch", {{"split_op", 13}}}}) == "options.patch");
  CHECK(error_path(graph, {{"patch", {{"split_op", 14}, {"grid", 2}}}}) == "options.patch.split_op");
  CHECK(error_path(graph, {{"patch", {{"split_op", 13}, {"grid", 29}}}}) == "options.patch.grid");
  CHECK(error_path(graph, {{"patch", {{"max_extra_macs_ratio", -1}}}}) == "options.patch.max_extra_macs_ratio");
  CHECK(error_path(graph, {{"patch", {{"grids", 2}}}}) == "options.patch.grids");
}

TEST_CASE("at fp32 the arena uses reference kernels, without scratch", "[memory][report]") {
  AnalysisOptions options;
  options.precision = Precision::Fp32;
  const nlohmann::json report = analysis_report(preset_graph("TinyNet"), options);
  CHECK(report["plan"]["kernels"] == "reference");
  for (const auto& buffer : report["plan"]["buffers"]) CHECK(buffer["kind"] == "tensor");
}
