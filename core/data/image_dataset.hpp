// A labelled set of grey images (Fashion-MNIST: 28×28, labels 0–9), built from an IDX
// images file [N, H, W] and an IDX labels file [N], and turned into the engines' float
// inputs: [H, W, 1] with pixel / 255 in [0, 1].
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/idx.hpp"

namespace tinyml::data {

// Fashion-MNIST's class names, in label order (github.com/zalandoresearch/fashion-mnist).
extern const char* const kFashionMnistClasses[10];

struct ImageDataset {
  int height = 0;
  int width = 0;
  int classes = 0;               // labels are in [0, classes)
  std::vector<uint8_t> pixels;   // [N, H, W], row-major
  std::vector<uint8_t> labels;   // [N]

  std::size_t size() const { return labels.size(); }
  std::size_t image_pixels() const { return static_cast<std::size_t>(height) * width; }
  // Image `index` as the engines read it: [H, W, 1] floats, pixel / 255.
  std::vector<float> input(std::size_t index) const;
};

// Checks that `images` is [N, H, W], `labels` is [N] with the same N and every label is
// below `classes`. Throws tinyml::Error naming `images_name` / `labels_name`.
ImageDataset make_dataset(IdxArray images, IdxArray labels, int classes, const std::string& images_name,
                          const std::string& labels_name);

// The first `count` examples (all of them when count ≥ size()).
ImageDataset first_examples(const ImageDataset& dataset, std::size_t count);

}  // namespace tinyml::data
