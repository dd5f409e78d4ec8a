#include "core/report/memory_report.hpp"

#include "core/error.hpp"
#include "core/memory/graph_arena.hpp"
#include "core/memory/inplace_depthwise.hpp"
#include "core/memory/patch_search.hpp"
#include "core/memory/peak_estimators.hpp"

namespace tinyml {
namespace {

using memory::PatchSchedule;

nlohmann::json op_name_or_null(const Graph& graph, int op_index) {
  if (op_index < 0) return nullptr;
  return graph.ops[op_index].name;
}

nlohmann::json plan_json(const memory::GraphArena& arena, int64_t live_bytes) {
  nlohmann::json buffers = nlohmann::json::array();
  for (size_t buffer_index = 0; buffer_index < arena.buffers.size(); ++buffer_index) {
    const memory::ArenaBuffer& buffer = arena.buffers[buffer_index];
    const memory::BufferRequest& request = arena.requests[buffer_index];
    buffers.push_back({{"name", buffer.name},
                       {"kind", memory::buffer_kind_name(buffer.kind)},
                       {"bytes", request.bytes},
                       {"aligned_bytes", memory::align_up(request.bytes, arena.plan.alignment)},
                       {"offset", arena.plan.offsets[buffer_index]},
                       {"first_op", request.first_use},
                       {"last_op", request.last_use}});
  }
  return {{"alignment", arena.plan.alignment},
          {"kernels", memory::kernel_library_name(arena.library)},
          {"arena_bytes", arena.plan.arena_bytes},
          {"live_bytes", live_bytes},
          {"overhead_bytes", arena.plan.arena_bytes - live_bytes},
          {"alignment_and_scratch_bytes", arena.lower_bound_bytes - live_bytes},
          {"fragmentation_bytes", arena.plan.arena_bytes - arena.lower_bound_bytes},
          {"buffers", std::move(buffers)}};
}

// The op where a schedule's peak is first reached: in the stage if it dominates.
int schedule_peak_op(const PatchSchedule& schedule) {
  const bool in_stage = schedule.stage_peak_op >= 0 && schedule.stage_peak_bytes >= schedule.rest_peak_bytes;
  return in_stage ? schedule.stage_peak_op : schedule.rest_peak_op;
}

nlohmann::json tradeoff_point_json(const Graph& graph, const PatchSchedule& schedule) {
  return {{"split_op", schedule.split_op},
          {"grid", schedule.grid},
          {"peak_bytes", schedule.peak_bytes},
          {"extra_macs", schedule.extra_macs},
          {"extra_macs_ratio", memory::extra_macs_ratio(graph, schedule.extra_macs)}};
}

nlohmann::json schedule_json(const Graph& graph, const PatchSchedule& schedule) {
  nlohmann::json json = tradeoff_point_json(graph, schedule);
  json["split_after"] = op_name_or_null(graph, schedule.split_op - 1);
  json["stage_peak_bytes"] = schedule.stage_peak_bytes;
  json["stage_peak_at"] = op_name_or_null(graph, schedule.stage_peak_op);
  json["stage_peak_patch"] = schedule.stage_peak_patch;
  json["stage_output_bytes"] = schedule.stage_output_bytes;
  json["rest_peak_bytes"] = schedule.rest_peak_bytes;
  json["rest_peak_at"] = op_name_or_null(graph, schedule.rest_peak_op);
  return json;
}

PatchSchedule requested_schedule(const memory::PatchPlanner& planner, const PatchRequest& request) {
  try {
    return planner.evaluate(*request.split_op, *request.grid);
  } catch (const Error& error) {
    throw Error("options.patch." + error.path(), error.reason());
  }
}

const char* patch_note(const memory::PatchPlanner& planner, const PatchSchedule& chosen, bool requested) {
  if (requested) return "";
  if (planner.valid_splits().empty()) {
    return "no valid split: no prefix of spatial ops (conv, depthwise, pool, add) ends in the only tensor "
           "read after it at 2x2 or more; patch = live";
  }
  if (chosen.split_op == 0) return "no patch schedule under the MAC limit lowers the peak; patch = live";
  return "";
}

nlohmann::json patch_json(const Graph& graph, int bpe, const PatchRequest& request, PatchSchedule& chosen) {
  const memory::PatchPlanner planner(graph, bpe);
  const memory::PatchSearch search = memory::search_patch_schedules(planner, request.max_extra_macs_ratio);
  chosen = request.split_op ? requested_schedule(planner, request) : search.best;
  nlohmann::json json = schedule_json(graph, chosen);
  json["max_extra_macs_ratio"] = request.max_extra_macs_ratio;
  json["chosen_by"] = request.split_op ? "options" : "search";
  json["note"] = patch_note(planner, chosen, request.split_op.has_value());
  nlohmann::json splits = nlohmann::json::array();
  for (const memory::PatchSplit& split : planner.valid_splits()) {
    splits.push_back({{"split_op", split.split_op},
                      {"after", graph.ops[split.split_op - 1].name},
                      {"max_grid", split.max_grid}});
  }
  json["valid_splits"] = std::move(splits);
  nlohmann::json tradeoff = nlohmann::json::array();
  for (const PatchSchedule& point : search.tradeoff) tradeoff.push_back(tradeoff_point_json(graph, point));
  json["tradeoff"] = std::move(tradeoff);
  const memory::PatchPlanner inplace_planner(graph, bpe, memory::PatchOptions{true});
  json["inplace_depthwise"] = schedule_json(
      graph, memory::best_patch_schedule(inplace_planner, request.max_extra_macs_ratio));
  return json;
}

}  // namespace

MemoryReport memory_report(const Graph& graph, int bytes_per_element, memory::KernelLibrary library,
                           const PatchRequest& request) {
  MemoryReport report;
  report.inplace_depthwise_bytes = memory::inplace_depthwise_bytes_per_op(graph, bytes_per_element);
  for (int op_index = 0; op_index < static_cast<int>(graph.ops.size()); ++op_index) {
    report.scratch_bytes.push_back(memory::kernel_scratch_bytes(graph, op_index, library));
  }
  const PeakEstimate inplace = memory::inplace_depthwise_peak(graph, bytes_per_element);
  const memory::GraphArena arena = memory::plan_graph_arena(graph, bytes_per_element, library);
  PatchSchedule patch;
  report.patch = patch_json(graph, bytes_per_element, request, patch);
  report.plan = plan_json(arena, live_peak(graph, bytes_per_element).bytes);
  report.peak_bytes = {{"inplace_depthwise", inplace.bytes},
                       {"arena", arena.plan.arena_bytes},
                       {"patch", patch.peak_bytes}};
  report.peak_at = {{"inplace_depthwise", inplace.at},
                    {"arena", op_name_or_null(graph, arena.peak_op)},
                    {"patch", op_name_or_null(graph, schedule_peak_op(patch))}};
  return report;
}

}  // namespace tinyml
