#include "tools/cli_nas_accuracy.hpp"

#include <cstdio>
#include <iostream>

#include "core/nas/nas_accuracy.hpp"
#include "tools/cli_common.hpp"
#include "tools/idx_files.hpp"

namespace tinyml::cli {
namespace {

std::string percent(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", value.get<double>());
  return text;
}

}  // namespace

bool add_accuracy_flag(const std::string& flag, const std::string& value, nlohmann::json& request,
                       std::string& data_dir) {
  if (flag == "--objective") {
    request["objective"] = value;
  } else if (flag == "--rank-by") {
    request["accuracy"]["rank_by"] = value;
  } else if (flag == "--data") {
    data_dir = value;
  } else if (flag == "--candidates" || flag == "--epochs" || flag == "--train-images" || flag == "--test-images" ||
             flag == "--train-seed") {
    const std::string key = flag == "--train-seed" ? "seed" : flag.substr(2);
    std::string field = key;
    for (char& letter : field) letter = letter == '-' ? '_' : letter;
    request["accuracy"][field] = number_argument(flag, value);
  } else {
    return false;
  }
  return true;
}

void run_accuracy_phase(const nas::NasConfig& config, const std::string& data_dir, nas::NasResult& result) {
  const std::string dir = data_dir.empty() ? kFashionMnistDir : data_dir;
  const data::ImageDataset train_set = read_fashion_mnist(dir, "train");
  const data::ImageDataset test_set = read_fashion_mnist(dir, "t10k");
  int reported = -1;
  const auto on_estimate = [](const nas::AccuracyRun& run) {
    const nas::CostEstimate& estimate = run.estimate();
    std::fprintf(stderr,
                 "training %zu candidates: %lld training image passes + %lld test images (float and int8); "
                 "estimated %.1f s (probe of every candidate took %.2f s)\n",
                 estimate.candidates.size(), estimate.train_image_passes, estimate.test_image_passes, estimate.seconds,
                 estimate.probe_seconds);
    return true;
  };
  const auto on_progress = [&reported](const nas::AccuracyRun& run) {
    const nas::AccuracyProgress progress = run.progress();
    if (progress.trained != reported) {
      reported = progress.trained;
      if (progress.trained > 0) std::fprintf(stderr, "  trained %d of %d\n", progress.trained, progress.candidates);
    }
    return true;
  };
  nas::run_accuracy_objective(config, train_set, test_set, result, on_estimate, on_progress);
  if (result.accuracy) {
    std::fprintf(stderr, "training phase: estimated %.1f s, took %.1f s\n", result.accuracy->estimate.seconds,
                 result.accuracy->elapsed_seconds);
  }
}

void print_accuracy_table(const nlohmann::json& result) {
  const nlohmann::json& accuracy = result["accuracy"];
  if (accuracy.is_null()) {
    std::printf("\nnothing was trained (no candidate fits, or the search was cancelled)\n");
    return;
  }
  std::printf("\nranked by measured %s test accuracy (%d candidates, %d epoch(s) on %d training images, %d test images, "
              "seed %s):\n",
              accuracy["rank_by"].get<std::string>().c_str(), accuracy["candidates"].get<int>(),
              accuracy["epochs"].get<int>(), accuracy["train_images"].get<int>(), accuracy["test_images"].get<int>(),
              accuracy["seed"].dump().c_str());
  std::printf("  %2s %8s %8s %7s %10s %11s %11s %7s %8s %8s  %s\n", "#", "float", "int8", "drop", "MACs", "flash",
              "peak", "by MACs", "est. s", "took s", "knobs");
  int rank = 0;
  for (const auto& candidate : result["top"]) {
    const nlohmann::json& measured = candidate["accuracy"];
    char drop[32] = "-";
    if (!measured["drop_points"].is_null()) std::snprintf(drop, sizeof drop, "%.2f", measured["drop_points"].get<double>());
    char took[32] = "-";
    if (!measured["seconds"].is_null()) std::snprintf(took, sizeof took, "%.2f", measured["seconds"].get<double>());
    std::printf("  %2d %8s %8s %7s %8.2f M %8.2f KB %8.2f KB %7d %8.2f %8s  %s\n", ++rank,
                percent(measured["float_percent"]).c_str(), percent(measured["int8_percent"]).c_str(), drop,
                candidate["macs"].get<double>() / 1e6, candidate["flash_bytes"].get<double>() / 1024,
                candidate["peak_bytes"].get<double>() / 1024, measured["mac_rank"].get<int>(),
                measured["estimate_s"].is_null() ? 0.0 : measured["estimate_s"].get<double>(), took,
                candidate["choices"].dump().c_str());
  }
  std::printf("training phase: estimated %.1f s before it started, took %.1f s%s\n", accuracy["estimate_s"].get<double>(),
              accuracy["elapsed_s"].get<double>(), accuracy["cancelled"].get<bool>() ? " (cancelled)" : "");
}

}  // namespace tinyml::cli
