#include "core/engine/calibration.hpp"

#include <algorithm>
#include <cmath>

#include "core/engine/sample_inputs.hpp"
#include "core/error.hpp"

namespace tinyml::engine {

std::vector<TensorRange> calibrate(const FloatEngine& engine, const std::vector<std::vector<float>>& samples) {
  if (samples.empty()) throw Error("calibration", "needs at least one sample input");
  const Graph& graph = engine.graph();
  std::vector<TensorRange> ranges(graph.tensors.size());
  std::vector<bool> seen(graph.tensors.size(), false);
  for (std::size_t sample = 0; sample < samples.size(); ++sample) {
    const std::vector<std::vector<float>> tensors =
        engine.run_all({samples[sample].data(), samples[sample].size()});
    for (std::size_t tensor = 0; tensor < tensors.size(); ++tensor) {
      for (float value : tensors[tensor]) {
        if (!std::isfinite(value)) {
          throw Error("calibration", "tensor \"" + graph.tensors[tensor].name + "\" takes a non-finite value on sample " +
                                         std::to_string(sample));
        }
        TensorRange& range = ranges[tensor];
        range.min = seen[tensor] ? std::min(range.min, value) : value;
        range.max = seen[tensor] ? std::max(range.max, value) : value;
        seen[tensor] = true;
      }
    }
  }
  return ranges;
}

std::vector<std::vector<float>> generated_samples(const Graph& graph, uint64_t seed, int count) {
  std::vector<std::vector<float>> samples;
  for (int index = 0; index < count; ++index) {
    samples.push_back(calibration_sample(graph.tensors[graph.input].shape, seed, index));
  }
  return samples;
}

}  // namespace tinyml::engine
