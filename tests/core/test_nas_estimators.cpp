// Every peak estimator the report computes can be a NAS constraint, by its report name,
// and a candidate's peak under it equals analyze's peak_bytes[name] on the candidate's spec.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/api.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"
#include "core/nas/peak_estimator_choice.hpp"

using namespace tinyml;
using namespace tinyml::nas;
using nlohmann::json;

namespace {

json analyze_result(const json& spec) { return json::parse(api::analyze(spec.dump(), ""))["result"]; }

json run(const json& request) { return nas_result_json(run_nas(parse_nas_request(request))); }

}  // namespace

TEST_CASE("the NAS registers exactly the report's peak estimators", "[nas][memory]") {
  std::set<std::string> registered;
  for (const PeakEstimator& estimator : peak_estimators()) registered.insert(estimator.name);
  const json report = analyze_result(json::parse(R"({"input": [3, 32, 32], "layers": [
      {"type": "conv2d", "out": 8, "kernel": 3, "stride": 2}, {"type": "mbconv", "out": 8, "expand": 3},
      {"type": "global_avgpool"}, {"type": "linear", "out": 10}]})"));
  std::set<std::string> reported;
  for (const auto& entry : report["peak_bytes"].items()) reported.insert(entry.key());
  CHECK(registered == reported);
  for (const char* name : {"inplace_depthwise", "arena", "patch"}) CHECK(find_peak_estimator(name, "x").name == name);
}

TEST_CASE("a search under each estimator reports peaks equal to analyze's", "[nas][memory]") {
  const std::string estimator = GENERATE("inplace_depthwise", "arena", "patch", "live");
  INFO(estimator);
  // Small searches: the lecture targets (where networks fit), an MCU-sized mcunet search,
  // and a tiny SRAM where nothing fits (the nearest misses carry peaks too).
  for (const json& request :
       {json{{"space", "lecture"}, {"mcu", {{"flash_kb", 256}, {"sram_kb", 128}}}, {"trials", 60}, {"space_samples", 8}},
        json{{"space", "mcunet"}, {"mcu", "STM32F746"}, {"trials", 60}, {"space_samples", 1}},
        json{{"space", "mcunet"}, {"mcu", {{"flash_kb", 64}, {"sram_kb", 4}}}, {"trials", 30}, {"space_samples", 1}}}) {
    json with_estimator = request;
    with_estimator["estimator"] = estimator;
    with_estimator["seed"] = 5;
    const json result = run(with_estimator);
    CHECK(result["constraints"]["estimator"] == estimator);
    int checked = 0;
    for (const char* list : {"top", "nearest_misses"}) {
      for (const json& candidate : result[list]) {
        const json report = analyze_result(candidate["spec"]);
        CHECK(candidate["peak_estimator"] == estimator);
        CHECK(candidate["peak_bytes"] == report["peak_bytes"][estimator]);
        CHECK(candidate["macs"] == report["macs"]);
        CHECK(candidate["fits_sram"] ==
              (candidate["peak_bytes"].get<int64_t>() <= result["constraints"]["sram_limit_bytes"].get<int64_t>()));
        ++checked;
      }
    }
    CHECK(checked > 0);
  }
}

TEST_CASE("estimators that save memory let more of the lecture space fit", "[nas][memory][lecture]") {
  // Same targets, exact counts over all 8640 points: in-place depthwise holds at most
  // what `live` holds, so at least as many networks fit; the arena adds alignment,
  // scratch and fragmentation, so at most as many fit.
  const json base = {{"space", "lecture"}, {"mcu", {{"flash_kb", 256}, {"sram_kb", 128}}}, {"trials", 0}, {"space_samples", 1}};
  const auto feasible = [&](const char* estimator) {
    json request = base;
    request["estimator"] = estimator;
    return run(request)["space_feasible"].get<int64_t>();
  };
  const int64_t live = feasible("live");
  CHECK(live == 996);
  CHECK(feasible("inplace_depthwise") >= live);
  CHECK(feasible("arena") <= live);
}
