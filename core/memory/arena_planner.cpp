#include "core/memory/arena_planner.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/error.hpp"

namespace tinyml::memory {
namespace {

std::string request_path(size_t request_index, const char* field) {
  return "requests[" + std::to_string(request_index) + "]." + field;
}

bool lifetimes_intersect(const BufferRequest& a, const BufferRequest& b) {
  return a.first_use <= b.last_use && b.first_use <= a.last_use;
}

// Step 3: fixed buffers in request order, then the rest by aligned size descending,
// ties in reverse request order.
std::vector<size_t> placement_order(const std::vector<BufferRequest>& requests,
                                    const std::vector<int64_t>& aligned_bytes) {
  std::vector<size_t> fixed_first;
  std::vector<size_t> online;
  for (size_t request_index = 0; request_index < requests.size(); ++request_index) {
    if (requests[request_index].fixed_offset) fixed_first.push_back(request_index);
  }
  for (size_t request_index = requests.size(); request_index-- > 0;) {
    if (!requests[request_index].fixed_offset) online.push_back(request_index);
  }
  std::stable_sort(online.begin(), online.end(), [&](size_t a, size_t b) {
    return aligned_bytes[a] > aligned_bytes[b];
  });
  fixed_first.insert(fixed_first.end(), online.begin(), online.end());
  return fixed_first;
}

// Step 5: lowest gap among placed buffers (sorted by offset) alive with `wanted`.
int64_t lowest_fitting_offset(const std::vector<BufferRequest>& requests,
                              const std::vector<int64_t>& aligned_bytes,
                              const std::vector<int64_t>& offsets,
                              const std::vector<size_t>& placed_by_offset,
                              size_t wanted_index) {
  const BufferRequest& wanted = requests[wanted_index];
  int64_t candidate = 0;
  for (size_t placed_index : placed_by_offset) {
    if (!lifetimes_intersect(requests[placed_index], wanted)) continue;
    if (offsets[placed_index] - candidate >= aligned_bytes[wanted_index]) break;
    candidate = std::max(candidate, offsets[placed_index] + aligned_bytes[placed_index]);
  }
  return candidate;
}

}  // namespace

int64_t align_up(int64_t bytes, int64_t alignment) {
  return (bytes + alignment - 1) / alignment * alignment;
}

void validate_requests(const std::vector<BufferRequest>& requests, int64_t alignment) {
  if (alignment < 1) {
    throw Error("alignment", "must be 1 or more, got " + std::to_string(alignment));
  }
  for (size_t request_index = 0; request_index < requests.size(); ++request_index) {
    const BufferRequest& request = requests[request_index];
    if (request.bytes < 0 || request.bytes > kMaxBufferBytes) {
      throw Error(request_path(request_index, "bytes"),
                  "must be in [0, " + std::to_string(kMaxBufferBytes) + "], got " +
                      std::to_string(request.bytes));
    }
    if (request.last_use < request.first_use) {
      throw Error(request_path(request_index, "last_use"),
                  "must be first_use (" + std::to_string(request.first_use) +
                      ") or later, got " + std::to_string(request.last_use));
    }
    if (request.fixed_offset &&
        (*request.fixed_offset < 0 || *request.fixed_offset > kMaxBufferBytes ||
         *request.fixed_offset % alignment != 0)) {
      throw Error(request_path(request_index, "fixed_offset"),
                  "must be in [0, " + std::to_string(kMaxBufferBytes) +
                      "] and a multiple of the alignment " + std::to_string(alignment) +
                      ", got " + std::to_string(*request.fixed_offset));
    }
  }
}

ArenaPlan plan_arena(const std::vector<BufferRequest>& requests, int64_t alignment) {
  validate_requests(requests, alignment);  // step 1
  std::vector<int64_t> aligned_bytes(requests.size());
  for (size_t request_index = 0; request_index < requests.size(); ++request_index) {
    aligned_bytes[request_index] = align_up(requests[request_index].bytes, alignment);  // 2
  }

  ArenaPlan plan;
  plan.alignment = alignment;
  plan.offsets.assign(requests.size(), 0);
  std::vector<size_t> placed_by_offset;  // request indices, ascending offset
  for (size_t request_index : placement_order(requests, aligned_bytes)) {  // step 3
    const std::optional<int64_t>& fixed = requests[request_index].fixed_offset;
    const int64_t offset =
        fixed ? *fixed  // step 4
              : lowest_fitting_offset(requests, aligned_bytes, plan.offsets,
                                      placed_by_offset, request_index);  // step 5
    plan.offsets[request_index] = offset;
    // Insert after every placed buffer with an offset <= this one (TFLM's list order).
    auto insert_at = std::upper_bound(
        placed_by_offset.begin(), placed_by_offset.end(), offset,
        [&](int64_t wanted_offset, size_t placed) { return wanted_offset < plan.offsets[placed]; });
    placed_by_offset.insert(insert_at, request_index);
    plan.arena_bytes = std::max(plan.arena_bytes, offset + aligned_bytes[request_index]);  // 6
  }
  return plan;
}

int64_t live_lower_bound(const std::vector<BufferRequest>& requests, int64_t alignment) {
  validate_requests(requests, alignment);
  // Sweep over op indices: +bytes where a lifetime starts, -bytes one past where it
  // ends; all changes at one index are applied before the running sum is read.
  std::map<int64_t, int64_t> bytes_change_at_op;
  for (const BufferRequest& request : requests) {
    const int64_t bytes = align_up(request.bytes, alignment);
    bytes_change_at_op[request.first_use] += bytes;
    bytes_change_at_op[int64_t{request.last_use} + 1] -= bytes;
  }
  int64_t alive_bytes = 0;
  int64_t peak_bytes = 0;
  for (const auto& op_and_change : bytes_change_at_op) {
    alive_bytes += op_and_change.second;
    peak_bytes = std::max(peak_bytes, alive_bytes);
  }
  return peak_bytes;
}

}  // namespace tinyml::memory
