#include "core/train/evaluate.hpp"

#include <algorithm>

#include "core/engine/compare.hpp"
#include "core/engine/float_engine.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/train/dataset_input.hpp"

namespace tinyml::train {

Accuracy float_accuracy(const Graph& graph, const engine::FloatModel& model, const data::ImageDataset& test) {
  const TensorShape& input = graph.tensors[graph.input].shape;
  check_input_fits(test, input);
  const engine::FloatEngine engine(graph, model);
  Accuracy accuracy;
  for (std::size_t index = 0; index < test.size(); ++index) {
    const std::vector<float> values = network_input(test, index, input);
    const std::vector<float> output = engine.run(kernels::span_of(values));
    const int predicted = static_cast<int>(std::max_element(output.begin(), output.end()) - output.begin());
    accuracy.correct += predicted == test.labels[index];
    ++accuracy.total;
  }
  return accuracy;
}

Accuracy int8_accuracy(const engine::Int8Model& model, const data::ImageDataset& test) {
  const TensorShape& input = model.graph.tensors[model.graph.input].shape;
  check_input_fits(test, input);
  engine::Int8Engine engine(model);
  std::vector<int8_t> output(engine.output().size);
  Accuracy accuracy;
  for (std::size_t index = 0; index < test.size(); ++index) {
    const std::vector<float> values = network_input(test, index, input);
    const std::vector<int8_t> quantized = engine::quantize_input(model, kernels::span_of(values));
    engine.run(kernels::span_of(quantized), kernels::span_of(output));
    const int predicted = static_cast<int>(std::max_element(output.begin(), output.end()) - output.begin());
    accuracy.correct += predicted == test.labels[index];
    ++accuracy.total;
  }
  return accuracy;
}

std::vector<std::vector<float>> calibration_inputs(const Graph& graph, const data::ImageDataset& dataset, int count) {
  const TensorShape& input = graph.tensors[graph.input].shape;
  check_input_fits(dataset, input);
  std::vector<std::vector<float>> samples;
  for (std::size_t index = 0; index < dataset.size() && static_cast<int>(index) < count; ++index) {
    samples.push_back(network_input(dataset, index, input));
  }
  return samples;
}

}  // namespace tinyml::train
