#include "core/nas/seeded_rng.hpp"

#include <cassert>
#include <limits>

namespace tinyml::nas {

int SeededRng::below(int count) {
  assert(count >= 1);
  const uint64_t bound = static_cast<uint64_t>(count);
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  const uint64_t accept_below = kMax - kMax % bound;  // a multiple of bound
  uint64_t draw = engine_();
  while (draw >= accept_below) draw = engine_();
  return static_cast<int>(draw % bound);
}

}  // namespace tinyml::nas
