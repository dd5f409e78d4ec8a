// Non-owning views of the memory a kernel reads and writes. Eval functions take spans,
// so a tensor can live in an xt::xtensor, a std::vector or a planned arena; the shapes
// live in the op's prepared params, and each eval debug-checks the span sizes on entry.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <xtensor/xtensor.hpp>

namespace tinyml::kernels {

template <typename T>
struct Span {
  T* data = nullptr;
  std::size_t size = 0;

  T& operator[](std::size_t index) const {
    assert(index < size);
    return data[index];
  }
  bool empty() const { return size == 0; }
};

template <typename T, std::size_t Rank>
Span<T> span_of(xt::xtensor<T, Rank>& tensor) {
  return {tensor.data(), tensor.size()};
}
template <typename T, std::size_t Rank>
Span<const T> span_of(const xt::xtensor<T, Rank>& tensor) {
  return {tensor.data(), tensor.size()};
}
template <typename T>
Span<T> span_of(std::vector<T>& values) {
  return {values.data(), values.size()};
}
template <typename T>
Span<const T> span_of(const std::vector<T>& values) {
  return {values.data(), values.size()};
}

// Shape of an NHWC activation tensor. Offset of (b, y, x, c) is ((b·H + y)·W + x)·C + c
// (TFLite runtime_shape.h Offset).
struct Nhwc {
  int batch = 1;
  int height = 1;
  int width = 1;
  int channels = 1;

  std::size_t size() const {
    return static_cast<std::size_t>(batch) * height * width * channels;
  }
  std::size_t offset(int b, int y, int x, int c) const {
    return ((static_cast<std::size_t>(b) * height + y) * width + x) * channels + c;
  }
  bool operator==(const Nhwc& other) const {
    return batch == other.batch && height == other.height && width == other.width &&
           channels == other.channels;
  }
};

}  // namespace tinyml::kernels
