// The accuracy objective's part of the NAS result (docs/nas-result.md), and of the
// progress increments of its training phase:
//   "accuracy": {"candidates", "epochs", "train_images", "test_images", "seed", "rank_by",
//     "calib", "train_image_passes", "test_image_passes", "estimate_s", "probe_s",
//     "elapsed_s", "cancelled", "trained", "estimate": [per candidate, MAC order]}
//   each ranked candidate: the candidate shape + "accuracy": {"trained", "mac_rank",
//     "float_percent", "int8_percent", "drop_points", "final_loss",
//     "train_accuracy_percent", "seconds", "estimate_s"} (accuracies null when untrained)
#pragma once

#include <nlohmann/json.hpp>

#include "core/nas/nas_accuracy.hpp"

namespace tinyml::nas {

nlohmann::json cost_estimate_json(const CostEstimate& estimate);
nlohmann::json accuracy_report_json(const AccuracyReport& report);
nlohmann::json measured_candidate_json(const SearchSpace& space, const MeasuredCandidate& measured,
                                       const CostEstimate& estimate, const Constraints& constraints);
// {"phase": "training", "candidate" (1-based), "candidates", "epoch" (1-based), "epochs",
//  "images_done", "images_total", "trained", "final"} for a run in progress; with
// "estimate" (cost_estimate_json) when `with_estimate`, and "measured" (the ranking so
// far, measured_candidate_json) when `with_ranking`.
nlohmann::json accuracy_progress_json(const AccuracyRun& run, const Constraints& constraints, bool with_estimate,
                                      bool with_ranking);

}  // namespace tinyml::nas
