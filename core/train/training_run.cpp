#include "core/train/training_run.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "core/train/dataset_input.hpp"

namespace tinyml::train {
namespace {

constexpr double kPi = 3.14159265358979323846;

void shuffle(std::vector<std::size_t>& order, engine::SeededRandom& random) {
  for (std::size_t index = order.size(); index > 1; --index) {
    const std::size_t other = static_cast<std::size_t>(random.unit() * static_cast<double>(index));
    std::swap(order[index - 1], order[other]);
  }
}

const data::ImageDataset& checked(const data::ImageDataset& train, const Graph& graph, const TrainOptions& options) {
  check_train_options(options);
  check_input_fits(train, graph.tensors[graph.input].shape);
  if (train.size() == 0) throw Error("data", "the training set is empty");
  return train;
}

}  // namespace

TrainingRun::TrainingRun(const Graph& graph, const engine::FloatModel& initial, const data::ImageDataset& train,
                         const TrainOptions& options)
    : train_(checked(train, graph, options)),
      options_(options),
      input_(graph.tensors[graph.input].shape),
      network_(graph, initial),
      optimizer_(options.optimizer),
      random_(engine::stream_seed(options.seed, "shuffle")) {
  if (train.classes > network_.classes()) {
    throw Error("network", "the output has " + std::to_string(network_.classes()) + " values, the data set " +
                               std::to_string(train.classes) + " classes");
  }
  slots_ = network_.parameters();
  order_.resize(train.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  steps_ = static_cast<int>((train.size() + options.batch - 1) / options.batch);
  total_steps_ = static_cast<long long>(steps_) * options.epochs;
  inputs_.resize(network_.input_elements() * options.batch);
  labels_.resize(options.batch);
  start_epoch();
}

void TrainingRun::start_epoch() {
  shuffle(order_, random_);
  step_ = 0;
  loss_sum_ = 0.0;
  correct_ = 0;
  seen_ = 0;
}

bool TrainingRun::step(int count) {
  const std::size_t elements = network_.input_elements();
  for (int done = 0; done < count && !this->done(); ++done) {
    const std::size_t begin = static_cast<std::size_t>(step_) * options_.batch;
    const int batch = static_cast<int>(std::min<std::size_t>(options_.batch, train_.size() - begin));
    for (int example = 0; example < batch; ++example) {
      write_network_input(train_, order_[begin + example], input_, inputs_.data() + example * elements);
      labels_[example] = train_.labels[order_[begin + example]];
    }
    const double loss = network_.forward_backward(batch, inputs_.data(), labels_.data(), true, &correct_);
    if (!std::isfinite(loss)) {
      throw Error("--lr", "the loss is not finite at epoch " + std::to_string(epoch_ + 1) + ", batch " +
                              std::to_string(step_ + 1) + ": training diverged; try a smaller learning rate");
    }
    loss_sum_ += loss * batch;
    seen_ += batch;
    const double rate = options_.cosine
                            ? options_.learning_rate * 0.5 * (1.0 + std::cos(kPi * step_count_ / total_steps_))
                            : options_.learning_rate;
    optimizer_.step(slots_, rate);
    ++step_count_;
    ++step_;
    images_ += batch;
    if (step_ == steps_) {
      epochs_.push_back({loss_sum_ / seen_, 100.0 * correct_ / seen_});
      if (++epoch_ < options_.epochs) start_epoch();
    }
  }
  return !done();
}

TrainProgress TrainingRun::progress() const {
  // Between epochs (and at the end) the finished epoch's counters were reset: report the
  // last finished epoch, complete, with its mean loss.
  if ((step_ == 0 || done()) && !epochs_.empty()) {
    return {static_cast<int>(epochs_.size()) - 1, options_.epochs, steps_, steps_, epochs_.back().mean_loss};
  }
  return {epoch_, options_.epochs, step_, steps_, seen_ ? loss_sum_ / seen_ : 0.0};
}

}  // namespace tinyml::train
