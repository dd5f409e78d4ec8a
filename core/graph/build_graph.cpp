#include <map>
#include <string>

#include "core/error.hpp"
#include "core/graph/graph.hpp"

namespace tinyml {
namespace {

std::string shape_text(const TensorShape& shape) {
  if (shape.flat) return "[" + std::to_string(shape.c) + "]";
  return std::to_string(shape.c) + "×" + std::to_string(shape.h) + "×" + std::to_string(shape.w);
}

struct Axis {
  int out = 0;
  int pad_before = 0;
  int pad_after = 0;
};

// Output size along one axis: floor((in + 2·pad − kernel) / stride) + 1 for explicit
// padding (PyTorch), ceil(in / stride) for "same" with the odd pixel after (TensorFlow).
Axis output_axis(int in, int kernel, int stride, const PaddingSpec& padding, int explicit_pad,
                 const std::string& path, const char* axis_name) {
  Axis axis;
  if (padding.mode == PaddingMode::Same) {
    axis.out = (in + stride - 1) / stride;
    const int total = std::max((axis.out - 1) * stride + kernel - in, 0);
    axis.pad_before = total / 2;
    axis.pad_after = total - axis.pad_before;
    return axis;
  }
  const int pad = padding.mode == PaddingMode::Valid ? 0 : explicit_pad;
  const int padded = in + 2 * pad;
  if (padded < kernel) {
    throw Error(path, "kernel " + std::to_string(kernel) + " is larger than the " + axis_name + " of its input (" +
                          std::to_string(in) + " plus padding " + std::to_string(pad) + " on each side = " +
                          std::to_string(padded) + "); the activation would shrink below 1×1");
  }
  axis.out = (padded - kernel) / stride + 1;
  axis.pad_before = pad;
  axis.pad_after = pad;
  return axis;
}

void check_elements(const TensorShape& shape, const std::string& path) {
  if (shape.elements() > limits::kMaxTensorElements) {
    throw Error(path, std::string(path == "input" ? "the input " : "the output ") + shape_text(shape) + " has " + std::to_string(shape.elements()) +
                          " elements; the limit is " + std::to_string(limits::kMaxTensorElements));
  }
}

struct ConvParams {
  int out_channels = 0;
  Hw kernel{1, 1};
  Hw stride{1, 1};
  PaddingSpec padding;
  int groups = 1;
  bool bias = false;
  bool bn = false;
  Activation act = Activation::None;
  bool depthwise = false;  // a depthwise layer even when it has a single channel
};

ConvParams pointwise(int out_channels, Activation act) {
  ConvParams params;
  params.out_channels = out_channels;
  params.bn = true;
  params.act = act;
  return params;
}

class GraphBuilder {
 public:
  explicit GraphBuilder(const NetworkSpec& spec) {
    graph_.name = spec.name;
    graph_.input = add_tensor("input", TensorShape{spec.in_channels, spec.in_height, spec.in_width, false}, -1, "input");
    graph_.output = graph_.input;
  }

  void add_layer(const LayerSpec& layer);
  Graph finish() { return std::move(graph_); }

 private:
  int add_tensor(const std::string& name, const TensorShape& shape, int producer, const std::string& path);
  int add_op(Op op, const TensorShape& out_shape);
  std::string name_for(const LayerSpec& layer, const char* prefix);
  const TensorShape& current_shape() const { return graph_.tensors[graph_.output].shape; }
  void require_spatial(const LayerSpec& layer) const;

  int conv(const LayerSpec& layer, const std::string& name, int input, const ConvParams& params);
  int pool(const LayerSpec& layer, const std::string& name, OpKind kind);
  int add(const LayerSpec& layer, const std::string& name, int lhs, int rhs, Activation act);
  void mbconv(const LayerSpec& layer);
  void resblock(const LayerSpec& layer);
  void linear(const LayerSpec& layer, const std::string& name);

  Graph graph_;
  std::map<std::string, int> counters_;
  std::map<std::string, std::string> used_names_;  // name → path that claimed it
};

int GraphBuilder::add_tensor(const std::string& name, const TensorShape& shape, int producer,
                             const std::string& path) {
  check_elements(shape, path);
  graph_.tensors.push_back(Tensor{name, shape, producer});
  return static_cast<int>(graph_.tensors.size()) - 1;
}

int GraphBuilder::add_op(Op op, const TensorShape& out_shape) {
  const int op_index = static_cast<int>(graph_.ops.size());
  op.output = add_tensor(op.name, out_shape, op_index, op.source);
  graph_.params += op.params;
  graph_.macs += op.macs;
  if (graph_.params > limits::kMaxParams) {
    throw Error(op.source, "the network would have " + std::to_string(graph_.params) +
                               " parameters; the limit is " + std::to_string(limits::kMaxParams));
  }
  if (graph_.macs > limits::kMaxMacs) {
    throw Error(op.source, "the network would need " + std::to_string(graph_.macs) +
                               " MACs; the limit is " + std::to_string(limits::kMaxMacs));
  }
  graph_.output = op.output;
  graph_.ops.push_back(std::move(op));
  return graph_.output;
}

std::string GraphBuilder::name_for(const LayerSpec& layer, const char* prefix) {
  const std::string name = layer.name.empty() ? prefix + std::to_string(++counters_[prefix]) : layer.name;
  const auto [it, inserted] = used_names_.emplace(name, layer.path);
  if (!inserted) {
    throw Error(layer.name.empty() ? layer.path : layer.path + ".name",
                "the name \"" + name + "\" is already used by " + it->second);
  }
  return name;
}

void GraphBuilder::require_spatial(const LayerSpec& layer) const {
  if (current_shape().flat) {
    throw Error(layer.path, std::string(layer_kind_name(layer.kind)) + " needs a C×H×W input, got a flat vector " +
                                shape_text(current_shape()));
  }
}

int GraphBuilder::conv(const LayerSpec& layer, const std::string& name, int input, const ConvParams& params) {
  const TensorShape in = graph_.tensors[input].shape;
  const int groups = params.groups;
  if (in.c % groups != 0 || params.out_channels % groups != 0) {
    throw Error(layer.path + ".groups", "must divide the input channels (" + std::to_string(in.c) +
                                            ") and the output channels (" + std::to_string(params.out_channels) +
                                            "), got " + std::to_string(groups));
  }
  const PaddingSpec& padding = params.padding;
  const Axis rows = output_axis(in.h, params.kernel.h, params.stride.h, padding, padding.amount.h, layer.path, "height");
  const Axis cols = output_axis(in.w, params.kernel.w, params.stride.w, padding, padding.amount.w, layer.path, "width");
  const TensorShape out{params.out_channels, rows.out, cols.out, false};
  check_elements(out, layer.path);  // bounds the MAC product below: 2^26 · 2^14 · 2^12 < 2^63
  const bool depthwise = groups == in.c && params.out_channels == in.c && (groups > 1 || params.depthwise);
  Op op;
  op.kind = depthwise ? OpKind::DepthwiseConv2d : OpKind::Conv2d;
  op.name = name;
  op.source = layer.path;
  op.inputs = {input};
  op.kernel = params.kernel;
  op.stride = params.stride;
  op.padding = Padding{rows.pad_before, cols.pad_before, rows.pad_after, cols.pad_after};
  op.groups = groups;
  op.bias = params.bias;
  op.bn = params.bn;
  op.act = params.act;
  const int64_t taps = int64_t{in.c / groups} * params.kernel.h * params.kernel.w;
  op.weight_elements = params.out_channels * taps;
  op.params = op.weight_elements + (params.bias ? params.out_channels : 0) + (params.bn ? 2 * params.out_channels : 0);
  op.macs = out.elements() * taps;
  return add_op(std::move(op), out);
}

int GraphBuilder::pool(const LayerSpec& layer, const std::string& name, OpKind kind) {
  const TensorShape in = current_shape();
  Op op;
  op.kind = kind;
  op.name = name;
  op.source = layer.path;
  op.inputs = {graph_.output};
  TensorShape out{in.c, 1, 1, false};
  if (kind != OpKind::GlobalAvgPool) {
    const Axis rows = output_axis(in.h, layer.kernel.h, layer.stride.h, layer.padding, layer.padding.amount.h,
                                  layer.path, "height");
    const Axis cols = output_axis(in.w, layer.kernel.w, layer.stride.w, layer.padding, layer.padding.amount.w,
                                  layer.path, "width");
    out = TensorShape{in.c, rows.out, cols.out, false};
    op.kernel = layer.kernel;
    op.stride = layer.stride;
    op.padding = Padding{rows.pad_before, cols.pad_before, rows.pad_after, cols.pad_after};
  } else {
    op.kernel = Hw{in.h, in.w};
  }
  return add_op(std::move(op), out);
}

int GraphBuilder::add(const LayerSpec& layer, const std::string& name, int lhs, int rhs, Activation act) {
  Op op;
  op.kind = OpKind::Add;
  op.name = name;
  op.source = layer.path;
  op.inputs = {lhs, rhs};
  op.act = act;
  return add_op(std::move(op), graph_.tensors[rhs].shape);
}

void GraphBuilder::mbconv(const LayerSpec& layer) {
  const std::string name = name_for(layer, "mbconv");
  const int block_input = graph_.output;
  const int in_channels = current_shape().c;
  const int64_t mid = layer.mid != 0 ? layer.mid : int64_t{in_channels} * layer.expand;
  if (layer.expand == 1 && mid != in_channels) {
    throw Error(layer.path + ".mid", "must equal the input channels (" + std::to_string(in_channels) +
                                         ") when expand is 1 (there is no expansion conv), got " + std::to_string(mid));
  }
  if (mid > limits::kMaxDim) {
    throw Error(layer.path, "the hidden width (" + std::to_string(mid) + " channels) exceeds the limit of " +
                                std::to_string(limits::kMaxDim));
  }
  const int hidden = static_cast<int>(mid);
  int x = block_input;
  if (layer.expand != 1) x = conv(layer, name + ".expand", x, pointwise(hidden, layer.act));
  ConvParams depthwise = pointwise(hidden, layer.act);
  depthwise.kernel = layer.kernel;
  depthwise.stride = layer.stride;
  depthwise.padding = PaddingSpec{PaddingMode::Explicit, Hw{layer.kernel.h / 2, layer.kernel.w / 2}};
  depthwise.groups = hidden;
  depthwise.depthwise = true;
  x = conv(layer, name + ".dw", x, depthwise);
  x = conv(layer, name + ".project", x, pointwise(layer.out, Activation::None));
  if (layer.stride == Hw{1, 1} && in_channels == layer.out) {
    add(layer, name + ".add", block_input, x, Activation::None);
  }
}

// ResNet basic block in PyTorch's execution order: conv1, conv2, then the shortcut
// (a 1×1 projection when the shape changes), then add + ReLU.
void GraphBuilder::resblock(const LayerSpec& layer) {
  const std::string name = name_for(layer, "resblock");
  const int block_input = graph_.output;
  const int in_channels = current_shape().c;
  ConvParams first = pointwise(layer.out, Activation::Relu);
  first.kernel = Hw{3, 3};
  first.stride = layer.stride;
  first.padding = PaddingSpec{PaddingMode::Explicit, Hw{1, 1}};
  ConvParams second = first;
  second.stride = Hw{1, 1};
  second.act = Activation::None;
  int x = conv(layer, name + ".conv1", block_input, first);
  x = conv(layer, name + ".conv2", x, second);
  int shortcut = block_input;
  if (!(layer.stride == Hw{1, 1}) || in_channels != layer.out) {
    ConvParams projection = pointwise(layer.out, Activation::None);
    projection.stride = layer.stride;
    shortcut = conv(layer, name + ".shortcut", block_input, projection);
  }
  add(layer, name + ".add", shortcut, x, Activation::Relu);
}

void GraphBuilder::linear(const LayerSpec& layer, const std::string& name) {
  const int64_t in_features = current_shape().elements();
  Op op;
  op.kind = OpKind::Linear;
  op.name = name;
  op.source = layer.path;
  op.inputs = {graph_.output};
  op.bias = layer.bias;
  op.act = layer.act;
  op.weight_elements = in_features * layer.out;
  op.params = op.weight_elements + (layer.bias ? layer.out : 0);
  op.macs = op.weight_elements;
  add_op(std::move(op), TensorShape{layer.out, 1, 1, true});
}

void GraphBuilder::add_layer(const LayerSpec& layer) {
  const int in_channels = current_shape().c;
  switch (layer.kind) {
    case LayerKind::Conv2d:
    case LayerKind::DwConv2d: {
      require_spatial(layer);
      const bool depthwise = layer.kind == LayerKind::DwConv2d;
      ConvParams params;
      params.out_channels = depthwise ? in_channels : layer.out;
      params.kernel = layer.kernel;
      params.stride = layer.stride;
      params.padding = layer.padding;
      params.groups = depthwise ? in_channels : layer.groups;
      params.bias = layer.bias;
      params.bn = layer.bn;
      params.act = layer.act;
      params.depthwise = depthwise;
      conv(layer, name_for(layer, depthwise ? "dwconv" : "conv"), graph_.output, params);
      break;
    }
    case LayerKind::MBConv: require_spatial(layer); mbconv(layer); break;
    case LayerKind::ResBlock: require_spatial(layer); resblock(layer); break;
    case LayerKind::AvgPool: require_spatial(layer); pool(layer, name_for(layer, "avgpool"), OpKind::AvgPool); break;
    case LayerKind::MaxPool: require_spatial(layer); pool(layer, name_for(layer, "maxpool"), OpKind::MaxPool); break;
    case LayerKind::GlobalAvgPool:
      require_spatial(layer);
      pool(layer, name_for(layer, "gap"), OpKind::GlobalAvgPool);
      break;
    case LayerKind::Flatten: {
      Op op;
      op.kind = OpKind::Flatten;
      op.name = name_for(layer, "flatten");
      op.source = layer.path;
      op.inputs = {graph_.output};
      add_op(std::move(op), TensorShape{static_cast<int>(current_shape().elements()), 1, 1, true});
      break;
    }
    case LayerKind::Linear: linear(layer, name_for(layer, "fc")); break;
  }
}

}  // namespace

Graph build_graph(const NetworkSpec& spec) {
  GraphBuilder builder(spec);
  for (const LayerSpec& layer : spec.layers) builder.add_layer(layer);
  return builder.finish();
}

const char* op_kind_name(OpKind kind) {
  switch (kind) {
    case OpKind::Conv2d: return "conv2d";
    case OpKind::DepthwiseConv2d: return "dwconv2d";
    case OpKind::Add: return "add";
    case OpKind::AvgPool: return "avgpool";
    case OpKind::MaxPool: return "maxpool";
    case OpKind::GlobalAvgPool: return "global_avgpool";
    case OpKind::Flatten: return "flatten";
    case OpKind::Linear: return "linear";
  }
  return "?";
}

bool is_convolution(OpKind kind) { return kind == OpKind::Conv2d || kind == OpKind::DepthwiseConv2d; }

}  // namespace tinyml
