#include "core/nas/nas_accuracy.hpp"

#include <algorithm>

#include "core/engine/quantize_model.hpp"
#include "core/error.hpp"
#include "core/nas/accuracy_cost.hpp"
#include "core/train/evaluate.hpp"
#include "core/train/training_network.hpp"

namespace tinyml::nas {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point start, Clock::time_point end) {
  return std::chrono::duration<double>(end - start).count();
}

// Batches per progress report in run_accuracy_objective.
constexpr int kBatchesPerReport = 8;

}  // namespace

void check_space_takes_data(const NetworkSpec& network, int height, int width, const std::string& space) {
  if (network.in_channels == 1 && network.in_height >= height && network.in_width >= width) return;
  throw Error("request.objective", "\"accuracy\" trains on Fashion-MNIST (1×" + std::to_string(height) + "×" +
                                       std::to_string(width) + " grey images), but the " + space +
                                       " space's networks take " + std::to_string(network.in_channels) + "×" +
                                       std::to_string(network.in_height) + "×" + std::to_string(network.in_width) +
                                       " input; use \"space\": \"fashion\"");
}

bool ranked_before(const MeasuredCandidate& a, const MeasuredCandidate& b, bool rank_by_int8) {
  if (a.trained != b.trained) return a.trained;
  if (a.trained) {
    const double a_first = rank_by_int8 ? a.int8_percent : a.float_percent;
    const double b_first = rank_by_int8 ? b.int8_percent : b.float_percent;
    if (a_first != b_first) return a_first > b_first;
    const double a_second = rank_by_int8 ? a.float_percent : a.int8_percent;
    const double b_second = rank_by_int8 ? b.float_percent : b.int8_percent;
    if (a_second != b_second) return a_second > b_second;
  }
  return a.mac_rank < b.mac_rank;
}

AccuracyRun::AccuracyRun(const SearchSpace& space, const std::vector<Evaluated>& top, const data::ImageDataset& train,
                         const data::ImageDataset& test, const AccuracySettings& settings)
    : space_(space),
      settings_(settings),
      train_(data::first_examples(train, static_cast<std::size_t>(settings.train_images))),
      test_(data::first_examples(test, static_cast<std::size_t>(settings.test_images))) {
  if (train_.size() == 0) throw Error("data", "the training set is empty");
  if (test_.size() == 0) throw Error("data", "the test set is empty");
  const std::size_t count = std::min<std::size_t>(top.size(), static_cast<std::size_t>(settings.candidates));
  graphs_.reserve(count);
  std::vector<const Graph*> graphs;
  for (std::size_t index = 0; index < count; ++index) {
    const NetworkSpec network = space_.network(top[index].candidate);
    check_space_takes_data(network, train_.height, train_.width, space_.name());
    graphs_.push_back(build_graph(network));
    MeasuredCandidate measured;
    measured.evaluated = top[index];
    measured.mac_rank = static_cast<int>(index) + 1;
    measured_.push_back(measured);
  }
  for (const Graph& graph : graphs_) graphs.push_back(&graph);
  estimate_ = estimate_accuracy_cost(graphs, train_, test_, settings_);
}

void AccuracyRun::begin_candidate() {
  const Graph& graph = graphs_[static_cast<std::size_t>(current_)];
  const train::TrainOptions options = accuracy_train_options(settings_);
  run_ = std::make_unique<train::TrainingRun>(graph, train::initial_training_model(graph, options.seed), train_, options);
  candidate_start_ = Clock::now();
}

void AccuracyRun::evaluate_candidate() {
  const Graph& graph = graphs_[static_cast<std::size_t>(current_)];
  MeasuredCandidate& measured = measured_[static_cast<std::size_t>(current_)];
  const engine::FloatModel model = run_->float_model();
  measured.float_percent = train::float_accuracy(graph, model, test_).percent();
  const engine::Int8Model int8_model =
      engine::quantize_model(graph, model, train::calibration_inputs(graph, train_, settings_.calib));
  measured.int8_percent = train::int8_accuracy(int8_model, test_).percent();
  if (!run_->epochs().empty()) {
    measured.final_loss = run_->epochs().back().mean_loss;
    measured.train_accuracy_percent = run_->epochs().back().train_accuracy;
  }
  measured.trained = true;
  measured.seconds = seconds_between(candidate_start_, Clock::now());
}

bool AccuracyRun::step(int batches) {
  if (done()) return false;
  if (!started_) {
    started_ = true;
    start_ = Clock::now();
  }
  if (!run_) begin_candidate();
  run_->step(batches);
  if (run_->done()) {
    evaluate_candidate();
    images_before_ += run_->images();
    run_.reset();
    ++current_;
    if (done()) elapsed_seconds_ = seconds_between(start_, Clock::now());
  }
  return !done();
}

void AccuracyRun::cancel() {
  if (done()) return;
  cancelled_ = true;
  elapsed_seconds_ = started_ ? seconds_between(start_, Clock::now()) : 0.0;
  run_.reset();
}

AccuracyProgress AccuracyRun::progress() const {
  AccuracyProgress progress;
  progress.candidate = current_;
  progress.candidates = static_cast<int>(measured_.size());
  progress.epochs = settings_.epochs;
  progress.epoch = run_ ? run_->progress().epoch : 0;
  progress.images_done = images_before_ + (run_ ? run_->images() : 0);
  progress.images_total = static_cast<long long>(measured_.size()) * settings_.epochs * static_cast<long long>(train_.size());
  progress.trained = static_cast<int>(std::count_if(measured_.begin(), measured_.end(),
                                                    [](const MeasuredCandidate& m) { return m.trained; }));
  progress.done = done();
  return progress;
}

AccuracyReport AccuracyRun::report() const {
  AccuracyReport report;
  report.settings = settings_;
  report.train_images = static_cast<int>(train_.size());
  report.test_images = static_cast<int>(test_.size());
  report.estimate = estimate_;
  report.elapsed_seconds = elapsed_seconds_;
  report.cancelled = cancelled_;
  report.ranked = measured_;
  const bool by_int8 = settings_.rank_by_int8;
  std::sort(report.ranked.begin(), report.ranked.end(),
            [by_int8](const MeasuredCandidate& a, const MeasuredCandidate& b) { return ranked_before(a, b, by_int8); });
  return report;
}

void apply_accuracy_report(const AccuracyRun& run, NasResult& result) {
  AccuracyReport report = run.report();
  result.mac_top = result.top;
  result.top.clear();
  for (const MeasuredCandidate& measured : report.ranked) result.top.push_back(measured.evaluated);
  result.cancelled = result.cancelled || report.cancelled;
  result.accuracy = std::move(report);
}

void run_accuracy_objective(const NasConfig& config, const data::ImageDataset& train, const data::ImageDataset& test,
                            NasResult& result, const AccuracyProgressCallback& on_estimate,
                            const AccuracyProgressCallback& on_progress) {
  result.objective = "accuracy";
  if (result.cancelled || result.top.empty()) return;  // nothing fits (or the search was cancelled): nothing to train
  AccuracyRun run(find_search_space(config.space, "space"), result.top, train, test, config.accuracy);
  if (on_estimate && !on_estimate(run)) run.cancel();
  while (!run.done()) {
    run.step(kBatchesPerReport);
    if (on_progress && !on_progress(run) && !run.done()) run.cancel();
  }
  apply_accuracy_report(run, result);
}

}  // namespace tinyml::nas
