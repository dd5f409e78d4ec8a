// Measures every point of a small space (the lecture space has 8640), so a search can
// say exactly how many networks fit and how close it came to the true optimum.
#pragma once

#include <cstdint>
#include <optional>

#include "core/nas/constraints.hpp"
#include "core/nas/search_space.hpp"

namespace tinyml::nas {

// Spaces with more points are not enumerated.
inline constexpr int64_t kMaxEnumeratedPoints = 20000;

struct ExhaustiveCount {
  int64_t size = 0;      // distinct networks in the space (points whose unused genes are canonical)
  int64_t feasible = 0;  // points that fit
  std::optional<Candidate> best;  // the feasible point with the most MACs (ties: first in point order)
  int64_t best_macs = 0;
};

// nullopt when the space has more than kMaxEnumeratedPoints points.
std::optional<ExhaustiveCount> count_exhaustively(const SearchSpace& space, const Constraints& constraints);

}  // namespace tinyml::nas
