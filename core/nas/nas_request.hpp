// The NAS request as JSON (the wasm API's nas() and the CLI build one), validated into a
// NasConfig. Every field is optional except the MCU (or both sram_kb and flash_kb):
//   {"space": "lecture" | "mcunet",                       default "lecture"
//    "mcu": "STM32F746" | {"name", "flash_kb", "sram_kb", "clock_mhz"},
//    "sram_kb": N, "flash_kb": N,                         override the MCU's (KB = 1024 bytes)
//    "sram_reserve_bytes": 0, "flash_reserve_bytes": 0,
//    "estimator": "live",                                 a peak_bytes name of the report
//    "seed": 1,                                           0 .. 2^53 − 1
//    "trials": 1000,                                      evolution trials, 0 .. 100000
//    "space_samples": 100,                                per (width, resolution) pair, 1 .. 10000
//    "population": 32, "parents": 8,                      2 .. 1000; 1 .. population − 1
//    "mutation_percent": 10, "mutate_share_percent": 50,  0 .. 100
//    "top": 5, "log_limit": 1000,                         1 .. 100; 0 .. 100000
//    "objective": "macs" | "accuracy",                    default "macs"
//    "accuracy": {"candidates": 5, "epochs": 1,           1 .. 20; 1 .. 10  (objective "accuracy" only;
//                 "train_images": 2000,                   1 .. 60000        accuracy_objective.hpp)
//                 "test_images": 1000, "seed": 1,         1 .. 10000; 0 .. 2^31 − 1
//                 "rank_by": "float" | "int8", "calib": 200}
// "accuracy" needs a space whose networks take 1×28×28 grey images ("fashion").
// The space-optimisation trials (pairs × space_samples) may not exceed 200000.
#pragma once

#include <nlohmann/json.hpp>

#include "core/nas/nas_search.hpp"

namespace tinyml::nas {

inline constexpr int kMaxTrials = 100000;
inline constexpr int kMaxSpaceSamples = 10000;
inline constexpr int kMaxSpaceOptimisationTrials = 200000;
inline constexpr int kMaxAccuracyCandidates = 20;
inline constexpr int kMaxAccuracyEpochs = 10;

// Throws tinyml::Error naming the field ("request.trials") and the reason.
NasConfig parse_nas_request(const nlohmann::json& request);

}  // namespace tinyml::nas
