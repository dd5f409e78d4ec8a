#include "core/memory/lifetimes.hpp"

#include <algorithm>

namespace tinyml {

std::vector<TensorLifetime> tensor_lifetimes(const Graph& graph, int bytes_per_element) {
  const int last_op = static_cast<int>(graph.ops.size()) - 1;
  std::vector<TensorLifetime> lifetimes(graph.tensors.size());
  for (std::size_t index = 0; index < graph.tensors.size(); ++index) {
    const Tensor& tensor = graph.tensors[index];
    const int born = std::max(tensor.producer, 0);
    lifetimes[index] = TensorLifetime{static_cast<int>(index), tensor.shape.elements() * bytes_per_element, born, born};
  }
  for (int op_index = 0; op_index <= last_op; ++op_index) {
    for (const int input : graph.ops[op_index].inputs) {
      lifetimes[input].last_op = std::max(lifetimes[input].last_op, op_index);
    }
  }
  lifetimes[graph.output].last_op = std::max(last_op, 0);
  return lifetimes;
}

}  // namespace tinyml
