// Arena planner: gives every buffer an offset in one arena so that no two buffers
// alive at the same time share a byte, the way TensorFlow Lite Micro's
// GreedyMemoryPlanner does (tensorflow/lite/micro/memory_planner/greedy_memory_planner.cc).
// It works on plain (bytes, first_use, last_use) records and knows nothing of graphs;
// drawing the plan is the page's job. overlap_check.hpp verifies a plan.
//
// Algorithm (plan_arena):
//   1. Validate every request (always on): bytes in [0, kMaxBufferBytes], first_use <=
//      last_use, fixed_offset (if any) >= 0 and a multiple of `alignment`.
//   2. Round each buffer's size up to a multiple of `alignment` (TFLM's allocator does
//      this with 16 before handing sizes to its planner; its planner tests do not).
//   3. Placement order: buffers with a fixed_offset first, in request order; then every
//      other buffer by aligned size, largest first. Equal sizes are taken in REVERSE
//      request order (TFLM fills its sort array from the tail and bubble-sorts it
//      stably, so the later-added buffer of a tie is placed first).
//   4. A fixed buffer is placed at its fixed_offset, unchecked: fixed buffers are trusted
//      as TFLM trusts an offline plan, and may overlap each other (overlap_check finds it).
//   5. Any other buffer: walk the already-placed buffers in increasing offset order
//      (equal offsets in the order they were placed), skipping those whose lifetime does
//      not intersect this one's. candidate = 0; for each buffer met, if its offset minus
//      candidate is at least this buffer's aligned size, stop (the gap fits); otherwise
//      candidate = max(candidate, its offset + its aligned size). Place at candidate.
//      A zero-byte buffer therefore always lands at offset 0.
//   6. arena_bytes = max over buffers of offset + aligned size (0 when there are none).
//
// Cost: O(n log n) sort + O(n^2) placement for n buffers.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace tinyml::memory {

// The alignment TFLM's allocator applies to planned buffer sizes and to the arena start
// (MicroArenaBufferAlignment()). Pass it to plan_arena to model a real TFLM arena.
inline constexpr int64_t kTflmArenaAlignment = 16;

// Largest size one buffer may request (1 TiB); keeps every sum of sizes and offsets far
// from int64 overflow.
inline constexpr int64_t kMaxBufferBytes = int64_t{1} << 40;

// One buffer to place. Lifetimes are op indices, inclusive on both ends: the buffer
// must stay intact from the start of op first_use to the end of op last_use. Two
// buffers may share bytes iff their [first_use, last_use] ranges do not intersect.
// Indices may be negative (e.g. -1 for "before the first op").
struct BufferRequest {
  int64_t bytes = 0;
  int first_use = 0;
  int last_use = 0;
  // Set to pin the buffer at this byte offset (TFLM's offline-planned buffers).
  std::optional<int64_t> fixed_offset = std::nullopt;
};

// offsets[i] is the byte offset of requests[i] from the start of the arena.
// arena_bytes = max(offsets[i] + align_up(requests[i].bytes, alignment)), the arena
// size including fragmentation and alignment padding.
struct ArenaPlan {
  std::vector<int64_t> offsets;
  int64_t arena_bytes = 0;
  int64_t alignment = 1;  // the alignment the plan was made with
};

// bytes rounded up to a multiple of alignment (alignment >= 1, bytes >= 0).
int64_t align_up(int64_t bytes, int64_t alignment);

// Plans the arena as described above. alignment >= 1 (the default 1 reproduces the
// TFLM planner tests; kTflmArenaAlignment models a TFLM arena).
// Throws tinyml::Error naming "requests[i].<field>" or "alignment" on invalid input.
ArenaPlan plan_arena(const std::vector<BufferRequest>& requests, int64_t alignment = 1);

// The least arena any plan could use: max over op index t of the sum of
// align_up(bytes, alignment) over requests alive at t. 0 for no requests.
// Every valid plan has arena_bytes >= this. Throws tinyml::Error like plan_arena.
int64_t live_lower_bound(const std::vector<BufferRequest>& requests, int64_t alignment = 1);

// Always-on input check shared by the functions above; throws tinyml::Error.
void validate_requests(const std::vector<BufferRequest>& requests, int64_t alignment);

}  // namespace tinyml::memory
