// When each tensor of a graph is alive, in op indices of the execution order.
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph.hpp"

namespace tinyml {

// A tensor lives from the op that produces it (the network input: from before op 0) to
// the last op that reads it (the network output: to the last op). Both ends inclusive.
struct TensorLifetime {
  int tensor = 0;
  int64_t bytes = 0;
  int first_op = 0;
  int last_op = 0;
};

// One record per tensor, in tensor order; bytes = elements × bytes_per_element.
std::vector<TensorLifetime> tensor_lifetimes(const Graph& graph, int bytes_per_element);

}  // namespace tinyml
