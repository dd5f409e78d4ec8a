// Peak SRAM estimators, each named as in the report's "peak_bytes" (DESIGN.md, "What is
// counted"). All take bytes_per_element (int8 = 1, fp32 = 4) and count activations only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/graph/graph.hpp"

namespace tinyml {

struct PeakEstimate {
  int64_t bytes = 0;
  std::string at;  // where the maximum is reached: an op name, or "a+b" for a pair
};

// lecture_in_out (lecture, part 2): max over conv ops (incl. depthwise) of input + output.
PeakEstimate lecture_in_out_peak(const Graph& graph, int bytes_per_element);

// lecture_consecutive (lecture, part 3): the output sizes of conv and linear ops in
// execution order; the max over consecutive pairs of their sum (a lone op: its output).
PeakEstimate lecture_consecutive_peak(const Graph& graph, int bytes_per_element);

// live: per op, the bytes of every tensor alive while it runs (its inputs, its output and
// tensors kept for a later read, e.g. a residual add). One entry per op.
std::vector<int64_t> live_bytes_per_op(const Graph& graph, int bytes_per_element);
PeakEstimate live_peak(const Graph& graph, int bytes_per_element);

}  // namespace tinyml
