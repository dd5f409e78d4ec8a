#include "core/spec/spec_json.hpp"

namespace tinyml {
namespace {

nlohmann::json hw_json(const Hw& value) {
  if (value.h == value.w) return value.h;
  return nlohmann::json::array({value.h, value.w});
}

void put_hw(nlohmann::json& layer, const char* key, const Hw& value, const Hw& fallback) {
  if (!(value == fallback)) layer[key] = hw_json(value);
}

void put_padding(nlohmann::json& layer, const PaddingSpec& padding, const PaddingSpec& fallback) {
  if (padding.mode == PaddingMode::Same) {
    layer["padding"] = "same";
  } else if (padding.mode == PaddingMode::Valid) {
    layer["padding"] = "valid";
  } else if (fallback.mode != PaddingMode::Explicit || !(padding.amount == fallback.amount)) {
    layer["padding"] = hw_json(padding.amount);
  }
}

void put_act(nlohmann::json& layer, Activation act, Activation fallback) {
  if (act != fallback) layer["act"] = activation_name(act);
}

void put_convolution(nlohmann::json& layer, const LayerSpec& spec, bool depthwise) {
  if (!depthwise) {
    layer["out"] = spec.out;
    layer["kernel"] = hw_json(spec.kernel);
    if (spec.groups != 1) layer["groups"] = spec.groups;
  } else {
    put_hw(layer, "kernel", spec.kernel, Hw{3, 3});
  }
  put_hw(layer, "stride", spec.stride, Hw{1, 1});
  put_padding(layer, spec.padding, PaddingSpec{PaddingMode::Explicit, Hw{spec.kernel.h / 2, spec.kernel.w / 2}});
  if (spec.bn) layer["bn"] = true;
  if (spec.bias != !spec.bn) layer["bias"] = spec.bias;
  put_act(layer, spec.act, Activation::None);
}

nlohmann::json layer_json(const LayerSpec& spec) {
  nlohmann::json layer = {{"type", layer_kind_name(spec.kind)}};
  if (!spec.name.empty()) layer["name"] = spec.name;
  switch (spec.kind) {
    case LayerKind::Conv2d: put_convolution(layer, spec, false); break;
    case LayerKind::DwConv2d: put_convolution(layer, spec, true); break;
    case LayerKind::MBConv:
      layer["out"] = spec.out;
      layer["expand"] = spec.expand;
      put_hw(layer, "kernel", spec.kernel, Hw{3, 3});
      put_hw(layer, "stride", spec.stride, Hw{1, 1});
      put_act(layer, spec.act, Activation::Relu6);
      if (spec.mid != 0) layer["mid"] = spec.mid;
      break;
    case LayerKind::ResBlock:
      layer["out"] = spec.out;
      put_hw(layer, "stride", spec.stride, Hw{1, 1});
      break;
    case LayerKind::AvgPool:
    case LayerKind::MaxPool:
      layer["kernel"] = hw_json(spec.kernel);
      put_hw(layer, "stride", spec.stride, spec.kernel);
      put_padding(layer, spec.padding, PaddingSpec{});
      break;
    case LayerKind::GlobalAvgPool:
    case LayerKind::Flatten: break;
    case LayerKind::Linear:
      layer["out"] = spec.out;
      if (!spec.bias) layer["bias"] = false;
      put_act(layer, spec.act, Activation::None);
      break;
  }
  return layer;
}

}  // namespace

nlohmann::json network_spec_json(const NetworkSpec& spec) {
  nlohmann::json document = {{"name", spec.name}};
  if (!spec.description.empty()) document["description"] = spec.description;
  document["input"] = {spec.in_channels, spec.in_height, spec.in_width};
  nlohmann::json layers = nlohmann::json::array();
  for (const LayerSpec& layer : spec.layers) layers.push_back(layer_json(layer));
  document["layers"] = std::move(layers);
  return document;
}

}  // namespace tinyml
