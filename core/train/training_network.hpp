// A graph with trainable parameters: batched forward (BN in training mode), softmax
// cross-entropy, and backward to every parameter's gradient. Built from, and turned
// back into, the engines' FloatModel, so trained weights feed the float engine, the
// quantizer and the float weights file unchanged.
//
// Inputs are a batch of network inputs, [N, H, W, C] row-major (the engines' [H, W, C]
// per image); labels [N] in [0, classes) where classes is the output's size.
// Templated on the scalar: float for training, double for the gradient checks.
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/float_model.hpp"
#include "core/graph/graph.hpp"
#include "core/train/layer_gradients.hpp"

namespace tinyml::train {

// One trainable array and its gradient (same size). `decay`: weight decay applies (conv
// and linear filters; not biases or BN's γ and β, as is usual).
template <typename T>
struct ParameterSlot {
  T* values = nullptr;
  T* gradients = nullptr;
  std::size_t size = 0;
  bool decay = false;
};

// The most memory one training step may use (values and gradients of every tensor of the
// batch, plus the largest convolution's patch matrices): a browser tab's wasm heap is at
// most 2 GiB, and a batch size is the user's to choose.
constexpr int64_t kMaxTrainingBytes = int64_t{1} << 30;  // 1 GiB

// The bytes of one training step on a batch of `batch` (the sum above), in float.
int64_t training_step_bytes(const Graph& graph, int batch);

// PyTorch's BatchNorm2d default: running = (1 − 0.1)·running + 0.1·batch statistic.
constexpr double kBatchNormMomentum = 0.1;

template <typename T>
class TrainingNetwork {
 public:
  // Checks `model` against `graph` (engine::check_float_model; throws tinyml::Error) and
  // copies both. The output must be flat (a linear layer last), at least 2 classes.
  TrainingNetwork(const Graph& graph, const engine::FloatModel& model);

  // Every pass checks, before allocating, that training_step_bytes(graph, batch) is at
  // most kMaxTrainingBytes (throws tinyml::Error("batch", ...) naming both).
  //
  // Forward in training mode, the loss, and backward: every gradient is overwritten.
  // Updates BN running statistics when `update_running_stats`. Returns the mean loss;
  // adds the examples predicted right to *correct when given.
  double forward_backward(int batch, const T* inputs, const uint8_t* labels, bool update_running_stats,
                          int* correct = nullptr);

  // Forward in training mode (batch statistics) and the mean loss; changes nothing.
  double loss(int batch, const T* inputs, const uint8_t* labels);

  // Every parameter array, in op order (filter, bias, γ, β per op).
  std::vector<ParameterSlot<T>> parameters();

  // The current weights (and running statistics) as the engines' float model.
  engine::FloatModel float_model() const;

  // The network output of the last forward pass, [N, classes] (the logits).
  const std::vector<T>& output() const { return values_[graph_.output]; }

  const Graph& graph() const { return graph_; }
  std::size_t input_elements() const { return input_elements_; }
  int classes() const { return classes_; }

 private:
  struct OpState {
    std::vector<T> filter, bias, gamma, beta;
    std::vector<T> d_filter, d_bias, d_gamma, d_beta;
    std::vector<double> running_mean, running_var;
    T eps = T(1e-5);
    BatchNormSaved<T> saved;
  };
  void forward(int batch, const T* inputs, bool update_running_stats);
  void forward_op(int op_index, int batch, bool update_running_stats);
  void backward_op(int op_index, int batch);

  Graph graph_;
  std::vector<OpState> ops_;
  std::vector<std::vector<T>> values_;     // per tensor, [N, elements]
  std::vector<std::vector<T>> gradients_;  // per tensor
  std::size_t input_elements_ = 0;
  int classes_ = 0;
};

// Weights to start training from: the engines' seeded He initialization
// (engine::init_float_model) with BN as PyTorch starts it: γ = 1, β = 0, running
// mean 0 and variance 1.
engine::FloatModel initial_training_model(const Graph& graph, uint64_t seed);

}  // namespace tinyml::train
