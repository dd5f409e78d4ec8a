// tinyml — the command-line face of the core.
//   tinyml analyze <spec.json | preset:NAME | -> [--mcu NAME | custom:FLASH_KB:SRAM_KB[:MHZ]]
//                  [--precision int8|fp32] [--patch SPLIT_OP:GRID] [--patch-limit RATIO] [--json]
//   tinyml presets [--json]
//   tinyml mcus [--json]
//   tinyml nas --mcu NAME | custom:FLASH_KB:SRAM_KB[:MHZ] [--sram-kb N] [--flash-kb N] ... (cli_nas.hpp)
//   tinyml quantize | infer | compare ... (cli_infer.hpp)
// Errors go to stderr as "error: <path>: <reason>" with exit status 1 (2 for usage).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api.hpp"
#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/mcu/mcu_catalog.hpp"
#include "core/report/analysis_report.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "tools/cli_common.hpp"
#include "tools/cli_infer.hpp"
#include "tools/cli_nas.hpp"
#include "tools/cli_train.hpp"
#include "tools/cli_evaluate.hpp"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  tinyml analyze <spec.json | preset:NAME | -> [--mcu NAME | custom:FLASH_KB:SRAM_KB[:MHZ]]\n"
    "                 [--precision int8|fp32] [--patch SPLIT_OP:GRID] [--patch-limit RATIO] [--json]\n"
    "  tinyml presets [--json]\n"
    "  tinyml mcus [--json]\n"
    "  tinyml nas --mcu NAME | custom:FLASH_KB:SRAM_KB[:MHZ] [--sram-kb N] [--flash-kb N]\n"
    "             [--space lecture|mcunet|fashion] [--trials N] [--seed S] [--estimator live]\n"
    "             [--space-samples N] [--sram-reserve BYTES] [--flash-reserve BYTES] [--json]\n"
    "             [--space fashion --objective accuracy [--candidates K] [--epochs E] [--train-images N]\n"
    "              [--test-images M] [--train-seed S] [--rank-by float|int8] [--data DIR]]\n"
    "  tinyml quantize <spec.json | preset:NAME> [--weights F] [--calib N] [--calib-input X]...\n"
    "                  [--seed S] [--resolution R] [--init he|pytorch] -o model.json [--json]\n"
    "  tinyml infer model.json (--input x.json | --pattern NAME [--seed S]) [--layers] [--runs N] [--json]\n"
    "  tinyml compare <spec.json | preset:NAME> [--weights F] [--calib N] [--seed S] [--resolution R]\n"
    "                 [--input x.json | --pattern NAME] [--samples N] [--runs N] [--json]\n"
    "  tinyml train <spec.json | preset:NAME> [--data DIR] [--train-subset N] [--test-subset N] [--epochs N]\n"
    "               [--batch B] [--lr X] [--constant-lr] [--optimizer sgd|adam] [--momentum M]\n"
    "               [--weight-decay W] [--seed S] [--calib N] [-o weights.json] [--int8-model F] [--json]\n"
    "  tinyml evaluate <spec.json | preset:NAME> --weights F [--data DIR] [--train-subset N] [--test-subset N]\n"
    "                  [--calib N] [--json]\n";

using tinyml::cli::UsageError;
using tinyml::cli::parse_mcu_argument;

std::string read_spec_text(const std::string& source) {
  if (source.rfind("preset:", 0) == 0) return tinyml::find_preset(source.substr(7)).spec.dump(2);
  std::ostringstream text;
  if (source == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream file(source, std::ios::binary);
  if (!file) throw tinyml::Error(source, "cannot open the file");
  file.seekg(0, std::ios::end);
  if (file.tellg() > tinyml::limits::kMaxSpecBytes) {
    throw tinyml::Error(source, "is larger than the " + std::to_string(tinyml::limits::kMaxSpecBytes) + "-byte limit");
  }
  file.seekg(0);
  text << file.rdbuf();
  return text.str();
}

int analyze(const std::vector<std::string>& args) {
  std::string source;
  tinyml::AnalysisOptions options;
  bool as_json = false;
  nlohmann::json patch = nlohmann::json::object();
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    const auto value = [&]() -> const std::string& {
      if (index + 1 >= args.size()) throw UsageError(arg + " needs a value");
      return args[++index];
    };
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "--mcu") {
      options.mcu = parse_mcu_argument(value());
    } else if (arg == "--precision") {
      options.precision = tinyml::parse_analysis_options({{"precision", value()}}).precision;
    } else if (arg == "--patch") {
      const std::string schedule = value();
      const std::size_t colon = schedule.find(':');
      try {
        patch["split_op"] = std::stoi(schedule.substr(0, colon));
        patch["grid"] = std::stoi(schedule.substr(colon == std::string::npos ? schedule.size() : colon + 1));
      } catch (const std::exception&) {
        throw UsageError("--patch takes SPLIT_OP:GRID, e.g. 13:4, got " + schedule);
      }
    } else if (arg == "--patch-limit") {
      try {
        patch["max_extra_macs_ratio"] = std::stod(value());
      } catch (const std::exception&) {
        throw UsageError("--patch-limit takes a ratio, e.g. 0.1 for +10% MACs");
      }
    } else if (arg.rfind("--", 0) == 0 || !source.empty()) {
      throw UsageError("unexpected argument " + arg);
    } else {
      source = arg;
    }
  }
  if (source.empty()) throw UsageError("analyze needs a spec file or preset:NAME");
  if (!patch.empty()) options.patch = tinyml::parse_analysis_options({{"patch", patch}}).patch;
  const nlohmann::json report =
      tinyml::analysis_report(tinyml::build_graph(tinyml::parse_network(read_spec_text(source))), options);
  std::cout << (as_json ? report.dump(2) + "\n" : tinyml::format_report_text(report));
  return 0;
}

// presets/mcus: the same lists the wasm API returns.
int list(const std::string& envelope_text, bool as_json, bool with_sizes) {
  const nlohmann::json items = nlohmann::json::parse(envelope_text)["result"];
  if (as_json) {
    std::cout << items.dump(2) << "\n";
    return 0;
  }
  for (const auto& item : items) {
    std::cout << item["name"].get<std::string>();
    if (with_sizes) {
      std::cout << "  flash " << item["flash_bytes"].get<int64_t>() / 1024 << " KB, SRAM "
                << item["sram_bytes"].get<int64_t>() / 1024 << " KB, " << item["clock_mhz"].get<double>() << " MHz ("
                << item["core"].get<std::string>() << ")";
    } else {
      std::cout << "  " << item["description"].get<std::string>();
    }
    std::cout << "\n";
  }
  return 0;
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("no command given");
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  const bool as_json = rest.size() == 1 && rest[0] == "--json";
  if (command == "analyze") return analyze(rest);
  if (command == "nas") return tinyml::cli::nas(rest);
  if (command == "quantize") return tinyml::cli::quantize(rest);
  if (command == "infer") return tinyml::cli::infer(rest);
  if (command == "compare") return tinyml::cli::compare(rest);
  if (command == "train") return tinyml::cli::train(rest);
  if (command == "evaluate") return tinyml::cli::evaluate(rest);
  if (!rest.empty() && !as_json) throw UsageError("unexpected argument " + rest[0]);
  if (command == "presets") return list(tinyml::api::presets(), as_json, false);
  if (command == "mcus") return list(tinyml::api::mcus(), as_json, true);
  if (command == "--help" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  throw UsageError("unknown command " + command);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& error) {
    std::cerr << "error: " << error.what() << "\n" << kUsage;
    return 2;
  } catch (const tinyml::Error& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
