#include "core/engine/seeded_random.hpp"

namespace tinyml::engine {

uint64_t stream_seed(uint64_t seed, const std::string& name) {
  uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64-bit offset basis
  for (unsigned char byte : name) {
    hash ^= byte;
    hash *= 0x100000001b3ull;  // FNV prime
  }
  // SplitMix64 finaliser (Steele, Lea, Flood 2014): every input bit affects every output bit.
  uint64_t z = seed ^ hash;
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace tinyml::engine
