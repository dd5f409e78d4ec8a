// Pools and global average pool, forward and backward, over a batch. The windows are
// the int8 kernels' (kernels::clamp_pool_window): padding is never a tap.
#include <limits>

#include "core/kernels/pool2d.hpp"
#include "core/train/layer_gradients.hpp"

namespace tinyml::train {
namespace {

// Calls visit(out_offset, in_offsets_begin..) per output element: for each output pixel
// and channel, the list of input offsets of its taps, via visit(out, taps, count).
template <typename Visit>
void for_each_window(const Window2d& window, int batch, Visit visit) {
  const int channels = window.input.channels;
  const std::size_t in_size = static_cast<std::size_t>(window.input.height) * window.input.width * channels;
  const std::size_t out_size = static_cast<std::size_t>(window.output.height) * window.output.width * channels;
  for (int image = 0; image < batch; ++image) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        const kernels::PoolWindow taps = kernels::clamp_pool_window(window, out_y, out_x);
        const std::size_t out = image * out_size + static_cast<std::size_t>(out_y * window.output.width + out_x) * channels;
        visit(out, image * in_size, taps, channels);
      }
    }
  }
}

template <typename Visit>
void for_each_tap(const Window2d& window, const kernels::PoolWindow& taps, std::size_t in_base, Visit visit) {
  for (int filter_y = taps.y_begin; filter_y < taps.y_end; ++filter_y) {
    for (int filter_x = taps.x_begin; filter_x < taps.x_end; ++filter_x) {
      const int in_y = taps.in_y_origin + filter_y;
      const int in_x = taps.in_x_origin + filter_x;
      visit(in_base + static_cast<std::size_t>(in_y * window.input.width + in_x) * window.input.channels);
    }
  }
}

int tap_count(const kernels::PoolWindow& taps) { return (taps.y_end - taps.y_begin) * (taps.x_end - taps.x_begin); }

}  // namespace

template <typename T>
void average_pool_forward(const Window2d& window, int batch, const T* input, T* output) {
  for_each_window(window, batch, [&](std::size_t out, std::size_t in_base, const kernels::PoolWindow& taps, int channels) {
    for (int channel = 0; channel < channels; ++channel) output[out + channel] = T{0};
    for_each_tap(window, taps, in_base, [&](std::size_t in) {
      for (int channel = 0; channel < channels; ++channel) output[out + channel] += input[in + channel];
    });
    const T count = static_cast<T>(tap_count(taps));
    for (int channel = 0; channel < channels; ++channel) output[out + channel] /= count;
  });
}

template <typename T>
void average_pool_backward(const Window2d& window, int batch, const T* d_output, T* d_input) {
  for_each_window(window, batch, [&](std::size_t out, std::size_t in_base, const kernels::PoolWindow& taps, int channels) {
    const T count = static_cast<T>(tap_count(taps));
    for_each_tap(window, taps, in_base, [&](std::size_t in) {
      for (int channel = 0; channel < channels; ++channel) d_input[in + channel] += d_output[out + channel] / count;
    });
  });
}

// The first maximal tap in the forward pass's order (a later equal value does not win).
template <typename T>
std::size_t argmax_tap(const Window2d& window, const kernels::PoolWindow& taps, std::size_t in_base, int channel,
                       const T* input) {
  T best = -std::numeric_limits<T>::infinity();
  std::size_t best_offset = 0;
  bool first = true;
  for_each_tap(window, taps, in_base, [&](std::size_t in) {
    if (first || input[in + channel] > best) {
      best = input[in + channel];
      best_offset = in + channel;
      first = false;
    }
  });
  return best_offset;
}

template <typename T>
void max_pool_forward(const Window2d& window, int batch, const T* input, T* output) {
  for_each_window(window, batch, [&](std::size_t out, std::size_t in_base, const kernels::PoolWindow& taps, int channels) {
    for (int channel = 0; channel < channels; ++channel) {
      output[out + channel] = input[argmax_tap(window, taps, in_base, channel, input)];
    }
  });
}

template <typename T>
void max_pool_backward(const Window2d& window, int batch, const T* input, const T* d_output, T* d_input) {
  for_each_window(window, batch, [&](std::size_t out, std::size_t in_base, const kernels::PoolWindow& taps, int channels) {
    for (int channel = 0; channel < channels; ++channel) {
      d_input[argmax_tap(window, taps, in_base, channel, input)] += d_output[out + channel];
    }
  });
}

template <typename T>
void global_average_pool_forward(int batch, int pixels, int channels, const T* input, T* output) {
  for (int image = 0; image < batch; ++image) {
    T* out = output + static_cast<std::size_t>(image) * channels;
    const T* in = input + static_cast<std::size_t>(image) * pixels * channels;
    for (int channel = 0; channel < channels; ++channel) out[channel] = T{0};
    for (int pixel = 0; pixel < pixels; ++pixel) {
      for (int channel = 0; channel < channels; ++channel) out[channel] += in[pixel * channels + channel];
    }
    for (int channel = 0; channel < channels; ++channel) out[channel] /= static_cast<T>(pixels);
  }
}

template <typename T>
void global_average_pool_backward(int batch, int pixels, int channels, const T* d_output, T* d_input) {
  for (int image = 0; image < batch; ++image) {
    const T* d_out = d_output + static_cast<std::size_t>(image) * channels;
    T* d_in = d_input + static_cast<std::size_t>(image) * pixels * channels;
    for (int pixel = 0; pixel < pixels; ++pixel) {
      for (int channel = 0; channel < channels; ++channel) {
        d_in[pixel * channels + channel] += d_out[channel] / static_cast<T>(pixels);
      }
    }
  }
}

#define TINYML_INSTANTIATE_POOL(T)                                                          \
  template void average_pool_forward<T>(const Window2d&, int, const T*, T*);               \
  template void average_pool_backward<T>(const Window2d&, int, const T*, T*);              \
  template void max_pool_forward<T>(const Window2d&, int, const T*, T*);                   \
  template void max_pool_backward<T>(const Window2d&, int, const T*, const T*, T*);        \
  template void global_average_pool_forward<T>(int, int, int, const T*, T*);               \
  template void global_average_pool_backward<T>(int, int, int, const T*, T*);
TINYML_INSTANTIATE_POOL(float)
TINYML_INSTANTIATE_POOL(double)

}  // namespace tinyml::train
