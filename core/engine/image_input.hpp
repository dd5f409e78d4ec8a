// An image (8-bit pixels, any size) → the network input: resized to the input's H×W,
// converted to its channel count, and mapped to [−1, 1] (value / 127.5 − 1), the range
// of the generated samples the model was calibrated on (sample_inputs.hpp).
//
// Resizing is a box filter: each output pixel is the mean of the source pixels whose
// centres fall inside its footprint (the nearest source pixel when none does, i.e.
// when enlarging). Channels: a 3-channel network takes R, G, B; a 1-channel network
// takes the mean of R, G and B (or the grey value). Alpha is ignored. Computed in
// double with +, ·, / only, so native and wasm agree exactly.
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::engine {

constexpr int64_t kMaxImagePixels = int64_t{1} << 22;  // width · height, e.g. 2048 × 2048

struct ImagePixels {
  int width = 0;
  int height = 0;
  int channels = 0;                  // 1 (grey), 3 (RGB) or 4 (RGBA)
  kernels::Span<const float> data;   // [height, width, channels] values in [0, 255]
};

// Returns [H, W, C] floats for a network input of `shape`. Throws tinyml::Error naming
// "pixels.width", "pixels.channels", "pixels.data", or "input" when the network takes
// neither 1 nor 3 channels.
std::vector<float> image_to_input(const ImagePixels& image, const TensorShape& shape);

}  // namespace tinyml::engine
