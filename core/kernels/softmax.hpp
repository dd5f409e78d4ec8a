// Reference int8 → int8 softmax over the last dimension, as TFLM computes it
// (micro/kernels/softmax_common.cc for prepare, reference/softmax.h for eval, gemmlowp
// fixed-point exp). See tflite-int8-arithmetic.md §12.
//
// The output is int8 with TFLite's fixed quantization: scale 1/256, zero point −128
// (probability p ↦ round(256·p) − 128). Callers wanting float probabilities dequantize.
// Layouts: input and output [rows, depth] row-major (any shape; depth = last dimension).
#pragma once

#include <cstdint>
#include <string>

#include "core/kernels/tensor_span.hpp"
#include "core/quant/fixed_point.hpp"
#include "core/quant/quant_params.hpp"

namespace tinyml::kernels {

struct SoftmaxConfig {
  int rows = 1;   // product of all dimensions but the last
  int depth = 1;  // the last dimension
  float beta = 1.0f;
  quant::QuantParams input;
  quant::QuantParams output;  // must be {1/256, −128}
};

struct SoftmaxParams {
  int rows = 1;
  int depth = 1;
  // β · input_scale · 2^26 as a multiplier > 1: maps an int8 difference to Q5.26.
  quant::QuantizedMultiplier input_multiplier;
  // Differences below this are too negative to matter; their output is −128.
  int32_t diff_min = 0;
};

// Validates (throws tinyml::Error): output quantization {1/256, −128}; depth ≤ 4095 so
// that the Q12.19 sum of up to `depth` exponentials (each ≤ 1) cannot wrap;
// β · input_scale · 2^26 > 1. Derives the multiplier and diff_min =
// −floor((2^5 − 1) · 2^26 / 2^left_shift) (TFLite CalculateInputRadius).
SoftmaxParams prepare_softmax(const SoftmaxConfig& config, const std::string& path = "softmax");

// Per row: exp of (x − max) in fixed point, their sum, its reciprocal, and each output
// as exp · reciprocal rounded to 1/256, minus 128. Allocates nothing.
void softmax(const SoftmaxParams& params, Span<const int8_t> input, Span<int8_t> output);

}  // namespace tinyml::kernels
