// core/api.hpp's int8 inference entry points: a registry of prepared sessions under
// integer handles, and the JSON requests that choose an input.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/api.hpp"
#include "core/api_envelope.hpp"
#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/float_weights_json.hpp"
#include "core/engine/image_input.hpp"
#include "core/engine/inference_json.hpp"
#include "core/engine/inference_session.hpp"
#include "core/engine/input_tensor_json.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/engine/tensor_layout.hpp"
#include "core/error.hpp"
#include "core/mcu/latency_model.hpp"
#include "core/mcu/mcu_catalog.hpp"
#include "core/spec/field_reader.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/presets.hpp"
#include "core/util/median_time.hpp"

namespace tinyml::api {
namespace {

using engine::InferenceSession;

constexpr std::size_t kMaxRequestBytes = std::size_t{1} << 28;  // an "input" may list every value
// Timed runs per call: 100 float runs of ResNet-18 already take minutes in a browser.
constexpr int kMaxTimedRuns = 100;
// Untimed runs first, for at least this long (median_time.hpp: V8 swaps in optimized
// code in the background). Measured in Chromium: TinyNet's first int8 runs 11.1 ms, the
// later ones 4.5-4.7 ms.
constexpr double kWarmupMs = 300;

std::map<int, std::unique_ptr<InferenceSession>>& sessions() {
  static std::map<int, std::unique_ptr<InferenceSession>> open;
  return open;
}

nlohmann::json request_object(const std::string& text, const char* what) {
  nlohmann::json request = text.empty() ? nlohmann::json::object() : parse_json_text(text, kMaxRequestBytes, what);
  if (!request.is_object()) throw Error("", std::string(what) + " must be a JSON object");
  return request;
}

InferenceSession& session(int handle) {
  const auto found = sessions().find(handle);
  if (found == sessions().end()) {
    throw Error("handle", "no open model " + std::to_string(handle) + " (released, or never quantized)");
  }
  return *found->second;
}

nlohmann::json open_session(std::unique_ptr<InferenceSession> prepared) {
  if (sessions().size() >= static_cast<std::size_t>(kMaxSessions)) {
    throw Error("", "too many open models (" + std::to_string(kMaxSessions) + "): release one first");
  }
  static int next_handle = 0;
  const int handle = ++next_handle;
  nlohmann::json summary = prepared->summary();
  summary["handle"] = handle;
  sessions()[handle] = std::move(prepared);
  return summary;
}

uint64_t read_seed(const FieldReader& fields) {
  return static_cast<uint64_t>(fields.integer_or("seed", 1, 0, 2147483647));
}

// The float network of a quantize request, with its weights.
std::unique_ptr<InferenceSession> quantized_session(const nlohmann::json& request) {
  const FieldReader fields(request, "");
  fields.reject_unknown({"preset", "spec", "resolution", "seed", "calib", "init", "weights"});
  if (fields.has("preset") == fields.has("spec")) throw Error("", "give either \"preset\" or \"spec\"");
  nlohmann::json spec;
  if (fields.has("preset")) {
    spec = find_preset(fields.string_or("preset", "")).spec;
  } else {
    spec = request["spec"].is_string() ? parse_json_text(request["spec"].get<std::string>(), limits::kMaxSpecBytes, "the spec")
                                       : request["spec"];
  }
  if (fields.has("resolution") && spec.is_object() && spec.contains("input") && spec["input"].is_array() &&
      spec["input"].size() == 3) {
    const int resolution = fields.integer_or("resolution", 0, 1, limits::kMaxDim);
    spec["input"][1] = resolution;
    spec["input"][2] = resolution;
  }
  Graph graph = build_graph(parse_network(spec));
  const uint64_t seed = read_seed(fields);
  const std::string init = fields.string_or("init", "he");
  if (init != "he" && init != "pytorch") throw Error("init", "must be \"he\" or \"pytorch\", got \"" + init + "\"");
  engine::FloatModel weights;
  if (fields.has("weights")) {
    const nlohmann::json& file = request["weights"];
    weights = file.is_string() ? engine::read_float_weights(graph, file.get<std::string>())
                               : engine::float_weights_from_json(graph, file);
  } else {
    weights = engine::init_float_model(graph, seed, init == "he" ? engine::WeightInit::He : engine::WeightInit::PyTorchDefault);
  }
  const std::vector<std::vector<float>> samples =
      engine::generated_samples(graph, seed, fields.integer_or("calib", 16, 1, 1000));
  return InferenceSession::quantized(std::move(graph), std::move(weights), samples);
}

// The chosen input: real values [H, W, C], or int8 already quantized.
engine::InputTensor chosen_input(const nlohmann::json& request, const FieldReader& fields, const TensorShape& shape,
                                 const std::vector<float>& data) {
  const int given = fields.has("pattern") + fields.has("input") + fields.has("tensor") + fields.has("pixels");
  if (given != 1) throw Error("", "give exactly one input: \"pattern\", \"input\", \"tensor\" or \"pixels\"");
  engine::InputTensor input;
  if (fields.has("pattern")) {
    const engine::InputPattern pattern = engine::parse_input_pattern(fields.string_or("pattern", ""), "pattern");
    input.values = engine::generate_input(shape, pattern, read_seed(fields));
  } else if (fields.has("input")) {
    input = engine::read_input_tensor(request["input"], shape);
  } else if (fields.has("tensor")) {
    const FieldReader tensor(request["tensor"], "tensor");
    tensor.reject_unknown({"layout"});
    const std::string layout = tensor.string_or("layout", "chw");
    if (layout != "chw" && layout != "hwc") throw Error("tensor.layout", "must be \"chw\" or \"hwc\", got \"" + layout + "\"");
    if (static_cast<int64_t>(data.size()) != shape.elements()) {
      throw Error("tensor", "the network takes " + std::to_string(shape.elements()) + " values, got " + std::to_string(data.size()));
    }
    for (std::size_t index = 0; index < data.size(); ++index) {
      if (!std::isfinite(data[index])) throw Error("tensor[" + std::to_string(index) + "]", "must be a finite number");
    }
    input.values = layout == "chw" ? engine::chw_to_hwc(data, shape) : data;
  } else {
    const FieldReader pixels(request["pixels"], "pixels");
    pixels.reject_unknown({"width", "height", "channels"});
    const engine::ImagePixels image{pixels.integer("width", 1, 1 << 20), pixels.integer("height", 1, 1 << 20),
                                    pixels.integer("channels", 1, 4), {data.data(), data.size()}};
    input.values = engine::image_to_input(image, shape);
  }
  return input;
}

// NAME, or {"name", "flash_kb", "sram_kb", "clock_mhz"}, as analyze's options take it.
Mcu read_mcu(const nlohmann::json& value) {
  if (value.is_string()) return find_mcu(value.get<std::string>(), "mcu");
  const FieldReader fields(value, "mcu");
  fields.reject_unknown({"name", "flash_kb", "sram_kb", "clock_mhz"});
  const auto number = [&](const char* key) {
    if (!fields.has(key) || !value[key].is_number()) throw Error(fields.path_of(key), "must be a number");
    return value[key].get<double>();
  };
  return custom_mcu(fields.string_or("name", "custom"), number("flash_kb"), number("sram_kb"), number("clock_mhz"), "mcu");
}

}  // namespace

std::string quantize(const std::string& request_json) {
  return envelope([&] { return open_session(quantized_session(request_object(request_json, "the quantize request"))); });
}

std::string load_int8_model(const std::string& model_text) {
  return envelope([&] {
    return open_session(InferenceSession::from_int8_model(engine::read_int8_model(model_text)));
  });
}

std::string infer(int handle, const std::string& request_json, const std::vector<float>& data) {
  return envelope([&] {
    InferenceSession& prepared = session(handle);
    const nlohmann::json request = request_object(request_json, "the infer request");
    const FieldReader fields(request, "");
    fields.reject_unknown({"pattern", "seed", "input", "tensor", "pixels", "layers", "runs"});
    const engine::InputTensor input = chosen_input(request, fields, prepared.input_shape(), data);
    const std::vector<int8_t> quantized =
        input.is_int8 ? input.int8 : engine::quantize_input(prepared.model(), {input.values.data(), input.values.size()});
    nlohmann::json report = engine::inference_json(
        prepared.model(), prepared.engine().run_all({quantized.data(), quantized.size()}), fields.boolean_or("layers", false));
    const int runs = fields.integer_or("runs", 0, 0, kMaxTimedRuns);
    if (runs > 0) {
      std::vector<int8_t> output(prepared.engine().output().size);
      int warmup_runs = 0;
      const double int8_ms = median_ms(
          runs, [&] { prepared.engine().run({quantized.data(), quantized.size()}, {output.data(), output.size()}); },
          kWarmupMs, &warmup_runs);
      report["timing"] = {{"runs", runs}, {"int8_median_ms", int8_ms}, {"int8_warmup_runs", warmup_runs}};
    }
    return report;
  });
}

std::string compare(int handle, const std::string& request_json, const std::vector<float>& data) {
  return envelope([&] {
    InferenceSession& prepared = session(handle);
    if (!prepared.has_float()) throw Error("handle", "this model was loaded from an int8 file: it has no float network to compare with");
    const nlohmann::json request = request_object(request_json, "the compare request");
    const FieldReader fields(request, "");
    fields.reject_unknown({"pattern", "seed", "input", "tensor", "pixels", "runs", "input_values"});
    const engine::InputTensor input = chosen_input(request, fields, prepared.input_shape(), data);
    if (input.is_int8) throw Error("input", "compare needs real values (\"data\"), not \"int8\"");
    const kernels::Span<const float> values{input.values.data(), input.values.size()};
    const engine::Comparison comparison = engine::compare_on_input(prepared.float_engine(), prepared.engine(), values);
    nlohmann::json report = engine::comparison_json(prepared.model(), comparison);
    report["model"] = prepared.model().graph.name;
    const std::vector<int8_t> quantized = engine::quantize_input(prepared.model(), values);
    report["int8_output"] =
        engine::inference_json(prepared.model(), prepared.engine().run_all({quantized.data(), quantized.size()}), false)["output"];
    if (fields.boolean_or("input_values", false)) {
      report["input"] = {{"shape", report["layers"][0]["shape"]},
                         {"values", engine::hwc_to_chw(input.values, prepared.input_shape())}};
    }
    const int runs = fields.integer_or("runs", 0, 0, kMaxTimedRuns);
    if (runs > 0) {
      std::vector<int8_t> output(prepared.engine().output().size);
      int int8_warmups = 0;
      int float_warmups = 0;
      const double int8_ms = median_ms(
          runs, [&] { prepared.engine().run({quantized.data(), quantized.size()}, {output.data(), output.size()}); },
          kWarmupMs, &int8_warmups);
      const double float_ms = median_ms(runs, [&] { prepared.float_engine().run(values); }, kWarmupMs, &float_warmups);
      report["timing"] = {{"runs", runs},
                          {"int8_median_ms", int8_ms},
                          {"float_median_ms", float_ms},
                          {"int8_warmup_runs", int8_warmups},
                          {"float_warmup_runs", float_warmups}};
    }
    return report;
  });
}

std::string model_file(int handle) {
  return envelope([&] { return engine::int8_model_to_json(session(handle).model()); });
}

std::string release(int handle) {
  return envelope([&] { return nlohmann::json(sessions().erase(handle) > 0); });
}

std::string estimate_latency(const std::string& request_json) {
  return envelope([&] {
    const nlohmann::json request = request_object(request_json, "the latency request");
    const FieldReader fields(request, "");
    fields.reject_unknown({"mcu", "macs"});
    if (!fields.has("mcu")) throw Error("mcu", "is required");
    const nlohmann::json& macs = request.value("macs", nlohmann::json());
    if (!macs.is_number_integer() || macs.get<int64_t>() < 0) throw Error("macs", "must be a whole number ≥ 0, got " + macs.dump());
    const Mcu mcu = read_mcu(request["mcu"]);
    const LatencyEstimate estimate = estimate_latency(mcu, macs.get<int64_t>());
    return nlohmann::json{{"mcu", estimate.mcu},
                          {"clock_mhz", estimate.clock_mhz},
                          {"macs", estimate.macs},
                          {"ms", estimate.ms},
                          {"cycles_per_mac", estimate.cycles.cycles_per_mac},
                          {"core", estimate.cycles.core},
                          {"mcu_core", mcu.core},
                          {"basis", estimate.cycles.basis},
                          {"derivation", estimate.cycles.derivation},
                          {"source", estimate.cycles.source},
                          {"assumed_core", estimate.assumed_core}};
  });
}

}  // namespace tinyml::api
