#include "core/nas/lecture_skeleton.hpp"

#include "core/nas/network_builder.hpp"

namespace tinyml::nas::lecture_skeleton {

std::vector<Gene> genes(std::vector<int> widths, std::vector<int> resolutions) {
  std::vector<Gene> result = {
      Gene{"width", -1, std::move(widths)},
      Gene{"resolution", -1, std::move(resolutions)},
  };
  for (int stage = 0; stage < kStages; ++stage) result.push_back(Gene{"expand", stage, {1, 2, 3, 4}});
  for (int stage = 0; stage < kStages; ++stage) result.push_back(Gene{"depth", stage, {1, 2, 3}});
  return result;
}

NetworkSpec build(const std::vector<int>& values, const std::string& name, int input_channels) {
  const int base = values[kWidth];
  const int resolution = values[kResolution];
  const int stage_out[kStages] = {base * 3 / 2, base * 5 / 2, base * 5};
  NetworkBuilder net(name, input_channels, resolution, resolution);
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

}  // namespace tinyml::nas::lecture_skeleton
