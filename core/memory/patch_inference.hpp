// Patch-based inference (MCUNetV2, Lin et al., NeurIPS 2021, section 3.1 and Fig. 3):
// the first, memory-hungry ops of a network run once per spatial patch, so only the
// output of that stage is ever held whole; the rest of the network runs layer by layer.
//
// A schedule is (split_op, grid). Ops [0, split_op) — the patch stage — run once for each
// patch of a grid × grid split of the stage output O (the output of op split_op − 1);
// ops [split_op, end) then run normally. split_op 0 (grid 1) is the no-patch schedule.
// A split_op >= 1 is valid (valid_splits()) when:
//   - every stage op is spatial: conv2d, dwconv2d, avgpool, maxpool or add;
//   - no tensor made or read by the stage except O is read after it (a residual add is
//     inside the stage only if both of its branches are; the network input is read only
//     by stage ops);
//   - O is at least 2×2 (a grid of 2 fits). Any grid from 1 to min(H_O, W_O) evaluates.
//
// Accounting for one schedule, in bytes at bytes_per_element:
//   1. Split O (H_O × W_O) into grid × grid patches with split_evenly (receptive_field.hpp):
//      row and column extents differ by at most one.
//   2. For each patch, walk the stage's ops backwards from O's patch. The region of an
//      op's input that its output region needs is input_range_for_output() on each axis for
//      a conv/depthwise/pool window (padding pixels are not stored) and the same region for
//      an add. A tensor read by several ops (a residual) needs the bounding box of their
//      regions. This gives the tile of every stage tensor, the network input included.
//   3. While stage op i runs for one patch, memory holds the whole O buffer (allocated
//      before the first patch and filled patch by patch: the last op writes its tile
//      straight into it) plus the tile of every other tensor alive at op i by the `live`
//      rule (lifetimes.hpp): the op's input and output tiles and any tile kept for a later
//      add. The network input counts as its tile only: MCUNetV2 reads each patch's input
//      region ("the first input is the image, which can be partially decoded from a
//      compressed format like JPEG", Fig. 3). Tile bytes = channels × tile height × tile
//      width × bytes_per_element.
//   4. stage peak = max of step 3 over patches and stage ops.
//   5. rest peak = max over ops j >= split_op of live(j) (O is alive there as their input);
//      0 when the stage is the whole network.
//   6. peak = max(stage peak, rest peak).
//   7. extra MACs = sum over stage ops of (sum over patches of the op's output tile area −
//      H_out · W_out) × op.macs / (H_out · W_out): the halo pixels computed more than once
//      (receptive_field.hpp's recomputed_macs; tiles are a row range × a column range, so
//      the summed area is (sum of row extents) × (sum of column extents)).
// With PatchOptions::inplace_depthwise, steps 3 and 5 follow inplace_depthwise.hpp instead
// of `live`: a depthwise op whose input dies there (and whose output is not O) holds
// max(input, output) plus one padded input channel; for a tile, the tile plus the op's
// full padding (an upper bound for inner patches).
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph.hpp"
#include "core/memory/lifetimes.hpp"
#include "core/memory/receptive_field.hpp"

namespace tinyml::memory {

struct PatchOptions {
  bool inplace_depthwise = false;
};

struct PatchSplit {
  int split_op = 0;   // the stage is ops [0, split_op)
  int max_grid = 1;   // min(H_O, W_O)
};

struct PatchSchedule {
  int split_op = 0;
  int grid = 1;
  int64_t peak_bytes = 0;          // step 6
  int64_t stage_peak_bytes = 0;    // step 4; 0 without a stage
  int stage_peak_op = -1;          // where step 4's max is first reached
  int stage_peak_patch = -1;       // row-major patch index (patch_row · grid + patch_col)
  int64_t rest_peak_bytes = 0;     // step 5
  int rest_peak_op = -1;           // -1 when no op runs after the stage
  int64_t stage_output_bytes = 0;  // O, held whole during the stage; 0 without a stage
  int64_t extra_macs = 0;          // step 7
};

// Prepared once per graph (lifetimes, per-op bytes, valid splits); evaluate() is then
// cheap: O(stage ops × grid²). Keeps a reference to `graph`, which must outlive it.
class PatchPlanner {
 public:
  PatchPlanner(const Graph& graph, int bytes_per_element, PatchOptions options = {});

  const Graph& graph() const { return graph_; }
  const std::vector<PatchSplit>& valid_splits() const { return splits_; }

  // max(O bytes, rest peak): no grid of this split can go below it. split_op valid or 0.
  int64_t peak_lower_bound(int split_op) const;

  // The schedule's numbers (steps 1-7). split_op 0 needs grid 1. Throws tinyml::Error
  // with path "split_op" or "grid" when the split is not valid or the grid does not fit.
  PatchSchedule evaluate(int split_op, int grid) const;

 private:
  std::vector<Range> axis_tiles(int split_op, const std::vector<Range>& parts, bool rows) const;
  int64_t extra_macs(int split_op, const std::vector<Range>& row_tiles,
                     const std::vector<Range>& col_tiles, int grid) const;
  void stage_peak(PatchSchedule& schedule, const std::vector<Range>& row_tiles,
                  const std::vector<Range>& col_tiles) const;
  void check_schedule(int split_op, int grid) const;

  const Graph& graph_;
  int bytes_per_element_;
  std::vector<TensorLifetime> lifetimes_;
  std::vector<std::vector<int>> alive_at_op_;  // tensors alive at each op
  std::vector<bool> in_place_;                 // per op, when options.inplace_depthwise
  std::vector<int64_t> rest_peak_from_;        // [j]: max of per-op bytes over ops >= j
  std::vector<int> rest_peak_op_from_;         // where that max is first reached
  std::vector<PatchSplit> splits_;
  std::vector<int> max_grid_of_split_;         // [split_op]: 0 when not valid
  // [split_op]: every op before it has the same window along rows and columns and square
  // input and output maps, so the column tiles of step 2 equal the row tiles.
  std::vector<bool> square_stage_;
};

}  // namespace tinyml::memory
