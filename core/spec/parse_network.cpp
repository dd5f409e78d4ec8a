#include <string>

#include "core/error.hpp"
#include "core/spec/field_reader.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml {
namespace {

using limits::kMaxDim;
using limits::kMaxKernel;
using limits::kMaxStride;

struct KindName {
  const char* name;
  LayerKind kind;
};
constexpr KindName kKinds[] = {
    {"conv2d", LayerKind::Conv2d},   {"dwconv2d", LayerKind::DwConv2d},
    {"mbconv", LayerKind::MBConv},   {"resblock", LayerKind::ResBlock},
    {"avgpool", LayerKind::AvgPool}, {"maxpool", LayerKind::MaxPool},
    {"global_avgpool", LayerKind::GlobalAvgPool}, {"flatten", LayerKind::Flatten},
    {"linear", LayerKind::Linear},
};

LayerKind kind_of(const FieldReader& fields) {
  const std::string type = fields.string_or("type", "");
  if (!fields.has("type")) throw Error(fields.path_of("type"), "is required");
  std::string known;
  for (const auto& entry : kKinds) {
    if (type == entry.name) return entry.kind;
    known += (known.empty() ? "" : ", ") + std::string(entry.name);
  }
  throw Error(fields.path_of("type"), "unknown layer type \"" + type + "\"; known: " + known);
}

// conv2d and dwconv2d share everything but out/groups.
void read_convolution(const FieldReader& fields, LayerSpec& layer, bool depthwise) {
  if (depthwise) {
    fields.reject_unknown({"type", "name", "kernel", "stride", "padding", "bias", "bn", "act"});
    layer.kernel = fields.pair_or("kernel", Hw{3, 3}, 1, kMaxKernel);
  } else {
    fields.reject_unknown({"type", "name", "out", "kernel", "stride", "padding", "groups", "bias", "bn", "act"});
    layer.out = fields.integer("out", 1, kMaxDim);
    layer.kernel = fields.pair("kernel", 1, kMaxKernel);
    layer.groups = fields.integer_or("groups", 1, 1, kMaxDim);
  }
  layer.stride = fields.pair_or("stride", Hw{1, 1}, 1, kMaxStride);
  layer.padding = fields.padding_or("padding", PaddingSpec{PaddingMode::Explicit, Hw{layer.kernel.h / 2, layer.kernel.w / 2}});
  layer.bn = fields.boolean_or("bn", false);
  layer.bias = fields.boolean_or("bias", !layer.bn);
  layer.act = fields.activation_or("act", Activation::None);
}

void read_pool(const FieldReader& fields, LayerSpec& layer) {
  fields.reject_unknown({"type", "name", "kernel", "stride", "padding"});
  layer.kernel = fields.pair("kernel", 1, kMaxKernel);
  layer.stride = fields.pair_or("stride", layer.kernel, 1, kMaxStride);
  layer.padding = fields.padding_or("padding", PaddingSpec{});
  // PyTorch's rule for pools; a larger pad would make windows of padding only.
  const Hw pad = layer.padding.amount;
  if (pad.h > layer.kernel.h / 2 || pad.w > layer.kernel.w / 2) {
    throw Error(fields.path_of("padding"), "must be at most half the kernel (" + std::to_string(layer.kernel.h / 2) +
                                               "), got " + std::to_string(std::max(pad.h, pad.w)));
  }
}

LayerSpec read_layer(const nlohmann::json& value, const std::string& path) {
  const FieldReader fields(value, path);
  LayerSpec layer;
  layer.path = path;
  layer.kind = kind_of(fields);
  layer.name = fields.string_or("name", "");
  switch (layer.kind) {
    case LayerKind::Conv2d: read_convolution(fields, layer, false); break;
    case LayerKind::DwConv2d: read_convolution(fields, layer, true); break;
    case LayerKind::MBConv:
      fields.reject_unknown({"type", "name", "out", "expand", "kernel", "stride", "act", "mid"});
      layer.out = fields.integer("out", 1, kMaxDim);
      layer.expand = fields.integer("expand", 1, limits::kMaxExpand);
      layer.kernel = fields.pair_or("kernel", Hw{3, 3}, 1, kMaxKernel);
      layer.stride = fields.pair_or("stride", Hw{1, 1}, 1, kMaxStride);
      layer.act = fields.activation_or("act", Activation::Relu6);
      layer.mid = fields.integer_or("mid", 0, 1, kMaxDim);
      layer.bn = true;
      layer.bias = false;
      break;
    case LayerKind::ResBlock:
      fields.reject_unknown({"type", "name", "out", "stride"});
      layer.out = fields.integer("out", 1, kMaxDim);
      layer.stride = fields.pair_or("stride", Hw{1, 1}, 1, kMaxStride);
      layer.bn = true;
      layer.bias = false;
      layer.act = Activation::Relu;
      break;
    case LayerKind::AvgPool:
    case LayerKind::MaxPool: read_pool(fields, layer); break;
    case LayerKind::GlobalAvgPool:
    case LayerKind::Flatten: fields.reject_unknown({"type", "name"}); break;
    case LayerKind::Linear:
      fields.reject_unknown({"type", "name", "out", "bias", "act"});
      layer.out = fields.integer("out", 1, kMaxDim);
      layer.bias = fields.boolean_or("bias", true);
      layer.act = fields.activation_or("act", Activation::None);
      break;
  }
  return layer;
}

}  // namespace

NetworkSpec parse_network(const nlohmann::json& document) {
  const FieldReader fields(document, "");
  fields.reject_unknown({"name", "description", "input", "layers"});
  NetworkSpec spec;
  spec.name = fields.string_or("name", "network");
  spec.description = fields.string_or("description", "");

  if (!fields.has("input")) throw Error("input", "is required ([C, H, W])");
  const nlohmann::json& input = document["input"];
  if (!input.is_array() || input.size() != 3) throw Error("input", "must be [C, H, W], got " + input.dump());
  const nlohmann::json named_input = {{"C", input[0]}, {"H", input[1]}, {"W", input[2]}};
  const FieldReader input_fields(named_input, "");  // keeps a reference: named_input must outlive it
  const auto dim = [&](const char* key, int index) {
    try {
      return input_fields.integer(key, 1, kMaxDim);
    } catch (const Error& error) {
      throw Error("input[" + std::to_string(index) + "]", error.reason());
    }
  };
  spec.in_channels = dim("C", 0);
  spec.in_height = dim("H", 1);
  spec.in_width = dim("W", 2);

  if (!fields.has("layers")) throw Error("layers", "is required");
  const nlohmann::json& layers = document["layers"];
  if (!layers.is_array() || layers.empty()) throw Error("layers", "must be a non-empty array of layers");
  if (layers.size() > static_cast<std::size_t>(limits::kMaxLayers)) {
    throw Error("layers", "has " + std::to_string(layers.size()) + " entries; the limit is " +
                              std::to_string(limits::kMaxLayers));
  }
  for (std::size_t index = 0; index < layers.size(); ++index) {
    spec.layers.push_back(read_layer(layers[index], "layers[" + std::to_string(index) + "]"));
  }
  return spec;
}

NetworkSpec parse_network(const std::string& json_text) {
  return parse_network(parse_json_text(json_text, limits::kMaxSpecBytes, "the network description"));
}

const char* layer_kind_name(LayerKind kind) {
  for (const auto& entry : kKinds) {
    if (entry.kind == kind) return entry.name;
  }
  return "?";
}

const char* activation_name(Activation act) {
  switch (act) {
    case Activation::None: return "none";
    case Activation::Relu: return "relu";
    case Activation::Relu6: return "relu6";
  }
  return "?";
}

}  // namespace tinyml
