// The lecture's search space (notebook part 4: base width, an expand ratio per stage and
// blocks per stage), expanded on the lecture's MCUNet skeleton (part 3, the "MCUNet"
// preset) instead of the notebook's made-up size formulas.
//
// Knobs: width (base width) {8, 12, 16, 20, 24}; expand[s] {1, 2, 3, 4} and depth[s]
// {1, 2, 3} for the 3 stages; resolution {128} (the lecture's 3×128×128 input, fixed).
// 5 × 4^3 × 3^3 = 8640 points, every one a different network.
//
// Widths scale the skeleton's 16 → 24 → 40 → 80, head 160, with the base width w:
//   stem w, stage outputs 3w/2, 5w/2, 5w, head 10w (w = 16 gives the lecture's widths;
//   every w in the space is even, so all are whole numbers).
// Network: conv2d 3×3 stride 2 → w (BN, ReLU6); then per stage s, with depth d and
// expand e, as the skeleton orders its blocks: d − 1 mbconv blocks at the stage's input
// width, stride 1 (residual), then one mbconv widening to the stage's output, stride 2
// (the skeleton puts the stride-2 block last in each stage, not first); every block of
// the stage expands by e, kernel 3. Then 1×1 conv → 10w (BN, ReLU6), global average
// pool, linear 10.
// The point (w 16, expand [1, 3, 4], depth [2, 2, 2]) is the lecture's MCUNet except
// that its stage-1 second block expands by 2, which one ratio per stage cannot say.
// Each candidate also carries the notebook's made-up estimates ("lecture_formula"),
// to show beside the measured numbers: params = 100 w + 50 Σe, compared with the flash
// in KB, and peak_mem = 10 w + 5 Σe, compared with the SRAM in KB.
#include "core/nas/lecture_skeleton.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {
namespace {

using namespace lecture_skeleton;

NetworkSpec expand_lecture(const std::vector<int>& values) {
  return build(values, "lecture-w" + std::to_string(values[kWidth]), 3);
}

nlohmann::json lecture_formula(const std::vector<int>& values) {
  const int expand_sum = values[kExpand] + values[kExpand + 1] + values[kExpand + 2];
  return {{"lecture_formula", {{"params_kb", values[kWidth] * 100 + expand_sum * 50},
                               {"peak_mem_kb", values[kWidth] * 10 + expand_sum * 5}}}};
}

}  // namespace

SearchSpace lecture_space() {
  return SearchSpace("lecture",
                     "The lecture's knobs (base width, expand ratio and blocks per stage) on its MCUNet skeleton at "
                     "3×128×128",
                     genes({8, 12, 16, 20, 24}, {128}), expand_lecture, lecture_formula);
}

}  // namespace tinyml::nas
