#include "core/spec/presets.hpp"


#include "core/error.hpp"
#include "core/util/names.hpp"

namespace tinyml {
namespace {

// The lecture's TinyNet (part 2): four 3×3 convolutions with biases, no BN.
constexpr const char* kTinyNet = R"({
  "name": "TinyNet",
  "input": [3, 128, 128],
  "layers": [
    {"type": "conv2d", "out": 16, "kernel": 3, "stride": 1, "padding": 1, "act": "relu"},
    {"type": "conv2d", "out": 32, "kernel": 3, "stride": 2, "padding": 1, "act": "relu"},
    {"type": "conv2d", "out": 64, "kernel": 3, "stride": 2, "padding": 1, "act": "relu"},
    {"type": "conv2d", "out": 128, "kernel": 3, "stride": 2, "padding": 1, "act": "relu"},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 10}
  ]
})";

// The lecture's MCUNet (part 3): a stem, six inverted residual blocks with expansion
// growing as resolution falls, a 1×1 head. Not the published MCUNet models.
constexpr const char* kMcuNet = R"({
  "name": "MCUNet",
  "input": [3, 128, 128],
  "layers": [
    {"type": "conv2d", "out": 16, "kernel": 3, "stride": 2, "padding": 1, "bn": true, "act": "relu6"},
    {"type": "mbconv", "out": 16, "expand": 1, "stride": 1},
    {"type": "mbconv", "out": 24, "expand": 2, "stride": 2},
    {"type": "mbconv", "out": 24, "expand": 3, "stride": 1},
    {"type": "mbconv", "out": 40, "expand": 3, "stride": 2},
    {"type": "mbconv", "out": 40, "expand": 4, "stride": 1},
    {"type": "mbconv", "out": 80, "expand": 4, "stride": 2},
    {"type": "conv2d", "out": 160, "kernel": 1, "bn": true, "act": "relu6"},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 10}
  ]
})";

// MobileNetV2 1.0 at 224 (Sandler et al. 2018, Table 2; torchvision's layout).
constexpr const char* kMobileNetV2 = R"({
  "name": "MobileNetV2",
  "input": [3, 224, 224],
  "layers": [
    {"type": "conv2d", "out": 32, "kernel": 3, "stride": 2, "padding": 1, "bn": true, "act": "relu6"},
    {"type": "mbconv", "out": 16, "expand": 1},
    {"type": "mbconv", "out": 24, "expand": 6, "stride": 2},
    {"type": "mbconv", "out": 24, "expand": 6},
    {"type": "mbconv", "out": 32, "expand": 6, "stride": 2},
    {"type": "mbconv", "out": 32, "expand": 6},
    {"type": "mbconv", "out": 32, "expand": 6},
    {"type": "mbconv", "out": 64, "expand": 6, "stride": 2},
    {"type": "mbconv", "out": 64, "expand": 6},
    {"type": "mbconv", "out": 64, "expand": 6},
    {"type": "mbconv", "out": 64, "expand": 6},
    {"type": "mbconv", "out": 96, "expand": 6},
    {"type": "mbconv", "out": 96, "expand": 6},
    {"type": "mbconv", "out": 96, "expand": 6},
    {"type": "mbconv", "out": 160, "expand": 6, "stride": 2},
    {"type": "mbconv", "out": 160, "expand": 6},
    {"type": "mbconv", "out": 160, "expand": 6},
    {"type": "mbconv", "out": 320, "expand": 6},
    {"type": "conv2d", "out": 1280, "kernel": 1, "bn": true, "act": "relu6"},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 1000}
  ]
})";

// ResNet-18 at 224 (He et al. 2016; torchvision's layout: projection shortcuts).
constexpr const char* kResNet18 = R"({
  "name": "ResNet-18",
  "input": [3, 224, 224],
  "layers": [
    {"type": "conv2d", "out": 64, "kernel": 7, "stride": 2, "padding": 3, "bn": true, "act": "relu"},
    {"type": "maxpool", "kernel": 3, "stride": 2, "padding": 1},
    {"type": "resblock", "out": 64},
    {"type": "resblock", "out": 64},
    {"type": "resblock", "out": 128, "stride": 2},
    {"type": "resblock", "out": 128},
    {"type": "resblock", "out": 256, "stride": 2},
    {"type": "resblock", "out": 256},
    {"type": "resblock", "out": 512, "stride": 2},
    {"type": "resblock", "out": 512},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 1000}
  ]
})";

// Sized for Fashion-MNIST (1×28×28 grey, 10 classes; issue 6): two 3×3 convs with BN,
// each followed by a 2×2 max pool, and a linear classifier on the flattened 16×7×7 — the
// LeNet pattern, small enough to train from scratch in seconds per epoch.
constexpr const char* kFashionTinyNet = R"({
  "name": "FashionTinyNet",
  "input": [1, 28, 28],
  "layers": [
    {"type": "conv2d", "out": 8, "kernel": 3, "padding": 1, "bn": true, "act": "relu"},
    {"type": "maxpool", "kernel": 2},
    {"type": "conv2d", "out": 16, "kernel": 3, "padding": 1, "bn": true, "act": "relu"},
    {"type": "maxpool", "kernel": 2},
    {"type": "flatten"},
    {"type": "linear", "out": 10}
  ]
})";

// An MCUNet-style net for Fashion-MNIST at 1×32×32 (the 28×28 images centred, zero
// padded): a strided stem, inverted residual blocks, a 1×1 head.
constexpr const char* kFashionMcuNet = R"({
  "name": "FashionMCUNet",
  "input": [1, 32, 32],
  "layers": [
    {"type": "conv2d", "out": 16, "kernel": 3, "stride": 1, "padding": 1, "bn": true, "act": "relu6"},
    {"type": "mbconv", "out": 16, "expand": 1, "stride": 2},
    {"type": "mbconv", "out": 24, "expand": 3, "stride": 2},
    {"type": "mbconv", "out": 24, "expand": 3, "stride": 1},
    {"type": "mbconv", "out": 40, "expand": 3, "stride": 2},
    {"type": "conv2d", "out": 96, "kernel": 1, "bn": true, "act": "relu6"},
    {"type": "global_avgpool"},
    {"type": "linear", "out": 10}
  ]
})";


}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = {
      {"TinyNet", "The lecture's naive TinyNet: four 3×3 convs at 128×128 (part 2)", nlohmann::json::parse(kTinyNet)},
      {"MCUNet", "The lecture's MCUNet-style net: inverted residual blocks at 128×128 (part 3)",
       nlohmann::json::parse(kMcuNet)},
      {"MobileNetV2", "MobileNetV2 1.0 at 224×224, 1000 classes", nlohmann::json::parse(kMobileNetV2)},
      {"ResNet-18", "ResNet-18 at 224×224, 1000 classes", nlohmann::json::parse(kResNet18)},
      {"FashionTinyNet", "A TinyNet for Fashion-MNIST: two 3×3 convs with BN and max pools at 1×28×28, 10 classes",
       nlohmann::json::parse(kFashionTinyNet)},
      {"FashionMCUNet", "An MCUNet-style net for Fashion-MNIST: inverted residual blocks at 1×32×32, 10 classes",
       nlohmann::json::parse(kFashionMcuNet)},
  };
  return all;
}

const Preset& find_preset(const std::string& name) {
  std::string known;
  for (const Preset& preset : presets()) {
    if (same_name_ignoring_case(preset.name, name)) return preset;
    known += (known.empty() ? "" : ", ") + preset.name;
  }
  throw Error("preset", "unknown preset \"" + name + "\"; known: " + known);
}

}  // namespace tinyml
