// The zero-padded int16 copy of one input image that the fast conv2d and depthwise
// kernels read their taps from: element (py, px, c) holds input(py − pad_top,
// px − pad_left, c) + input_offset, or 0 where that lies outside the input (0 is the
// input zero point once the offset is added, i.e. TFLM's padding). Every tap of every
// output pixel then lies inside the image: no bounds checks, no offset in the loop.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/kernels/tensor_span.hpp"
#include "core/kernels/window2d.hpp"

namespace tinyml::kernels {

struct PaddedImage {
  int height = 0;  // (OH − 1)·stride_h + (KH − 1)·dilation_h + 1
  int width = 0;   // (OW − 1)·stride_w + (KW − 1)·dilation_w + 1
  int channels = 0;
  std::size_t elements() const { return static_cast<std::size_t>(height) * width * channels; }
};

PaddedImage padded_image_of(const Window2d& window);

// Writes image `batch` of `input` (window.input layout) into `image` (padded.elements()).
void fill_padded_image(const Window2d& window, const PaddedImage& padded, int32_t input_offset,
                       Span<const int8_t> input, int batch, int16_t* image);

}  // namespace tinyml::kernels
