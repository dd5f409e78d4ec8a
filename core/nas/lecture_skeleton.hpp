// The lecture's MCUNet skeleton with its knobs (lecture_space.cpp describes it), shared
// by the lecture space and the fashion space (fashion_space.cpp), which differ only in
// the input channels, the widths and the resolutions they offer.
// Gene values in this order: width, resolution, expand[0..2], depth[0..2].
#pragma once

#include <string>
#include <vector>

#include "core/nas/search_space.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::nas::lecture_skeleton {

constexpr int kStages = 3;
constexpr int kClasses = 10;
constexpr int kWidth = 0;
constexpr int kResolution = 1;
constexpr int kExpand = 2;                 // expand[0..2]
constexpr int kDepth = kExpand + kStages;  // depth[0..2]

// The genes: width and resolution from the given choices, expand {1, 2, 3, 4} and
// depth {1, 2, 3} per stage.
std::vector<Gene> genes(std::vector<int> widths, std::vector<int> resolutions);

// The network for `values` on `input_channels`×R×R input, named `name`.
NetworkSpec build(const std::vector<int>& values, const std::string& name, int input_channels);

}  // namespace tinyml::nas::lecture_skeleton
