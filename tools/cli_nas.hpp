// tinyml nas: TinyNAS on real measurements from the command line.
//   tinyml nas --mcu NAME | custom:FLASH_KB:SRAM_KB[:MHZ] [--sram-kb N] [--flash-kb N]
//              [--space lecture|mcunet|fashion] [--trials N] [--seed S] [--estimator live]
//              [--space-samples N] [--sram-reserve BYTES] [--flash-reserve BYTES] [--json]
//              [--objective accuracy ...]   (cli_nas_accuracy.hpp: train the best, rank by accuracy)
// Prints the best network as a spec, its measurements, the space optimisation and the
// search log (text), or the result JSON (docs/nas-result.md) with --json.
#pragma once

#include <string>
#include <vector>

namespace tinyml::cli {

int nas(const std::vector<std::string>& args);

}  // namespace tinyml::cli
