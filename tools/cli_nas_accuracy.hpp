// `tinyml nas --objective accuracy`: the flags of the accuracy objective, its training
// phase on the Fashion-MNIST files (the directory `tinyml train` reads), and its table.
//   --objective macs|accuracy  --candidates K  --epochs E  --train-images N
//   --test-images M  --train-seed S  --rank-by float|int8  --data DIR
// The time estimate is printed to stderr before the first candidate trains; the JSON
// carries it as accuracy.estimate_s, next to accuracy.elapsed_s.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/nas/nas_search.hpp"

namespace tinyml::cli {

// If `flag` is one of the flags above, puts it into `request` (or `data_dir`) and returns true.
bool add_accuracy_flag(const std::string& flag, const std::string& value, nlohmann::json& request,
                       std::string& data_dir);

// Reads the data (data_dir, or Debian's folder when empty) and runs the training phase.
void run_accuracy_phase(const nas::NasConfig& config, const std::string& data_dir, nas::NasResult& result);

// The ranked table of a result with objective accuracy.
void print_accuracy_table(const nlohmann::json& result);

}  // namespace tinyml::cli
