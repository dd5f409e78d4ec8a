// The graph IR: primitive ops over tensors, in execution order, with inferred shapes and
// counts. Built from a NetworkSpec by build_graph(); BN and activations are fused into
// the op before them, as TFLite and CMSIS-NN run them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/spec/network_spec.hpp"

namespace tinyml {

enum class OpKind { Conv2d, DepthwiseConv2d, Add, AvgPool, MaxPool, GlobalAvgPool, Flatten, Linear };

// Logical C×H×W shape (the core stores data NHWC, batch 1). `flat` marks a 1-D feature
// vector (after flatten/linear), reported as [C].
struct TensorShape {
  int c = 0;
  int h = 1;
  int w = 1;
  bool flat = false;
  int64_t elements() const { return int64_t{c} * h * w; }
  bool operator==(const TensorShape& other) const {
    return c == other.c && h == other.h && w == other.w && flat == other.flat;
  }
};

struct Tensor {
  std::string name;
  TensorShape shape;
  int producer = -1;  // op index; -1 for the network input
};

// Pixels of zero padding on each side (after resolving "same"/"valid").
struct Padding {
  int top = 0;
  int left = 0;
  int bottom = 0;
  int right = 0;
};

struct Op {
  OpKind kind = OpKind::Conv2d;
  std::string name;    // unique, e.g. "conv2", "mbconv3.dw"
  std::string source;  // JSON path of the spec layer it came from
  std::vector<int> inputs;  // tensor indices
  int output = -1;          // tensor index
  Hw kernel{1, 1};
  Hw stride{1, 1};
  Padding padding;
  int groups = 1;
  bool bias = false;
  bool bn = false;  // folded into the weights for inference; counted as params
  Activation act = Activation::None;
  int64_t weight_elements = 0;  // conv/linear weights only (no bias, no BN)
  int64_t params = 0;           // as PyTorch's parameters(): weights, bias, BN weight+bias
  int64_t macs = 0;
};

struct Graph {
  std::string name;
  std::vector<Tensor> tensors;
  std::vector<Op> ops;  // execution order
  int input = 0;        // tensor index of the network input
  int output = 0;       // tensor index of the network output
  int64_t params = 0;
  int64_t macs = 0;
};

// Expands blocks, infers every shape and counts params and MACs. Throws tinyml::Error
// naming the spec path when a layer does not fit its input (kernel larger than the
// padded input, output below 1×1, channels not divisible by groups) or a documented
// limit (network_spec.hpp) would be exceeded.
Graph build_graph(const NetworkSpec& spec);

const char* op_kind_name(OpKind kind);
bool is_convolution(OpKind kind);

}  // namespace tinyml
