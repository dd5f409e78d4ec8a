// Builds a NetworkSpec in code, layer by layer, with exactly the fields parse_network
// would give the same layers written as JSON (defaults included), so a NAS candidate
// measured from this struct and the same candidate opened in the editor are one network.
#pragma once

#include <string>
#include <utility>

#include "core/spec/network_spec.hpp"

namespace tinyml::nas {

class NetworkBuilder {
 public:
  NetworkBuilder(std::string name, int channels, int height, int width) {
    spec_.name = std::move(name);
    spec_.in_channels = channels;
    spec_.in_height = height;
    spec_.in_width = width;
  }

  // conv2d with BN, no bias, padding kernel/2.
  NetworkBuilder& conv_bn(int out, int kernel, int stride, Activation act) {
    LayerSpec& layer = add(LayerKind::Conv2d);
    layer.out = out;
    layer.kernel = Hw{kernel, kernel};
    layer.stride = Hw{stride, stride};
    layer.padding = PaddingSpec{PaddingMode::Explicit, Hw{kernel / 2, kernel / 2}};
    layer.bn = true;
    layer.bias = false;
    layer.act = act;
    return *this;
  }

  // Inverted residual block, ReLU6 (the format's mbconv defaults).
  NetworkBuilder& mbconv(int out, int expand, int kernel, int stride) {
    LayerSpec& layer = add(LayerKind::MBConv);
    layer.out = out;
    layer.expand = expand;
    layer.kernel = Hw{kernel, kernel};
    layer.stride = Hw{stride, stride};
    layer.act = Activation::Relu6;
    layer.bn = true;
    layer.bias = false;
    return *this;
  }

  NetworkBuilder& global_avgpool() {
    add(LayerKind::GlobalAvgPool);
    return *this;
  }

  NetworkBuilder& linear(int out) {
    LayerSpec& layer = add(LayerKind::Linear);
    layer.out = out;
    layer.bias = true;
    return *this;
  }

  NetworkSpec finish() { return std::move(spec_); }

 private:
  LayerSpec& add(LayerKind kind) {
    LayerSpec layer;
    layer.kind = kind;
    layer.path = "layers[" + std::to_string(spec_.layers.size()) + "]";
    spec_.layers.push_back(std::move(layer));
    return spec_.layers.back();
  }

  NetworkSpec spec_;
};

}  // namespace tinyml::nas
