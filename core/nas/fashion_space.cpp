// A search space sized for the data the project trains on (Fashion-MNIST: 1×28×28 grey,
// 10 classes), so that its candidates can be trained and their accuracy measured (the
// NAS objective "accuracy", nas_accuracy.hpp). The lecture space's knobs on the lecture
// space's skeleton (lecture_space.cpp), at the data's size and with smaller widths:
//
// Knobs: width (base width) {4, 6, 8}; resolution {28, 32} (the 28×28 images,
// or centred in 32×32 with zero padding as core/train/dataset_input.hpp does);
// expand[s] {1, 2, 3, 4} and depth[s] {1, 2, 3} for the 3 stages.
// 3 × 2 × 4^3 × 3^3 = 10368 points, every one a different network (at most
// kMaxEnumeratedPoints, so a search counts exactly how many fit).
//
// Network: conv2d 3×3 stride 2 → w (BN, ReLU6); per stage s with depth d and expand e,
// d − 1 mbconv blocks at the stage's input width, stride 1 (residual), then one mbconv
// widening to the stage's output (3w/2, 5w/2, 5w), stride 2; 1×1 conv → 10w (BN, ReLU6),
// global average pool, linear 10. Spatially 28 → 14 → 7 → 4 → 2 (32 → 16 → 8 → 4 → 2).
// The widths are a quarter to a half of the lecture space's 16: the largest network
// (w 8, r 32, expand 4, depth 3) has 0.98 M MACs, so one epoch on a few thousand images
// takes seconds (natively about 3.3 ms per training image for the largest; README).
#include "core/nas/lecture_skeleton.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {
namespace {

using namespace lecture_skeleton;

NetworkSpec expand_fashion(const std::vector<int>& values) {
  return build(values, "fashion-w" + std::to_string(values[kWidth]) + "-r" + std::to_string(values[kResolution]), 1);
}

}  // namespace

SearchSpace fashion_space() {
  return SearchSpace("fashion",
                     "The lecture's knobs (base width, expand ratio and blocks per stage) on its skeleton, sized for "
                     "Fashion-MNIST: 1×28×28 or 1×32×32 grey input, 10 classes, widths 4 to 8",
                     genes({4, 6, 8}, {28, 32}), expand_fashion);
}

}  // namespace tinyml::nas
