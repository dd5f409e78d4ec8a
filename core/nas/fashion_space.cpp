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
#include "core/nas/network_builder.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {
namespace {

constexpr int kStages = 3;
constexpr int kClasses = 10;
// Gene order.
constexpr int kWidth = 0;
constexpr int kResolution = 1;
constexpr int kExpand = 2;                 // expand[0..2]
constexpr int kDepth = kExpand + kStages;  // depth[0..2]

NetworkSpec expand_fashion(const std::vector<int>& values) {
  const int base = values[kWidth];
  const int resolution = values[kResolution];
  const int stage_out[kStages] = {base * 3 / 2, base * 5 / 2, base * 5};
  NetworkBuilder net("fashion-w" + std::to_string(base) + "-r" + std::to_string(resolution), 1, resolution, resolution);
  net.conv_bn(base, 3, 2, Activation::Relu6);
  int channels = base;
  for (int stage = 0; stage < kStages; ++stage) {
    const int expand = values[kExpand + stage];
    const int depth = values[kDepth + stage];
    for (int block = 0; block + 1 < depth; ++block) net.mbconv(channels, expand, 3, 1);
    channels = stage_out[stage];
    net.mbconv(channels, expand, 3, 2);
  }
  net.conv_bn(base * 10, 1, 1, Activation::Relu6).global_avgpool().linear(kClasses);
  return net.finish();
}

}  // namespace

SearchSpace fashion_space() {
  std::vector<Gene> genes = {
      Gene{"width", -1, {4, 6, 8}},
      Gene{"resolution", -1, {28, 32}},
  };
  for (int stage = 0; stage < kStages; ++stage) genes.push_back(Gene{"expand", stage, {1, 2, 3, 4}});
  for (int stage = 0; stage < kStages; ++stage) genes.push_back(Gene{"depth", stage, {1, 2, 3}});
  return SearchSpace("fashion",
                     "The lecture's knobs (base width, expand ratio and blocks per stage) on its skeleton, sized for "
                     "Fashion-MNIST: 1×28×28 or 1×32×32 grey input, 10 classes, widths 4 to 8",
                     std::move(genes), expand_fashion);
}

}  // namespace tinyml::nas
