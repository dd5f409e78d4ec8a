#include "core/nas/nas_result.hpp"

#include "core/nas/nas_accuracy_json.hpp"
#include "core/spec/spec_json.hpp"

namespace tinyml::nas {
namespace {

nlohmann::json cdf_json(const std::vector<int64_t>& sorted) {
  const std::size_t count = sorted.size();
  if (count <= static_cast<std::size_t>(kMaxCdfPoints)) return sorted;
  nlohmann::json points = nlohmann::json::array();
  for (int point = 0; point < kMaxCdfPoints; ++point) {  // quantile point/(kMaxCdfPoints − 1), nearest rank
    points.push_back(sorted[(static_cast<std::size_t>(point) * (count - 1) + (kMaxCdfPoints - 1) / 2) / (kMaxCdfPoints - 1)]);
  }
  return points;
}

nlohmann::json space_optimisation_json(const SearchSpace& space, const SpaceOptimisation& optimisation) {
  const int width_gene = space.gene_index("width");
  nlohmann::json subspaces = nlohmann::json::array();
  for (std::size_t index = 0; index < optimisation.subspaces.size(); ++index) {
    const SubspaceStats& stats = optimisation.subspaces[index];
    subspaces.push_back({
        {"width", space.value_json(width_gene, stats.width)},
        {"resolution", stats.resolution},
        {"sampled", stats.sampled},
        {"fitting", stats.fitting_macs.size()},
        {"mean_macs", stats.fitting_macs.empty() ? nlohmann::json(nullptr) : nlohmann::json(stats.mean_macs)},
        {"median_macs", stats.fitting_macs.empty() ? nlohmann::json(nullptr) : nlohmann::json(stats.median_macs)},
        {"macs_cdf", cdf_json(stats.fitting_macs)},
        {"chosen", static_cast<int>(index) == optimisation.chosen},
    });
  }
  return subspaces;
}

nlohmann::json log_json(const std::vector<LogEntry>& log) {
  nlohmann::json entries = nlohmann::json::array();
  for (const LogEntry& entry : log) {
    entries.push_back({{"trial", entry.trial}, {"phase", phase_name(entry.phase)}, {"macs", entry.macs},
                       {"flash_bytes", entry.flash_bytes}, {"peak_bytes", entry.peak_bytes}, {"feasible", entry.feasible}});
  }
  return entries;
}

nlohmann::json candidates_json(const SearchSpace& space, const std::vector<Evaluated>& list, const Constraints& constraints) {
  nlohmann::json array = nlohmann::json::array();
  for (const Evaluated& evaluated : list) array.push_back(candidate_json(space, evaluated, constraints));
  return array;
}

std::string message(const NasResult& result) {
  if (result.feasible_count > 0) {
    return std::to_string(result.feasible_count) + " of " + std::to_string(result.measured) +
           " measured networks fit; the best has " +
           std::to_string((result.mac_top.empty() ? result.top : result.mac_top).front().measurement.macs) + " MACs";
  }
  return "no measured network fits (" + std::to_string(result.measured) +
         " measured); nearest_misses lists the closest and what each exceeds";
}

// Objective accuracy: "top" and "best" are the trained candidates ranked by measured
// accuracy (nas_accuracy_json.hpp), "mac_top" the search's ranking by MACs.
void add_accuracy(const SearchSpace& space, const NasResult& result, nlohmann::json& json) {
  json["mac_top"] = candidates_json(space, result.mac_top.empty() ? result.top : result.mac_top, result.constraints);
  json["accuracy"] = nullptr;
  if (!result.accuracy) return;
  const AccuracyReport& report = *result.accuracy;
  json["accuracy"] = accuracy_report_json(report);
  nlohmann::json top = nlohmann::json::array();
  for (const MeasuredCandidate& measured : report.ranked) {
    top.push_back(measured_candidate_json(space, measured, report.estimate, result.constraints));
  }
  json["best"] = top.empty() ? nlohmann::json(nullptr) : top.front();
  json["top"] = std::move(top);
}

}  // namespace

nlohmann::json candidate_json(const SearchSpace& space, const Evaluated& evaluated, const Constraints& constraints) {
  const Measurement& measurement = evaluated.measurement;
  const Verdict& verdict = evaluated.verdict;
  nlohmann::json json = {
      {"choices", space.choices_json(evaluated.candidate)},
      {"spec", network_spec_json(space.network(evaluated.candidate))},
      {"params", measurement.params},
      {"macs", measurement.macs},
      {"flash_bytes", measurement.flash_bytes},
      {"peak_bytes", measurement.peak_bytes},
      {"peak_estimator", constraints.estimator.name},
      {"fits", verdict.fits()},
      {"fits_sram", verdict.fits_sram()},
      {"fits_flash", verdict.fits_flash()},
      {"sram_margin_bytes", constraints.sram_limit_bytes() - measurement.peak_bytes},
      {"flash_margin_bytes", constraints.flash_limit_bytes() - measurement.flash_bytes},
      {"failed", failures_json(measurement, verdict, constraints)},
      {"found_in", phase_name(evaluated.phase)},
  };
  json.update(space.notes_json(evaluated.candidate));
  return json;
}

nlohmann::json nas_result_json(const NasResult& result) {
  const SearchSpace space = find_search_space(result.space, "space");
  const Constraints& constraints = result.constraints;
  nlohmann::json json = {
      {"space", result.space},
      {"space_description", space.description()},
      {"objective", result.objective},
      {"objective_note", result.objective == "accuracy"
                             ? "the best candidates by MACs are trained on Fashion-MNIST and ranked by measured test accuracy"
                             : "MACs stand in for accuracy: no candidate is trained"},
      {"seed", result.seed},
      {"space_optimisation_trials", result.space_optimisation_trials},
      {"trials", result.trials},
      {"measured", result.measured},
      {"feasible_count", result.feasible_count},
      {"cancelled", result.cancelled},
      {"constraints", constraints_json(constraints)},
      {"message", message(result)},
      {"best", result.top.empty() ? nlohmann::json(nullptr) : candidate_json(space, result.top.front(), constraints)},
      {"top", candidates_json(space, result.top, constraints)},
      {"nearest_misses", candidates_json(space, result.nearest_misses, constraints)},
      {"space_choice_rule", "the (width, resolution) pair whose fitting samples have the largest mean MACs"},
      {"space_optimisation", space_optimisation_json(space, result.space_optimisation)},
      {"space_size", nullptr},
      {"space_feasible", nullptr},
      {"space_best_macs", nullptr},
      {"log", log_json(result.log)},
      {"log_total", result.log_total},
      {"log_stride", result.log_stride},
  };
  if (result.objective == "accuracy") add_accuracy(space, result, json);
  if (result.exhaustive) {
    json["space_size"] = result.exhaustive->size;
    json["space_feasible"] = result.exhaustive->feasible;
    if (result.exhaustive->best) json["space_best_macs"] = result.exhaustive->best_macs;
  }
  return json;
}

}  // namespace tinyml::nas
