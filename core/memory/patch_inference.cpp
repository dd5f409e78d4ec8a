#include "core/memory/patch_inference.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/memory/inplace_depthwise.hpp"
#include "core/memory/peak_estimators.hpp"

namespace tinyml::memory {
namespace {

bool is_spatial(OpKind kind) {
  return kind == OpKind::Conv2d || kind == OpKind::DepthwiseConv2d || kind == OpKind::AvgPool ||
         kind == OpKind::MaxPool || kind == OpKind::Add;
}

AxisWindow window_of(const Op& op, bool rows) {
  if (rows) return AxisWindow{op.kernel.h, op.stride.h, op.padding.top, op.padding.bottom};
  return AxisWindow{op.kernel.w, op.stride.w, op.padding.left, op.padding.right};
}

// Same window along both axes, and square maps in and out.
bool square_op(const Graph& graph, const Op& op) {
  if (op.kernel.h != op.kernel.w || op.stride.h != op.stride.w || op.padding.top != op.padding.left ||
      op.padding.bottom != op.padding.right) {
    return false;
  }
  const auto square = [&](int tensor) { return graph.tensors[tensor].shape.h == graph.tensors[tensor].shape.w; };
  return square(op.output) && std::all_of(op.inputs.begin(), op.inputs.end(), square);
}

Range bounding_range(const Range& a, const Range& b) {
  if (a.size() <= 0) return b;
  if (b.size() <= 0) return a;
  return Range{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

// Ops [0, split_op) spatial and nothing but O read after them: split_op is valid.
std::vector<int> max_grid_per_split(const Graph& graph, const std::vector<TensorLifetime>& lifetimes) {
  const int op_count = static_cast<int>(graph.ops.size());
  std::vector<int> max_grid(op_count + 1, 0);
  int last_read_before = lifetimes[graph.input].last_op;  // of the input and outputs of ops < split_op - 1
  for (int split_op = 1; split_op <= op_count; ++split_op) {
    const Op& last = graph.ops[split_op - 1];
    if (!is_spatial(last.kind)) break;
    const TensorShape& stage_output = graph.tensors[last.output].shape;
    if (last_read_before <= split_op - 1 && !stage_output.flat) {
      const int grid = std::min(stage_output.h, stage_output.w);
      max_grid[split_op] = grid >= 2 ? grid : 0;
    }
    last_read_before = std::max(last_read_before, lifetimes[last.output].last_op);
  }
  return max_grid;
}

}  // namespace

PatchPlanner::PatchPlanner(const Graph& graph, int bytes_per_element, PatchOptions options)
    : graph_(graph), bytes_per_element_(bytes_per_element),
      lifetimes_(tensor_lifetimes(graph, bytes_per_element)) {
  const int op_count = static_cast<int>(graph.ops.size());
  alive_at_op_.resize(op_count);
  for (const TensorLifetime& lifetime : lifetimes_) {
    for (int op_index = lifetime.first_op; op_index <= lifetime.last_op; ++op_index) {
      alive_at_op_[op_index].push_back(lifetime.tensor);
    }
  }
  in_place_.assign(op_count, false);
  for (int op_index = 0; options.inplace_depthwise && op_index < op_count; ++op_index) {
    in_place_[op_index] = runs_in_place(graph, lifetimes_, op_index);
  }
  const std::vector<int64_t> per_op = options.inplace_depthwise
                                          ? inplace_depthwise_bytes_per_op(graph, bytes_per_element)
                                          : live_bytes_per_op(graph, bytes_per_element);
  rest_peak_from_.assign(op_count + 1, 0);
  rest_peak_op_from_.assign(op_count + 1, -1);
  for (int op_index = op_count - 1; op_index >= 0; --op_index) {
    const bool higher = per_op[op_index] >= rest_peak_from_[op_index + 1];
    rest_peak_from_[op_index] = higher ? per_op[op_index] : rest_peak_from_[op_index + 1];
    rest_peak_op_from_[op_index] = higher ? op_index : rest_peak_op_from_[op_index + 1];
  }
  max_grid_of_split_ = max_grid_per_split(graph, lifetimes_);
  square_stage_.assign(op_count + 1, true);
  for (int op_index = 0; op_index < op_count; ++op_index) {
    square_stage_[op_index + 1] = square_stage_[op_index] && square_op(graph, graph.ops[op_index]);
  }
  for (int split_op = 1; split_op <= op_count; ++split_op) {
    if (max_grid_of_split_[split_op] > 0) splits_.push_back(PatchSplit{split_op, max_grid_of_split_[split_op]});
  }
}

int64_t PatchPlanner::peak_lower_bound(int split_op) const {
  check_schedule(split_op, split_op == 0 ? 1 : 2);
  if (split_op == 0) return rest_peak_from_[0];
  return std::max(lifetimes_[graph_.ops[split_op - 1].output].bytes, rest_peak_from_[split_op]);
}

void PatchPlanner::check_schedule(int split_op, int grid) const {
  const int op_count = static_cast<int>(graph_.ops.size());
  if (split_op < 0 || split_op > op_count || (split_op > 0 && max_grid_of_split_[split_op] == 0)) {
    throw Error("split_op", "must be 0 or a valid split (spatial ops only, no tensor but the stage output "
                            "read after it, output at least 2x2), got " + std::to_string(split_op));
  }
  const int max_grid = split_op == 0 ? 1 : max_grid_of_split_[split_op];
  if (grid < 1 || grid > max_grid) {
    throw Error("grid", "must be between 1 and " + std::to_string(max_grid) + " for split_op " +
                            std::to_string(split_op) + ", got " + std::to_string(grid));
  }
}

PatchSchedule PatchPlanner::evaluate(int split_op, int grid) const {
  check_schedule(split_op, grid);
  PatchSchedule schedule;
  schedule.split_op = split_op;
  schedule.grid = grid;
  schedule.rest_peak_bytes = rest_peak_from_[split_op];
  schedule.rest_peak_op = rest_peak_op_from_[split_op];
  if (split_op > 0) {
    const TensorShape& stage_output = graph_.tensors[graph_.ops[split_op - 1].output].shape;
    const std::vector<Range> row_tiles = axis_tiles(split_op, split_evenly(stage_output.h, grid), true);
    std::vector<Range> col_storage;
    if (!square_stage_[split_op]) col_storage = axis_tiles(split_op, split_evenly(stage_output.w, grid), false);
    const std::vector<Range>& col_tiles = square_stage_[split_op] ? row_tiles : col_storage;
    schedule.stage_output_bytes = stage_output.elements() * bytes_per_element_;
    schedule.extra_macs = extra_macs(split_op, row_tiles, col_tiles, grid);
    stage_peak(schedule, row_tiles, col_tiles);
  }
  schedule.peak_bytes = std::max(schedule.stage_peak_bytes, schedule.rest_peak_bytes);
  return schedule;
}

// Step 2 along one axis: result[part * tensor_count + tensor] is the rows (or columns) of
// `tensor` that part `part` of the stage output needs; empty for tensors outside the stage.
std::vector<Range> PatchPlanner::axis_tiles(int split_op, const std::vector<Range>& parts, bool rows) const {
  const size_t tensor_count = graph_.tensors.size();
  const int stage_output = graph_.ops[split_op - 1].output;
  std::vector<Range> tiles(parts.size() * tensor_count, Range{0, 0});
  for (size_t part = 0; part < parts.size(); ++part) {
    Range* tile = &tiles[part * tensor_count];
    tile[stage_output] = parts[part];
    for (int op_index = split_op - 1; op_index >= 0; --op_index) {
      const Op& op = graph_.ops[op_index];
      const Range produced = tile[op.output];
      for (const int input : op.inputs) {
        const TensorShape& in_shape = graph_.tensors[input].shape;
        const Range needed = op.kind == OpKind::Add
                                 ? produced
                                 : input_range_for_output(window_of(op, rows), produced, rows ? in_shape.h : in_shape.w);
        tile[input] = bounding_range(tile[input], needed);
      }
    }
  }
  return tiles;
}

// Step 7.
int64_t PatchPlanner::extra_macs(int split_op, const std::vector<Range>& row_tiles,
                                 const std::vector<Range>& col_tiles, int grid) const {
  const size_t tensor_count = graph_.tensors.size();
  int64_t extra = 0;
  for (int op_index = 0; op_index < split_op; ++op_index) {
    const Op& op = graph_.ops[op_index];
    if (op.macs == 0) continue;
    const TensorShape& out_shape = graph_.tensors[op.output].shape;
    int64_t summed_rows = 0;
    int64_t summed_cols = 0;
    for (int part = 0; part < grid; ++part) {
      summed_rows += row_tiles[part * tensor_count + op.output].size();
      summed_cols += col_tiles[part * tensor_count + op.output].size();
    }
    const int64_t map_area = int64_t{out_shape.h} * out_shape.w;
    extra += (summed_rows * summed_cols - map_area) * (op.macs / map_area);
  }
  return extra;
}

// Steps 3 and 4.
void PatchPlanner::stage_peak(PatchSchedule& schedule, const std::vector<Range>& row_tiles,
                              const std::vector<Range>& col_tiles) const {
  const size_t tensor_count = graph_.tensors.size();
  const int stage_output = graph_.ops[schedule.split_op - 1].output;
  const int grid = schedule.grid;
  // Per tensor, its largest tile extent over the patches of each axis: an op whose bytes
  // with every tile at both largest extents cannot pass the max so far is skipped (only
  // a strictly larger value changes the result; in-place ops, whose scratch term this
  // bound does not cover, are always walked).
  std::vector<int64_t> most_rows(tensor_count, 0);
  std::vector<int64_t> most_cols(tensor_count, 0);
  for (int part = 0; part < grid; ++part) {
    for (size_t tensor = 0; tensor < tensor_count; ++tensor) {
      most_rows[tensor] = std::max(most_rows[tensor], row_tiles[part * tensor_count + tensor].size());
      most_cols[tensor] = std::max(most_cols[tensor], col_tiles[part * tensor_count + tensor].size());
    }
  }
  for (int op_index = 0; op_index < schedule.split_op; ++op_index) {
    const Op& op = graph_.ops[op_index];
    const bool in_place = in_place_[op_index] && op.output != stage_output;
    if (!in_place) {
      int64_t bound = schedule.stage_output_bytes;
      for (const int tensor : alive_at_op_[op_index]) {
        if (tensor != stage_output) {
          bound += graph_.tensors[tensor].shape.c * most_rows[tensor] * most_cols[tensor] * bytes_per_element_;
        }
      }
      if (bound <= schedule.stage_peak_bytes) continue;
    }
    for (int patch_row = 0; patch_row < grid; ++patch_row) {
      const Range* rows = &row_tiles[patch_row * tensor_count];
      for (int patch_col = 0; patch_col < grid; ++patch_col) {
        const Range* cols = &col_tiles[patch_col * tensor_count];
        const auto tile_bytes = [&](int tensor) {
          return graph_.tensors[tensor].shape.c * rows[tensor].size() * cols[tensor].size() * bytes_per_element_;
        };
        int64_t bytes = schedule.stage_output_bytes;
        for (const int tensor : alive_at_op_[op_index]) {
          if (tensor != stage_output) bytes += tile_bytes(tensor);
        }
        if (in_place) {
          const int input = op.inputs[0];
          const int64_t in_bytes = tile_bytes(input);
          const int64_t out_bytes = tile_bytes(op.output);
          bytes += std::max(in_bytes, out_bytes) - in_bytes - out_bytes +
                   inplace_scratch_bytes(op, rows[input].size(), cols[input].size(), bytes_per_element_);
        }
        if (bytes > schedule.stage_peak_bytes) {
          schedule.stage_peak_bytes = bytes;
          schedule.stage_peak_op = op_index;
          schedule.stage_peak_patch = patch_row * grid + patch_col;
        }
      }
    }
  }
}

}  // namespace tinyml::memory
