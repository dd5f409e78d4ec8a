// An MCUNet-style space (Lin et al., "MCUNet: Tiny Deep Learning on IoT Devices",
// NeurIPS 2020): a width multiplier and an input resolution, which TinyNAS's first step
// chooses, and per-block kernel and expand ratio and per-stage depth, which its
// evolutionary search chooses (the Once-for-All choice sets).
//
// Knobs: width {0.3, 0.4, ..., 1.0}; resolution {48, 64, ..., 224}; depth[s] {2, 3, 4}
// for 5 stages; kernel[b] {3, 5, 7} and expand[b] {3, 4, 6} for 21 block slots
// (4 per searchable stage, slot b of stage s at 4s + b, used when depth[s] > b; slot 20
// is the final 320-channel block).
//
// Backbone: MobileNetV2's (Sandler et al. 2018, Table 2), channels c(n) = n × width
// rounded to a multiple of 8 as MobileNetV2's _make_divisible does (nearest, at least 8,
// never more than 10% below):
//   conv2d 3×3 stride 2 → c(32) (BN, ReLU6)
//   mbconv expand 1, 3×3 → c(16)                               (fixed, as MobileNetV2)
//   stages (output, stride of the first block): (24, 2) (32, 2) (64, 2) (96, 1) (160, 2),
//     depth[s] mbconv blocks each, the first with the stage's stride (MobileNetV2 order)
//   mbconv → c(320), stride 1                                  (one block, searchable k, e)
//   conv2d 1×1 → c(1280) (BN, ReLU6), global average pool, linear 10
// Unlike MobileNetV2, which keeps 1280 head channels below width 1.0, the head scales with
// the width, so small widths fit a few hundred KB of flash; 10 classes, as the lecture.
#include <algorithm>
#include <string>

#include "core/nas/network_builder.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {
namespace {

constexpr int kStages = 5;
constexpr int kSlotsPerStage = 4;
constexpr int kSlots = kStages * kSlotsPerStage + 1;
constexpr int kClasses = 10;
constexpr int kStageOut[kStages] = {24, 32, 64, 96, 160};
constexpr int kStageStride[kStages] = {2, 2, 2, 1, 2};
// Gene order.
constexpr int kWidth = 0;  // tenths
constexpr int kResolution = 1;
constexpr int kDepth = 2;                  // depth[0..4]
constexpr int kKernel = kDepth + kStages;  // kernel[0..20]
constexpr int kExpand = kKernel + kSlots;  // expand[0..20]

// MobileNetV2's _make_divisible(channels × width, 8) in integers; width in tenths.
int scaled_channels(int channels, int width_tenths) {
  const int scaled_x10 = channels * width_tenths;
  int rounded = std::max(8, (scaled_x10 + 40) / 80 * 8);
  if (rounded * 100 < 9 * scaled_x10) rounded += 8;
  return rounded;
}

NetworkSpec expand_mcunet(const std::vector<int>& values) {
  const int width = values[kWidth];
  const int resolution = values[kResolution];
  const auto c = [&](int channels) { return scaled_channels(channels, width); };
  std::string name = "mcunet-w0." + std::to_string(width) + "-r" + std::to_string(resolution);
  if (width == 10) name = "mcunet-w1.0-r" + std::to_string(resolution);
  NetworkBuilder net(name, 3, resolution, resolution);
  net.conv_bn(c(32), 3, 2, Activation::Relu6).mbconv(c(16), 1, 3, 1);
  for (int stage = 0; stage < kStages; ++stage) {
    for (int block = 0; block < values[kDepth + stage]; ++block) {
      const int slot = stage * kSlotsPerStage + block;
      net.mbconv(c(kStageOut[stage]), values[kExpand + slot], values[kKernel + slot], block == 0 ? kStageStride[stage] : 1);
    }
  }
  const int last = kSlots - 1;
  net.mbconv(c(320), values[kExpand + last], values[kKernel + last], 1);
  net.conv_bn(c(1280), 1, 1, Activation::Relu6).global_avgpool().linear(kClasses);
  return net.finish();
}

}  // namespace

SearchSpace mcunet_space() {
  std::vector<Gene> genes = {
      Gene{"width", -1, {3, 4, 5, 6, 7, 8, 9, 10}, 10},
      Gene{"resolution", -1, {48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224}},
  };
  for (int stage = 0; stage < kStages; ++stage) genes.push_back(Gene{"depth", stage, {2, 3, 4}});
  for (const char* knob : {"kernel", "expand"}) {
    const std::vector<int> choices = std::string(knob) == "kernel" ? std::vector<int>{3, 5, 7} : std::vector<int>{3, 4, 6};
    for (int slot = 0; slot < kSlots; ++slot) {
      Gene gene{knob, slot, choices};
      const int stage = slot / kSlotsPerStage;
      const int block = slot % kSlotsPerStage;
      if (stage < kStages && block >= 2) {  // depth is at least 2: slots 0 and 1 are always used
        gene.used_if_gene = kDepth + stage;
        gene.used_if_above = block;
      }
      genes.push_back(std::move(gene));
    }
  }
  return SearchSpace("mcunet",
                     "MCUNet-style: width multiplier, resolution, per-block kernel and expand, depth per stage, "
                     "on a MobileNetV2 backbone",
                     std::move(genes), expand_mcunet);
}

}  // namespace tinyml::nas
