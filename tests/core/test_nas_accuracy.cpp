// The fashion search space and the NAS objective "accuracy": its candidates train and
// quantize, the ranking follows the measured accuracy, and a candidate's accuracy is the
// one training the same network alone gives.
#include <catch2/catch.hpp>

#include <set>

#include "core/engine/quantize_model.hpp"
#include "core/engine/seeded_random.hpp"
#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/nas/accuracy_cost.hpp"
#include "core/nas/nas_accuracy.hpp"
#include "core/nas/nas_accuracy_json.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/training_network.hpp"

using namespace tinyml;
using namespace tinyml::nas;

namespace {

// 28×28 grey images of 10 classes: class c is a bright horizontal band at rows
// 2c + 4 .. 2c + 6 over seeded noise, so a few batches already learn something.
data::ImageDataset bands(int count, uint64_t seed) {
  engine::SeededRandom random(seed);
  data::ImageDataset dataset;
  dataset.height = dataset.width = 28;
  dataset.classes = 10;
  for (int index = 0; index < count; ++index) {
    const int label = index % 10;
    dataset.labels.push_back(static_cast<uint8_t>(label));
    for (int y = 0; y < 28; ++y) {
      for (int x = 0; x < 28; ++x) {
        const bool bright = y >= 2 * label + 4 && y < 2 * label + 7;
        dataset.pixels.push_back(static_cast<uint8_t>((bright ? 160 : 10) + random.unit() * 80));
      }
    }
  }
  return dataset;
}

// A small accuracy search: a tight custom MCU keeps the candidates small and fast.
NasConfig small_request(int candidates) {
  return parse_nas_request(nlohmann::json{
      {"space", "fashion"}, {"sram_kb", 6}, {"flash_kb", 20}, {"trials", 200}, {"space_samples", 20},
      {"objective", "accuracy"},
      {"accuracy", {{"candidates", candidates}, {"epochs", 1}, {"train_images", 96}, {"test_images", 60}, {"seed", 3}}}});
}

nlohmann::json with(nlohmann::json request, const nlohmann::json& patch) {
  request.update(patch);
  return request;
}

std::string error_path(const nlohmann::json& request) {
  try {
    parse_nas_request(request);
  } catch (const Error& error) {
    return error.path();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("the fashion space has 10368 networks on 1x28x28 or 1x32x32 grey input with 10 outputs", "[nas]") {
  const SearchSpace space = find_search_space("fashion", "space");
  CHECK(space.size() == 10368);
  SeededRng rng(5);
  std::set<Candidate> seen;
  for (int sample = 0; sample < 200; ++sample) {
    const Candidate candidate = space.sample(rng);
    const Graph graph = build_graph(space.network(candidate));
    const TensorShape& input = graph.tensors[graph.input].shape;
    const TensorShape& output = graph.tensors[graph.output].shape;
    CHECK(input.c == 1);
    CHECK((input.h == 28 || input.h == 32));
    CHECK(input.w == input.h);
    CHECK(output.elements() == 10);
    seen.insert(space.canonical(candidate));
  }
  CHECK(seen.size() > 150);  // distinct points are distinct networks
}

TEST_CASE("the fashion space's smallest and largest networks train on 28x28 images and quantize", "[nas]") {
  const SearchSpace space = find_search_space("fashion", "space");
  const data::ImageDataset train = bands(40, 1);
  const data::ImageDataset test = bands(20, 2);
  const Candidate candidate = GENERATE_COPY(space.point(0), space.point(*space.size() - 1));
  const Graph graph = build_graph(space.network(candidate));
  AccuracySettings settings;
  settings.epochs = 1;
  const train::TrainResult trained =
      train::train_network(graph, train::initial_training_model(graph, 1), train, accuracy_train_options(settings));
  CHECK(trained.images == 40);
  const engine::Int8Model int8_model =
      engine::quantize_model(graph, trained.model, train::calibration_inputs(graph, train, 20));
  CHECK(train::int8_accuracy(int8_model, test).total == 20);
}

TEST_CASE("an accuracy request names the field it refuses", "[nas]") {
  const nlohmann::json base = {{"space", "fashion"}, {"mcu", "STM32F746"}, {"objective", "accuracy"}};
  CHECK(error_path(base) == "(accepted)");
  CHECK(error_path(with(base, {{"space", "lecture"}})) == "request.objective");
  CHECK(error_path(with(base, {{"space", "mcunet"}})) == "request.objective");
  CHECK(error_path(with(base, {{"objective", "latency"}})) == "request.objective");
  CHECK(error_path(with(base, {{"accuracy", {{"candidates", 0}}}})) == "request.accuracy.candidates");
  CHECK(error_path(with(base, {{"accuracy", {{"candidates", 21}}}})) == "request.accuracy.candidates");
  CHECK(error_path(with(base, {{"accuracy", {{"epochs", 11}}}})) == "request.accuracy.epochs");
  CHECK(error_path(with(base, {{"accuracy", {{"train_images", 0}}}})) == "request.accuracy.train_images");
  CHECK(error_path(with(base, {{"accuracy", {{"rank_by", "speed"}}}})) == "request.accuracy.rank_by");
  CHECK(error_path(with(base, {{"accuracy", {{"epoch", 1}}}})) == "request.accuracy.epoch");
  CHECK(error_path(with(base, {{"accuracy", 3}})) == "request.accuracy");
  CHECK(error_path({{"space", "fashion"}, {"mcu", "STM32F746"}, {"accuracy", {{"epochs", 1}}}}) == "request.accuracy");
  const NasConfig defaults = parse_nas_request(base);
  CHECK(defaults.objective == Objective::Accuracy);
  CHECK(defaults.accuracy.candidates == 5);
  CHECK(defaults.accuracy.epochs == 1);
  CHECK(parse_nas_request({{"space", "fashion"}, {"mcu", "STM32F746"}}).objective == Objective::Macs);
}

TEST_CASE("the accuracy ranking orders by measured accuracy, then the other accuracy, then MAC rank", "[nas]") {
  const auto measured = [](bool trained, double float_percent, double int8_percent, int mac_rank) {
    MeasuredCandidate candidate;
    candidate.trained = trained;
    candidate.float_percent = float_percent;
    candidate.int8_percent = int8_percent;
    candidate.mac_rank = mac_rank;
    return candidate;
  };
  CHECK(ranked_before(measured(true, 80, 70, 3), measured(true, 79, 79, 1), false));
  CHECK(ranked_before(measured(true, 79, 79, 1), measured(true, 80, 70, 3), true));
  CHECK(ranked_before(measured(true, 80, 71, 3), measured(true, 80, 70, 1), false));
  CHECK(ranked_before(measured(true, 80, 70, 1), measured(true, 80, 70, 2), false));
  CHECK_FALSE(ranked_before(measured(true, 80, 70, 2), measured(true, 80, 70, 1), false));
  CHECK(ranked_before(measured(true, 10, 10, 5), measured(false, 0, 0, 1), false));
  CHECK(ranked_before(measured(false, 0, 0, 1), measured(false, 0, 0, 2), false));
}

TEST_CASE("an accuracy search trains its top candidates, ranks them by measured accuracy and each matches training it alone", "[nas]") {
  const NasConfig config = small_request(3);
  const data::ImageDataset train = bands(200, 11);
  const data::ImageDataset test = bands(100, 12);
  NasResult result = run_nas(config);
  REQUIRE(result.top.size() >= 3);
  const std::vector<Evaluated> by_macs(result.top.begin(), result.top.begin() + 3);
  run_accuracy_objective(config, train, test, result);
  REQUIRE(result.accuracy);
  const AccuracyReport& report = *result.accuracy;
  REQUIRE(report.ranked.size() == 3);
  CHECK(report.train_images == 96);
  CHECK(report.test_images == 60);
  CHECK_FALSE(report.cancelled);
  CHECK(report.estimate.candidates.size() == 3);
  CHECK(report.estimate.train_image_passes == 3 * 96);
  CHECK(report.estimate.test_image_passes == 3 * 60);
  CHECK(report.estimate.seconds > 0);

  std::set<int> mac_ranks;
  for (std::size_t index = 0; index < report.ranked.size(); ++index) {
    const MeasuredCandidate& measured = report.ranked[index];
    CHECK(measured.trained);
    CHECK(result.top[index].candidate == measured.evaluated.candidate);
    if (index > 0) CHECK(report.ranked[index - 1].float_percent >= measured.float_percent);
    mac_ranks.insert(measured.mac_rank);
    // The same network trained alone, as `tinyml train` does, with the same settings.
    CHECK(measured.evaluated.candidate == by_macs[measured.mac_rank - 1].candidate);
    const SearchSpace space = find_search_space("fashion", "space");
    const Graph graph = build_graph(space.network(measured.evaluated.candidate));
    const data::ImageDataset train_subset = data::first_examples(train, 96);
    const data::ImageDataset test_subset = data::first_examples(test, 60);
    const train::TrainResult alone = train::train_network(graph, train::initial_training_model(graph, 3), train_subset,
                                                          accuracy_train_options(config.accuracy));
    CHECK(train::float_accuracy(graph, alone.model, test_subset).percent() == measured.float_percent);
    const engine::Int8Model int8_model =
        engine::quantize_model(graph, alone.model, train::calibration_inputs(graph, train_subset, 200));
    CHECK(train::int8_accuracy(int8_model, test_subset).percent() == measured.int8_percent);
  }
  CHECK(mac_ranks == std::set<int>{1, 2, 3});

  const nlohmann::json json = nas_result_json(result);
  CHECK(json["objective"] == "accuracy");
  CHECK(json["top"].size() == 3);
  CHECK(json["best"] == json["top"][0]);
  CHECK(json["accuracy"]["trained"] == 3);
  CHECK(json["top"][0]["accuracy"]["float_percent"].get<double>() == report.ranked[0].float_percent);
  CHECK(json["mac_top"][0]["macs"] == by_macs[0].measurement.macs);
}

TEST_CASE("an accuracy run in slices can be cancelled and reports what it measured", "[nas]") {
  const NasConfig config = small_request(2);
  const data::ImageDataset train = bands(200, 11);
  const data::ImageDataset test = bands(100, 12);
  NasResult result = run_nas(config);
  AccuracyRun run(find_search_space("fashion", "space"), result.top, train, test, config.accuracy);
  CHECK(run.progress().images_total == 2 * 96);
  while (run.progress().trained == 0) run.step(1);  // the first candidate: 3 batches
  CHECK(run.progress().candidate == 1);
  run.step(1);
  CHECK(run.progress().images_done == 96 + 32);
  run.cancel();
  CHECK(run.done());
  CHECK_FALSE(run.step(1));
  apply_accuracy_report(run, result);
  REQUIRE(result.accuracy);
  CHECK(result.cancelled);
  CHECK(result.accuracy->ranked[0].trained);
  CHECK_FALSE(result.accuracy->ranked[1].trained);
  const nlohmann::json json = nas_result_json(result);
  CHECK(json["top"][1]["accuracy"]["float_percent"].is_null());
  CHECK(json["accuracy"]["cancelled"] == true);
}
