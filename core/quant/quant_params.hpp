// Per-tensor quantization of int8 activations, TFLite's scheme: real = scale · (q − zero_point)
// with q in [−128, 127]. How a calibrated float range becomes (scale, zero point), how a
// float is quantized, and the clamp a fused activation becomes in the quantized domain.
// See ../shared/reference/tflite-int8-arithmetic.md §1, §4, §13.
#pragma once

#include <cstdint>
#include <string>

namespace tinyml::quant {

constexpr int32_t kInt8Min = -128;
constexpr int32_t kInt8Max = 127;

// Affine quantization of one tensor. scale > 0 (float32, as TFLite stores it);
// zero_point in [−128, 127].
struct QuantParams {
  float scale = 1.0f;
  int32_t zero_point = 0;
  bool operator==(const QuantParams& other) const {
    return scale == other.scale && zero_point == other.zero_point;
  }
};

// Always-on check at public entry points: throws tinyml::Error(path, reason) unless
// scale is finite and > 0 and zero_point is in [−128, 127].
void check_quant_params(const QuantParams& params, const std::string& path);

// Activation fused into an op, applied as a clamp of the int8 output.
// ReluN1To1 (TFLite RELU_N1_TO_1) exists for TFLM's own test vectors.
enum class FusedActivation { None, Relu, Relu6, ReluN1To1 };

// Inclusive int8 output range of an op after its fused activation.
struct ActivationRange {
  int32_t min = kInt8Min;
  int32_t max = kInt8Max;
};

// TFLite CalculateActivationRangeQuantized (kernel_util.cc): the real bounds 0, 6, ±1
// quantized with `output` (quantize_to_int32, float arithmetic), intersected with
// [−128, 127]. None → [−128, 127]; Relu → [Q(0), 127]; Relu6 → [Q(0), min(127, Q(6))];
// ReluN1To1 → [max(−128, Q(−1)), min(127, Q(1))]. `output` must be valid.
ActivationRange activation_range(FusedActivation activation, const QuantParams& output);

// zero_point + round(value / scale), with value / scale evaluated in float32 and rounded
// half away from zero (TFLite's Quantize in kernel_util.cc), not clamped. Values whose
// quotient is beyond ±2^30 saturate there first (TFLite rejects them instead).
// Domain: value not NaN, params valid.
int32_t quantize_to_int32(float value, const QuantParams& params);

// The same, clamped to [−128, 127]: TFLite's FloatToQuantizedType / tflite::Quantize
// (micro_utils.h), which is how TFLM's tests produce their int8 inputs.
int8_t quantize_value(float value, const QuantParams& params);

// scale · (q − zero_point), in float.
float dequantize_value(int32_t q, const QuantParams& params);

// (scale, zero_point) for a tensor whose calibrated values lie in [min, max], as the
// TFLite converter chooses them (tensorflow/compiler/mlir/lite/quantization:
// ConvertStatsToQDQs widens the range to contain 0; FakeQuantSupport.cpp
// getNudgedScaleAndZeroPoint, the same rule as kernels/internal/quantization_util.h
// ChooseQuantizationParams):
//   min' = min(min, 0), max' = max(max, 0), scale = (max' − min') / 255 (double);
//   zero point from whichever of (min', −128), (max', 127) has the smaller rounding
//   error, rounded half away from zero and clamped to [−128, 127];
//   a range narrower than double epsilon gives scale 1 and zero point −128.
// The scale is then stored as float32. Domain: finite min ≤ max (checked, throws).
QuantParams choose_activation_params(float min, float max);

}  // namespace tinyml::quant
