// The accuracy objective's training phase (accuracy_objective.hpp), in slices: the page's
// Web Worker calls step() a few batches at a time, reports progress and reads a cancel
// between calls; the CLI and the one-call wasm nas() run it to the end. Each candidate is
// trained by train::TrainingRun from train::initial_training_model(graph, seed) with
// accuracy_train_options(), then evaluated as `tinyml train` evaluates — so a
// candidate's accuracies equal `tinyml train` on its spec with --epochs E --train-subset N
// --test-subset M --seed S.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "core/data/image_dataset.hpp"
#include "core/graph/graph.hpp"
#include "core/nas/accuracy_objective.hpp"
#include "core/nas/nas_search.hpp"
#include "core/train/training_run.hpp"

namespace tinyml::nas {

struct AccuracyProgress {
  int candidate = 0;   // 0-based: the one training now (candidates when done)
  int candidates = 0;
  int epoch = 0;       // 0-based epoch of the current candidate
  int epochs = 0;
  long long images_done = 0;   // training images passed, over all candidates
  long long images_total = 0;  // K × E × N
  int trained = 0;             // candidates trained and evaluated
  bool done = false;
};

// Throws tinyml::Error("request.objective", ...) unless `network` takes the data's
// images (1 channel, at least H × W of them): the check parse_nas_request makes.
void check_space_takes_data(const NetworkSpec& network, int height, int width, const std::string& space);

class AccuracyRun {
 public:
  // top: the search's feasible networks, best by MACs first; the first
  // settings.candidates are trained. train, test: the whole loaded sets (the run keeps
  // its own first N and M). Probes every candidate's cost (accuracy_cost.hpp) before
  // returning. Throws tinyml::Error when the data do not fit the networks.
  AccuracyRun(const SearchSpace& space, const std::vector<Evaluated>& top, const data::ImageDataset& train,
              const data::ImageDataset& test, const AccuracySettings& settings);

  // Trains up to `batches` batches of the current candidate; when its training ends,
  // evaluates it (in this call) and moves to the next. Returns false when all are done.
  bool step(int batches);
  // Stops early: the report lists what was measured, cancelled = true.
  void cancel();

  bool done() const { return current_ >= static_cast<int>(measured_.size()) || cancelled_; }
  AccuracyProgress progress() const;
  const CostEstimate& estimate() const { return estimate_; }
  const SearchSpace& space() const { return space_; }
  // Trained candidates best first (ranked_before), then the untrained in MAC order.
  AccuracyReport report() const;

 private:
  void begin_candidate();
  void evaluate_candidate();

  SearchSpace space_;
  AccuracySettings settings_;
  data::ImageDataset train_, test_;
  std::vector<Graph> graphs_;
  std::vector<MeasuredCandidate> measured_;  // MAC order
  CostEstimate estimate_;
  std::unique_ptr<train::TrainingRun> run_;
  int current_ = 0;
  long long images_before_ = 0;  // training images of the finished candidates
  bool cancelled_ = false;
  bool started_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point candidate_start_;
  double elapsed_seconds_ = 0;
};

// The accuracy ranking's order: trained before untrained; trained by the ranked accuracy
// (float, or int8 with rank_by_int8), higher first, then the other one, then MAC rank;
// untrained by MAC rank. Total, so a run repeats exactly.
bool ranked_before(const MeasuredCandidate& a, const MeasuredCandidate& b, bool rank_by_int8);

// Runs the phase to the end after run_nas, filling result.accuracy and result.top:
// on_estimate (optional) is called once before the first batch, on_progress (optional)
// every few batches; returning false from it cancels. result must be run_nas's for
// config (objective accuracy).
using AccuracyProgressCallback = std::function<bool(const AccuracyRun&)>;
void run_accuracy_objective(const NasConfig& config, const data::ImageDataset& train, const data::ImageDataset& test,
                            NasResult& result, const AccuracyProgressCallback& on_estimate = {},
                            const AccuracyProgressCallback& on_progress = {});

// Applies a finished (or cancelled) run to the search's result.
void apply_accuracy_report(const AccuracyRun& run, NasResult& result);

}  // namespace tinyml::nas
