#include "tools/cli_evaluate.hpp"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/engine/float_weights_json.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/error.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "core/train/evaluate.hpp"
#include "tools/cli_common.hpp"
#include "tools/idx_files.hpp"

namespace tinyml::cli {
namespace {

std::string read_text(const std::string& path, std::size_t limit) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(path, "cannot open the file");
  std::ostringstream text;
  text << file.rdbuf();
  if (text.str().size() > limit) throw Error(path, "is larger than the " + std::to_string(limit) + "-byte limit");
  return text.str();
}

long long whole(const std::map<std::string, std::string>& values, const std::string& flag, long long fallback,
                long long min, long long max) {
  const auto found = values.find(flag);
  if (found == values.end()) return fallback;
  try {
    std::size_t used = 0;
    const long long number = std::stoll(found->second, &used);
    if (used == found->second.size() && number >= min && number <= max) return number;
  } catch (const std::exception&) {
  }
  throw UsageError(flag + " takes a whole number in [" + std::to_string(min) + ", " + std::to_string(max) + "], got " +
                   found->second);
}

}  // namespace

int evaluate(const std::vector<std::string>& args) {
  std::string source;
  std::map<std::string, std::string> values;
  bool json = false;
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--weights" || arg == "--data" || arg == "--train-subset" || arg == "--test-subset" ||
               arg == "--calib") {
      if (index + 1 >= args.size()) throw UsageError(arg + " needs a value");
      values[arg] = args[++index];
    } else if (arg.rfind("-", 0) == 0 || !source.empty()) {
      throw UsageError("unexpected argument " + arg);
    } else {
      source = arg;
    }
  }
  if (source.empty()) throw UsageError("evaluate needs a spec file or preset:NAME");
  if (!values.count("--weights")) throw UsageError("evaluate needs --weights FILE");
  const nlohmann::json spec = source.rfind("preset:", 0) == 0
                                  ? find_preset(source.substr(7)).spec
                                  : parse_json_text(read_text(source, limits::kMaxSpecBytes), limits::kMaxSpecBytes, source);
  const Graph graph = build_graph(parse_network(spec));
  const engine::FloatModel model =
      engine::read_float_weights(graph, read_text(values["--weights"], engine::kMaxFloatWeightsTextBytes));
  const std::string dir = values.count("--data") ? values["--data"] : kFashionMnistDir;
  const data::ImageDataset train_set =
      data::first_examples(read_fashion_mnist(dir, "train"), whole(values, "--train-subset", 6000, 1, 60000));
  const data::ImageDataset test_set =
      data::first_examples(read_fashion_mnist(dir, "t10k"), whole(values, "--test-subset", 2000, 1, 10000));
  const int calib = static_cast<int>(whole(values, "--calib", 200, 1, 60000));

  const train::Accuracy float_accuracy = train::float_accuracy(graph, model, test_set);
  const engine::Int8Model int8_model =
      engine::quantize_model(graph, model, train::calibration_inputs(graph, train_set, calib));
  const train::Accuracy int8_accuracy = train::int8_accuracy(int8_model, test_set);
  if (json) {
    std::cout << nlohmann::json{{"model", graph.name},
                                {"test_images", test_set.size()},
                                {"calibration_images", std::min<std::size_t>(calib, train_set.size())},
                                {"float_test_accuracy_percent", float_accuracy.percent()},
                                {"int8_test_accuracy_percent", int8_accuracy.percent()},
                                {"int8_drop_points", float_accuracy.percent() - int8_accuracy.percent()}}
                     .dump(2)
              << "\n";
    return 0;
  }
  std::cout << std::fixed << std::setprecision(2) << graph.name << ": test accuracy on " << test_set.size()
            << " images: float " << float_accuracy.percent() << "%, int8 " << int8_accuracy.percent() << "% (drop "
            << float_accuracy.percent() - int8_accuracy.percent() << " points)\n";
  return 0;
}

}  // namespace tinyml::cli
