// Reading IDX data files from disk for the CLI: plain, or gzip-compressed as Debian's
// dataset-fashion-mnist ships them (decompressed here with zlib, so the core stays free
// of I/O and of zlib, which the wasm build does not have).
#pragma once

#include <string>

#include "core/data/image_dataset.hpp"

namespace tinyml::cli {

// Where Debian's dataset-fashion-mnist package puts the files.
constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// `path`'s bytes, gunzipped when they start with the gzip magic; at most
// data::kMaxIdxElements + 64 bytes after decompression. Throws tinyml::Error(path, ...).
std::string read_maybe_gzipped(const std::string& path);

// DIR/<stem>-images-idx3-ubyte and DIR/<stem>-labels-idx1-ubyte, each with or without
// ".gz" (the plain one first); stem "train" or "t10k". 10 classes.
data::ImageDataset read_fashion_mnist(const std::string& dir, const std::string& stem);

}  // namespace tinyml::cli
