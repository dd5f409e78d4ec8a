// The editable network description, parsed and validated: a sequence of layers, some of
// them composite blocks that the graph builder expands into primitive ops.
// Shapes are written C×H×W (PyTorch order), as the lecture and the JSON format do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tinyml {

enum class LayerKind { Conv2d, DwConv2d, MBConv, ResBlock, AvgPool, MaxPool, GlobalAvgPool, Flatten, Linear };
enum class Activation { None, Relu, Relu6 };
enum class PaddingMode { Explicit, Same, Valid };

struct Hw {
  int h = 1;
  int w = 1;
  bool operator==(const Hw& other) const { return h == other.h && w == other.w; }
};

struct PaddingSpec {
  PaddingMode mode = PaddingMode::Explicit;
  Hw amount{0, 0};  // only for Explicit: pixels added on each side
};

struct LayerSpec {
  LayerKind kind = LayerKind::Conv2d;
  std::string path;  // JSON path of this layer, e.g. "layers[3]"
  std::string name;  // user-given name, "" when the builder should name it
  int out = 0;       // output channels (conv2d, mbconv, resblock) or features (linear)
  Hw kernel{1, 1};
  Hw stride{1, 1};
  PaddingSpec padding;
  int groups = 1;
  bool bias = true;
  bool bn = false;
  Activation act = Activation::None;
  int expand = 1;  // mbconv: expansion ratio
  int mid = 0;     // mbconv: hidden channels; 0 = input channels × expand
};

struct NetworkSpec {
  std::string name;
  std::string description;
  int in_channels = 0;
  int in_height = 0;
  int in_width = 0;
  std::vector<LayerSpec> layers;
};

// Bounds that keep a browser tab alive. Checked while parsing (per field) and while
// building the graph (per tensor and in total), before anything is allocated.
namespace limits {
constexpr int kMaxSpecBytes = 1 << 22;           // 4 MiB of JSON text
constexpr int kMaxLayers = 1000;                 // entries in "layers"
constexpr int kMaxDim = 16384;                   // any channel count, height or width
constexpr int kMaxKernel = 64;                   // kernel size per axis
constexpr int kMaxStride = 64;
constexpr int kMaxPadding = 64;
constexpr int kMaxExpand = 64;
constexpr int64_t kMaxTensorElements = int64_t{1} << 26;  // 64 Mi elements per activation
constexpr int64_t kMaxParams = int64_t{1} << 26;          // 64 Mi parameters in total
constexpr int64_t kMaxMacs = int64_t{1} << 37;            // 128 Gi multiply-accumulates
}  // namespace limits

// Parses and validates a network description. Throws tinyml::Error naming the JSON path
// and the reason (tinyml::JsonSyntaxError, with line and column, for malformed JSON).
NetworkSpec parse_network(const std::string& json_text);
NetworkSpec parse_network(const nlohmann::json& document);

const char* layer_kind_name(LayerKind kind);
const char* activation_name(Activation act);

}  // namespace tinyml
