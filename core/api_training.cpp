// core/api_training.hpp: loaded data sets and training runs under integer handles.
#include "core/api_training.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/api_envelope.hpp"
#include "core/data/idx.hpp"
#include "core/engine/float_weights_json.hpp"
#include "core/engine/int8_model_json.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/error.hpp"
#include "core/spec/field_reader.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "core/graph/graph.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/training_run.hpp"
#include "core/train/training_network.hpp"

namespace tinyml::api {
namespace {

struct Datasets {
  std::optional<data::ImageDataset> train, test;
};

Datasets& datasets() {
  static Datasets loaded;
  return loaded;
}

struct Run {
  Graph graph;
  data::ImageDataset train, test;
  train::TrainOptions options;
  int calib = 200;
  std::unique_ptr<train::TrainingRun> run;
};

std::map<int, std::unique_ptr<Run>>& runs() {
  static std::map<int, std::unique_ptr<Run>> open;
  return open;
}

Run& run_of(int handle) {
  const auto found = runs().find(handle);
  if (found == runs().end()) throw Error("handle", "no training run " + std::to_string(handle) + " (released, or never started)");
  return *found->second;
}

nlohmann::json object_of(const std::string& text, const char* what) {
  nlohmann::json request = text.empty() ? nlohmann::json::object() : parse_json_text(text, limits::kMaxSpecBytes * 2, what);
  if (!request.is_object()) throw Error("", std::string(what) + " must be a JSON object");
  return request;
}

double real_or(const nlohmann::json& request, const char* key, double fallback) {
  if (!request.contains(key)) return fallback;
  const nlohmann::json& value = request[key];
  if (!value.is_number() || !std::isfinite(value.get<double>())) throw Error(key, "must be a finite number, got " + value.dump());
  return value.get<double>();
}

nlohmann::json spec_of(const nlohmann::json& request, const FieldReader& fields) {
  if (fields.has("preset") == fields.has("spec")) throw Error("", "give either \"preset\" or \"spec\"");
  if (fields.has("preset")) return find_preset(fields.string_or("preset", "")).spec;
  const nlohmann::json& spec = request["spec"];
  return spec.is_string() ? parse_json_text(spec.get<std::string>(), limits::kMaxSpecBytes, "the spec") : spec;
}

train::TrainOptions options_of(const nlohmann::json& request, const FieldReader& fields) {
  train::TrainOptions options;
  options.epochs = fields.integer_or("epochs", 4, 1, 1000);
  options.batch = fields.integer_or("batch", 32, 1, 4096);
  const std::string schedule = fields.string_or("schedule", "cosine");
  if (schedule != "cosine" && schedule != "constant") throw Error("schedule", "must be \"cosine\" or \"constant\", got \"" + schedule + "\"");
  options.cosine = schedule == "cosine";
  const std::string optimizer = fields.string_or("optimizer", "adam");
  if (optimizer != "adam" && optimizer != "sgd") throw Error("optimizer", "must be \"adam\" or \"sgd\", got \"" + optimizer + "\"");
  options.optimizer.kind = train::parse_optimizer(optimizer);
  options.learning_rate = real_or(request, "lr", options.optimizer.kind == train::OptimizerKind::Adam ? 0.002 : 0.05);
  if (!(options.learning_rate > 0)) throw Error("lr", "must be > 0");
  options.optimizer.momentum = real_or(request, "momentum", options.optimizer.momentum);
  if (!(options.optimizer.momentum >= 0 && options.optimizer.momentum < 1)) throw Error("momentum", "must be in [0, 1)");
  options.optimizer.weight_decay = real_or(request, "weight_decay", options.optimizer.weight_decay);
  if (options.optimizer.weight_decay < 0) throw Error("weight_decay", "must be ≥ 0");
  options.seed = static_cast<uint64_t>(fields.integer_or("seed", 1, 0, 2147483647));
  return options;
}

nlohmann::json epoch_results(const train::TrainingRun& run) {
  nlohmann::json epochs = nlohmann::json::array();
  for (const train::EpochResult& epoch : run.epochs()) {
    epochs.push_back({{"loss", epoch.mean_loss}, {"train_accuracy_percent", epoch.train_accuracy}});
  }
  return epochs;
}

}  // namespace

std::string load_dataset(const std::string& request_json, const std::vector<uint8_t>& images,
                         const std::vector<uint8_t>& labels) {
  return envelope([&] {
    const nlohmann::json request = object_of(request_json, "the dataset request");
    const FieldReader fields(request, "");
    fields.reject_unknown({"split"});
    const std::string split = fields.string_or("split", "");
    if (split != "train" && split != "test") throw Error("split", "must be \"train\" or \"test\", got \"" + split + "\"");
    data::ImageDataset dataset =
        data::make_dataset(data::parse_idx(images.data(), images.size(), split + " images"),
                           data::parse_idx(labels.data(), labels.size(), split + " labels"), 10, split + " images",
                           split + " labels");
    const nlohmann::json result = {
        {"split", split}, {"examples", dataset.size()}, {"height", dataset.height}, {"width", dataset.width}};
    (split == "train" ? datasets().train : datasets().test) = std::move(dataset);
    return result;
  });
}

std::string train_start(const std::string& request_json) {
  return envelope([&] {
    const nlohmann::json request = object_of(request_json, "the training request");
    const FieldReader fields(request, "");
    fields.reject_unknown({"preset", "spec", "train_subset", "test_subset", "epochs", "batch", "lr", "schedule",
                           "optimizer", "momentum", "weight_decay", "seed", "calib"});
    if (!datasets().train) throw Error("data", "no training set loaded (load_dataset with split \"train\" first)");
    if (runs().size() >= static_cast<std::size_t>(kMaxTrainingRuns)) {
      throw Error("", "too many training runs open (" + std::to_string(kMaxTrainingRuns) + "): release one first");
    }
    auto run = std::make_unique<Run>();
    run->graph = build_graph(parse_network(spec_of(request, fields)));
    run->options = options_of(request, fields);
    run->calib = fields.integer_or("calib", 200, 1, 60000);
    run->train = data::first_examples(*datasets().train, fields.integer_or("train_subset", 6000, 1, 60000));
    if (datasets().test) run->test = data::first_examples(*datasets().test, fields.integer_or("test_subset", 2000, 1, 10000));
    run->run = std::make_unique<train::TrainingRun>(run->graph, train::initial_training_model(run->graph, run->options.seed),
                                                    run->train, run->options);
    const TensorShape& input = run->graph.tensors[run->graph.input].shape;
    nlohmann::json summary = {
        {"model", run->graph.name},
        {"params", run->graph.params},
        {"input_shape", {input.c, input.h, input.w}},
        {"train_images", run->train.size()},
        {"test_images", run->test.size()},
        {"steps_per_epoch", run->run->progress().steps},
        {"total_steps", run->run->total_steps()},
        {"options",
         {{"epochs", run->options.epochs},
          {"batch", run->options.batch},
          {"lr", run->options.learning_rate},
          {"schedule", run->options.cosine ? "cosine" : "constant"},
          {"optimizer", run->options.optimizer.kind == train::OptimizerKind::Sgd ? "sgd" : "adam"},
          {"momentum", run->options.optimizer.momentum},
          {"weight_decay", run->options.optimizer.weight_decay},
          {"seed", run->options.seed},
          {"calib", run->calib}}}};
    static int next_handle = 0;
    const int handle = ++next_handle;
    summary["handle"] = handle;
    runs()[handle] = std::move(run);
    return summary;
  });
}

std::string train_steps(int handle, int batches) {
  return envelope([&] {
    Run& run = run_of(handle);
    if (batches < 1 || batches > 100000) throw Error("batches", "must be 1 to 100000, got " + std::to_string(batches));
    run.run->step(batches);
    const train::TrainProgress progress = run.run->progress();
    return nlohmann::json{{"done", run.run->done()},
                          {"epoch", progress.epoch},
                          {"epochs", progress.epochs},
                          {"step", progress.step},
                          {"steps", progress.steps},
                          {"steps_done", run.run->steps_done()},
                          {"total_steps", run.run->total_steps()},
                          {"images", run.run->images()},
                          {"loss", progress.mean_loss},
                          {"epoch_results", epoch_results(*run.run)}};
  });
}

std::string train_finish(int handle) {
  return envelope([&] {
    Run& run = run_of(handle);
    if (run.test.size() == 0) throw Error("data", "no test set loaded (load_dataset with split \"test\" first)");
    const engine::FloatModel model = run.run->float_model();
    const train::Accuracy float_accuracy = train::float_accuracy(run.graph, model, run.test);
    const engine::Int8Model int8_model =
        engine::quantize_model(run.graph, model, train::calibration_inputs(run.graph, run.train, run.calib));
    const train::Accuracy int8_accuracy = train::int8_accuracy(int8_model, run.test);
    return nlohmann::json{{"model", run.graph.name},
                          {"done", run.run->done()},
                          {"epochs", epoch_results(*run.run)},
                          {"images", run.run->images()},
                          {"test_images", run.test.size()},
                          {"calibration_images", std::min<std::size_t>(run.calib, run.train.size())},
                          {"float_test_accuracy_percent", float_accuracy.percent()},
                          {"int8_test_accuracy_percent", int8_accuracy.percent()},
                          {"int8_drop_points", float_accuracy.percent() - int8_accuracy.percent()},
                          {"weights", engine::float_weights_to_json(run.graph, model)},
                          {"int8_model", engine::int8_model_to_json(int8_model)}};
  });
}

std::string train_release(int handle) {
  return envelope([&] { return nlohmann::json(runs().erase(handle) > 0); });
}

const data::ImageDataset* loaded_dataset(const std::string& split) {
  const std::optional<data::ImageDataset>& dataset = split == "train" ? datasets().train : datasets().test;
  return dataset ? &*dataset : nullptr;
}

}  // namespace tinyml::api
