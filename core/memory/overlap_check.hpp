// Checks an arena plan: finds two buffers that are alive at the same op and share a
// byte. Used by every planner test; cheap enough (O(n^2)) to run on any real plan.
#pragma once

#include <cstddef>
#include <optional>

#include "core/memory/arena_planner.hpp"

namespace tinyml::memory {

// Indices into the request list, first_index < second_index.
struct BufferOverlap {
  size_t first_index = 0;
  size_t second_index = 0;
};

// Buffer i occupies bytes [plan.offsets[i], plan.offsets[i] + align_up(bytes,
// plan.alignment)) (end exclusive) during ops [first_use, last_use] (inclusive).
// Returns the first pair (ordered by first_index, then second_index) whose op ranges
// intersect and whose byte ranges intersect; zero-byte buffers never overlap anything.
// Returns nullopt when the plan is valid. Throws tinyml::Error if the plan does not have
// one offset per request or the requests are invalid (see validate_requests).
std::optional<BufferOverlap> find_overlap(const std::vector<BufferRequest>& requests,
                                          const ArenaPlan& plan);

}  // namespace tinyml::memory
