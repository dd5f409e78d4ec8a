#include "tools/cli_nas.hpp"

#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/nas/nas_accuracy.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"
#include "tools/cli_common.hpp"
#include "tools/cli_nas_accuracy.hpp"

namespace tinyml::cli {
namespace {

std::string kb(const nlohmann::json& bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f KB", bytes.get<double>() / 1024);
  return text;
}

std::string mega(const nlohmann::json& count) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f M", count.get<double>() / 1e6);
  return text;
}

// Flags → the request the wasm API takes, so both validate the same way.
nlohmann::json request_from(const std::vector<std::string>& args, bool& as_json, std::string& data_dir) {
  nlohmann::json request = nlohmann::json::object();
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    if (arg == "--json") {
      as_json = true;
      continue;
    }
    if (index + 1 >= args.size()) throw UsageError(arg + " needs a value");
    const std::string& value = args[++index];
    if (arg == "--mcu") {
      const Mcu mcu = parse_mcu_argument(value);
      request["mcu"] = value.rfind("custom:", 0) != 0 ? nlohmann::json(mcu.name)
                                                      : nlohmann::json{{"name", mcu.name},
                                                                       {"flash_kb", mcu.flash_bytes / 1024.0},
                                                                       {"sram_kb", mcu.sram_bytes / 1024.0},
                                                                       {"clock_mhz", mcu.clock_mhz}};
    } else if (arg == "--space" || arg == "--estimator") {
      request[arg.substr(2)] = value;
    } else if (arg == "--sram-kb" || arg == "--flash-kb") {
      request[arg == "--sram-kb" ? "sram_kb" : "flash_kb"] = number_argument(arg, value);
    } else if (arg == "--trials" || arg == "--seed" || arg == "--space-samples") {
      request[arg == "--space-samples" ? "space_samples" : arg.substr(2)] = number_argument(arg, value);
    } else if (add_accuracy_flag(arg, value, request, data_dir)) {
      continue;
    } else if (arg == "--sram-reserve" || arg == "--flash-reserve") {
      request[arg == "--sram-reserve" ? "sram_reserve_bytes" : "flash_reserve_bytes"] = number_argument(arg, value);
    } else {
      throw UsageError("unexpected argument " + arg);
    }
  }
  return request;
}

void print_candidate_line(const nlohmann::json& candidate) {
  std::printf("  %10s MACs  %9s params  flash %11s  peak %11s  %s\n", mega(candidate["macs"]).c_str(),
              std::to_string(candidate["params"].get<int64_t>()).c_str(), kb(candidate["flash_bytes"]).c_str(),
              kb(candidate["peak_bytes"]).c_str(), candidate["choices"].dump().c_str());
  for (const auto& failure : candidate["failed"]) {
    std::printf("      %s: needs %s, limit %s, over by %s (%lld bytes)\n",
                failure["constraint"].get<std::string>().c_str(), kb(failure["need_bytes"]).c_str(),
                kb(failure["limit_bytes"]).c_str(), kb(failure["over_bytes"]).c_str(),
                static_cast<long long>(failure["over_bytes"].get<int64_t>()));
  }
}

// One layer per line: short enough to read, still valid JSON to paste into the editor.
std::string spec_text(const nlohmann::json& spec) {
  std::string text = "{\"name\": " + spec["name"].dump() + ", \"input\": " + spec["input"].dump() + ", \"layers\": [\n";
  for (std::size_t index = 0; index < spec["layers"].size(); ++index) {
    text += "  " + spec["layers"][index].dump() + (index + 1 < spec["layers"].size() ? ",\n" : "\n");
  }
  return text + "]}";
}

void print_space_optimisation(const nlohmann::json& result) {
  std::printf("\nspace optimisation (%s):\n", result["space_choice_rule"].get<std::string>().c_str());
  std::printf("  %6s %6s %9s %12s %12s\n", "width", "res", "fit/n", "mean MACs", "median MACs");
  int empty = 0;
  for (const auto& subspace : result["space_optimisation"]) {
    if (subspace["fitting"].get<int>() == 0) {
      ++empty;
      continue;
    }
    const std::string fit = std::to_string(subspace["fitting"].get<int>()) + "/" + std::to_string(subspace["sampled"].get<int>());
    std::printf("  %6g %6d %9s %12s %12s%s\n", subspace["width"].get<double>(), subspace["resolution"].get<int>(),
                fit.c_str(), mega(subspace["mean_macs"]).c_str(), mega(subspace["median_macs"]).c_str(),
                subspace["chosen"].get<bool>() ? "  <- chosen" : "");
  }
  if (empty > 0) std::printf("  (%d more pairs: no sample fits)\n", empty);
}

void print_log(const nlohmann::json& result) {
  const nlohmann::json& log = result["log"];
  const std::size_t rows = 20;
  const std::size_t step = log.size() <= rows ? 1 : (log.size() + rows - 1) / rows;
  std::printf("\nsearch log (%zu of %d trials shown):\n  %6s %-18s %10s %11s %11s %s\n", (log.size() + step - 1) / step,
              result["log_total"].get<int>(), "trial", "phase", "MACs", "flash", "peak", "fits");
  for (std::size_t index = 0; index < log.size(); index += step) {
    const auto& entry = log[index];
    std::printf("  %6d %-18s %10s %11s %11s %s\n", entry["trial"].get<int>(), entry["phase"].get<std::string>().c_str(),
                mega(entry["macs"]).c_str(), kb(entry["flash_bytes"]).c_str(), kb(entry["peak_bytes"]).c_str(),
                entry["feasible"].get<bool>() ? "yes" : "no");
  }
}

void print_text(const nlohmann::json& result) {
  const nlohmann::json& limits = result["constraints"];
  std::printf("TinyNAS, space %s, objective %s (%s), seed %s\n", result["space"].get<std::string>().c_str(),
              result["objective"].get<std::string>().c_str(), result["objective_note"].get<std::string>().c_str(),
              result["seed"].dump().c_str());
  std::printf("constraints: %s, peak SRAM (%s) <= %s, deployable flash <= %s\n",
              limits["mcu"].get<std::string>().c_str(), limits["estimator"].get<std::string>().c_str(),
              kb(limits["sram_limit_bytes"]).c_str(), kb(limits["flash_limit_bytes"]).c_str());
  if (!result["space_size"].is_null()) {
    std::printf("the space: %lld networks, %lld fit (counted exhaustively)\n",
                static_cast<long long>(result["space_size"].get<int64_t>()),
                static_cast<long long>(result["space_feasible"].get<int64_t>()));
  }
  print_space_optimisation(result);
  std::printf("\n%d space-optimisation + %d evolution trials: %s\n", result["space_optimisation_trials"].get<int>(),
              result["trials"].get<int>(), result["message"].get<std::string>().c_str());
  if (!result["best"].is_null()) {
    const nlohmann::json& best = result["best"];
    std::printf("\nbest network:\n%s\n", spec_text(best["spec"]).c_str());
    if (best.contains("lecture_formula")) {
      std::printf("the notebook's formulas for it: params %d \"KB\", peak_mem %d \"KB\"; measured: flash %s, peak %s\n",
                  best["lecture_formula"]["params_kb"].get<int>(), best["lecture_formula"]["peak_mem_kb"].get<int>(),
                  kb(best["flash_bytes"]).c_str(), kb(best["peak_bytes"]).c_str());
    }
    const bool by_accuracy = result.contains("mac_top");
    std::printf(by_accuracy ? "\ntop candidates by MACs:\n" : "\ntop candidates:\n");
    for (const auto& candidate : result[by_accuracy ? "mac_top" : "top"]) print_candidate_line(candidate);
  } else {
    std::printf("\nnearest misses:\n");
    for (const auto& candidate : result["nearest_misses"]) print_candidate_line(candidate);
  }
  if (!result["space_best_macs"].is_null()) {
    std::printf("(the best network in the whole space has %s MACs)\n", mega(result["space_best_macs"]).c_str());
  }
  print_log(result);
}

}  // namespace

int nas(const std::vector<std::string>& args) {
  bool as_json = false;
  std::string data_dir;
  const nlohmann::json request = request_from(args, as_json, data_dir);
  const tinyml::nas::NasConfig config = tinyml::nas::parse_nas_request(request);
  tinyml::nas::NasResult searched = tinyml::nas::run_nas(config);
  if (config.objective == tinyml::nas::Objective::Accuracy) run_accuracy_phase(config, data_dir, searched);
  const nlohmann::json result = tinyml::nas::nas_result_json(searched);
  if (as_json) {
    std::cout << result.dump(2) << "\n";
  } else {
    std::cout << std::flush;
    print_text(result);
    if (result.contains("accuracy")) print_accuracy_table(result);
  }
  return 0;
}

}  // namespace tinyml::cli
