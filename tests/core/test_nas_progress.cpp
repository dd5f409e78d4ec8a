// The search's progress as JSON increments (nas_progress.hpp), through api::nas with a
// callback: every network once, the ranking's head only when it changes, a final call,
// cancellation, and a throwing callback turned into an error envelope.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api.hpp"

using nlohmann::json;

namespace {

const json kRequest = {{"space", "lecture"}, {"mcu", {{"flash_kb", 256}, {"sram_kb", 128}}},
                       {"trials", 700}, {"seed", 9}, {"top", 4}};

}  // namespace

TEST_CASE("progress increments add up to the search and end with a final one", "[nas][api]") {
  std::vector<json> increments;
  const json reply = json::parse(tinyml::api::nas(kRequest.dump(), [&](const std::string& text) {
    increments.push_back(json::parse(text));
    return true;
  }));
  REQUIRE(reply["ok"] == true);
  const json& result = reply["result"];
  CHECK(result == json::parse(tinyml::api::nas(kRequest.dump()))["result"]);  // progress changes nothing

  REQUIRE(increments.size() == 13);  // 1200 trials: every 100, then the end
  std::size_t points = 0;
  int feasible_points = 0;
  for (std::size_t index = 0; index < increments.size(); ++index) {
    const json& increment = increments[index];
    CHECK(increment["final"] == (index + 1 == increments.size()));
    CHECK(increment["trials_total"] == 1200);
    points += increment["points"].size();
    CHECK(increment["measured"] == points);
    for (const json& point : increment["points"]) feasible_points += point[3].get<int>();
  }
  CHECK(increments.back()["trials_done"] == 1200);
  CHECK(points == result["measured"].get<std::size_t>());
  CHECK(feasible_points == result["feasible_count"]);
  REQUIRE(increments.front().contains("top"));
  CHECK(increments.front()["top"].size() == 4);

  // The head is sent when it changes, and the last one sent is the result's top.
  json last_top;
  int sent = 0;
  for (const json& increment : increments) {
    if (!increment.contains("top")) continue;
    CHECK(increment["top"] != last_top);
    last_top = increment["top"];
    ++sent;
  }
  CHECK(sent < static_cast<int>(increments.size()));
  CHECK(last_top == result["top"]);
}

TEST_CASE("a callback that returns false cancels, one that throws ends in an error envelope", "[nas][api]") {
  int calls = 0;
  const json cancelled = json::parse(tinyml::api::nas(kRequest.dump(), [&](const std::string&) { return ++calls < 2; }));
  REQUIRE(cancelled["ok"] == true);
  CHECK(cancelled["result"]["cancelled"] == true);
  CHECK(calls == 2);  // no final call after a cancel
  CHECK(cancelled["result"]["space_optimisation_trials"].get<int>() + cancelled["result"]["trials"].get<int>() == 200);

  const json failed = json::parse(tinyml::api::nas(kRequest.dump(), [](const std::string&) -> bool {
    throw std::runtime_error("the caller went away");
  }));
  CHECK(failed["ok"] == false);
  CHECK(failed["error"]["message"] == "internal error: the caller went away");
}
