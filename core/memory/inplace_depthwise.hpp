// The inplace_depthwise estimator: `live`, except that a depthwise conv whose input no
// later op reads runs in place, as TinyEngine does (MCUNet, Lin et al., NeurIPS 2020,
// section 3.2 and Fig. 4, "in-place depth-wise convolution": a depthwise conv does not mix
// channels, so once output channel c is computed input channel c is dead and its storage
// can hold output; the paper's "2N → N+1").
//
// Per op (bytes, at bytes_per_element):
//   in-place depthwise op: live(op) − input − output + max(input, output) + scratch
//   any other op:          live(op)
// A depthwise op runs in place iff its input's lifetime ends at this op (no residual or
// other reader keeps it; see lifetimes.hpp). It may be the network input.
//
// Scratch, the "+1": TinyEngine's kernels (TinyEngine/src/kernels/int_forward_op/
// depthwise_kernel{3x3,5x5,7x7}_stride{1,2}_inplace_CHW) copy input channel c, with its
// zero-point padding, into a buffer, then compute output channel c from that buffer
// straight into the input's storage. The buffer holds one padded input channel:
//   scratch = (H_in + pad_top + pad_bottom) · (W_in + pad_left + pad_right) · bytes_per_element
// e.g. 3×3, pad 1 on 112×112: 114·114 = 12996 bytes at int8. (TinyEngine's code generator,
// code_generator/operators/depthwiseConv2d.py get_sbuf_size(), reserves twice this,
// "2 x resolution", for its q15_t-typed buffer; we count what the kernel touches.)
#pragma once

#include <cstdint>
#include <vector>

#include "core/graph/graph.hpp"
#include "core/memory/lifetimes.hpp"
#include "core/memory/peak_estimators.hpp"

namespace tinyml::memory {

// True iff graph.ops[op_index] is a depthwise conv whose input's lifetime ends there.
// lifetimes: tensor_lifetimes(graph, ...) (any bytes_per_element).
bool runs_in_place(const Graph& graph, const std::vector<TensorLifetime>& lifetimes, int op_index);

// One zero-padded input channel of `op` for an input map of in_height × in_width pixels
// (the formula above). Needs in_height, in_width >= 0.
int64_t inplace_scratch_bytes(const Op& op, int64_t in_height, int64_t in_width, int bytes_per_element);

// One entry per op (see the formula above).
std::vector<int64_t> inplace_depthwise_bytes_per_op(const Graph& graph, int bytes_per_element);

// Max over ops; `at` names the op where it is first reached.
PeakEstimate inplace_depthwise_peak(const Graph& graph, int bytes_per_element);

}  // namespace tinyml::memory
