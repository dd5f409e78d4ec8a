#include "core/nas/nas_request.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

#include "core/error.hpp"
#include "core/nas/nas_accuracy.hpp"
#include "core/spec/field_reader.hpp"

namespace tinyml::nas {
namespace {

constexpr const char* kPath = "request";

double positive_number(const nlohmann::json& value, const std::string& path) {
  if (!value.is_number() || !(value.get<double>() > 0) || !std::isfinite(value.get<double>())) {
    throw Error(path, "must be a positive number, got " + value.dump());
  }
  return value.get<double>();
}

// {"name", "flash_kb", "sram_kb", "clock_mhz" (default 100)}.
Mcu read_custom_mcu(const nlohmann::json& custom, const std::string& path) {
  const FieldReader fields(custom, path);
  fields.reject_unknown({"name", "flash_kb", "sram_kb", "clock_mhz"});
  const auto number = [&](const char* key) {
    return positive_number(custom.value(key, nlohmann::json()), fields.path_of(key));
  };
  const double clock_mhz = fields.has("clock_mhz") ? number("clock_mhz") : 100.0;
  return custom_mcu(fields.string_or("name", "custom"), number("flash_kb"), number("sram_kb"), clock_mhz, path);
}

// The MCU, then the sram_kb / flash_kb overrides (which may also stand in for it).
Mcu read_mcu(const nlohmann::json& request, const FieldReader& fields) {
  const std::string path = fields.path_of("mcu");
  Mcu mcu;
  if (fields.has("mcu")) {
    const nlohmann::json& value = request["mcu"];
    mcu = value.is_string() ? find_mcu(value.get<std::string>(), path) : read_custom_mcu(value, path);
  } else if (fields.has("sram_kb") && fields.has("flash_kb")) {
    mcu = custom_mcu("custom", 1, 1, 100, path);
  } else {
    throw Error(path, "is required (a name, or {\"flash_kb\", \"sram_kb\"}) unless sram_kb and flash_kb are both given");
  }
  const auto kb_to_bytes = [&](const char* key) {
    return std::llround(positive_number(request[key], fields.path_of(key)) * 1024);
  };
  if (fields.has("sram_kb")) mcu.sram_bytes = kb_to_bytes("sram_kb");
  if (fields.has("flash_kb")) mcu.flash_bytes = kb_to_bytes("flash_kb");
  return mcu;
}

uint64_t read_seed(const nlohmann::json& request, const FieldReader& fields) {
  if (!fields.has("seed")) return 1;
  const nlohmann::json& value = request["seed"];
  constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1, the largest integer JavaScript holds exactly
  if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > kMaxSeed ||
      std::floor(value.get<double>()) != value.get<double>()) {
    throw Error(fields.path_of("seed"), "must be a whole number from 0 to 2^53 − 1, got " + value.dump());
  }
  return value.is_number_unsigned() ? value.get<uint64_t>() : static_cast<uint64_t>(value.get<double>());
}

void read_search(const FieldReader& fields, NasConfig& config) {
  EvolutionSettings& evolution = config.evolution;
  evolution.trials = fields.integer_or("trials", evolution.trials, 0, kMaxTrials);
  config.space_samples = fields.integer_or("space_samples", config.space_samples, 1, kMaxSpaceSamples);
  evolution.population = fields.integer_or("population", evolution.population, 2, 1000);
  evolution.parents = fields.integer_or("parents", std::min(evolution.parents, evolution.population - 1), 1,
                                        evolution.population - 1);
  evolution.mutation_percent = fields.integer_or("mutation_percent", evolution.mutation_percent, 0, 100);
  evolution.mutate_share_percent = fields.integer_or("mutate_share_percent", evolution.mutate_share_percent, 0, 100);
  config.top = fields.integer_or("top", config.top, 1, 100);
  config.log_limit = fields.integer_or("log_limit", config.log_limit, 0, kMaxTrials);
}

// "objective" and "accuracy" (accuracy_objective.hpp); the space's networks must take
// Fashion-MNIST's 1×28×28 images when the objective is "accuracy".
void read_objective(const nlohmann::json& request, const FieldReader& fields, const SearchSpace& space,
                    NasConfig& config) {
  const std::string objective = fields.string_or("objective", "macs");
  if (objective != "macs" && objective != "accuracy") {
    throw Error(fields.path_of("objective"), "must be \"macs\" or \"accuracy\", got \"" + objective + "\"");
  }
  if (objective == "macs") {
    if (fields.has("accuracy")) throw Error(fields.path_of("accuracy"), "is only read with \"objective\": \"accuracy\"");
    return;
  }
  config.objective = Objective::Accuracy;
  check_space_takes_data(space.network(space.point(0)), 28, 28, space.name());
  if (!fields.has("accuracy")) return;
  const nlohmann::json& settings = request["accuracy"];
  if (!settings.is_object()) throw Error(fields.path_of("accuracy"), "must be an object, got " + settings.dump());
  const FieldReader accuracy(settings, fields.path_of("accuracy"));
  accuracy.reject_unknown({"candidates", "epochs", "train_images", "test_images", "seed", "rank_by", "calib"});
  AccuracySettings& chosen = config.accuracy;
  chosen.candidates = accuracy.integer_or("candidates", chosen.candidates, 1, kMaxAccuracyCandidates);
  chosen.epochs = accuracy.integer_or("epochs", chosen.epochs, 1, kMaxAccuracyEpochs);
  chosen.train_images = accuracy.integer_or("train_images", chosen.train_images, 1, 60000);
  chosen.test_images = accuracy.integer_or("test_images", chosen.test_images, 1, 10000);
  chosen.seed = static_cast<uint64_t>(accuracy.integer_or("seed", 1, 0, 2147483647));
  chosen.calib = accuracy.integer_or("calib", chosen.calib, 1, 60000);
  const std::string rank_by = accuracy.string_or("rank_by", "float");
  if (rank_by != "float" && rank_by != "int8") {
    throw Error(accuracy.path_of("rank_by"), "must be \"float\" or \"int8\", got \"" + rank_by + "\"");
  }
  chosen.rank_by_int8 = rank_by == "int8";
  config.top = std::max(config.top, chosen.candidates);
}

}  // namespace

NasConfig parse_nas_request(const nlohmann::json& request) {
  const FieldReader fields(request, kPath);
  fields.reject_unknown({"space", "mcu", "sram_kb", "flash_kb", "sram_reserve_bytes", "flash_reserve_bytes", "estimator",
                         "seed", "trials", "space_samples", "population", "parents", "mutation_percent",
                         "mutate_share_percent", "top", "log_limit", "objective", "accuracy"});
  NasConfig config;
  const SearchSpace space = find_search_space(fields.string_or("space", "lecture"), fields.path_of("space"));
  config.space = space.name();
  config.constraints = make_constraints(read_mcu(request, fields), fields.string_or("estimator", "live"),
                                        fields.integer_or("sram_reserve_bytes", 0, 0, INT_MAX),
                                        fields.integer_or("flash_reserve_bytes", 0, 0, INT_MAX), kPath);
  config.seed = read_seed(request, fields);
  read_search(fields, config);
  read_objective(request, fields, space, config);
  const int64_t pairs = static_cast<int64_t>(space.genes()[space.gene_index("width")].values.size() *
                                             space.genes()[space.gene_index("resolution")].values.size());
  if (pairs * config.space_samples > kMaxSpaceOptimisationTrials) {
    throw Error(fields.path_of("space_samples"), "the " + config.space + " space has " + std::to_string(pairs) +
                                                     " (width, resolution) pairs; at most " +
                                                     std::to_string(kMaxSpaceOptimisationTrials / pairs) +
                                                     " samples each, got " + std::to_string(config.space_samples));
  }
  return config;
}

}  // namespace tinyml::nas
