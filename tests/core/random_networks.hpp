// Random but valid networks in the spec format, for property tests of the memory
// estimators. Deterministic for a given seed.
#pragma once

#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/graph/graph.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::test {

// Input 3..8 channels at 8..48 × 8..48 pixels (square); 1..12 layers drawn from conv2d (kernel 1/3/5,
// stride 1/2), dwconv2d, mbconv (with and without residual), resblock, max/avg pool, then
// sometimes global_avgpool + linear. Strides only while the map is at least 8 pixels.
inline nlohmann::json random_network_spec(unsigned seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); };
  const int input_size = 8 * pick(1, 6);
  const int input_channels = pick(3, 8);
  int size = input_size;
  int channels = input_channels;
  nlohmann::json layers = nlohmann::json::array();
  const int layer_count = pick(1, 12);
  for (int layer_index = 0; layer_index < layer_count; ++layer_index) {
    const int stride = size >= 8 && pick(0, 2) == 0 ? 2 : 1;
    const int out = 4 * pick(1, 6);
    switch (pick(0, 5)) {
      case 0: layers.push_back({{"type", "conv2d"}, {"out", out}, {"kernel", 2 * pick(0, 2) + 1}, {"stride", stride}}); channels = out; break;
      case 1: layers.push_back({{"type", "dwconv2d"}, {"kernel", pick(0, 1) ? 3 : 5}, {"stride", stride}}); break;
      case 2: {
        const bool residual = pick(0, 1) == 1;
        layers.push_back({{"type", "mbconv"}, {"out", residual ? channels : out}, {"expand", pick(1, 6)},
                          {"stride", residual ? 1 : stride}});
        if (!residual) channels = out;
        break;
      }
      case 3: layers.push_back({{"type", "resblock"}, {"out", out}, {"stride", stride}}); channels = out; break;
      case 4: layers.push_back({{"type", pick(0, 1) ? "maxpool" : "avgpool"}, {"kernel", 2}}); break;
      default: layers.push_back({{"type", "conv2d"}, {"out", out}, {"kernel", 1}}); channels = out; break;
    }
    const int last_stride = layers.back().value("stride", 1);
    if (layers.back()["type"] == "maxpool" || layers.back()["type"] == "avgpool") size /= 2;
    size = (size + last_stride - 1) / last_stride;
    if (size < 2) break;
  }
  if (pick(0, 1) == 1) {
    layers.push_back({{"type", "global_avgpool"}});
    layers.push_back({{"type", "linear"}, {"out", 10}});
  }
  return {{"name", "random" + std::to_string(seed)}, {"input", {input_channels, input_size, input_size}},
          {"layers", layers}};
}

}  // namespace tinyml::test
