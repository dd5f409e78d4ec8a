#include "tools/cli_train.hpp"

#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/engine/float_weights_json.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/error.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/train_loop.hpp"
#include "core/train/training_network.hpp"
#include "tools/cli_common.hpp"
#include "tools/idx_files.hpp"

namespace tinyml::cli {
namespace {

const std::set<std::string> kValues = {"--data",   "--train-subset", "--test-subset",  "--epochs", "--batch",
                                       "--lr",     "--optimizer",    "--momentum",     "--weight-decay",
                                       "--seed",   "--calib",        "-o",             "--int8-model"};
const std::set<std::string> kSwitches = {"--json", "--constant-lr"};

struct TrainArgs {
  std::string source;
  std::map<std::string, std::string> values;
  std::set<std::string> switches;

  bool has(const std::string& flag) const { return values.count(flag) > 0; }
  long long integer(const std::string& flag, long long fallback, long long min, long long max) const {
    if (!has(flag)) return fallback;
    const std::string& text = values.at(flag);
    try {
      std::size_t used = 0;
      const long long number = std::stoll(text, &used);
      if (used == text.size() && number >= min && number <= max) return number;
    } catch (const std::exception&) {
    }
    throw UsageError(flag + " takes a whole number in [" + std::to_string(min) + ", " + std::to_string(max) +
                     "], got " + text);
  }
  double real(const std::string& flag, double fallback) const {
    if (!has(flag)) return fallback;
    const std::string& text = values.at(flag);
    try {
      std::size_t used = 0;
      const double number = std::stod(text, &used);
      if (used == text.size() && std::isfinite(number)) return number;
    } catch (const std::exception&) {
    }
    throw UsageError(flag + " takes a number, got " + text);
  }
};

TrainArgs parse(const std::vector<std::string>& args) {
  TrainArgs parsed;
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    if (kValues.count(arg)) {
      if (index + 1 >= args.size()) throw UsageError(arg + " needs a value");
      parsed.values[arg] = args[++index];
    } else if (kSwitches.count(arg)) {
      parsed.switches.insert(arg);
    } else if (arg.rfind("-", 0) == 0 || !parsed.source.empty()) {
      throw UsageError("unexpected argument " + arg);
    } else {
      parsed.source = arg;
    }
  }
  if (parsed.source.empty()) throw UsageError("train needs a spec file or preset:NAME");
  return parsed;
}

nlohmann::json load_spec(const std::string& source) {
  if (source.rfind("preset:", 0) == 0) return find_preset(source.substr(7)).spec;
  std::ifstream file(source, std::ios::binary);
  if (!file) throw Error(source, "cannot open the file");
  std::ostringstream text;
  text << file.rdbuf();
  if (text.str().size() > static_cast<std::size_t>(limits::kMaxSpecBytes)) {
    throw Error(source, "is larger than the " + std::to_string(limits::kMaxSpecBytes) + "-byte limit");
  }
  try {
    return parse_json_text(text.str(), limits::kMaxSpecBytes, "the spec");
  } catch (const Error& error) {
    throw Error(source + (error.path().empty() ? "" : ": " + error.path()), error.reason());
  }
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  if (!file || !(file << text << "\n")) throw Error(path, "cannot write the file");
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int train(const std::vector<std::string>& raw) {
  const TrainArgs args = parse(raw);
  const Graph graph = build_graph(parse_network(load_spec(args.source)));
  train::TrainOptions options;
  options.batch = static_cast<int>(args.integer("--batch", options.batch, 1, 4096));
  options.cosine = !args.switches.count("--constant-lr");
  // Adam by default: on Fashion-MNIST it reaches the 85% in fewer epochs than
  // SGD with momentum did here (measured; docs/training.md).
  options.epochs = static_cast<int>(args.integer("--epochs", 4, 1, 1000));
  options.optimizer.kind = train::parse_optimizer(args.has("--optimizer") ? args.values.at("--optimizer") : "adam");
  options.learning_rate = args.real("--lr", options.optimizer.kind == train::OptimizerKind::Adam ? 0.002 : 0.05);
  options.optimizer.momentum = args.real("--momentum", options.optimizer.momentum);
  options.optimizer.weight_decay = args.real("--weight-decay", options.optimizer.weight_decay);
  options.seed = static_cast<uint64_t>(args.integer("--seed", 1, 0, 2147483647));
  train::check_train_options(options);

  const std::string dir = args.has("--data") ? args.values.at("--data") : kFashionMnistDir;
  const data::ImageDataset train_set =
      data::first_examples(read_fashion_mnist(dir, "train"), args.integer("--train-subset", 6000, 1, 60000));
  const data::ImageDataset test_set =
      data::first_examples(read_fashion_mnist(dir, "t10k"), args.integer("--test-subset", 2000, 1, 10000));
  const bool json = args.switches.count("--json") > 0;

  const auto start = std::chrono::steady_clock::now();
  int last_epoch = -1;
  const train::TrainResult result = train::train_network(
      graph, train::initial_training_model(graph, options.seed), train_set, options,
      [&](const train::TrainProgress& progress) {
        if (!json && progress.step == progress.steps && progress.epoch != last_epoch) {
          last_epoch = progress.epoch;
          std::cerr << "epoch " << progress.epoch + 1 << "/" << progress.epochs << ": loss " << std::fixed
                    << std::setprecision(4) << progress.mean_loss << " (" << std::setprecision(1)
                    << seconds_since(start) << " s)\n";
        }
        return true;
      });
  const double train_seconds = seconds_since(start);
  if (args.has("-o")) {
    write_file(args.values.at("-o"), engine::float_weights_to_json(graph, result.model).dump());
  }

  const train::Accuracy float_accuracy = train::float_accuracy(graph, result.model, test_set);
  const int calib = static_cast<int>(args.integer("--calib", 200, 1, 60000));
  const engine::Int8Model int8_model =
      engine::quantize_model(graph, result.model, train::calibration_inputs(graph, train_set, calib));
  const train::Accuracy int8_accuracy = train::int8_accuracy(int8_model, test_set);
  if (args.has("--int8-model")) write_file(args.values.at("--int8-model"), engine::int8_model_to_json(int8_model).dump());

  nlohmann::json epochs = nlohmann::json::array();
  for (const train::EpochResult& epoch : result.epochs) {
    epochs.push_back({{"loss", epoch.mean_loss}, {"train_accuracy_percent", epoch.train_accuracy}});
  }
  const nlohmann::json report = {
      {"model", graph.name},
      {"params", graph.params},
      {"train_images", train_set.size()},
      {"test_images", test_set.size()},
      {"calibration_images", std::min<std::size_t>(calib, train_set.size())},
      {"options",
       {{"epochs", options.epochs},
        {"batch", options.batch},
        {"lr", options.learning_rate},
        {"schedule", options.cosine ? "cosine" : "constant"},
        {"optimizer", options.optimizer.kind == train::OptimizerKind::Sgd ? "sgd" : "adam"},
        {"momentum", options.optimizer.momentum},
        {"weight_decay", options.optimizer.weight_decay},
        {"seed", options.seed}}},
      {"epochs", epochs},
      {"train_seconds", train_seconds},
      {"train_images_per_second", result.images / train_seconds},
      {"float_test_accuracy_percent", float_accuracy.percent()},
      {"int8_test_accuracy_percent", int8_accuracy.percent()},
      {"int8_drop_points", float_accuracy.percent() - int8_accuracy.percent()}};
  if (json) {
    std::cout << report.dump(2) << "\n";
    return 0;
  }
  std::cout << std::fixed << std::setprecision(2) << graph.name << ": trained on " << train_set.size() << " images, "
            << options.epochs << " epochs in " << train_seconds << " s (" << std::setprecision(0)
            << result.images / train_seconds << " images/s)\n"
            << std::setprecision(2) << "  test accuracy on " << test_set.size() << " images: float "
            << float_accuracy.percent() << "%, int8 " << int8_accuracy.percent() << "% (drop "
            << float_accuracy.percent() - int8_accuracy.percent() << " points)\n";
  if (args.has("-o")) std::cout << "  wrote " << args.values.at("-o") << "\n";
  return 0;
}

}  // namespace tinyml::cli
