// Random draws that repeat exactly on every platform, natively and in wasm.
// std::mt19937_64's output sequence is fixed by the C++ standard ([rand.predef]: the
// 10000th draw of a default-seeded engine is 9981545732273789042); the distributions of
// <random> are not (std::uniform_int_distribution's algorithm is implementation-defined),
// so the mapping of draws onto ranges is done here, by rejection sampling.
#pragma once

#include <cstdint>
#include <random>

namespace tinyml::nas {

class SeededRng {
 public:
  explicit SeededRng(uint64_t seed) : engine_(seed) {}

  uint64_t next() { return engine_(); }

  // Uniform in [0, count), count >= 1: draws until one falls below the largest multiple
  // of count that fits in 2^64, then takes it modulo count (every value equally likely).
  int below(int count);

  // True with probability numerator / denominator (0 <= numerator <= denominator).
  bool chance(int numerator, int denominator) { return below(denominator) < numerator; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace tinyml::nas
