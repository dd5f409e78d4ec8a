// TinyNAS on real measurements: repeatable, honest about what fits, equal to analyze.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/api.hpp"
#include "core/graph/flash_size.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"

using namespace tinyml;
using namespace tinyml::nas;
using nlohmann::json;

namespace {

json run(const json& request) { return nas_result_json(run_nas(parse_nas_request(request))); }

const json kLectureTargets = {{"space", "lecture"}, {"mcu", {{"flash_kb", 256}, {"sram_kb", 128}}}};

json with(json request, const json& extra) {
  request.update(extra);
  return request;
}

// The numbers `analyze` reports for the candidate's spec, as the page would see them.
void check_equals_analyze(const json& candidate, const std::string& estimator) {
  const json report = json::parse(api::analyze(candidate["spec"].dump(), ""))["result"];
  CHECK(candidate["params"] == report["params"]);
  CHECK(candidate["macs"] == report["macs"]);
  CHECK(candidate["peak_bytes"] == report["peak_bytes"][estimator]);
  CHECK(candidate["flash_bytes"] == deployable_flash_size(build_graph(parse_network(candidate["spec"]))).total_bytes());
}

// The lecture space written out by hand as JSON text (not through lecture_space()),
// parsed and measured as `analyze` does: base width w, expand e[s], depth d[s]; counts
// the points within the limits (live peak, deployable flash).
int64_t recount_lecture_space(int64_t sram_limit, int64_t flash_limit) {
  int64_t fitting = 0;
  for (const int w : {8, 12, 16, 20, 24}) {
    const int outs[3] = {w * 3 / 2, w * 5 / 2, w * 5};
    for (int code = 0; code < 64 * 27; ++code) {
      const int e[3] = {code % 4 + 1, code / 4 % 4 + 1, code / 16 % 4 + 1};
      const int d[3] = {code / 64 % 3 + 1, code / 192 % 3 + 1, code / 576 % 3 + 1};
      std::string layers = R"({"type": "conv2d", "out": )" + std::to_string(w) +
                           R"(, "kernel": 3, "stride": 2, "padding": 1, "bn": true, "act": "relu6"})";
      int channels = w;
      for (int stage = 0; stage < 3; ++stage) {
        for (int block = 1; block <= d[stage]; ++block) {
          const bool last = block == d[stage];
          if (last) channels = outs[stage];
          layers += R"(, {"type": "mbconv", "out": )" + std::to_string(channels) + R"(, "expand": )" +
                    std::to_string(e[stage]) + R"(, "stride": )" + (last ? "2}" : "1}");
        }
      }
      layers += R"(, {"type": "conv2d", "out": )" + std::to_string(10 * w) +
                R"(, "kernel": 1, "bn": true, "act": "relu6"}, {"type": "global_avgpool"}, {"type": "linear", "out": 10})";
      const std::string spec = R"({"input": [3, 128, 128], "layers": [)" + layers + "]}";
      const Graph graph = build_graph(parse_network(spec));
      if (live_peak(graph, 1).bytes <= sram_limit && deployable_flash_size(graph).total_bytes() <= flash_limit) ++fitting;
    }
  }
  return fitting;
}

}  // namespace

TEST_CASE("the lecture's targets: the search finds fitting networks and counts the space exactly", "[nas][lecture]") {
  const json result = run(with(kLectureTargets, {{"trials", 600}, {"seed", 1}}));
  REQUIRE(result["best"].is_object());
  CHECK(result["feasible_count"].get<int>() > 0);
  CHECK(result["space_size"] == 8640);
  CHECK(result["space_feasible"] == recount_lecture_space(128 * 1024, 256 * 1024));
  CHECK(result["space_feasible"] == 996);  // the figure the recount above gives
  CHECK(result["best"]["macs"].get<int64_t>() <= result["space_best_macs"].get<int64_t>());
  CHECK(result["measured"].get<int>() <= result["space_optimisation_trials"].get<int>() + result["trials"].get<int>());
}

TEST_CASE("the same seed gives the same result, another seed another", "[nas]") {
  const json request = with(kLectureTargets, {{"trials", 300}, {"space_samples", 40}});
  const std::string first = run(with(request, {{"seed", 7}})).dump();
  CHECK(run(with(request, {{"seed", 7}})).dump() == first);
  CHECK(run(with(request, {{"seed", 8}})).dump() != first);
  const json mcunet = {{"space", "mcunet"}, {"mcu", "STM32F746"}, {"trials", 200}, {"space_samples", 5}, {"seed", 3}};
  CHECK(run(mcunet).dump() == run(mcunet).dump());
}

TEST_CASE("the best candidate satisfies the constraints, reserves included", "[nas]") {
  const json request = {{"space", "mcunet"}, {"mcu", "STM32F412"}, {"sram_reserve_bytes", 32768},
                        {"flash_reserve_bytes", 100000}, {"trials", 300}, {"space_samples", 10}, {"seed", 2}};
  const json result = run(request);
  REQUIRE(result["best"].is_object());
  const json& best = result["best"];
  CHECK(best["fits"] == true);
  CHECK(best["failed"].empty());
  CHECK(best["peak_bytes"].get<int64_t>() <= 256 * 1024 - 32768);
  CHECK(best["flash_bytes"].get<int64_t>() <= 1024 * 1024 - 100000);
  CHECK(result["constraints"]["sram_limit_bytes"] == 256 * 1024 - 32768);
  for (const json& candidate : result["top"]) CHECK(candidate["macs"] <= best["macs"]);
}

TEST_CASE("every reported candidate equals analyze on its spec", "[nas]") {
  const std::string estimator = GENERATE("live", "lecture_consecutive");
  INFO(estimator);
  for (const json& request : {with(kLectureTargets, {{"trials", 200}, {"estimator", estimator}}),
                              json{{"space", "mcunet"}, {"mcu", "STM32F746"}, {"trials", 200},
                                   {"space_samples", 4}, {"estimator", estimator}},
                              json{{"space", "mcunet"}, {"mcu", {{"flash_kb", 64}, {"sram_kb", 8}}}, {"trials", 100},
                                   {"space_samples", 2}, {"estimator", estimator}}}) {
    const json result = run(request);
    CHECK(result["constraints"]["estimator"] == estimator);
    for (const char* list : {"top", "nearest_misses"}) {
      for (const json& candidate : result[list]) check_equals_analyze(candidate, estimator);
    }
    if (result["best"].is_object()) check_equals_analyze(result["best"], estimator);
  }
}

TEST_CASE("impossible constraints end cleanly with the nearest misses and what they exceed", "[nas]") {
  const json result = run(with(kLectureTargets, {{"mcu", {{"flash_kb", 256}, {"sram_kb", 1}}}, {"trials", 200}}));
  CHECK(result["best"].is_null());
  CHECK(result["top"].empty());
  CHECK(result["feasible_count"] == 0);
  CHECK(result["space_feasible"] == 0);
  CHECK(result["space_best_macs"].is_null());
  CHECK(result["message"].get<std::string>().find("no measured network fits") == 0);
  const json& misses = result["nearest_misses"];
  REQUIRE(misses.size() == 5);
  int64_t previous = 0;
  for (const json& miss : misses) {
    CHECK(miss["fits"] == false);
    REQUIRE(miss["failed"].size() == 1);  // flash fits, SRAM cannot
    const json& failure = miss["failed"][0];
    CHECK(failure["constraint"] == "sram");
    CHECK(failure["limit_bytes"] == 1024);
    CHECK(failure["over_bytes"] == miss["peak_bytes"].get<int64_t>() - 1024);
    CHECK(failure["over_bytes"].get<int64_t>() >= previous);  // nearest first
    previous = failure["over_bytes"].get<int64_t>();
  }
  const json both = run(with(kLectureTargets, {{"mcu", {{"flash_kb", 1}, {"sram_kb", 1}}}, {"trials", 50}}));
  CHECK(both["nearest_misses"][0]["failed"].size() == 2);
}

TEST_CASE("space optimisation picks the pair with the largest mean MACs of fitting samples", "[nas]") {
  const json result = run({{"space", "mcunet"}, {"mcu", "STM32F746"}, {"trials", 0}, {"space_samples", 8}});
  const json& pairs = result["space_optimisation"];
  CHECK(pairs.size() == 8 * 12);
  CHECK(result["space_optimisation_trials"] == 8 * 12 * 8);
  CHECK(result["trials"] == 0);
  CHECK(result["space_size"].is_null());
  double best_mean = -1;
  int chosen = 0;
  for (const json& pair : pairs) {
    CHECK(pair["sampled"] == 8);
    const json& cdf = pair["macs_cdf"];
    CHECK(cdf.size() == pair["fitting"].get<std::size_t>());
    CHECK(std::is_sorted(cdf.begin(), cdf.end()));
    if (!pair["mean_macs"].is_null()) best_mean = std::max(best_mean, pair["mean_macs"].get<double>());
    chosen += pair["chosen"].get<bool>() ? 1 : 0;
  }
  CHECK(chosen == 1);
  for (const json& pair : pairs) {
    if (pair["chosen"] == true) CHECK(pair["mean_macs"].get<double>() == best_mean);
  }
}

TEST_CASE("a CDF of many fitting samples is thinned to 101 quantiles", "[nas]") {
  const json result = run({{"space", "lecture"}, {"mcu", "STM32H7"}, {"trials", 0}, {"space_samples", 300}});
  for (const json& pair : result["space_optimisation"]) {
    CHECK(pair["fitting"] == 300);  // 1 MB of SRAM and 2 MB of flash hold every lecture network
    const json& cdf = pair["macs_cdf"];
    CHECK(cdf.size() == static_cast<std::size_t>(kMaxCdfPoints));
    CHECK(std::is_sorted(cdf.begin(), cdf.end()));
    CHECK(cdf.front().get<double>() <= pair["mean_macs"].get<double>());
    CHECK(cdf.back().get<double>() >= pair["mean_macs"].get<double>());
  }
  CHECK(result["space_feasible"] == 8640);
}

TEST_CASE("lecture candidates carry the notebook's made-up estimates beside the measured ones", "[nas][lecture]") {
  const json best = run(with(kLectureTargets, {{"trials", 100}}))["best"];
  const json& choices = best["choices"];
  const int expand_sum = choices["expand"][0].get<int>() + choices["expand"][1].get<int>() + choices["expand"][2].get<int>();
  CHECK(best["lecture_formula"]["params_kb"] == choices["width"].get<int>() * 100 + expand_sum * 50);
  CHECK(best["lecture_formula"]["peak_mem_kb"] == choices["width"].get<int>() * 10 + expand_sum * 5);
}

TEST_CASE("the log is bounded and the search can be cancelled", "[nas]") {
  const json result = run(with(kLectureTargets, {{"trials", 500}, {"log_limit", 40}}));
  CHECK(result["log_total"] == 500 + 5 * 100);
  CHECK(result["log"].size() <= 40);
  CHECK(result["log_stride"] == 25);
  CHECK(result["log"][1]["trial"] == 26);

  NasConfig config = parse_nas_request(with(kLectureTargets, {{"trials", 5000}}));
  int calls = 0;
  config.on_progress = [&](const Progress& progress) {
    ++calls;
    return progress.trials_done < 300;
  };
  const NasResult cancelled = run_nas(config);
  CHECK(cancelled.cancelled);
  CHECK(calls == 3);
  CHECK(cancelled.space_optimisation_trials + cancelled.trials == 300);
}

TEST_CASE("bad requests name the field, the API answers in an envelope", "[nas][api]") {
  const auto error_of = [](const json& request) {
    const json reply = json::parse(api::nas(request.dump()));
    CHECK(reply["ok"] == false);
    return reply["error"]["path"].get<std::string>() + ": " + reply["error"]["message"].get<std::string>();
  };
  CHECK(error_of(with(kLectureTargets, {{"trails", 5}})).rfind("request.trails: unknown field", 0) == 0);
  CHECK(error_of(with(kLectureTargets, {{"estimator", "guess"}})) ==
        "request.estimator: unknown peak estimator \"guess\"; known: live, lecture_in_out, lecture_consecutive, "
        "inplace_depthwise, arena, patch");
  CHECK(error_of(with(kLectureTargets, {{"space", "resnet"}})) ==
        "request.space: unknown search space \"resnet\"; known: lecture, mcunet, fashion");
  CHECK(error_of(with(kLectureTargets, {{"population", 4}, {"parents", 4}})) == "request.parents: must be at most 3, got 4");
  CHECK(error_of(with(kLectureTargets, {{"sram_reserve_bytes", 131072}})).rfind("request.sram_reserve_bytes: the SRAM reserve", 0) == 0);
  CHECK(error_of({{"space", "lecture"}}).rfind("request.mcu: is required", 0) == 0);
  CHECK(error_of(with(kLectureTargets, {{"seed", -1}})).rfind("request.seed: must be a whole number", 0) == 0);

  const json reply = json::parse(api::nas(R"({"mcu": "STM32F4", "sram_kb": 64, "trials": 50, "space_samples": 10})"));
  REQUIRE(reply["ok"] == true);
  CHECK(reply["result"]["constraints"]["sram_bytes"] == 64 * 1024);  // the override
  CHECK(reply["result"]["constraints"]["flash_bytes"] == 512 * 1024);
  CHECK(reply["result"]["space"] == "lecture");
}
