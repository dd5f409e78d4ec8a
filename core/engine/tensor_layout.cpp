#include "core/engine/tensor_layout.hpp"

namespace tinyml::engine {
namespace {

// Element (c, y, x) sits at (c·H + y)·W + x in C, H, W order and (y·W + x)·C + c in
// H, W, C order.
template <typename T, bool ToHwc>
std::vector<T> transpose(const std::vector<T>& from, const TensorShape& shape) {
  if (shape.flat) return from;
  std::vector<T> to(from.size());
  for (int c = 0; c < shape.c; ++c) {
    for (int y = 0; y < shape.h; ++y) {
      for (int x = 0; x < shape.w; ++x) {
        const std::size_t chw = (static_cast<std::size_t>(c) * shape.h + y) * shape.w + x;
        const std::size_t hwc = (static_cast<std::size_t>(y) * shape.w + x) * shape.c + c;
        if (ToHwc) {
          to[hwc] = from[chw];
        } else {
          to[chw] = from[hwc];
        }
      }
    }
  }
  return to;
}

}  // namespace

template <typename T>
std::vector<T> chw_to_hwc(const std::vector<T>& chw, const TensorShape& shape) {
  return transpose<T, true>(chw, shape);
}
template <typename T>
std::vector<T> hwc_to_chw(const std::vector<T>& hwc, const TensorShape& shape) {
  return transpose<T, false>(hwc, shape);
}
template std::vector<float> chw_to_hwc(const std::vector<float>&, const TensorShape&);
template std::vector<int8_t> chw_to_hwc(const std::vector<int8_t>&, const TensorShape&);
template std::vector<float> hwc_to_chw(const std::vector<float>&, const TensorShape&);
template std::vector<int8_t> hwc_to_chw(const std::vector<int8_t>&, const TensorShape&);

}  // namespace tinyml::engine
