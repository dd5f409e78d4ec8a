// Test accuracy of a trained network: float (the reference float engine, BN in inference
// mode with the running statistics) and int8 (post-training quantization calibrated on
// training images, run by the TFLM-exact int8 engine).
#pragma once

#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/int8_model.hpp"
#include "core/graph/graph.hpp"

namespace tinyml::train {

struct Accuracy {
  int correct = 0;
  int total = 0;
  double percent() const { return total ? 100.0 * correct / total : 0.0; }
};

// The prediction is the first largest output.
Accuracy float_accuracy(const Graph& graph, const engine::FloatModel& model, const data::ImageDataset& test);
Accuracy int8_accuracy(const engine::Int8Model& model, const data::ImageDataset& test);

// The first `count` images of `dataset` as network inputs, for calibration.
std::vector<std::vector<float>> calibration_inputs(const Graph& graph, const data::ImageDataset& dataset, int count);

}  // namespace tinyml::train
