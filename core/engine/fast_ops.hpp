// The fast kernels of an Int8Engine (int8_engine.hpp, Int8Kernels::Fast): per op, the
// packed form its fast kernel needs (conv2d_fast.hpp, depthwise_conv2d_fast.hpp for
// depth multiplier 1, fully_connected_fast.hpp, add_fast.hpp without broadcasting,
// mean_fast.hpp for global average pooling, pool2d_fast.hpp for average and max
// pooling), built once at prepare from the op's reference params and weights, and one
// int16 scratch buffer for the largest im2col block or padded image. Ops without a fast
// kernel (flatten, other depthwise, add, mean and pools) run their reference kernel.
#pragma once

#include <cstdint>
#include <variant>
#include <vector>

#include "core/engine/int8_model.hpp"
#include "core/kernels/add_fast.hpp"
#include "core/kernels/conv2d_fast.hpp"
#include "core/kernels/depthwise_conv2d_fast.hpp"
#include "core/kernels/fully_connected_fast.hpp"
#include "core/kernels/mean_fast.hpp"
#include "core/kernels/pool2d_fast.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::engine {

class FastOps {
 public:
  // Appends the next op (ops are appended in graph order): its reference params, data
  // and kind (average and max pooling share their params). Prepare-time: allocates.
  void append(const kernels::Conv2dParams& params, const Int8OpData& data, OpKind kind);
  void append(const kernels::DepthwiseConv2dParams& params, const Int8OpData& data, OpKind kind);
  void append(const kernels::FullyConnectedParams& params, const Int8OpData& data, OpKind kind);
  void append(const kernels::AddParams& params, const Int8OpData& data, OpKind kind);
  void append(const kernels::MeanParams& params, const Int8OpData& data, OpKind kind);
  void append(const kernels::Pool2dParams& params, const Int8OpData& data, OpKind kind);
  template <typename OtherParams>
  void append(const OtherParams&, const Int8OpData&, OpKind) {
    kernels_.emplace_back();
  }

  // Runs op `op_index` with its fast kernel; false (nothing done) when it has none.
  // `second_input`: add's other input (empty for the other ops). Allocates nothing.
  bool run(int op_index, kernels::Span<const int8_t> input, kernels::Span<const int8_t> second_input,
           kernels::Span<int8_t> output);

 private:
  struct FastPool {
    kernels::Pool2dParams params;
    bool average = false;  // else max
  };
  using Kernel = std::variant<std::monostate, kernels::FastConv2d, kernels::FastDepthwiseConv2d,
                              kernels::FastFullyConnected, kernels::FastAdd, kernels::MeanParams, FastPool>;

  void grow_scratch(std::size_t elements);

  std::vector<Kernel> kernels_;   // per op
  std::vector<int16_t> scratch_;  // im2col columns and padded images of the kernels
};

}  // namespace tinyml::engine
