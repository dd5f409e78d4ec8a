// The int8 model file (docs/int8-model-format.md): a JSON document holding everything
// the int8 engine needs — tensors with shape and quantization, ops with geometry, fused
// activation, int8 weights, int32 biases and per-channel weight scales.
//
// Reading validates everything before anything is allocated for the model, with the
// JSON path in every error: the format tag and version, unknown fields, tensor names
// (unique) and shapes, scales (finite, > 0) and zero points ([-128, 127]), op types,
// tensor references (each input produced before it is read, each output produced
// once), the output shape each op computes against the declared one, weight and bias
// counts and ranges, and size limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/engine/int8_model.hpp"

namespace tinyml::engine {

namespace int8_model_limits {
constexpr std::size_t kMaxTextBytes = std::size_t{256} << 20;  // 256 MiB of JSON text
constexpr int kMaxTensors = 4096;
constexpr int kMaxOps = 4096;
constexpr int64_t kMaxActivationElements = int64_t{1} << 28;  // all tensors together
}  // namespace int8_model_limits

constexpr const char* kInt8ModelFormat = "tinyml-int8-model";
constexpr int kInt8ModelVersion = 1;

// Throws tinyml::Error (JsonSyntaxError for malformed text) naming the path.
Int8Model read_int8_model(const std::string& text);
Int8Model int8_model_from_json(const nlohmann::json& document);

// The file for `model`; int8_model_from_json(int8_model_to_json(m)) reproduces m exactly
// (float32 scales are written with enough digits to round-trip).
nlohmann::json int8_model_to_json(const Int8Model& model);

}  // namespace tinyml::engine
