// Kernel scratch buffers: temporary memory a kernel asks the arena for while it runs
// (TFLM: RequestScratchBufferInArena() in the op's Prepare; alive during that op only).
// Which kernels need one, and how much, depends on the kernel library:
//
// KernelLibrary::Reference — TFLM's portable reference kernels (tensorflow/lite/micro/
//   kernels/{conv,depthwise_conv,pooling,add,fully_connected}.cc with no optimized
//   library) request no scratch for the ops of this graph IR: 0 for every op. The report
//   uses it at fp32 (CMSIS-NN's s8 kernels do not run float).
//
// KernelLibrary::CmsisNn — TFLM's cmsis_nn kernels at int8, which size scratch with
//   CMSIS-NN's arm_*_get_buffer_size() functions, modelled for a Cortex-M with the DSP
//   extension and no MVE (Cortex-M4/M7, built with GCC), as in ARM-software/CMSIS-NN
//   commit d1c35d33 (Source/ConvolutionFunctions/arm_convolve_get_buffer_sizes_s8.c
//   V.1.4.0, arm_depthwise_conv_get_buffer_sizes_s8.c V.1.0.0, Source/PoolingFunctions/
//   arm_avgpool_get_buffer_sizes_s8.c V.1.0.0, Source/FullyConnectedFunctions/
//   arm_fully_connected_get_buffer_sizes_s8.c V.1.0.0). Padding below means the
//   top/left padding, the value TFLite passes to CMSIS-NN.
//   - conv2d, 1×1 kernel with no padding (any stride): 0 (arm_convolve_1x1_s8_fast /
//     arm_convolve_1x1_s8).
//   - conv2d otherwise: two im2col columns of int16,
//       2 · align4(Cin/groups · kh · kw) · 2 bytes     (arm_convolve_s8_get_buffer_size;
//     the 1×N route sizes the same). E.g. 3×3 over 3 channels: 2 · 28 · 2 = 112 bytes.
//     (Grouped convs other than depthwise have no CMSIS-NN s8 kernel; counted like this.)
//   - depthwise, 3×3 kernel with padding ≤ 1: 0 (arm_depthwise_conv_3x3_s8).
//   - depthwise otherwise: Cin · kh · kw · 2 bytes (arm_depthwise_conv_s8_opt, int16).
//   - avgpool and global_avgpool: C · 4 bytes (int32 sums; arm_avgpool_s8). A global
//     average pool is taken as AVERAGE_POOL_2D with the whole map as its window.
//   - maxpool, add, linear, flatten: 0.
#pragma once

#include <cstdint>

#include "core/graph/graph.hpp"

namespace tinyml::memory {

enum class KernelLibrary { Reference, CmsisNn };

const char* kernel_library_name(KernelLibrary library);  // "reference", "cmsis-nn"

// Scratch bytes graph.ops[op_index] requests while it runs (0: none).
int64_t kernel_scratch_bytes(const Graph& graph, int op_index, KernelLibrary library);

}  // namespace tinyml::memory
