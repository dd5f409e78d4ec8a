#include "core/nas/nas_progress.hpp"

#include <algorithm>

#include "core/nas/nas_result.hpp"
#include "core/nas/ranking.hpp"

namespace tinyml::nas {

ProgressStream::ProgressStream(const std::string& space, const Constraints& constraints, int top)
    : space_(find_search_space(space, "space")), constraints_(constraints), top_(static_cast<std::size_t>(std::max(top, 1))) {}

nlohmann::json ProgressStream::next(const Progress& progress) {
  const std::deque<Evaluated>& evaluated = *progress.evaluated;
  nlohmann::json points = nlohmann::json::array();
  bool head_changed = false;
  const auto order = [](const Evaluated* a, const Evaluated* b) { return ranks_before(*a, *b); };
  for (; streamed_ < evaluated.size(); ++streamed_) {
    const Evaluated& network = evaluated[streamed_];
    const Measurement& measurement = network.measurement;
    points.push_back({measurement.flash_bytes, measurement.peak_bytes, measurement.macs, network.verdict.fits() ? 1 : 0});
    if (head_.size() < top_ || order(&network, head_.back())) {
      head_.insert(std::upper_bound(head_.begin(), head_.end(), &network, order), &network);
      if (head_.size() > top_) head_.pop_back();
      head_changed = true;
    }
  }
  nlohmann::json increment = {
      {"phase", phase_name(progress.phase)},
      {"trials_done", progress.trials_done},
      {"trials_total", progress.trials_total},
      {"measured", evaluated.size()},
      {"feasible", progress.feasible},
      {"final", progress.final},
      {"points", std::move(points)},
  };
  if (head_changed) {
    nlohmann::json top = nlohmann::json::array();
    for (const Evaluated* network : head_) top.push_back(candidate_json(space_, *network, constraints_));
    increment["top"] = std::move(top);
  }
  return increment;
}

}  // namespace tinyml::nas
