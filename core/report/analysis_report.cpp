#include "core/report/analysis_report.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/graph/flash_size.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/report/memory_report.hpp"
#include "core/spec/field_reader.hpp"

namespace tinyml {
namespace {

nlohmann::json shape_json(const TensorShape& shape) {
  if (shape.flat) return nlohmann::json::array({shape.c});
  return nlohmann::json::array({shape.c, shape.h, shape.w});
}

// Per-op memory numbers shown in the layer table.
struct OpMemory {
  int64_t live_bytes = 0;
  int64_t inplace_depthwise_bytes = 0;
  int64_t scratch_bytes = 0;
};

nlohmann::json layer_json(const Graph& graph, const Op& op, const OpMemory& memory, int bpe) {
  const TensorShape& in_shape = graph.tensors[op.inputs[0]].shape;
  int64_t in_bytes = 0;
  for (const int input : op.inputs) in_bytes += graph.tensors[input].shape.elements() * bpe;
  nlohmann::json layer = {
      {"name", op.name},
      {"type", op_kind_name(op.kind)},
      {"source", op.source},
      {"in_shape", shape_json(in_shape)},
      {"out_shape", shape_json(graph.tensors[op.output].shape)},
      {"in_bytes", in_bytes},
      {"out_bytes", graph.tensors[op.output].shape.elements() * bpe},
      {"weight_bytes", op.weight_elements * bpe},
      {"params", op.params},
      {"macs", op.macs},
      {"live_bytes", memory.live_bytes},
      {"inplace_depthwise_bytes", memory.inplace_depthwise_bytes},
      {"scratch_bytes", memory.scratch_bytes},
  };
  if (is_convolution(op.kind) || op.kind == OpKind::AvgPool || op.kind == OpKind::MaxPool) {
    layer["kernel"] = {op.kernel.h, op.kernel.w};
    layer["stride"] = {op.stride.h, op.stride.w};
    layer["padding"] = {op.padding.top, op.padding.left, op.padding.bottom, op.padding.right};
  }
  if (is_convolution(op.kind)) layer["groups"] = op.groups;
  if (is_convolution(op.kind) || op.kind == OpKind::Linear || op.kind == OpKind::Add) {
    layer["act"] = activation_name(op.act);
  }
  return layer;
}

nlohmann::json deployable_flash_json(const FlashSize& flash) {
  return {{"bytes", flash.total_bytes()},
          {"weight_bytes", flash.weight_bytes},
          {"bias_bytes", flash.bias_bytes},
          {"quantization_bytes", flash.quantization_bytes}};
}

nlohmann::json mcu_json(const Mcu& mcu, int64_t peak_bytes, int64_t model_bytes) {
  return {
      {"name", mcu.name},
      {"sram_bytes", mcu.sram_bytes},
      {"flash_bytes", mcu.flash_bytes},
      {"clock_mhz", mcu.clock_mhz},
      {"core", mcu.core},
      {"peak_estimator", "live"},
      {"fits_sram", peak_bytes <= mcu.sram_bytes},
      {"fits_flash", model_bytes <= mcu.flash_bytes},
      {"sram_margin_bytes", mcu.sram_bytes - peak_bytes},
      {"flash_margin_bytes", mcu.flash_bytes - model_bytes},
  };
}

PatchRequest parse_patch_request(const nlohmann::json& patch) {
  PatchRequest request;
  const FieldReader fields(patch, "options.patch");
  fields.reject_unknown({"split_op", "grid", "max_extra_macs_ratio"});
  if (fields.has("split_op") != fields.has("grid")) {
    throw Error("options.patch", "give split_op and grid together, or neither");
  }
  if (fields.has("split_op")) {
    request.split_op = fields.integer("split_op", 0, limits::kMaxLayers * 8);
    request.grid = fields.integer("grid", 1, limits::kMaxDim);
  }
  if (fields.has("max_extra_macs_ratio")) {
    const nlohmann::json& ratio = patch["max_extra_macs_ratio"];
    if (!ratio.is_number() || !std::isfinite(ratio.get<double>()) || ratio.get<double>() < 0) {
      throw Error("options.patch.max_extra_macs_ratio", "must be a number >= 0 (0.1 = 10% extra MACs)");
    }
    request.max_extra_macs_ratio = ratio.get<double>();
  }
  return request;
}

}  // namespace

int bytes_per_element(Precision precision) { return precision == Precision::Int8 ? 1 : 4; }

AnalysisOptions parse_analysis_options(const nlohmann::json& options) {
  AnalysisOptions parsed;
  if (options.is_null()) return parsed;
  const FieldReader fields(options, "options");
  fields.reject_unknown({"mcu", "precision", "patch"});
  const std::string precision = fields.string_or("precision", "int8");
  if (precision == "fp32") {
    parsed.precision = Precision::Fp32;
  } else if (precision != "int8") {
    throw Error("options.precision", "must be \"int8\" or \"fp32\", got \"" + precision + "\"");
  }
  if (fields.has("patch") && !options["patch"].is_null()) parsed.patch = parse_patch_request(options["patch"]);
  if (!fields.has("mcu") || options["mcu"].is_null()) return parsed;
  const nlohmann::json& mcu = options["mcu"];
  if (mcu.is_string()) {
    parsed.mcu = find_mcu(mcu.get<std::string>(), "options.mcu");
    return parsed;
  }
  const FieldReader custom(mcu, "options.mcu");
  custom.reject_unknown({"name", "flash_kb", "sram_kb", "clock_mhz"});
  const auto number = [&](const char* key) {
    if (!custom.has(key) || !mcu[key].is_number()) throw Error(custom.path_of(key), "must be a number");
    return mcu[key].get<double>();
  };
  parsed.mcu = custom_mcu(custom.string_or("name", "custom"), number("flash_kb"), number("sram_kb"),
                          number("clock_mhz"), "options.mcu");
  return parsed;
}

nlohmann::json analysis_report(const Graph& graph, const AnalysisOptions& options) {
  const int bpe = bytes_per_element(options.precision);
  const std::vector<int64_t> live = live_bytes_per_op(graph, bpe);
  const memory::KernelLibrary library =
      options.precision == Precision::Int8 ? memory::KernelLibrary::CmsisNn : memory::KernelLibrary::Reference;
  const MemoryReport memory = memory_report(graph, bpe, library, options.patch);
  nlohmann::json layers = nlohmann::json::array();
  for (std::size_t op_index = 0; op_index < graph.ops.size(); ++op_index) {
    const OpMemory op_memory{live[op_index], memory.inplace_depthwise_bytes[op_index], memory.scratch_bytes[op_index]};
    layers.push_back(layer_json(graph, graph.ops[op_index], op_memory, bpe));
  }
  const PeakEstimate in_out = lecture_in_out_peak(graph, bpe);
  const PeakEstimate consecutive = lecture_consecutive_peak(graph, bpe);
  const PeakEstimate live_max = live_peak(graph, bpe);
  const TensorShape& input = graph.tensors[graph.input].shape;
  nlohmann::json report = {
      {"name", graph.name},
      {"input", {input.c, input.h, input.w}},
      {"precision", options.precision == Precision::Int8 ? "int8" : "fp32"},
      {"bytes_per_element", bpe},
      {"params", graph.params},
      {"macs", graph.macs},
      {"model_bytes", graph.params * bpe},
      {"model_bytes_int8", graph.params},
      {"model_bytes_fp32", graph.params * 4},
      {"deployable_flash", deployable_flash_json(deployable_flash_size(graph))},
      {"layers", std::move(layers)},
      {"peak_bytes", {{"lecture_in_out", in_out.bytes}, {"lecture_consecutive", consecutive.bytes},
                      {"live", live_max.bytes}}},
      {"peak_at", {{"lecture_in_out", in_out.at}, {"lecture_consecutive", consecutive.at}, {"live", live_max.at}}},
      {"plan", memory.plan},
      {"patch", memory.patch},
  };
  report["peak_bytes"].update(memory.peak_bytes);
  report["peak_at"].update(memory.peak_at);
  if (options.mcu) report["mcu"] = mcu_json(*options.mcu, live_max.bytes, graph.params * bpe);
  return report;
}

}  // namespace tinyml
