// Dataset images as network inputs: a grey image h×w goes into a 1×H×W network input
// (H ≥ h, W ≥ w) centred, with zero padding around it — so 28×28 Fashion-MNIST feeds a
// 1×32×32 network as LeNet-5 fed MNIST (LeCun et al. 1998, §II.A). Values pixel / 255.
#pragma once

#include <string>
#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::train {

// Throws tinyml::Error("input", reason) unless the network input is 1 channel and at
// least as large as the dataset's images.
void check_input_fits(const data::ImageDataset& dataset, const TensorShape& input);

// Image `index` as the input [H, W, 1] into `out` (input.elements() floats).
void write_network_input(const data::ImageDataset& dataset, std::size_t index, const TensorShape& input, float* out);
std::vector<float> network_input(const data::ImageDataset& dataset, std::size_t index, const TensorShape& input);

}  // namespace tinyml::train
