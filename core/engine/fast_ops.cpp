#include "core/engine/fast_ops.hpp"

namespace tinyml::engine {
namespace {

template <typename T, std::size_t Rank>
kernels::Span<const T> view(const xt::xtensor<T, Rank>& values) {
  return {values.data(), values.size()};
}

}  // namespace

void FastOps::grow_scratch(std::size_t elements) {
  if (elements > scratch_.size()) scratch_.assign(elements, 0);
}

void FastOps::append(const kernels::Conv2dParams& params, const Int8OpData& data, OpKind) {
  kernels::FastConv2d conv = kernels::prepare_conv2d_fast(params, view(data.filter), view(data.bias));
  grow_scratch(conv.scratch_elements());
  kernels_.emplace_back(std::move(conv));
}

void FastOps::append(const kernels::DepthwiseConv2dParams& params, const Int8OpData& data, OpKind) {
  if (!kernels::depthwise_conv2d_fast_supported(params)) {
    kernels_.emplace_back();
    return;
  }
  kernels::FastDepthwiseConv2d conv = kernels::prepare_depthwise_conv2d_fast(params, view(data.filter), view(data.bias));
  grow_scratch(conv.scratch_elements());
  kernels_.emplace_back(std::move(conv));
}

void FastOps::append(const kernels::FullyConnectedParams& params, const Int8OpData& data, OpKind) {
  kernels::FastFullyConnected layer = kernels::prepare_fully_connected_fast(params, view(data.filter), view(data.bias));
  grow_scratch(layer.scratch_elements());
  kernels_.emplace_back(std::move(layer));
}

void FastOps::append(const kernels::AddParams& params, const Int8OpData&, OpKind) {
  if (!kernels::add_fast_supported(params)) {
    kernels_.emplace_back();
    return;
  }
  kernels_.emplace_back(kernels::prepare_add_fast(params));
}

void FastOps::append(const kernels::MeanParams& params, const Int8OpData&, OpKind) {
  if (kernels::mean_fast_supported(params)) {
    kernels_.emplace_back(params);
  } else {
    kernels_.emplace_back();
  }
}

void FastOps::append(const kernels::Pool2dParams& params, const Int8OpData&, OpKind kind) {
  if (kernels::pool2d_fast_supported(params)) {
    kernels_.emplace_back(FastPool{params, kind == OpKind::AvgPool});
  } else {
    kernels_.emplace_back();
  }
}

bool FastOps::run(int op_index, kernels::Span<const int8_t> input, kernels::Span<const int8_t> second_input,
                  kernels::Span<int8_t> output) {
  const Kernel& kernel = kernels_[op_index];
  const kernels::Span<int16_t> scratch{scratch_.data(), scratch_.size()};
  if (const auto* conv = std::get_if<kernels::FastConv2d>(&kernel)) {
    kernels::conv2d_fast(*conv, input, scratch, output);
  } else if (const auto* depthwise = std::get_if<kernels::FastDepthwiseConv2d>(&kernel)) {
    kernels::depthwise_conv2d_fast(*depthwise, input, scratch, output);
  } else if (const auto* linear = std::get_if<kernels::FastFullyConnected>(&kernel)) {
    kernels::fully_connected_fast(*linear, input, scratch, output);
  } else if (const auto* add = std::get_if<kernels::FastAdd>(&kernel)) {
    kernels::add_fast(*add, input, second_input, output);
  } else if (const auto* mean = std::get_if<kernels::MeanParams>(&kernel)) {
    kernels::mean_fast(*mean, input, output);
  } else if (const auto* pool = std::get_if<FastPool>(&kernel)) {
    if (pool->average) {
      kernels::average_pool2d_fast(pool->params, input, output);
    } else {
      kernels::max_pool2d_fast(pool->params, input, output);
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace tinyml::engine
