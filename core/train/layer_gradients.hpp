// Forward and backward passes of every graph op over a mini-batch, for training.
//
// Why not the float engine's ops (core/engine/float_ops.hpp): those run one image and
// keep nothing; training runs a batch, needs BN in training mode (batch statistics) and
// the values each backward pass reads (inputs, normalized values, outputs). The
// semantics are the same — zero padding for convs, pools over the taps inside the image
// (kernels::clamp_pool_window), NHWC order — so weights trained here run unchanged in
// the float and int8 engines, and the trainer's tests check that they agree.
//
// Layouts: activations [N, H, W, C] row-major (`window.input` / `window.output` give
// H, W, C; their batch field is ignored and `batch` is passed instead); filters are the
// float model's: conv [C_out, KH, KW, C_in / groups] (linear: a 1×1 conv over a 1×1 image
// of K channels), depthwise [1, KH, KW, C]. Every backward ADDS into its input gradient
// (a tensor read by two ops, as at a residual add, sums both) and into the parameter
// gradients; callers zero them first.
//
// Templated on the scalar: float for training, double for the gradient checks.
#pragma once

#include <vector>

#include "core/kernels/window2d.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::train {

using kernels::Window2d;

template <typename T>
void conv_forward(const Window2d& window, int groups, int batch, const T* input, const T* filter, const T* bias,
                  T* output);
// d_input may be null (the network input needs no gradient); d_bias null without bias.
template <typename T>
void conv_backward(const Window2d& window, int groups, int batch, const T* input, const T* filter,
                   const T* d_output, T* d_input, T* d_filter, T* d_bias);

template <typename T>
void depthwise_forward(const Window2d& window, int batch, const T* input, const T* filter, const T* bias, T* output);
template <typename T>
void depthwise_backward(const Window2d& window, int batch, const T* input, const T* filter, const T* d_output,
                        T* d_input, T* d_filter, T* d_bias);

// Batch norm in training mode over `rows` = N·H·W rows of `channels` values, in place:
// x̂ = (x − μ_B) / sqrt(σ²_B + eps) with the batch's mean and biased variance (σ²_B),
// y = γ·x̂ + β. Saves x̂ and 1 / sqrt(σ²_B + eps) for the backward pass, and returns the
// batch mean and unbiased variance for the running statistics (PyTorch's BatchNorm2d).
template <typename T>
struct BatchNormSaved {
  std::vector<T> normalized;  // x̂, [rows, channels]
  std::vector<T> inv_std;     // [channels]
  std::vector<double> mean;   // [channels]
  std::vector<double> unbiased_var;  // [channels]; the biased one when rows = 1
};
template <typename T>
void batch_norm_train_forward(int rows, int channels, const T* gamma, const T* beta, T eps, T* values,
                              BatchNormSaved<T>& saved);
// d_values: in, dL/dy; out, dL/dx (in place). Adds into d_gamma and d_beta.
template <typename T>
void batch_norm_train_backward(int rows, int channels, const T* gamma, const BatchNormSaved<T>& saved, T* d_values,
                               T* d_gamma, T* d_beta);

// In place. ReLU: max(v, 0); ReLU6: min(max(v, 0), 6).
template <typename T>
void activation_forward(Activation act, std::size_t size, T* values);
// d_values *= 1 where the activation passed its input through, 0 where it clamped, read
// from its output: ReLU passes where output > 0, ReLU6 where 0 < output < 6.
template <typename T>
void activation_backward(Activation act, std::size_t size, const T* output, T* d_values);

template <typename T>
void average_pool_forward(const Window2d& window, int batch, const T* input, T* output);
template <typename T>
void average_pool_backward(const Window2d& window, int batch, const T* d_output, T* d_input);
// The gradient goes to the first maximal tap (the one the forward pass keeps).
template <typename T>
void max_pool_forward(const Window2d& window, int batch, const T* input, T* output);
template <typename T>
void max_pool_backward(const Window2d& window, int batch, const T* input, const T* d_output, T* d_input);

// [N, H, W, C] → [N, C]: the mean over H·W.
template <typename T>
void global_average_pool_forward(int batch, int pixels, int channels, const T* input, T* output);
template <typename T>
void global_average_pool_backward(int batch, int pixels, int channels, const T* d_output, T* d_input);

// Softmax cross-entropy averaged over the batch: logits [N, classes], labels [N].
// Returns the mean loss and writes dL/dlogits = (softmax − one_hot) / N. Counts the
// examples whose largest logit (the first, on ties) is the label into *correct.
template <typename T>
double softmax_cross_entropy(int batch, int classes, const T* logits, const unsigned char* labels, T* d_logits,
                             int* correct);

}  // namespace tinyml::train
