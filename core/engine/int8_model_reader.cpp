// int8_model_from_json: see int8_model_json.hpp and docs/int8-model-format.md.
#include <map>

#include "core/engine/float_model.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/json_arrays.hpp"
#include "core/error.hpp"
#include "core/spec/field_reader.hpp"
#include "core/spec/json_text.hpp"

namespace tinyml::engine {
namespace {

namespace model_limits = int8_model_limits;

std::string shape_text(const TensorShape& shape) {
  if (shape.flat) return "[" + std::to_string(shape.c) + "]";
  return "[" + std::to_string(shape.c) + ", " + std::to_string(shape.h) + ", " + std::to_string(shape.w) + "]";
}

OpKind op_kind(const std::string& name, const std::string& path) {
  for (OpKind kind : {OpKind::Conv2d, OpKind::DepthwiseConv2d, OpKind::Add, OpKind::AvgPool, OpKind::MaxPool,
                      OpKind::GlobalAvgPool, OpKind::Flatten, OpKind::Linear}) {
    if (name == op_kind_name(kind)) return kind;
  }
  throw Error(path, "unknown op type \"" + name +
                        "\"; known: conv2d, dwconv2d, linear, add, avgpool, maxpool, global_avgpool, flatten");
}

void reject_unknown_fields(const FieldReader& fields, OpKind kind) {
  switch (kind) {
    case OpKind::Conv2d:
      return fields.reject_unknown({"type", "name", "inputs", "output", "kernel", "stride", "padding", "groups", "act",
                                    "weights", "weight_scales", "bias"});
    case OpKind::DepthwiseConv2d:
      return fields.reject_unknown({"type", "name", "inputs", "output", "kernel", "stride", "padding", "act",
                                    "weights", "weight_scales", "bias"});
    case OpKind::Linear:
      return fields.reject_unknown({"type", "name", "inputs", "output", "act", "weights", "weight_scales", "bias"});
    case OpKind::Add: return fields.reject_unknown({"type", "name", "inputs", "output", "act"});
    case OpKind::AvgPool:
    case OpKind::MaxPool:
      return fields.reject_unknown({"type", "name", "inputs", "output", "kernel", "stride", "padding", "act"});
    case OpKind::GlobalAvgPool:
    case OpKind::Flatten: return fields.reject_unknown({"type", "name", "inputs", "output"});
  }
}

// A number (all sides), [h, w] (top = bottom = h, left = right = w) or
// {"top", "left", "bottom", "right"} (missing sides 0).
Padding read_padding(const FieldReader& fields, const nlohmann::json& op) {
  if (!fields.has("padding")) return Padding{};
  const nlohmann::json& value = op["padding"];
  if (value.is_object()) {
    const FieldReader sides(value, fields.path_of("padding"));
    sides.reject_unknown({"top", "left", "bottom", "right"});
    const auto side = [&](const char* name) { return sides.integer_or(name, 0, 0, limits::kMaxPadding); };
    return Padding{side("top"), side("left"), side("bottom"), side("right")};
  }
  const Hw hw = fields.pair("padding", 0, limits::kMaxPadding);
  return Padding{hw.h, hw.w, hw.h, hw.w};
}

TensorShape read_shape(const FieldReader& fields, const nlohmann::json& tensor) {
  const std::string path = fields.path_of("shape");
  if (!fields.has("shape")) throw Error(path, "is required");
  const std::size_t rank = array_size(tensor["shape"], path);
  if (rank != 1 && rank != 3) {
    throw Error(path, "must be [C, H, W] or [N], got " + std::to_string(rank) + " dimensions");
  }
  // A flat vector (a flatten's output) may be longer than any one dimension.
  const int64_t largest = rank == 1 ? limits::kMaxTensorElements : limits::kMaxDim;
  const std::vector<int32_t> dims = read_int_array(tensor["shape"], path, rank, 1, largest);
  return rank == 1 ? TensorShape{dims[0], 1, 1, true} : TensorShape{dims[0], dims[1], dims[2], false};
}

class ModelReader {
 public:
  Int8Model read(const nlohmann::json& document);

 private:
  void read_tensor(const nlohmann::json& value, const std::string& path);
  void read_op(const nlohmann::json& value, int index);
  void read_references(const FieldReader& fields, const nlohmann::json& value, Op& op) const;
  void read_geometry(const FieldReader& fields, const nlohmann::json& value, Op& op) const;
  int tensor_ref(const nlohmann::json& value, const std::string& path) const;
  TensorShape computed_shape(const Op& op, const std::string& path) const;
  void read_constants(const FieldReader& fields, const nlohmann::json& value, int index);

  Int8Model model_;
  std::map<std::string, int> tensor_index_;
  std::vector<int> producer_;  // per tensor: op index, -1 for the network input, -2 until produced
  int64_t activation_elements_ = 0;
  int64_t weight_elements_ = 0;
};

void ModelReader::read_tensor(const nlohmann::json& value, const std::string& path) {
  const FieldReader fields(value, path);
  fields.reject_unknown({"name", "shape", "scale", "zero_point"});
  const std::string name = fields.string_or("name", "");
  if (name.empty()) throw Error(fields.path_of("name"), "is required (a non-empty string)");
  if (!tensor_index_.emplace(name, static_cast<int>(model_.graph.tensors.size())).second) {
    throw Error(fields.path_of("name"), "\"" + name + "\" names an earlier tensor too");
  }
  const TensorShape shape = read_shape(fields, value);
  if (shape.elements() > limits::kMaxTensorElements) {
    throw Error(fields.path_of("shape"), "has " + std::to_string(shape.elements()) + " elements; the limit is " +
                                             std::to_string(limits::kMaxTensorElements));
  }
  activation_elements_ += shape.elements();
  if (activation_elements_ > model_limits::kMaxActivationElements) {
    throw Error(path, "the tensors hold more than " + std::to_string(model_limits::kMaxActivationElements) +
                          " elements together");
  }
  if (!fields.has("scale")) throw Error(fields.path_of("scale"), "is required");
  const float scale = read_finite_float(value["scale"], fields.path_of("scale"));
  if (!(scale > 0.0f)) throw Error(fields.path_of("scale"), "must be > 0, got " + value["scale"].dump());
  const quant::QuantParams params{scale, fields.integer("zero_point", -128, 127)};
  model_.graph.tensors.push_back(Tensor{name, shape, -1});
  model_.tensors.push_back(params);
  producer_.push_back(-2);
}

int ModelReader::tensor_ref(const nlohmann::json& value, const std::string& path) const {
  if (!value.is_string()) throw Error(path, "must be a tensor name (a string)");
  const auto found = tensor_index_.find(value.get<std::string>());
  if (found == tensor_index_.end()) throw Error(path, "no tensor is named \"" + value.get<std::string>() + "\"");
  return found->second;
}

// The output shape `op` computes from its input(s); throws when the input does not fit.
TensorShape ModelReader::computed_shape(const Op& op, const std::string& path) const {
  const TensorShape& in = model_.graph.tensors[op.inputs[0]].shape;
  const TensorShape& declared = model_.graph.tensors[op.output].shape;
  if (op.kind == OpKind::Linear) return TensorShape{declared.c, 1, 1, true};
  if (op.kind == OpKind::Flatten) return TensorShape{static_cast<int>(in.elements()), 1, 1, true};
  if (op.kind == OpKind::Add) {
    if (!(model_.graph.tensors[op.inputs[1]].shape == in)) {
      throw Error(path + ".inputs", "add needs two inputs of the same shape, got " + shape_text(in) + " and " +
                                        shape_text(model_.graph.tensors[op.inputs[1]].shape));
    }
    return in;
  }
  if (in.flat) throw Error(path + ".inputs[0]", std::string(op_kind_name(op.kind)) + " needs a [C, H, W] input");
  if (op.kind == OpKind::GlobalAvgPool) return TensorShape{in.c, 1, 1, false};
  const int padded_h = in.h + op.padding.top + op.padding.bottom;
  const int padded_w = in.w + op.padding.left + op.padding.right;
  if (padded_h < op.kernel.h || padded_w < op.kernel.w) {
    throw Error(path + ".kernel", "is larger than the padded input " + std::to_string(padded_h) + "×" +
                                      std::to_string(padded_w));
  }
  const int channels = op.kind == OpKind::Conv2d ? declared.c : in.c;
  if (op.kind == OpKind::Conv2d && (in.c % op.groups != 0 || channels % op.groups != 0)) {
    throw Error(path + ".groups", "must divide the input channels (" + std::to_string(in.c) +
                                      ") and the output channels (" + std::to_string(channels) + ")");
  }
  return TensorShape{channels, (padded_h - op.kernel.h) / op.stride.h + 1, (padded_w - op.kernel.w) / op.stride.w + 1,
                     false};
}

void ModelReader::read_constants(const FieldReader& fields, const nlohmann::json& value, int index) {
  Int8OpData& data = model_.ops[index];
  const std::array<std::size_t, 4> shape = filter_shape(model_.graph, index);
  const std::size_t count = shape[0] * shape[1] * shape[2] * shape[3];
  weight_elements_ += static_cast<int64_t>(count);
  if (weight_elements_ > limits::kMaxParams) {
    throw Error(fields.path_of("weights"), "the model would hold more than " + std::to_string(limits::kMaxParams) +
                                               " weights");
  }
  if (!fields.has("weights")) throw Error(fields.path_of("weights"), "is required");
  const std::vector<int32_t> weights = read_int_array(value["weights"], fields.path_of("weights"), count, -128, 127);
  data.filter = xt::xtensor<int8_t, 4>::from_shape(shape);
  std::copy(weights.begin(), weights.end(), data.filter.begin());
  if (!fields.has("weight_scales")) throw Error(fields.path_of("weight_scales"), "is required");
  const std::size_t channels = static_cast<std::size_t>(output_channels(model_.graph, index));
  const std::size_t scales = array_size(value["weight_scales"], fields.path_of("weight_scales"));
  data.filter_scales = read_float_array(value["weight_scales"], fields.path_of("weight_scales"),
                                        scales == 1 ? 1 : channels);
  if (fields.has("bias")) {
    const std::vector<int32_t> bias = read_int_array(value["bias"], fields.path_of("bias"), channels,
                                                     -2147483647LL - 1, 2147483647LL);
    data.bias = xt::xtensor<int32_t, 1>::from_shape({channels});
    std::copy(bias.begin(), bias.end(), data.bias.begin());
  }
}

// The op's input and output tensors: each input produced before, the output not yet.
void ModelReader::read_references(const FieldReader& fields, const nlohmann::json& value, Op& op) const {
  if (!fields.has("inputs") || !fields.has("output")) {
    throw Error(fields.path_of(fields.has("inputs") ? "output" : "inputs"), "is required");
  }
  const std::size_t arity = op.kind == OpKind::Add ? 2 : 1;
  if (array_size(value["inputs"], fields.path_of("inputs")) != arity) {
    throw Error(fields.path_of("inputs"), std::string(op_kind_name(op.kind)) + " takes " + std::to_string(arity) +
                                              (arity == 1 ? " input" : " inputs") + ", got " +
                                              std::to_string(value["inputs"].size()));
  }
  for (std::size_t input = 0; input < arity; ++input) {
    const std::string input_path = fields.path_of("inputs") + "[" + std::to_string(input) + "]";
    const int tensor = tensor_ref(value["inputs"][input], input_path);
    if (producer_[tensor] == -2) {
      throw Error(input_path, "tensor \"" + model_.graph.tensors[tensor].name +
                                  "\" is read before an op produces it (ops run in file order)");
    }
    op.inputs.push_back(tensor);
  }
  op.output = tensor_ref(value["output"], fields.path_of("output"));
  if (producer_[op.output] != -2) {
    throw Error(fields.path_of("output"), "tensor \"" + model_.graph.tensors[op.output].name +
                                              (producer_[op.output] == -1 ? "\" is the network input"
                                                                          : "\" is already produced by an earlier op"));
  }
}

// Kernel, stride, padding, groups and activation; checks the declared output shape.
void ModelReader::read_geometry(const FieldReader& fields, const nlohmann::json& value, Op& op) const {
  const bool pool = op.kind == OpKind::AvgPool || op.kind == OpKind::MaxPool;
  if (is_convolution(op.kind) || pool) {
    op.kernel = fields.pair("kernel", 1, limits::kMaxKernel);
    op.stride = fields.pair_or("stride", pool ? op.kernel : Hw{1, 1}, 1, limits::kMaxStride);
    op.padding = read_padding(fields, value);
  }
  const TensorShape& in = model_.graph.tensors[op.inputs[0]].shape;
  if (op.kind == OpKind::GlobalAvgPool) op.kernel = Hw{in.h, in.w};
  op.groups = op.kind == OpKind::Conv2d ? fields.integer_or("groups", 1, 1, limits::kMaxDim)
                                        : (op.kind == OpKind::DepthwiseConv2d ? in.c : 1);
  op.act = fields.activation_or("act", Activation::None);
  const TensorShape computed = computed_shape(op, op.source);
  const TensorShape& declared = model_.graph.tensors[op.output].shape;
  if (!(computed == declared)) {
    throw Error(fields.path_of("output"), "tensor \"" + model_.graph.tensors[op.output].name + "\" is declared " +
                                              shape_text(declared) + " but " + op_kind_name(op.kind) + " computes " +
                                              shape_text(computed) + " from its input " + shape_text(in));
  }
}

void ModelReader::read_op(const nlohmann::json& value, int index) {
  const std::string path = "ops[" + std::to_string(index) + "]";
  const FieldReader fields(value, path);
  Op op;
  op.kind = op_kind(fields.string_or("type", ""), fields.path_of("type"));
  op.source = path;
  reject_unknown_fields(fields, op.kind);
  read_references(fields, value, op);
  op.name = fields.string_or("name", model_.graph.tensors[op.output].name);
  read_geometry(fields, value, op);
  op.bias = fields.has("bias");
  model_.graph.tensors[op.output].producer = index;
  producer_[op.output] = index;
  model_.graph.ops.push_back(op);
  model_.ops.emplace_back();
  if (has_weights(op.kind)) read_constants(fields, value, index);
  Op& stored = model_.graph.ops.back();
  const TensorShape& out = model_.graph.tensors[op.output].shape;
  stored.weight_elements = static_cast<int64_t>(model_.ops.back().filter.size());
  stored.params = stored.weight_elements + static_cast<int64_t>(model_.ops.back().bias.size());
  // conv: OH·OW·C_out·KH·KW·C_in/groups; depthwise: OH·OW·KH·KW·C; linear: O·K.
  stored.macs = op.kind == OpKind::Linear ? stored.weight_elements : int64_t{out.h} * out.w * stored.weight_elements;
  model_.graph.params += stored.params;
  model_.graph.macs += stored.macs;
}

Int8Model ModelReader::read(const nlohmann::json& document) {
  const FieldReader fields(document, "");
  fields.reject_unknown({"format", "version", "name", "description", "input", "output", "tensors", "ops"});
  if (fields.string_or("format", "") != kInt8ModelFormat) {
    throw Error("format", std::string("must be \"") + kInt8ModelFormat + "\"");
  }
  fields.integer("version", kInt8ModelVersion, kInt8ModelVersion);
  model_.graph.name = fields.string_or("name", "");
  if (!fields.has("tensors") || !fields.has("ops")) throw Error(fields.has("ops") ? "tensors" : "ops", "is required");
  const std::size_t tensors = array_size(document["tensors"], "tensors");
  const std::size_t ops = array_size(document["ops"], "ops");
  if (tensors < 2 || tensors > static_cast<std::size_t>(model_limits::kMaxTensors)) {
    throw Error("tensors", "must list 2 to " + std::to_string(model_limits::kMaxTensors) + " tensors, got " +
                               std::to_string(tensors));
  }
  if (ops < 1 || ops > static_cast<std::size_t>(model_limits::kMaxOps)) {
    throw Error("ops", "must list 1 to " + std::to_string(model_limits::kMaxOps) + " ops, got " + std::to_string(ops));
  }
  for (std::size_t index = 0; index < tensors; ++index) {
    read_tensor(document["tensors"][index], "tensors[" + std::to_string(index) + "]");
  }
  if (!fields.has("input") || !fields.has("output")) throw Error(fields.has("input") ? "output" : "input", "is required");
  model_.graph.input = tensor_ref(document["input"], "input");
  producer_[model_.graph.input] = -1;
  for (std::size_t index = 0; index < ops; ++index) read_op(document["ops"][index], static_cast<int>(index));
  model_.graph.output = tensor_ref(document["output"], "output");
  if (producer_[model_.graph.output] < 0) throw Error("output", "must be a tensor produced by an op");
  for (std::size_t index = 0; index < tensors; ++index) {
    if (producer_[index] == -2) {
      throw Error("tensors[" + std::to_string(index) + "]", "tensor \"" + model_.graph.tensors[index].name +
                                                                "\" is neither the input nor produced by an op");
    }
  }
  check_int8_model(model_);
  return std::move(model_);
}

}  // namespace

Int8Model int8_model_from_json(const nlohmann::json& document) { return ModelReader().read(document); }

Int8Model read_int8_model(const std::string& text) {
  return int8_model_from_json(parse_json_text(text, int8_model_limits::kMaxTextBytes, "the int8 model"));
}

}  // namespace tinyml::engine
