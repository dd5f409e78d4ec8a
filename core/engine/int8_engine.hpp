// The int8 engine: TFLite Micro's Prepare/Eval split over an Int8Model.
//
// Prepare (the constructor), once:
//   1. check_int8_model; build every op's kernel params with the kernels' own prepare
//      functions (offsets, per-channel multipliers, activation clamps), which validate
//      geometry and quantization and throw tinyml::Error naming "ops[i]...";
//   2. plan every tensor into one arena with the graph arena plan (plan_graph_arena at
//      1 byte per element, TFLM's greedy planner, 16-byte alignment): tensors whose
//      lifetimes do not overlap share bytes;
//   3. allocate the arena (16-byte aligned), the only allocation.
//   4. with Int8Kernels::Fast (the default), pack the weights of every op that has a fast
//      kernel (fast_ops.hpp: conv2d, depthwise with multiplier 1, linear) and allocate
//      their one int16 scratch buffer. The fast kernels are bit-exact with the reference
//      kernels, which stay selectable (Int8Kernels::Reference) for tests and benches.
//      The scratch lives outside the arena, so the arena plan is the same for both.
// Eval (invoke/run): dispatches each op to its kernel on spans into the arena. Allocates
// nothing; the arena's address and size never change after prepare.
//
// Tensors are int8 NHWC ([H, W, C]; flat tensors [C]). The input tensor's bytes may be
// reused by later tensors once its last reader has run: write the input before every
// invoke (run does).
#pragma once

#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

#include "core/engine/int8_model.hpp"
#include "core/kernels/add.hpp"
#include "core/kernels/conv2d.hpp"
#include "core/kernels/depthwise_conv2d.hpp"
#include "core/kernels/fully_connected.hpp"
#include "core/kernels/mean.hpp"
#include "core/kernels/pool2d.hpp"
#include "core/kernels/tensor_span.hpp"

namespace tinyml::engine {

// Sees every tensor as it is produced: the input before op 0, then each op's output.
// The span points into the arena and is valid only during the call: copy what you keep.
class TensorObserver {
 public:
  virtual ~TensorObserver() = default;
  virtual void on_tensor(int tensor, kernels::Span<const int8_t> values) = 0;
};

// Which kernels run the ops that have a fast kernel (fast_ops.hpp).
enum class Int8Kernels { Fast, Reference };

const char* int8_kernels_name(Int8Kernels kernels);  // "fast", "reference"

class FastOps;

class Int8Engine {
 public:
  // Prepares `model`, which must outlive the engine (the reference kernels read its
  // weights in place, as TFLM reads them from the flatbuffer).
  explicit Int8Engine(const Int8Model& model, Int8Kernels kernels = Int8Kernels::Fast);
  Int8Engine(Int8Model&&, Int8Kernels = Int8Kernels::Fast) = delete;
  ~Int8Engine();
  // Movable (the arena's heap block moves with it), not copyable.
  Int8Engine(Int8Engine&&) noexcept;
  Int8Engine(const Int8Engine&) = delete;
  Int8Engine& operator=(const Int8Engine&) = delete;

  // The input and output tensors inside the arena.
  kernels::Span<int8_t> input();
  kernels::Span<const int8_t> output() const;

  // Runs every op in order; `observer` (optional) sees each tensor. Allocates nothing.
  void invoke(TensorObserver* observer = nullptr);

  // Copies `input` in, invokes, copies the output out. Sizes must match (checked).
  void run(kernels::Span<const int8_t> input, kernels::Span<int8_t> output);

  // Every tensor of one run (result[t] is graph tensor t), for per-layer inspection.
  // Allocates the copies (not the engine): not for the timed path.
  std::vector<std::vector<int8_t>> run_all(kernels::Span<const int8_t> input);

  const Int8Model& model() const { return model_; }
  Int8Kernels kernels() const { return fast_ ? Int8Kernels::Fast : Int8Kernels::Reference; }
  std::size_t arena_bytes() const { return arena_bytes_; }
  const int8_t* arena_data() const { return arena_; }

 private:
  using KernelParams = std::variant<std::monostate, kernels::Conv2dParams, kernels::DepthwiseConv2dParams,
                                    kernels::FullyConnectedParams, kernels::AddParams, kernels::Pool2dParams,
                                    kernels::MeanParams>;
  static KernelParams prepare_op(const Int8Model& model, int op_index);
  kernels::Span<int8_t> tensor(int index) const;
  void run_op(int op_index);

  const Int8Model& model_;
  std::vector<KernelParams> params_;   // per op
  std::unique_ptr<FastOps> fast_;      // null with Int8Kernels::Reference
  std::vector<int64_t> offsets_;       // per tensor: byte offset in the arena
  std::vector<int8_t> storage_;        // the arena plus up to 15 bytes to align it
  int8_t* arena_ = nullptr;            // 16-byte aligned start inside storage_
  std::size_t arena_bytes_ = 0;
};

}  // namespace tinyml::engine
