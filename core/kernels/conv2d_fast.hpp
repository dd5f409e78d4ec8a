// Fast int8 2-D convolution, bit-exact with the reference conv2d (conv2d.hpp): the same
// params and layouts, with the filter packed once at prepare (int8_gemm.hpp) and the
// input gathered per block of output pixels into int16 columns (im2col: for each pixel
// its KH·KW·C_in/groups taps, input + offset, 0 for taps outside the image), then one
// matrix product per group. A 1×1 unpadded convolution (pointwise) gathers one tap per
// pixel and skips the window arithmetic. An undilated convolution with one group first
// widens the whole input once into a zero-padded int16 image (input + offset, 0 in the
// padding), so each pixel's columns are KH contiguous runs of KW·C_in values copied
// without bounds checks.
//
// Scratch: the caller hands eval `scratch_elements()` int16 (the engine allocates them
// once at prepare). Groups > 1 are supported (one packed filter per group).
#pragma once

#include <cstdint>
#include <vector>

#include "core/kernels/conv2d.hpp"
#include "core/kernels/int8_gemm.hpp"
#include "core/kernels/padded_image.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::kernels {

struct FastConv2d {
  Conv2dParams params;
  std::vector<PackedFilter> groups;  // one per group: [C_out / groups, KH·KW·C_in / groups]
  int block_pixels = 1;              // output pixels gathered per product
  bool pointwise = false;            // 1×1 filter, no padding
  bool padded_image = false;         // gather from a padded int16 copy of the input
  PaddedImage padded;                // its size
  std::size_t column_elements() const;  // the column block, at the start of the scratch
  std::size_t scratch_elements() const;  // column block, then the padded image if any
};

// Packs `filter` ([C_out, KH, KW, C_in / groups] int8, params.filter_size() values) and
// `bias` ([C_out] int32 or empty). Prepare-time: allocates.
FastConv2d prepare_conv2d_fast(const Conv2dParams& params, Span<const int8_t> filter, Span<const int32_t> bias);

// Same result as conv2d(params, input, filter, bias, output). Allocates nothing.
void conv2d_fast(const FastConv2d& conv, Span<const int8_t> input, Span<int16_t> scratch, Span<int8_t> output);

}  // namespace tinyml::kernels
