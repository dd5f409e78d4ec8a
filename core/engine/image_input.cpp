#include "core/engine/image_input.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"

namespace tinyml::engine {
namespace {

struct Range {
  int begin = 0;
  int end = 0;  // exclusive
};

// For each of `out` bins over `in` source pixels: the source pixels whose centres
// (s + 0.5) · out / in fall in the bin, i.e. bin = floor((2s + 1) · out / (2 · in)); an
// empty bin (enlarging) takes the source pixel nearest its centre.
std::vector<Range> box_ranges(int in, int out) {
  std::vector<Range> ranges(static_cast<std::size_t>(out), Range{-1, -1});
  for (int source = 0; source < in; ++source) {
    const int bin = static_cast<int>((int64_t{2} * source + 1) * out / (int64_t{2} * in));
    Range& range = ranges[static_cast<std::size_t>(bin)];
    if (range.begin < 0) range.begin = source;
    range.end = source + 1;
  }
  for (int bin = 0; bin < out; ++bin) {
    Range& range = ranges[static_cast<std::size_t>(bin)];
    if (range.begin < 0) {
      range.begin = static_cast<int>((int64_t{2} * bin + 1) * in / (int64_t{2} * out));
      range.end = range.begin + 1;
    }
  }
  return ranges;
}

void check_image(const ImagePixels& image, const TensorShape& shape) {
  if (image.width < 1 || image.height < 1 || int64_t{image.width} * image.height > kMaxImagePixels) {
    throw Error("pixels", "width × height must be from 1 to " + std::to_string(kMaxImagePixels) + " pixels, got " +
                              std::to_string(image.width) + " × " + std::to_string(image.height));
  }
  if (image.channels != 1 && image.channels != 3 && image.channels != 4) {
    throw Error("pixels.channels", "must be 1 (grey), 3 (RGB) or 4 (RGBA), got " + std::to_string(image.channels));
  }
  const int64_t expected = int64_t{image.width} * image.height * image.channels;
  if (static_cast<int64_t>(image.data.size) != expected) {
    throw Error("pixels.data", "must hold width × height × channels = " + std::to_string(expected) + " values, got " +
                                   std::to_string(image.data.size));
  }
  for (std::size_t index = 0; index < image.data.size; ++index) {
    const float value = image.data[index];
    if (!(value >= 0.0f && value <= 255.0f)) {
      throw Error("pixels.data[" + std::to_string(index) + "]", "must be in [0, 255], got " + std::to_string(value));
    }
  }
  if (shape.flat || (shape.c != 1 && shape.c != 3)) {
    throw Error("input", "an image gives 1 (grey) or 3 (RGB) channels; the network takes " +
                             std::to_string(shape.c) + (shape.flat ? " features" : " channels"));
  }
}

}  // namespace

std::vector<float> image_to_input(const ImagePixels& image, const TensorShape& shape) {
  check_image(image, shape);
  const std::vector<Range> rows = box_ranges(image.height, shape.h);
  const std::vector<Range> cols = box_ranges(image.width, shape.w);
  std::vector<float> input(static_cast<std::size_t>(shape.elements()));
  for (int out_y = 0; out_y < shape.h; ++out_y) {
    for (int out_x = 0; out_x < shape.w; ++out_x) {
      double sum[3] = {0, 0, 0};
      const Range& row = rows[static_cast<std::size_t>(out_y)];
      const Range& col = cols[static_cast<std::size_t>(out_x)];
      for (int in_y = row.begin; in_y < row.end; ++in_y) {
        for (int in_x = col.begin; in_x < col.end; ++in_x) {
          const float* pixel = image.data.data + (static_cast<std::size_t>(in_y) * image.width + in_x) * image.channels;
          for (int channel = 0; channel < 3; ++channel) sum[channel] += pixel[image.channels >= 3 ? channel : 0];
        }
      }
      const double count = static_cast<double>(row.end - row.begin) * (col.end - col.begin);
      float* out = input.data() + (static_cast<std::size_t>(out_y) * shape.w + out_x) * shape.c;
      if (shape.c == 3) {
        for (int channel = 0; channel < 3; ++channel) out[channel] = static_cast<float>(sum[channel] / count / 127.5 - 1.0);
      } else {
        out[0] = static_cast<float>((sum[0] + sum[1] + sum[2]) / 3.0 / count / 127.5 - 1.0);
      }
    }
  }
  return input;
}

}  // namespace tinyml::engine
