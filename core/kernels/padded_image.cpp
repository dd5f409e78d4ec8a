#include "core/kernels/padded_image.hpp"

#include <algorithm>

#include "core/kernels/int8_gemm.hpp"

namespace tinyml::kernels {

PaddedImage padded_image_of(const Window2d& window) {
  PaddedImage padded;
  padded.height = (window.output.height - 1) * window.stride_h + (window.filter_height - 1) * window.dilation_h + 1;
  padded.width = (window.output.width - 1) * window.stride_w + (window.filter_width - 1) * window.dilation_w + 1;
  padded.channels = window.input.channels;
  return padded;
}

void fill_padded_image(const Window2d& window, const PaddedImage& padded, int32_t input_offset,
                       Span<const int8_t> input, int batch, int16_t* image) {
  const int channels = padded.channels;
  const auto offset = static_cast<int16_t>(input_offset);
  const std::size_t row_elements = static_cast<std::size_t>(padded.width) * channels;
  const int inside_begin = std::min(window.pad_left, padded.width);
  const int inside_end = std::min(padded.width, window.pad_left + window.input.width);
  for (int padded_y = 0; padded_y < padded.height; ++padded_y) {
    int16_t* row = image + padded_y * row_elements;
    const int in_y = padded_y - window.pad_top;
    if (in_y < 0 || in_y >= window.input.height || inside_end <= inside_begin) {
      std::fill(row, row + row_elements, int16_t{0});
      continue;
    }
    std::fill(row, row + static_cast<std::size_t>(inside_begin) * channels, int16_t{0});
    widen_with_offset(input.data + window.input.offset(batch, in_y, 0, 0), (inside_end - inside_begin) * channels,
                      offset, row + static_cast<std::size_t>(inside_begin) * channels);
    std::fill(row + static_cast<std::size_t>(inside_end) * channels, row + row_elements, int16_t{0});
  }
}

}  // namespace tinyml::kernels
