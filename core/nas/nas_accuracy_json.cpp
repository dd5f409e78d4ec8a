#include "core/nas/nas_accuracy_json.hpp"

#include "core/nas/nas_result.hpp"

namespace tinyml::nas {
namespace {

nlohmann::json percent_or_null(bool trained, double percent) {
  return trained ? nlohmann::json(percent) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json cost_estimate_json(const CostEstimate& estimate) {
  nlohmann::json candidates = nlohmann::json::array();
  for (const CandidateCost& cost : estimate.candidates) {
    candidates.push_back({{"train_s_per_image", cost.train_seconds_per_image},
                          {"float_s_per_image", cost.float_seconds_per_image},
                          {"int8_s_per_image", cost.int8_seconds_per_image},
                          {"quantize_s", cost.quantize_seconds},
                          {"estimate_s", cost.estimate_seconds}});
  }
  return {{"estimate_s", estimate.seconds},
          {"probe_s", estimate.probe_seconds},
          {"train_image_passes", estimate.train_image_passes},
          {"test_image_passes", estimate.test_image_passes},
          {"per_candidate", candidates}};
}

nlohmann::json accuracy_report_json(const AccuracyReport& report) {
  int trained = 0;
  for (const MeasuredCandidate& measured : report.ranked) trained += measured.trained ? 1 : 0;
  const AccuracySettings& settings = report.settings;
  return {{"candidates", report.ranked.size()},
          {"epochs", settings.epochs},
          {"train_images", report.train_images},
          {"test_images", report.test_images},
          {"seed", settings.seed},
          {"rank_by", settings.rank_by_int8 ? "int8" : "float"},
          {"calib", settings.calib},
          {"train_image_passes", report.estimate.train_image_passes},
          {"test_image_passes", report.estimate.test_image_passes},
          {"estimate_s", report.estimate.seconds},
          {"probe_s", report.estimate.probe_seconds},
          {"elapsed_s", report.elapsed_seconds},
          {"cancelled", report.cancelled},
          {"trained", trained},
          {"estimate", cost_estimate_json(report.estimate)}};
}

nlohmann::json measured_candidate_json(const SearchSpace& space, const MeasuredCandidate& measured,
                                       const CostEstimate& estimate, const Constraints& constraints) {
  nlohmann::json json = candidate_json(space, measured.evaluated, constraints);
  const std::size_t index = static_cast<std::size_t>(measured.mac_rank - 1);
  json["accuracy"] = {
      {"trained", measured.trained},
      {"mac_rank", measured.mac_rank},
      {"float_percent", percent_or_null(measured.trained, measured.float_percent)},
      {"int8_percent", percent_or_null(measured.trained, measured.int8_percent)},
      {"drop_points", percent_or_null(measured.trained, measured.float_percent - measured.int8_percent)},
      {"final_loss", percent_or_null(measured.trained, measured.final_loss)},
      {"train_accuracy_percent", percent_or_null(measured.trained, measured.train_accuracy_percent)},
      {"seconds", percent_or_null(measured.trained, measured.seconds)},
      {"estimate_s", index < estimate.candidates.size() ? nlohmann::json(estimate.candidates[index].estimate_seconds)
                                                        : nlohmann::json(nullptr)},
  };
  return json;
}

nlohmann::json accuracy_progress_json(const AccuracyRun& run, const Constraints& constraints, bool with_estimate,
                                      bool with_ranking) {
  const AccuracyProgress progress = run.progress();
  nlohmann::json json = {{"phase", "training"},
                         {"candidate", std::min(progress.candidate + 1, progress.candidates)},
                         {"candidates", progress.candidates},
                         {"epoch", progress.epoch + 1},
                         {"epochs", progress.epochs},
                         {"images_done", progress.images_done},
                         {"images_total", progress.images_total},
                         {"trained", progress.trained},
                         {"final", progress.done}};
  if (with_estimate) json["estimate"] = cost_estimate_json(run.estimate());
  if (with_ranking) {
    const AccuracyReport report = run.report();
    nlohmann::json ranked = nlohmann::json::array();
    for (const MeasuredCandidate& measured : report.ranked) {
      ranked.push_back(measured_candidate_json(run.space(), measured, report.estimate, constraints));
    }
    json["measured"] = std::move(ranked);
  }
  return json;
}

}  // namespace tinyml::nas
