// Parameter updates from gradients, PyTorch's formulas (torch.optim.SGD, torch.optim.Adam
// with L2 weight decay added to the gradient):
//   SGD with momentum μ:  g ← g + λ·w;  v ← μ·v + g;  w ← w − lr·v      (v starts at 0)
//   Adam (β1, β2, ε):     g ← g + λ·w;  m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;
//                         w ← w − lr · (m / (1−β1^t)) / (sqrt(s / (1−β2^t)) + ε)
// λ applies only to slots marked `decay`. Arithmetic per element in the slot's type.
#pragma once

#include <string>
#include <vector>

#include "core/train/training_network.hpp"

namespace tinyml::train {

enum class OptimizerKind { Sgd, Adam };

struct OptimizerOptions {
  OptimizerKind kind = OptimizerKind::Sgd;
  double momentum = 0.9;       // SGD
  double weight_decay = 5e-4;  // λ
  double beta1 = 0.9;          // Adam
  double beta2 = 0.999;
  double epsilon = 1e-8;
};

// "sgd" | "adam"; throws tinyml::Error("optimizer", ...) otherwise.
OptimizerKind parse_optimizer(const std::string& name);

template <typename T>
class Optimizer {
 public:
  explicit Optimizer(const OptimizerOptions& options) : options_(options) {}

  // One update of every slot with its gradient. The slots must be the same arrays, in
  // the same order, at every call (their state is kept by position).
  void step(const std::vector<ParameterSlot<T>>& slots, double learning_rate);

 private:
  OptimizerOptions options_;
  std::vector<std::vector<T>> first_;   // SGD velocity, Adam m
  std::vector<std::vector<T>> second_;  // Adam s
  long long steps_ = 0;
};

}  // namespace tinyml::train
