// Random floats that repeat bit for bit on every platform, natively and in wasm.
// std::mt19937_64's output sequence is fixed by the C++ standard; the <random>
// distributions are not (their algorithms are implementation-defined), so the mapping
// of a 64-bit draw onto a float range is written here:
//   u = (draw >> 11) · 2^−53            exactly representable double in [0, 1)
//   uniform(lo, hi) = float(lo + (hi − lo) · u)   in double, rounded once to float
// IEEE-754 double arithmetic is the same natively and in wasm, so the floats are too.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace tinyml::engine {

class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}

  // Uniform double in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform float in [lo, hi] (hi itself only through rounding). Domain: lo ≤ hi, finite.
  float uniform(double lo, double hi) { return static_cast<float>(lo + (hi - lo) * unit()); }

 private:
  std::mt19937_64 engine_;
};

// A seed for one named stream (an op's weights, one calibration sample): SplitMix64 of
// the user's seed mixed with FNV-1a of `name`. Streams are independent of each other, so
// editing one layer of a network leaves the seeded weights of the others unchanged.
uint64_t stream_seed(uint64_t seed, const std::string& name);

}  // namespace tinyml::engine
