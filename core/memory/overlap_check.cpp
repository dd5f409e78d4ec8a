#include "core/memory/overlap_check.hpp"

#include <string>

#include "core/error.hpp"

namespace tinyml::memory {

std::optional<BufferOverlap> find_overlap(const std::vector<BufferRequest>& requests,
                                          const ArenaPlan& plan) {
  validate_requests(requests, plan.alignment);
  if (plan.offsets.size() != requests.size()) {
    throw Error("plan.offsets", "must have one offset per request (" +
                                    std::to_string(requests.size()) + "), got " +
                                    std::to_string(plan.offsets.size()));
  }
  for (size_t first_index = 0; first_index < requests.size(); ++first_index) {
    const BufferRequest& first = requests[first_index];
    const int64_t first_begin = plan.offsets[first_index];
    const int64_t first_end = first_begin + align_up(first.bytes, plan.alignment);
    for (size_t second_index = first_index + 1; second_index < requests.size();
         ++second_index) {
      const BufferRequest& second = requests[second_index];
      const int64_t second_begin = plan.offsets[second_index];
      const int64_t second_end = second_begin + align_up(second.bytes, plan.alignment);
      const bool alive_together =
          first.first_use <= second.last_use && second.first_use <= first.last_use;
      const bool bytes_shared = first_begin < second_end && second_begin < first_end &&
                                first_begin < first_end && second_begin < second_end;
      if (alive_together && bytes_shared) return BufferOverlap{first_index, second_index};
    }
  }
  return std::nullopt;
}

}  // namespace tinyml::memory
