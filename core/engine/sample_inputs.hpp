// Generated network inputs: calibration samples when no data is given, and the test
// patterns the page offers. Every image is [H, W, C] float (NHWC, batch 1) with values in
// [−1, 1], computed in double from SeededRandom draws with +, ·, /, sqrt and floor only
// (all correctly rounded in IEEE-754), so the same seed gives the same floats natively
// and in wasm — no sin/cos/exp, whose results differ between math libraries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/graph/graph.hpp"

namespace tinyml::engine {

enum class InputPattern {
  Noise,         // every value U(−1, 1)
  Gradient,      // a linear ramp in a random direction, per-channel gain and offset
  Checkerboard,  // squares of a random size (2 … max(2, H/4) pixels), two random colours per channel
  Rings,         // a triangle wave of the distance from a random centre, per-channel phase
};

const char* input_pattern_name(InputPattern pattern);  // "noise", "gradient", ...
// Throws tinyml::Error(path, ...) listing the names for an unknown one.
InputPattern parse_input_pattern(const std::string& name, const std::string& path);

// One image of `shape` (C×H×W, or a flat [C] filled like a 1×1 image).
std::vector<float> generate_input(const TensorShape& shape, InputPattern pattern, uint64_t seed);

// The calibration sample `index` for `seed`: pattern index mod 4 in the order above,
// drawn from stream_seed(seed, "sample" + index).
std::vector<float> calibration_sample(const TensorShape& shape, uint64_t seed, int index);

// A held-out sample for measuring agreement after calibrating with the same seed: as
// calibration_sample, drawn from stream_seed(seed, "evaluation" + index) instead.
std::vector<float> evaluation_sample(const TensorShape& shape, uint64_t seed, int index);

}  // namespace tinyml::engine
