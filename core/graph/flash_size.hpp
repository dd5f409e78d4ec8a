// The deployable flash size of a graph: what an int8 TensorFlow Lite (Micro) model keeps
// in flash for its weights, as opposed to the lecture's "params × 1 byte".
//
// Per conv2d, depthwise conv2d and linear op with Cout output channels (features):
//   weights            weight_elements × 1 byte (int8)
//   biases             Cout × 4 bytes (int32). Every such op gets Cout biases: folding BN
//                      into the conv creates them, and TFLite's converter gives a conv
//                      without a bias a zero bias tensor.
//   quantization data  24 bytes per output channel, from TFLite's flatbuffer schema
//                      (tensorflow/lite/schema/schema.fbs, table QuantizationParameters:
//                      scale:[float]; zero_point:[long]), stored per channel
//                      (quantized_dimension = the output channel) for
//                        - the weight tensor: Cout × (4-byte float scale + 8-byte long zero point)
//                        - the bias tensor:   Cout × (4 + 8); its scale is input_scale ×
//                          weight_scale[c], zero point 0 (TFLite 8-bit quantization spec).
//                      Linear layers are counted per channel like convs (a converter that
//                      quantizes them per tensor stores 2 × 12 bytes instead).
// So an op costs weight_elements + 28 × Cout bytes. BN parameters are not stored (folded).
//
// Not modelled: the flatbuffer's own overhead (tables, vtables, vector length prefixes,
// alignment padding, tensor names, operator codes, the subgraph), the per-tensor scale and
// zero point of every activation tensor, the optional min/max arrays, and the
// interpreter's code. The figure is the payload a model file cannot do without.
#pragma once

#include <cstdint>

#include "core/graph/graph.hpp"

namespace tinyml {

// Bytes of quantization data per output channel (weight + bias tensors, scale + zero point).
inline constexpr int64_t kQuantBytesPerChannel = 2 * (4 + 8);
inline constexpr int64_t kBiasBytes = 4;  // int32

struct FlashSize {
  int64_t weight_bytes = 0;        // int8 weights
  int64_t bias_bytes = 0;          // int32 biases, Cout per conv/linear op
  int64_t quantization_bytes = 0;  // per-channel scales and zero points
  int64_t total_bytes() const { return weight_bytes + bias_bytes + quantization_bytes; }
};

// Output channels of a conv/depthwise/linear op (0 for ops without weights).
int64_t weighted_output_channels(const Graph& graph, const Op& op);

FlashSize deployable_flash_size(const Graph& graph);

}  // namespace tinyml
