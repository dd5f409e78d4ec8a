#include "core/train/training_network.hpp"

#include <algorithm>

#include "core/engine/op_geometry.hpp"
#include "core/error.hpp"

namespace tinyml::train {
namespace {

template <typename T, std::size_t Rank>
std::vector<T> copy_of(const xt::xtensor<float, Rank>& values) {
  return std::vector<T>(values.begin(), values.end());
}

template <typename T>
xt::xtensor<float, 1> vector_of(const std::vector<T>& values) {
  xt::xtensor<float, 1> result = xt::xtensor<float, 1>::from_shape({values.size()});
  std::transform(values.begin(), values.end(), result.begin(), [](T value) { return static_cast<float>(value); });
  return result;
}

template <typename T>
void zero(std::vector<T>& values) {
  std::fill(values.begin(), values.end(), T{0});
}

template <typename T>
const T* data_or_null(const std::vector<T>& values) {
  return values.empty() ? nullptr : values.data();
}
template <typename T>
T* data_or_null(std::vector<T>& values) {
  return values.empty() ? nullptr : values.data();
}

// A linear layer as the 1×1 convolution of a 1×1 image with K channels.
Window2d linear_window(int input_depth, int output_depth) {
  Window2d window;
  window.input = {1, 1, 1, input_depth};
  window.output = {1, 1, 1, output_depth};
  return window;
}

}  // namespace

template <typename T>
TrainingNetwork<T>::TrainingNetwork(const Graph& graph, const engine::FloatModel& model) : graph_(graph) {
  engine::check_float_model(graph, model);
  const TensorShape& output = graph.tensors[graph.output].shape;
  if (!output.flat || output.c < 2) {
    throw Error("network", "training needs a flat output of 2 or more classes (a linear layer last)");
  }
  classes_ = output.c;
  input_elements_ = static_cast<std::size_t>(graph.tensors[graph.input].shape.elements());
  ops_.resize(graph.ops.size());
  for (std::size_t index = 0; index < graph.ops.size(); ++index) {
    const engine::OpWeights& weights = model.ops[index];
    OpState& state = ops_[index];
    state.filter = copy_of<T>(weights.filter);
    state.bias = copy_of<T>(weights.bias);
    if (weights.bn) {
      state.gamma = copy_of<T>(weights.bn->gamma);
      state.beta = copy_of<T>(weights.bn->beta);
      state.running_mean.assign(weights.bn->running_mean.begin(), weights.bn->running_mean.end());
      state.running_var.assign(weights.bn->running_var.begin(), weights.bn->running_var.end());
      state.eps = static_cast<T>(weights.bn->eps);
    }
    state.d_filter.resize(state.filter.size());
    state.d_bias.resize(state.bias.size());
    state.d_gamma.resize(state.gamma.size());
    state.d_beta.resize(state.beta.size());
  }
  values_.resize(graph.tensors.size());
  gradients_.resize(graph.tensors.size());
}

int64_t training_step_bytes(const Graph& graph, int batch) {
  int64_t tensor_elements = 0;
  for (const Tensor& tensor : graph.tensors) tensor_elements += tensor.shape.elements();
  int64_t largest_patches = 0;  // one image's im2col matrix (conv_gradients.cpp)
  for (const Op& op : graph.ops) {
    if (op.kind != OpKind::Conv2d) continue;
    const TensorShape& in = graph.tensors[op.inputs[0]].shape;
    const TensorShape& out = graph.tensors[op.output].shape;
    largest_patches = std::max(largest_patches, int64_t{out.h} * out.w * op.kernel.h * op.kernel.w * (in.c / op.groups));
  }
  constexpr int64_t kFloatBytes = 4;
  // values + gradients per tensor (+ the BN's saved x̂, at most one more copy), patches + their gradients
  return kFloatBytes * (3 * tensor_elements * batch + 2 * largest_patches);
}

template <typename T>
void TrainingNetwork<T>::forward(int batch, const T* inputs, bool update_running_stats) {
  if (batch < 1) throw Error("batch", "must be 1 or more");
  const int64_t bytes = training_step_bytes(graph_, batch);
  if (bytes > kMaxTrainingBytes) {
    throw Error("batch", "a batch of " + std::to_string(batch) + " needs " + std::to_string(bytes >> 20) +
                             " MiB to train this network; the limit is " + std::to_string(kMaxTrainingBytes >> 20) +
                             " MiB: use a smaller batch or network");
  }
  for (std::size_t tensor = 0; tensor < graph_.tensors.size(); ++tensor) {
    values_[tensor].resize(static_cast<std::size_t>(batch) * graph_.tensors[tensor].shape.elements());
  }
  std::copy(inputs, inputs + batch * input_elements_, values_[graph_.input].begin());
  for (std::size_t index = 0; index < graph_.ops.size(); ++index) {
    forward_op(static_cast<int>(index), batch, update_running_stats);
  }
}

template <typename T>
void TrainingNetwork<T>::forward_op(int op_index, int batch, bool update_running_stats) {
  const Op& op = graph_.ops[op_index];
  OpState& state = ops_[op_index];
  const T* input = values_[op.inputs[0]].data();
  std::vector<T>& output = values_[op.output];
  switch (op.kind) {
    case OpKind::Conv2d:
      conv_forward(engine::window_of(graph_, op), op.groups, batch, input, state.filter.data(),
                   data_or_null(state.bias), output.data());
      break;
    case OpKind::DepthwiseConv2d:
      depthwise_forward(engine::window_of(graph_, op), batch, input, state.filter.data(), data_or_null(state.bias),
                        output.data());
      break;
    case OpKind::Linear: {
      const int depth = static_cast<int>(graph_.tensors[op.inputs[0]].shape.elements());
      conv_forward(linear_window(depth, graph_.tensors[op.output].shape.c), 1, batch, input, state.filter.data(),
                   data_or_null(state.bias), output.data());
      break;
    }
    case OpKind::Add: {
      const T* other = values_[op.inputs[1]].data();
      for (std::size_t index = 0; index < output.size(); ++index) output[index] = input[index] + other[index];
      break;
    }
    case OpKind::AvgPool: average_pool_forward(engine::window_of(graph_, op), batch, input, output.data()); break;
    case OpKind::MaxPool: max_pool_forward(engine::window_of(graph_, op), batch, input, output.data()); break;
    case OpKind::GlobalAvgPool: {
      const TensorShape& shape = graph_.tensors[op.inputs[0]].shape;
      global_average_pool_forward(batch, shape.h * shape.w, shape.c, input, output.data());
      break;
    }
    case OpKind::Flatten: std::copy(input, input + output.size(), output.begin()); break;
  }
  if (op.bn) {
    const int channels = graph_.tensors[op.output].shape.c;
    const int rows = static_cast<int>(output.size() / channels);
    batch_norm_train_forward(rows, channels, state.gamma.data(), state.beta.data(), state.eps, output.data(),
                             state.saved);
    if (update_running_stats) {
      for (int channel = 0; channel < channels; ++channel) {
        state.running_mean[channel] += kBatchNormMomentum * (state.saved.mean[channel] - state.running_mean[channel]);
        state.running_var[channel] +=
            kBatchNormMomentum * (state.saved.unbiased_var[channel] - state.running_var[channel]);
      }
    }
  }
  activation_forward(op.act, output.size(), output.data());
}

template <typename T>
void TrainingNetwork<T>::backward_op(int op_index, int batch) {
  const Op& op = graph_.ops[op_index];
  OpState& state = ops_[op_index];
  std::vector<T>& d_output = gradients_[op.output];
  activation_backward(op.act, d_output.size(), values_[op.output].data(), d_output.data());
  if (op.bn) {
    const int channels = graph_.tensors[op.output].shape.c;
    batch_norm_train_backward(static_cast<int>(d_output.size() / channels), channels, state.gamma.data(),
                              state.saved, d_output.data(), state.d_gamma.data(), state.d_beta.data());
  }
  const int input_tensor = op.inputs[0];
  const T* input = values_[input_tensor].data();
  T* d_input = input_tensor == graph_.input ? nullptr : gradients_[input_tensor].data();
  switch (op.kind) {
    case OpKind::Conv2d:
      conv_backward(engine::window_of(graph_, op), op.groups, batch, input, state.filter.data(), d_output.data(),
                    d_input, state.d_filter.data(), data_or_null(state.d_bias));
      break;
    case OpKind::DepthwiseConv2d:
      depthwise_backward(engine::window_of(graph_, op), batch, input, state.filter.data(), d_output.data(), d_input,
                         state.d_filter.data(), data_or_null(state.d_bias));
      break;
    case OpKind::Linear: {
      const int depth = static_cast<int>(graph_.tensors[input_tensor].shape.elements());
      conv_backward(linear_window(depth, graph_.tensors[op.output].shape.c), 1, batch, input, state.filter.data(),
                    d_output.data(), d_input, state.d_filter.data(), data_or_null(state.d_bias));
      break;
    }
    default: {
      if (op.kind == OpKind::Add && op.inputs[1] != graph_.input) {
        T* d_other = gradients_[op.inputs[1]].data();
        for (std::size_t index = 0; index < d_output.size(); ++index) d_other[index] += d_output[index];
      }
      if (!d_input) break;  // nothing upstream of the network input needs a gradient
      switch (op.kind) {
        case OpKind::Add:
          for (std::size_t index = 0; index < d_output.size(); ++index) d_input[index] += d_output[index];
          break;
        case OpKind::AvgPool:
          average_pool_backward(engine::window_of(graph_, op), batch, d_output.data(), d_input);
          break;
        case OpKind::MaxPool:
          max_pool_backward(engine::window_of(graph_, op), batch, input, d_output.data(), d_input);
          break;
        case OpKind::GlobalAvgPool: {
          const TensorShape& shape = graph_.tensors[input_tensor].shape;
          global_average_pool_backward(batch, shape.h * shape.w, shape.c, d_output.data(), d_input);
          break;
        }
        case OpKind::Flatten:
          for (std::size_t index = 0; index < d_output.size(); ++index) d_input[index] += d_output[index];
          break;
        default: break;
      }
    }
  }
}

template <typename T>
double TrainingNetwork<T>::forward_backward(int batch, const T* inputs, const uint8_t* labels,
                                            bool update_running_stats, int* correct) {
  forward(batch, inputs, update_running_stats);
  for (std::size_t tensor = 0; tensor < graph_.tensors.size(); ++tensor) {
    gradients_[tensor].assign(values_[tensor].size(), T{0});
  }
  for (OpState& state : ops_) {
    zero(state.d_filter);
    zero(state.d_bias);
    zero(state.d_gamma);
    zero(state.d_beta);
  }
  const double mean_loss = softmax_cross_entropy(batch, classes_, values_[graph_.output].data(), labels,
                                                 gradients_[graph_.output].data(), correct);
  for (int index = static_cast<int>(graph_.ops.size()) - 1; index >= 0; --index) backward_op(index, batch);
  return mean_loss;
}

template <typename T>
double TrainingNetwork<T>::loss(int batch, const T* inputs, const uint8_t* labels) {
  forward(batch, inputs, false);
  std::vector<T> d_logits(values_[graph_.output].size());
  return softmax_cross_entropy(batch, classes_, values_[graph_.output].data(), labels, d_logits.data(), nullptr);
}

template <typename T>
std::vector<ParameterSlot<T>> TrainingNetwork<T>::parameters() {
  std::vector<ParameterSlot<T>> slots;
  const auto add = [&](std::vector<T>& values, std::vector<T>& gradients, bool decay) {
    if (!values.empty()) slots.push_back({values.data(), gradients.data(), values.size(), decay});
  };
  for (OpState& state : ops_) {
    add(state.filter, state.d_filter, true);
    add(state.bias, state.d_bias, false);
    add(state.gamma, state.d_gamma, false);
    add(state.beta, state.d_beta, false);
  }
  return slots;
}

template <typename T>
engine::FloatModel TrainingNetwork<T>::float_model() const {
  engine::FloatModel model;
  model.ops.resize(graph_.ops.size());
  for (std::size_t index = 0; index < graph_.ops.size(); ++index) {
    const OpState& state = ops_[index];
    engine::OpWeights& weights = model.ops[index];
    weights.filter = xt::xtensor<float, 4>::from_shape(engine::filter_shape(graph_, static_cast<int>(index)));
    std::transform(state.filter.begin(), state.filter.end(), weights.filter.begin(),
                   [](T value) { return static_cast<float>(value); });
    weights.bias = vector_of(state.bias);
    if (graph_.ops[index].bn) {
      engine::BatchNorm bn;
      bn.gamma = vector_of(state.gamma);
      bn.beta = vector_of(state.beta);
      bn.running_mean = vector_of(state.running_mean);
      bn.running_var = vector_of(state.running_var);
      bn.eps = static_cast<float>(state.eps);
      weights.bn = std::move(bn);
    }
  }
  return model;
}

engine::FloatModel initial_training_model(const Graph& graph, uint64_t seed) {
  engine::FloatModel model = engine::init_float_model(graph, seed, engine::WeightInit::He);
  for (engine::OpWeights& weights : model.ops) {
    if (!weights.bn) continue;
    weights.bn->gamma.fill(1.0f);
    weights.bn->beta.fill(0.0f);
    weights.bn->running_mean.fill(0.0f);
    weights.bn->running_var.fill(1.0f);
  }
  return model;
}

template class TrainingNetwork<float>;
template class TrainingNetwork<double>;

}  // namespace tinyml::train
