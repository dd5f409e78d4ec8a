// Convolutions as im2col + a matrix product, written as axpy loops (the innermost loop
// runs over contiguous output channels or patch entries, which compilers vectorize
// without reassociating a reduction). One image at a time, so the patch buffer is
// [OH·OW, KH·KW·C_in/groups], not a batch's worth.
#include <algorithm>
#include <vector>

#include "core/train/layer_gradients.hpp"

namespace tinyml::train {
namespace {

struct ConvShape {
  int pixels = 0;          // OH·OW
  int patch = 0;           // KH·KW·group_in
  int group_in = 0;        // input channels per group
  int group_out = 0;       // output channels per group
  std::size_t in_size = 0;   // H·W·C_in, one image
  std::size_t out_size = 0;  // OH·OW·C_out, one image
  bool direct = false;     // 1×1, stride 1, no padding, one group: the image is its own patch matrix
};

ConvShape conv_shape(const Window2d& window, int groups) {
  ConvShape shape;
  shape.pixels = window.output.height * window.output.width;
  shape.group_in = window.input.channels / groups;
  shape.group_out = window.output.channels / groups;
  shape.patch = window.filter_height * window.filter_width * shape.group_in;
  shape.in_size = static_cast<std::size_t>(window.input.height) * window.input.width * window.input.channels;
  shape.out_size = static_cast<std::size_t>(shape.pixels) * window.output.channels;
  shape.direct = groups == 1 && window.filter_height == 1 && window.filter_width == 1 && window.stride_h == 1 &&
                 window.stride_w == 1 && window.pad_top == 0 && window.pad_left == 0 &&
                 window.input.height == window.output.height && window.input.width == window.output.width;
  return shape;
}

// Calls visit(patch_offset, input_offset) for every tap of every output pixel that lies
// inside the image; patch_offset indexes the [pixels, patch] matrix at the tap's first
// channel, input_offset the image at (in_y, in_x, channel_base).
template <typename Visit>
void for_each_tap(const Window2d& window, const ConvShape& shape, int channel_base, Visit visit) {
  const int channels = window.input.channels;
  for (int out_y = 0; out_y < window.output.height; ++out_y) {
    for (int out_x = 0; out_x < window.output.width; ++out_x) {
      const std::size_t row = static_cast<std::size_t>(out_y * window.output.width + out_x) * shape.patch;
      for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
        const int in_y = out_y * window.stride_h - window.pad_top + filter_y;
        if (in_y < 0 || in_y >= window.input.height) continue;
        for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
          const int in_x = out_x * window.stride_w - window.pad_left + filter_x;
          if (in_x < 0 || in_x >= window.input.width) continue;
          visit(row + static_cast<std::size_t>(filter_y * window.filter_width + filter_x) * shape.group_in,
                static_cast<std::size_t>(in_y * window.input.width + in_x) * channels + channel_base);
        }
      }
    }
  }
}

template <typename T>
void im2col(const Window2d& window, const ConvShape& shape, int channel_base, const T* image, std::vector<T>& patches) {
  patches.assign(static_cast<std::size_t>(shape.pixels) * shape.patch, T{0});
  for_each_tap(window, shape, channel_base, [&](std::size_t patch_offset, std::size_t input_offset) {
    std::copy(image + input_offset, image + input_offset + shape.group_in, patches.data() + patch_offset);
  });
}

template <typename T>
void col2im_add(const Window2d& window, const ConvShape& shape, int channel_base, const std::vector<T>& d_patches,
                T* d_image) {
  for_each_tap(window, shape, channel_base, [&](std::size_t patch_offset, std::size_t input_offset) {
    for (int channel = 0; channel < shape.group_in; ++channel) {
      d_image[input_offset + channel] += d_patches[patch_offset + channel];
    }
  });
}

}  // namespace

template <typename T>
void conv_forward(const Window2d& window, int groups, int batch, const T* input, const T* filter, const T* bias,
                  T* output) {
  const ConvShape shape = conv_shape(window, groups);
  const int out_channels = window.output.channels;
  // filter [C_out, patch] → per group [patch, group_out], so the inner loop runs over
  // output channels.
  std::vector<T> transposed(static_cast<std::size_t>(out_channels) * shape.patch);
  for (int group = 0; group < groups; ++group) {
    T* group_filter = transposed.data() + static_cast<std::size_t>(group) * shape.group_out * shape.patch;
    for (int out_channel = 0; out_channel < shape.group_out; ++out_channel) {
      const T* row = filter + static_cast<std::size_t>(group * shape.group_out + out_channel) * shape.patch;
      for (int tap = 0; tap < shape.patch; ++tap) group_filter[tap * shape.group_out + out_channel] = row[tap];
    }
  }
  std::vector<T> patches;
  for (int image = 0; image < batch; ++image) {
    const T* in = input + image * shape.in_size;
    T* out = output + image * shape.out_size;
    for (int group = 0; group < groups; ++group) {
      if (!shape.direct) im2col(window, shape, group * shape.group_in, in, patches);
      const T* matrix = shape.direct ? in : patches.data();
      const T* group_filter = transposed.data() + static_cast<std::size_t>(group) * shape.group_out * shape.patch;
      for (int pixel = 0; pixel < shape.pixels; ++pixel) {
        T* out_row = out + static_cast<std::size_t>(pixel) * out_channels + group * shape.group_out;
        for (int out_channel = 0; out_channel < shape.group_out; ++out_channel) {
          out_row[out_channel] = bias ? bias[group * shape.group_out + out_channel] : T{0};
        }
        const T* patch_row = matrix + static_cast<std::size_t>(pixel) * shape.patch;
        for (int tap = 0; tap < shape.patch; ++tap) {
          const T value = patch_row[tap];
          if (value == T{0}) continue;  // padding and ReLU zeros: common, and exact to skip
          const T* weights = group_filter + static_cast<std::size_t>(tap) * shape.group_out;
          for (int out_channel = 0; out_channel < shape.group_out; ++out_channel) {
            out_row[out_channel] += value * weights[out_channel];
          }
        }
      }
    }
  }
}

template <typename T>
void conv_backward(const Window2d& window, int groups, int batch, const T* input, const T* filter, const T* d_output,
                   T* d_input, T* d_filter, T* d_bias) {
  const ConvShape shape = conv_shape(window, groups);
  const int out_channels = window.output.channels;
  std::vector<T> patches;
  std::vector<T> d_patches;
  for (int image = 0; image < batch; ++image) {
    const T* in = input + image * shape.in_size;
    const T* d_out = d_output + image * shape.out_size;
    T* d_in = d_input ? d_input + image * shape.in_size : nullptr;
    for (int group = 0; group < groups; ++group) {
      if (!shape.direct) im2col(window, shape, group * shape.group_in, in, patches);
      const T* matrix = shape.direct ? in : patches.data();
      if (d_in && !shape.direct) d_patches.assign(patches.size(), T{0});
      T* d_matrix = d_in ? (shape.direct ? d_in : d_patches.data()) : nullptr;
      for (int pixel = 0; pixel < shape.pixels; ++pixel) {
        const T* d_out_row = d_out + static_cast<std::size_t>(pixel) * out_channels + group * shape.group_out;
        const T* patch_row = matrix + static_cast<std::size_t>(pixel) * shape.patch;
        T* d_patch_row = d_matrix ? d_matrix + static_cast<std::size_t>(pixel) * shape.patch : nullptr;
        for (int out_channel = 0; out_channel < shape.group_out; ++out_channel) {
          const T gradient = d_out_row[out_channel];
          if (gradient == T{0}) continue;
          const std::size_t channel = static_cast<std::size_t>(group * shape.group_out + out_channel);
          if (d_bias) d_bias[channel] += gradient;
          T* d_weights = d_filter + channel * shape.patch;
          for (int tap = 0; tap < shape.patch; ++tap) d_weights[tap] += gradient * patch_row[tap];
          if (!d_patch_row) continue;
          const T* weights = filter + channel * shape.patch;
          for (int tap = 0; tap < shape.patch; ++tap) d_patch_row[tap] += gradient * weights[tap];
        }
      }
      if (d_in && !shape.direct) col2im_add(window, shape, group * shape.group_in, d_patches, d_in);
    }
  }
}

// Depthwise: per output pixel, per tap inside the image, per channel.
template <typename T, typename Visit>
void for_each_depthwise_tap(const Window2d& window, int batch, Visit visit) {
  const int channels = window.input.channels;
  const std::size_t in_size = static_cast<std::size_t>(window.input.height) * window.input.width * channels;
  const std::size_t out_size = static_cast<std::size_t>(window.output.height) * window.output.width * channels;
  for (int image = 0; image < batch; ++image) {
    for (int out_y = 0; out_y < window.output.height; ++out_y) {
      for (int out_x = 0; out_x < window.output.width; ++out_x) {
        const std::size_t out_offset = image * out_size + static_cast<std::size_t>(out_y * window.output.width + out_x) * channels;
        visit(out_offset, std::size_t{0}, std::size_t{0}, true);
        for (int filter_y = 0; filter_y < window.filter_height; ++filter_y) {
          const int in_y = out_y * window.stride_h - window.pad_top + filter_y;
          if (in_y < 0 || in_y >= window.input.height) continue;
          for (int filter_x = 0; filter_x < window.filter_width; ++filter_x) {
            const int in_x = out_x * window.stride_w - window.pad_left + filter_x;
            if (in_x < 0 || in_x >= window.input.width) continue;
            visit(out_offset, image * in_size + static_cast<std::size_t>(in_y * window.input.width + in_x) * channels,
                  static_cast<std::size_t>(filter_y * window.filter_width + filter_x) * channels, false);
          }
        }
      }
    }
  }
}

template <typename T>
void depthwise_forward(const Window2d& window, int batch, const T* input, const T* filter, const T* bias, T* output) {
  const int channels = window.input.channels;
  for_each_depthwise_tap<T>(window, batch, [&](std::size_t out, std::size_t in, std::size_t tap, bool start) {
    if (start) {
      for (int channel = 0; channel < channels; ++channel) output[out + channel] = bias ? bias[channel] : T{0};
      return;
    }
    for (int channel = 0; channel < channels; ++channel) output[out + channel] += input[in + channel] * filter[tap + channel];
  });
}

template <typename T>
void depthwise_backward(const Window2d& window, int batch, const T* input, const T* filter, const T* d_output,
                        T* d_input, T* d_filter, T* d_bias) {
  const int channels = window.input.channels;
  for_each_depthwise_tap<T>(window, batch, [&](std::size_t out, std::size_t in, std::size_t tap, bool start) {
    const T* gradient = d_output + out;
    if (start) {
      if (d_bias) {
        for (int channel = 0; channel < channels; ++channel) d_bias[channel] += gradient[channel];
      }
      return;
    }
    for (int channel = 0; channel < channels; ++channel) d_filter[tap + channel] += gradient[channel] * input[in + channel];
    if (!d_input) return;
    for (int channel = 0; channel < channels; ++channel) d_input[in + channel] += gradient[channel] * filter[tap + channel];
  });
}

#define TINYML_INSTANTIATE_CONV(T)                                                                              \
  template void conv_forward<T>(const Window2d&, int, int, const T*, const T*, const T*, T*);                   \
  template void conv_backward<T>(const Window2d&, int, int, const T*, const T*, const T*, T*, T*, T*);          \
  template void depthwise_forward<T>(const Window2d&, int, const T*, const T*, const T*, T*);                   \
  template void depthwise_backward<T>(const Window2d&, int, const T*, const T*, const T*, T*, T*, T*);
TINYML_INSTANTIATE_CONV(float)
TINYML_INSTANTIATE_CONV(double)

}  // namespace tinyml::train
