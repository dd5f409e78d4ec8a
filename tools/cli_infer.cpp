#include "tools/cli_infer.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/float_weights_json.hpp"
#include "core/engine/inference_json.hpp"
#include "core/engine/input_tensor_json.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/engine/tensor_layout.hpp"
#include "core/error.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "core/util/median_time.hpp"
#include "tools/cli_common.hpp"

namespace tinyml::cli {
namespace {

using namespace tinyml::engine;

// A parsed command line: one positional argument, options with values (repeatable), switches.
struct Args {
  std::string source;
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> switches;

  bool has(const std::string& flag) const { return values.count(flag) || switches.count(flag); }
  const std::string& value(const std::string& flag) const { return values.at(flag).back(); }
  int integer(const std::string& flag, int fallback, int min, int max) const {
    if (!values.count(flag)) return fallback;
    try {
      std::size_t used = 0;
      const long long number = std::stoll(value(flag), &used);
      if (used == value(flag).size() && number >= min && number <= max) return static_cast<int>(number);
    } catch (const std::exception&) {
    }
    throw UsageError(flag + " takes a whole number in [" + std::to_string(min) + ", " + std::to_string(max) +
                     "], got " + value(flag));
  }
};

Args parse_args(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                const std::set<std::string>& switches, const std::string& command) {
  Args parsed;
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    if (with_value.count(arg)) {
      if (index + 1 >= args.size()) throw UsageError(arg + " needs a value");
      parsed.values[arg].push_back(args[++index]);
    } else if (switches.count(arg)) {
      parsed.switches.insert(arg);
    } else if (arg.rfind("-", 0) == 0 || !parsed.source.empty()) {
      throw UsageError("unexpected argument " + arg);
    } else {
      parsed.source = arg;
    }
  }
  if (parsed.source.empty()) {
    throw UsageError(command + " needs " + (command == "infer" ? "a model file" : "a spec file or preset:NAME"));
  }
  return parsed;
}

std::string read_text(const std::string& path, std::size_t limit) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(path, "cannot open the file");
  file.seekg(0, std::ios::end);
  if (static_cast<std::size_t>(file.tellg()) > limit) {
    throw Error(path, "is larger than the " + std::to_string(limit) + "-byte limit");
  }
  file.seekg(0);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Runs `body`, prefixing any tinyml::Error with the file it came from.
template <typename Body>
auto in_file(const std::string& path, Body body) {
  try {
    return body();
  } catch (const Error& error) {
    throw Error(path + (error.path().empty() ? "" : ": " + error.path()), error.reason());
  }
}

const std::set<std::string> kNetworkOptions = {"--weights", "--calib",      "--calib-input",
                                                "--seed",    "--resolution", "--init"};

struct Network {
  Graph graph;
  FloatModel model;
};

Network load_network(const Args& args) {
  nlohmann::json spec = args.source.rfind("preset:", 0) == 0
                            ? find_preset(args.source.substr(7)).spec
                            : in_file(args.source, [&] {
                                return parse_json_text(read_text(args.source, limits::kMaxSpecBytes),
                                                       limits::kMaxSpecBytes, "the spec");
                              });
  if (args.has("--resolution") && spec.is_object() && spec.contains("input") && spec["input"].is_array() &&
      spec["input"].size() == 3) {
    const int resolution = args.integer("--resolution", 0, 1, limits::kMaxDim);
    spec["input"][1] = resolution;
    spec["input"][2] = resolution;
  }
  Network network{build_graph(parse_network(spec)), {}};
  if (args.has("--weights")) {
    const std::string& path = args.value("--weights");
    network.model =
        in_file(path, [&] { return read_float_weights(network.graph, read_text(path, kMaxFloatWeightsTextBytes)); });
    return network;
  }
  const std::string init = args.has("--init") ? args.value("--init") : "he";
  if (init != "he" && init != "pytorch") throw UsageError("--init takes he or pytorch, got " + init);
  const uint64_t seed = static_cast<uint64_t>(args.integer("--seed", 1, 0, 2147483647));
  network.model = init_float_model(network.graph, seed, init == "he" ? WeightInit::He : WeightInit::PyTorchDefault);
  return network;
}

InputTensor read_input_file(const std::string& path, const TensorShape& shape) {
  constexpr std::size_t kMaxInputBytes = std::size_t{1} << 28;
  return in_file(path, [&] {
    return read_input_tensor(parse_json_text(read_text(path, kMaxInputBytes), kMaxInputBytes, "the input"), shape);
  });
}

// --input F, or --pattern NAME with --seed S (default noise, seed 1 when `optional`).
InputTensor chosen_input(const Args& args, const TensorShape& shape, bool optional) {
  if (args.has("--input")) return read_input_file(args.value("--input"), shape);
  if (!args.has("--pattern") && !optional) throw UsageError("give --input FILE or --pattern NAME");
  const InputPattern pattern =
      parse_input_pattern(args.has("--pattern") ? args.value("--pattern") : "noise", "--pattern");
  InputTensor input;
  input.values = generate_input(shape, pattern, static_cast<uint64_t>(args.integer("--seed", 1, 0, 2147483647)));
  return input;
}

std::vector<std::vector<float>> calibration_inputs(const Args& args, const Graph& graph) {
  std::vector<std::vector<float>> samples;
  if (args.values.count("--calib-input")) {
    for (const std::string& path : args.values.at("--calib-input")) {
      const InputTensor input = read_input_file(path, graph.tensors[graph.input].shape);
      if (input.is_int8) throw Error(path, "calibration inputs must be real values (\"data\"), not \"int8\"");
      samples.push_back(input.values);
    }
    return samples;
  }
  return generated_samples(graph, static_cast<uint64_t>(args.integer("--seed", 1, 0, 2147483647)),
                           args.integer("--calib", 16, 1, 10000));
}

template <typename T>
std::string join(const std::vector<T>& values) {
  std::ostringstream text;
  for (std::size_t index = 0; index < values.size(); ++index) text << (index ? " " : "") << values[index];
  return text.str();
}

}  // namespace

int quantize(const std::vector<std::string>& raw) {
  std::set<std::string> with_value = kNetworkOptions;
  with_value.insert("-o");
  const Args args = parse_args(raw, with_value, {"--json"}, "quantize");
  if (!args.has("-o")) throw UsageError("quantize needs -o model.json");
  const Network network = load_network(args);
  const Int8Model model = quantize_model(network.graph, network.model, calibration_inputs(args, network.graph));
  const Int8Engine engine(model);  // prepares every kernel and plans the arena: a model that cannot run fails here
  const std::string& path = args.value("-o");
  std::ofstream file(path, std::ios::binary);
  if (!file || !(file << int8_model_to_json(model).dump() << "\n")) throw Error(path, "cannot write the file");
  int64_t weight_bytes = 0, bias_bytes = 0;
  for (const Int8OpData& op : model.ops) {
    weight_bytes += static_cast<int64_t>(op.filter.size());
    bias_bytes += 4 * static_cast<int64_t>(op.bias.size());
  }
  const nlohmann::json summary = {{"model", model.graph.name},  {"file", path},
                                  {"ops", model.graph.ops.size()}, {"tensors", model.graph.tensors.size()},
                                  {"weight_bytes", weight_bytes},  {"bias_bytes", bias_bytes},
                                  {"arena_bytes", engine.arena_bytes()}};
  if (args.has("--json")) {
    std::cout << summary.dump(2) << "\n";
  } else {
    std::cout << "wrote " << path << ": " << model.graph.name << ", " << model.graph.ops.size() << " ops, int8 weights "
              << weight_bytes << " bytes, int32 biases " << bias_bytes << " bytes, arena " << engine.arena_bytes()
              << " bytes\n";
  }
  return 0;
}

int infer(const std::vector<std::string>& raw) {
  const Args args = parse_args(raw, {"--input", "--pattern", "--seed", "--runs"}, {"--layers", "--json"}, "infer");
  const Int8Model model = in_file(args.source, [&] {
    return read_int8_model(read_text(args.source, int8_model_limits::kMaxTextBytes));
  });
  Int8Engine engine = in_file(args.source, [&] { return Int8Engine(model); });
  const TensorShape& shape = model.graph.tensors[model.graph.input].shape;
  const InputTensor input = chosen_input(args, shape, false);
  const std::vector<int8_t> quantized =
      input.is_int8 ? input.int8 : quantize_input(model, {input.values.data(), input.values.size()});
  nlohmann::json report =
      inference_json(model, engine.run_all({quantized.data(), quantized.size()}), args.has("--layers"));
  if (args.has("--runs")) {
    const int runs = args.integer("--runs", 1, 1, 100000);
    std::vector<int8_t> output(engine.output().size);
    report["timing"] = {{"runs", runs}, {"int8_median_ms", median_ms(runs, [&] {
                          engine.run({quantized.data(), quantized.size()}, {output.data(), output.size()});
                        })}};
  }
  if (args.has("--json")) {
    std::cout << report.dump(2) << "\n";
    return 0;
  }
  const nlohmann::json& out = report["output"];
  std::cout << "model " << report["model"].get<std::string>() << ": output " << out["name"].get<std::string>() << " "
            << out["shape"].dump() << " (scale " << out["scale"].get<double>() << ", zero point "
            << out["zero_point"].get<int>() << ")\n  int8   " << join(out["int8"].get<std::vector<int>>())
            << "\n  values " << join(out["values"].get<std::vector<float>>()) << "\n  argmax " << out["argmax"].get<int>() << "\n";
  for (const nlohmann::json& layer : report.value("layers", nlohmann::json::array())) {
    const std::vector<int> values = layer["int8"].get<std::vector<int>>();
    std::cout << "  " << layer["name"].get<std::string>() << " " << layer["type"].get<std::string>() << " "
              << layer["shape"].dump() << " scale " << layer["scale"].get<double>() << " zero point "
              << layer["zero_point"].get<int>() << " int8 range [" << *std::min_element(values.begin(), values.end())
              << ", " << *std::max_element(values.begin(), values.end()) << "]\n";
  }
  if (report.contains("timing")) {
    std::cout << "  int8 median " << report["timing"]["int8_median_ms"].get<double>() << " ms\n";
  }
  return 0;
}

int compare(const std::vector<std::string>& raw) {
  std::set<std::string> with_value = kNetworkOptions;
  with_value.insert({"--input", "--pattern", "--samples", "--runs"});
  const Args args = parse_args(raw, with_value, {"--json"}, "compare");
  const Network network = load_network(args);
  const Int8Model model = quantize_model(network.graph, network.model, calibration_inputs(args, network.graph));
  const FloatEngine float_engine(network.graph, network.model);
  Int8Engine int8_engine(model);
  const TensorShape& shape = network.graph.tensors[network.graph.input].shape;
  const InputTensor input = chosen_input(args, shape, true);
  if (input.is_int8) throw Error(args.value("--input"), "compare needs real values (\"data\"), not \"int8\"");
  const Comparison comparison = compare_on_input(float_engine, int8_engine, {input.values.data(), input.values.size()});
  nlohmann::json report = comparison_json(model, comparison);
  report["model"] = model.graph.name;
  const int samples = args.integer("--samples", 0, 0, 100000);
  if (samples > 0) {
    const uint64_t seed = static_cast<uint64_t>(args.integer("--seed", 1, 0, 2147483647));
    int argmax_agree = 0, overlap = 0;
    for (int index = 0; index < samples; ++index) {
      const std::vector<float> sample = evaluation_sample(shape, seed, index);
      const OutputAgreement agreement =
          compare_on_input(float_engine, int8_engine, {sample.data(), sample.size()}).output;
      argmax_agree += agreement.argmax_equal ? 1 : 0;
      overlap += agreement.top_k_overlap;
    }
    report["agreement"] = {{"samples", samples}, {"argmax_agree", argmax_agree},
                           {"mean_top_k_overlap", static_cast<double>(overlap) / samples}};
  }
  if (args.has("--runs")) {
    const int runs = args.integer("--runs", 1, 1, 100000);
    const std::vector<int8_t> quantized = quantize_input(model, {input.values.data(), input.values.size()});
    std::vector<int8_t> output(int8_engine.output().size);
    report["timing"] = {
        {"runs", runs},
        {"float_median_ms", median_ms(runs, [&] { float_engine.run({input.values.data(), input.values.size()}); })},
        {"int8_median_ms", median_ms(runs, [&] {
           int8_engine.run({quantized.data(), quantized.size()}, {output.data(), output.size()});
         })}};
  }
  if (args.has("--json")) {
    std::cout << report.dump(2) << "\n";
    return 0;
  }
  std::cout << model.graph.name << ": float vs int8 (errors of the dequantized int8 activations)\n";
  for (const nlohmann::json& layer : report["layers"]) {
    std::cout << "  " << layer["name"].get<std::string>() << " " << layer["shape"].dump() << " max "
              << layer["max_abs_error"].get<double>() << " (" << layer["max_error_steps"].get<double>()
              << " steps) mean " << layer["mean_abs_error"].get<double>() << "\n";
  }
  const nlohmann::json& out = report["output"];
  std::cout << "  argmax float " << out["float_argmax"] << ", int8 " << out["int8_argmax"] << "; top-"
            << out["top_k"] << " overlap " << out["top_k_overlap"] << "\n";
  if (report.contains("agreement")) std::cout << "  held-out agreement " << report["agreement"].dump() << "\n";
  if (report.contains("timing")) std::cout << "  timing " << report["timing"].dump() << "\n";
  return 0;
}

}  // namespace tinyml::cli
