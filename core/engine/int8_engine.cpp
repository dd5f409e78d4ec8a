#include "core/engine/int8_engine.hpp"

#include <algorithm>
#include <cstdint>

#include "core/engine/fast_ops.hpp"
#include "core/engine/op_geometry.hpp"
#include "core/error.hpp"
#include "core/memory/graph_arena.hpp"

namespace tinyml::engine {
namespace {

constexpr std::size_t kArenaAlignment = 16;

template <typename T, std::size_t Rank>
kernels::Span<const T> view(const xt::xtensor<T, Rank>& values) {
  return {values.data(), values.size()};
}

std::vector<int> nhwc_dims(const TensorShape& shape) {
  const kernels::Nhwc nhwc = nhwc_of(shape);
  return {nhwc.batch, nhwc.height, nhwc.width, nhwc.channels};
}

}  // namespace

Int8Engine::KernelParams Int8Engine::prepare_op(const Int8Model& model, int op_index) {
  const Graph& graph = model.graph;
  const Op& op = graph.ops[op_index];
  const std::string path = "ops[" + std::to_string(op_index) + "]";
  const quant::QuantParams& input = model.tensors[op.inputs[0]];
  const quant::QuantParams& output = model.tensors[op.output];
  const Int8OpData& data = model.ops[op_index];
  const quant::FusedActivation activation = fused_activation(op.act);
  switch (op.kind) {
    case OpKind::Conv2d:
      return kernels::prepare_conv2d({window_of(graph, op), op.groups, input, output, data.filter_scales, activation},
                                     path);
    case OpKind::DepthwiseConv2d:
      return kernels::prepare_depthwise_conv2d({window_of(graph, op), input, output, data.filter_scales, activation},
                                               path);
    case OpKind::Linear: {
      const int input_depth = static_cast<int>(graph.tensors[op.inputs[0]].shape.elements());
      const int output_depth = graph.tensors[op.output].shape.c;
      return kernels::prepare_fully_connected(
          {1, input_depth, output_depth, input, output, data.filter_scales, activation}, path);
    }
    case OpKind::Add:
      return kernels::prepare_add({nhwc_dims(graph.tensors[op.inputs[0]].shape),
                                   nhwc_dims(graph.tensors[op.inputs[1]].shape), input,
                                   model.tensors[op.inputs[1]], output, activation},
                                  path);
    case OpKind::AvgPool:
    case OpKind::MaxPool: return kernels::prepare_pool2d({window_of(graph, op), input, output, activation}, path);
    case OpKind::GlobalAvgPool:
      if (op.act != Activation::None) throw Error(path + ".act", "global_avgpool has no fused activation");
      return kernels::prepare_mean({nhwc_dims(graph.tensors[op.inputs[0]].shape), {1, 2}, false, input, output},
                                   path);
    case OpKind::Flatten:
      if (op.act != Activation::None) throw Error(path + ".act", "flatten has no fused activation");
      return std::monostate{};
  }
  throw Error(path, "unknown op kind");
}

const char* int8_kernels_name(Int8Kernels kernels) {
  return kernels == Int8Kernels::Fast ? "fast" : "reference";
}

Int8Engine::~Int8Engine() = default;
Int8Engine::Int8Engine(Int8Engine&&) noexcept = default;

Int8Engine::Int8Engine(const Int8Model& model, Int8Kernels kernels) : model_(model) {
  check_int8_model(model);
  const Graph& graph = model.graph;
  if (kernels == Int8Kernels::Fast) fast_ = std::make_unique<FastOps>();
  for (int index = 0; index < static_cast<int>(graph.ops.size()); ++index) {
    params_.push_back(prepare_op(model, index));
    if (fast_) {
      std::visit([&](const auto& params) { fast_->append(params, model.ops[index], graph.ops[index].kind); },
                 params_.back());
    }
  }
  const memory::GraphArena plan = memory::plan_graph_arena(graph, 1, memory::KernelLibrary::Reference,
                                                           static_cast<int64_t>(kArenaAlignment));
  offsets_.assign(graph.tensors.size(), 0);
  for (std::size_t buffer = 0; buffer < plan.buffers.size(); ++buffer) {
    if (plan.buffers[buffer].kind != memory::BufferKind::Tensor) {
      throw Error("arena", "the reference kernels request no scratch, but the plan has " + plan.buffers[buffer].name);
    }
    offsets_[plan.buffers[buffer].index] = plan.plan.offsets[buffer];
  }
  arena_bytes_ = static_cast<std::size_t>(plan.plan.arena_bytes);
  storage_.assign(arena_bytes_ + kArenaAlignment - 1, 0);
  const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(storage_.data());
  arena_ = storage_.data() + (kArenaAlignment - start % kArenaAlignment) % kArenaAlignment;
}

kernels::Span<int8_t> Int8Engine::tensor(int index) const {
  return {arena_ + offsets_[index], static_cast<std::size_t>(model_.graph.tensors[index].shape.elements())};
}

kernels::Span<int8_t> Int8Engine::input() { return tensor(model_.graph.input); }

kernels::Span<const int8_t> Int8Engine::output() const {
  const kernels::Span<int8_t> out = tensor(model_.graph.output);
  return {out.data, out.size};
}

void Int8Engine::invoke(TensorObserver* observer) {
  const Graph& graph = model_.graph;
  if (observer != nullptr) {
    const kernels::Span<int8_t> in = tensor(graph.input);
    observer->on_tensor(graph.input, {in.data, in.size});
  }
  for (int index = 0; index < static_cast<int>(graph.ops.size()); ++index) {
    run_op(index);
    if (observer != nullptr) {
      const kernels::Span<int8_t> out = tensor(graph.ops[index].output);
      observer->on_tensor(graph.ops[index].output, {out.data, out.size});
    }
  }
}

void Int8Engine::run_op(int op_index) {
  const Op& op = model_.graph.ops[op_index];
  const Int8OpData& data = model_.ops[op_index];
  const kernels::Span<int8_t> in = tensor(op.inputs[0]);
  const kernels::Span<const int8_t> input{in.data, in.size};
  const kernels::Span<int8_t> output = tensor(op.output);
  kernels::Span<const int8_t> second_input;
  if (op.inputs.size() > 1) {
    const kernels::Span<int8_t> in2 = tensor(op.inputs[1]);
    second_input = {in2.data, in2.size};
  }
  if (fast_ && fast_->run(op_index, input, second_input, output)) return;
  const KernelParams& params = params_[op_index];
  switch (op.kind) {
    case OpKind::Conv2d:
      kernels::conv2d(std::get<kernels::Conv2dParams>(params), input, view(data.filter), view(data.bias), output);
      break;
    case OpKind::DepthwiseConv2d:
      kernels::depthwise_conv2d(std::get<kernels::DepthwiseConv2dParams>(params), input, view(data.filter),
                                view(data.bias), output);
      break;
    case OpKind::Linear:
      kernels::fully_connected(std::get<kernels::FullyConnectedParams>(params), input, view(data.filter),
                               view(data.bias), output);
      break;
    case OpKind::Add: kernels::add(std::get<kernels::AddParams>(params), input, second_input, output); break;
    case OpKind::AvgPool: kernels::average_pool2d(std::get<kernels::Pool2dParams>(params), input, output); break;
    case OpKind::MaxPool: kernels::max_pool2d(std::get<kernels::Pool2dParams>(params), input, output); break;
    case OpKind::GlobalAvgPool: kernels::mean(std::get<kernels::MeanParams>(params), input, output); break;
    case OpKind::Flatten: std::copy(input.data, input.data + input.size, output.data); break;
  }
}

void Int8Engine::run(kernels::Span<const int8_t> input_values, kernels::Span<int8_t> output_values) {
  const kernels::Span<int8_t> in = input();
  const kernels::Span<const int8_t> out = output();
  if (input_values.size != in.size || output_values.size != out.size) {
    throw Error("input", "expected " + std::to_string(in.size) + " input and " + std::to_string(out.size) +
                             " output values, got " + std::to_string(input_values.size) + " and " +
                             std::to_string(output_values.size));
  }
  std::copy(input_values.data, input_values.data + in.size, in.data);
  invoke();
  std::copy(out.data, out.data + out.size, output_values.data);
}

namespace {

class CopyingObserver : public TensorObserver {
 public:
  explicit CopyingObserver(std::size_t tensors) : copies(tensors) {}
  void on_tensor(int tensor, kernels::Span<const int8_t> values) override {
    copies[tensor].assign(values.data, values.data + values.size);
  }
  std::vector<std::vector<int8_t>> copies;
};

}  // namespace

std::vector<std::vector<int8_t>> Int8Engine::run_all(kernels::Span<const int8_t> input_values) {
  const kernels::Span<int8_t> in = input();
  if (input_values.size != in.size) {
    throw Error("input", "expected " + std::to_string(in.size) + " values, got " + std::to_string(input_values.size));
  }
  std::copy(input_values.data, input_values.data + in.size, in.data);
  CopyingObserver observer(model_.graph.tensors.size());
  invoke(&observer);
  return std::move(observer.copies);
}

}  // namespace tinyml::engine
