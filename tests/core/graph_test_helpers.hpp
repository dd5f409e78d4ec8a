// Builds graphs from JSON literals for the tests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/graph/graph.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::test {

// A network with the given input [C, H, W] and layers (a JSON array literal).
inline Graph graph_of(const std::string& input, const std::string& layers) {
  return build_graph(parse_network(R"({"name": "t", "input": )" + input + R"(, "layers": )" + layers + "}"));
}

inline const Op& op_named(const Graph& graph, const std::string& name) {
  for (const Op& op : graph.ops) {
    if (op.name == name) return op;
  }
  throw std::runtime_error("no op named " + name);
}

inline TensorShape out_shape(const Graph& graph, const Op& op) { return graph.tensors[op.output].shape; }

}  // namespace tinyml::test
