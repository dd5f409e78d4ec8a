#include "core/api.hpp"

#include <memory>
#include <new>

#include <nlohmann/json.hpp>

#include "core/api_envelope.hpp"
#include "core/api_nas_accuracy.hpp"
#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/mcu/mcu_catalog.hpp"
#include "core/nas/nas_progress.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"
#include "core/report/analysis_report.hpp"
#include "core/spec/json_text.hpp"
#include "core/spec/presets.hpp"

namespace tinyml::api {

std::string analyze(const std::string& spec_text, const std::string& options_json) {
  return envelope([&] {
    const nlohmann::json options =
        options_json.empty() ? nlohmann::json(nullptr) : parse_json_text(options_json, 1 << 16, "the options");
    const AnalysisOptions parsed = parse_analysis_options(options);
    return analysis_report(build_graph(parse_network(spec_text)), parsed);
  });
}

std::string presets() {
  return envelope([] {
    nlohmann::json list = nlohmann::json::array();
    for (const Preset& preset : tinyml::presets()) {
      list.push_back({{"name", preset.name}, {"description", preset.description}, {"spec", preset.spec}});
    }
    return list;
  });
}

std::string mcus() {
  return envelope([] {
    nlohmann::json list = nlohmann::json::array();
    for (const Mcu& mcu : mcu_catalog()) {
      list.push_back({{"name", mcu.name}, {"flash_bytes", mcu.flash_bytes}, {"sram_bytes", mcu.sram_bytes},
                      {"clock_mhz", mcu.clock_mhz}, {"core", mcu.core}, {"use", mcu.use}, {"source", mcu.source}});
    }
    return list;
  });
}

namespace {

// A request with "objective": "accuracy" goes to core/api_nas_accuracy.hpp (it trains).
bool wants_accuracy(const std::string& request_json) {
  try {
    const nlohmann::json request = parse_json_text(request_json, 1 << 16, "the NAS request");
    return request.is_object() && request.value("objective", nlohmann::json()) == "accuracy";
  } catch (const Error&) {
    return false;  // nas() reports the syntax error
  }
}

}  // namespace

std::string nas(const std::string& request_json) {
  if (wants_accuracy(request_json)) return nas_accuracy_run(request_json, {});
  return envelope([&] {
    const nlohmann::json request = parse_json_text(request_json, 1 << 16, "the NAS request");
    return tinyml::nas::nas_result_json(tinyml::nas::run_nas(tinyml::nas::parse_nas_request(request)));
  });
}

std::string nas(const std::string& request_json, const NasProgressCallback& on_progress) {
  if (wants_accuracy(request_json)) return nas_accuracy_run(request_json, on_progress);
  return envelope([&] {
    const nlohmann::json request = parse_json_text(request_json, 1 << 16, "the NAS request");
    tinyml::nas::NasConfig config = tinyml::nas::parse_nas_request(request);
    if (on_progress) {
      auto stream = std::make_shared<tinyml::nas::ProgressStream>(config.space, config.constraints, config.top);
      config.on_progress = [stream, on_progress](const tinyml::nas::Progress& progress) {
        return on_progress(stream->next(progress).dump());
      };
    }
    return tinyml::nas::nas_result_json(tinyml::nas::run_nas(config));
  });
}

}  // namespace tinyml::api
