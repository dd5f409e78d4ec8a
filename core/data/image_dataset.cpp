#include "core/data/image_dataset.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tinyml::data {

const char* const kFashionMnistClasses[10] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

std::vector<float> ImageDataset::input(std::size_t index) const {
  const std::size_t pixel_count = image_pixels();
  std::vector<float> values(pixel_count);
  const uint8_t* image = pixels.data() + index * pixel_count;
  for (std::size_t pixel = 0; pixel < pixel_count; ++pixel) values[pixel] = image[pixel] / 255.0f;
  return values;
}

ImageDataset make_dataset(IdxArray images, IdxArray labels, int classes, const std::string& images_name,
                          const std::string& labels_name) {
  if (images.dims.size() != 3) {
    throw Error(images_name, "images must have 3 dimensions [N, H, W], got " + std::to_string(images.dims.size()));
  }
  if (labels.dims.size() != 1) {
    throw Error(labels_name, "labels must have 1 dimension [N], got " + std::to_string(labels.dims.size()));
  }
  if (images.dims[0] != labels.dims[0]) {
    throw Error(labels_name, "has " + std::to_string(labels.dims[0]) + " labels for " +
                                 std::to_string(images.dims[0]) + " images");
  }
  if (images.dims[1] > 4096 || images.dims[2] > 4096) {
    throw Error(images_name, "images larger than 4096×4096 are not supported");
  }
  for (std::size_t index = 0; index < labels.values.size(); ++index) {
    if (labels.values[index] >= classes) {
      throw Error(labels_name, "label " + std::to_string(index) + " is " + std::to_string(labels.values[index]) +
                                   ", expected 0 to " + std::to_string(classes - 1));
    }
  }
  ImageDataset dataset;
  dataset.height = static_cast<int>(images.dims[1]);
  dataset.width = static_cast<int>(images.dims[2]);
  dataset.classes = classes;
  dataset.pixels = std::move(images.values);
  dataset.labels = std::move(labels.values);
  return dataset;
}

ImageDataset first_examples(const ImageDataset& dataset, std::size_t count) {
  count = std::min(count, dataset.size());
  ImageDataset subset;
  subset.height = dataset.height;
  subset.width = dataset.width;
  subset.classes = dataset.classes;
  subset.labels.assign(dataset.labels.begin(), dataset.labels.begin() + count);
  subset.pixels.assign(dataset.pixels.begin(), dataset.pixels.begin() + count * dataset.image_pixels());
  return subset;
}

}  // namespace tinyml::data
