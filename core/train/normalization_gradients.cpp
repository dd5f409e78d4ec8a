// Batch norm (training mode), activations and the softmax cross-entropy loss.
#include <algorithm>
#include <cmath>

#include "core/train/layer_gradients.hpp"

namespace tinyml::train {

template <typename T>
void batch_norm_train_forward(int rows, int channels, const T* gamma, const T* beta, T eps, T* values,
                              BatchNormSaved<T>& saved) {
  saved.normalized.resize(static_cast<std::size_t>(rows) * channels);
  saved.inv_std.resize(channels);
  saved.mean.assign(channels, 0.0);
  saved.unbiased_var.assign(channels, 0.0);
  // Sums in double: a batch of 64 images at 28×28 is 50 k rows per channel.
  std::vector<double> variance(channels, 0.0);
  for (int row = 0; row < rows; ++row) {
    for (int channel = 0; channel < channels; ++channel) saved.mean[channel] += values[row * channels + channel];
  }
  for (int channel = 0; channel < channels; ++channel) saved.mean[channel] /= rows;
  for (int row = 0; row < rows; ++row) {
    for (int channel = 0; channel < channels; ++channel) {
      const double centered = values[row * channels + channel] - saved.mean[channel];
      variance[channel] += centered * centered;
    }
  }
  for (int channel = 0; channel < channels; ++channel) {
    variance[channel] /= rows;  // biased: what normalizes the batch
    saved.unbiased_var[channel] = rows > 1 ? variance[channel] * rows / (rows - 1) : variance[channel];
    saved.inv_std[channel] = static_cast<T>(1.0 / std::sqrt(variance[channel] + eps));
  }
  for (int row = 0; row < rows; ++row) {
    for (int channel = 0; channel < channels; ++channel) {
      const std::size_t index = static_cast<std::size_t>(row) * channels + channel;
      const T normalized = static_cast<T>((values[index] - saved.mean[channel]) * saved.inv_std[channel]);
      saved.normalized[index] = normalized;
      values[index] = gamma[channel] * normalized + beta[channel];
    }
  }
}

// dL/dx = γ·inv_std / M · (M·dy − Σdy − x̂·Σ(dy·x̂)), M = rows (Ioffe & Szegedy 2015, §3).
template <typename T>
void batch_norm_train_backward(int rows, int channels, const T* gamma, const BatchNormSaved<T>& saved, T* d_values,
                               T* d_gamma, T* d_beta) {
  std::vector<double> sum_dy(channels, 0.0);
  std::vector<double> sum_dy_normalized(channels, 0.0);
  for (int row = 0; row < rows; ++row) {
    for (int channel = 0; channel < channels; ++channel) {
      const std::size_t index = static_cast<std::size_t>(row) * channels + channel;
      sum_dy[channel] += d_values[index];
      sum_dy_normalized[channel] += static_cast<double>(d_values[index]) * saved.normalized[index];
    }
  }
  for (int channel = 0; channel < channels; ++channel) {
    d_gamma[channel] += static_cast<T>(sum_dy_normalized[channel]);
    d_beta[channel] += static_cast<T>(sum_dy[channel]);
  }
  for (int row = 0; row < rows; ++row) {
    for (int channel = 0; channel < channels; ++channel) {
      const std::size_t index = static_cast<std::size_t>(row) * channels + channel;
      const double factor = static_cast<double>(gamma[channel]) * saved.inv_std[channel] / rows;
      d_values[index] = static_cast<T>(factor * (rows * static_cast<double>(d_values[index]) - sum_dy[channel] -
                                                 saved.normalized[index] * sum_dy_normalized[channel]));
    }
  }
}

template <typename T>
void activation_forward(Activation act, std::size_t size, T* values) {
  if (act == Activation::None) return;
  const T upper = act == Activation::Relu6 ? T{6} : std::numeric_limits<T>::infinity();
  for (std::size_t index = 0; index < size; ++index) values[index] = std::clamp(values[index], T{0}, upper);
}

template <typename T>
void activation_backward(Activation act, std::size_t size, const T* output, T* d_values) {
  if (act == Activation::None) return;
  const T upper = act == Activation::Relu6 ? T{6} : std::numeric_limits<T>::infinity();
  for (std::size_t index = 0; index < size; ++index) {
    if (!(output[index] > T{0} && output[index] < upper)) d_values[index] = T{0};
  }
}

template <typename T>
double softmax_cross_entropy(int batch, int classes, const T* logits, const unsigned char* labels, T* d_logits,
                             int* correct) {
  double total = 0.0;
  for (int example = 0; example < batch; ++example) {
    const T* row = logits + static_cast<std::size_t>(example) * classes;
    const int best = static_cast<int>(std::max_element(row, row + classes) - row);
    if (correct && best == labels[example]) ++*correct;
    const double largest = row[best];
    double sum = 0.0;
    for (int label = 0; label < classes; ++label) sum += std::exp(row[label] - largest);
    total += std::log(sum) - (row[labels[example]] - largest);
    for (int label = 0; label < classes; ++label) {
      const double probability = std::exp(row[label] - largest) / sum;
      d_logits[example * classes + label] =
          static_cast<T>((probability - (label == labels[example] ? 1.0 : 0.0)) / batch);
    }
  }
  return total / batch;
}

#define TINYML_INSTANTIATE_NORM(T)                                                                                 \
  template struct BatchNormSaved<T>;                                                                               \
  template void batch_norm_train_forward<T>(int, int, const T*, const T*, T, T*, BatchNormSaved<T>&);              \
  template void batch_norm_train_backward<T>(int, int, const T*, const BatchNormSaved<T>&, T*, T*, T*);            \
  template void activation_forward<T>(Activation, std::size_t, T*);                                                \
  template void activation_backward<T>(Activation, std::size_t, const T*, T*);                                     \
  template double softmax_cross_entropy<T>(int, int, const T*, const unsigned char*, T*, int*);
TINYML_INSTANTIATE_NORM(float)
TINYML_INSTANTIATE_NORM(double)

}  // namespace tinyml::train
