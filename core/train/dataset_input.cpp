#include "core/train/dataset_input.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tinyml::train {

void check_input_fits(const data::ImageDataset& dataset, const TensorShape& input) {
  if (input.flat || input.c != 1 || input.h < dataset.height || input.w < dataset.width) {
    throw Error("input", "the data set's images are 1×" + std::to_string(dataset.height) + "×" +
                             std::to_string(dataset.width) + "; the network input must be 1 channel and at least " +
                             std::to_string(dataset.height) + "×" + std::to_string(dataset.width) + ", got " +
                             std::to_string(input.c) + "×" + std::to_string(input.h) + "×" + std::to_string(input.w));
  }
}

void write_network_input(const data::ImageDataset& dataset, std::size_t index, const TensorShape& input, float* out) {
  const int top = (input.h - dataset.height) / 2;
  const int left = (input.w - dataset.width) / 2;
  std::fill(out, out + input.elements(), 0.0f);
  const uint8_t* image = dataset.pixels.data() + index * dataset.image_pixels();
  for (int y = 0; y < dataset.height; ++y) {
    for (int x = 0; x < dataset.width; ++x) {
      out[(top + y) * input.w + left + x] = image[y * dataset.width + x] / 255.0f;
    }
  }
}

std::vector<float> network_input(const data::ImageDataset& dataset, std::size_t index, const TensorShape& input) {
  std::vector<float> values(static_cast<std::size_t>(input.elements()));
  write_network_input(dataset, index, input, values.data());
  return values;
}

}  // namespace tinyml::train
