// The NAS result as JSON: one shape for the CLI (`nas --json`), the wasm API (`nas()`)
// and the page (docs/nas-result.md documents every field).
#pragma once

#include <nlohmann/json.hpp>

#include "core/nas/nas_search.hpp"

namespace tinyml::nas {

// At most this many points per macs_cdf (quantiles when more samples fit).
inline constexpr int kMaxCdfPoints = 101;

nlohmann::json nas_result_json(const NasResult& result);

// One measured candidate: choices, spec, params, macs, flash_bytes, peak_bytes, fits...
nlohmann::json candidate_json(const SearchSpace& space, const Evaluated& evaluated, const Constraints& constraints);

}  // namespace tinyml::nas
