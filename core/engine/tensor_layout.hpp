// [C, H, W] order (PyTorch's, and the files' and reports') ↔ the engines' [H, W, C]
// order (NHWC, batch 1) for a tensor of `shape`. Flat tensors are returned as they are.
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph.hpp"

namespace tinyml::engine {

template <typename T>
std::vector<T> chw_to_hwc(const std::vector<T>& chw, const TensorShape& shape);
template <typename T>
std::vector<T> hwc_to_chw(const std::vector<T>& hwc, const TensorShape& shape);

}  // namespace tinyml::engine
