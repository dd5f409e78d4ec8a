#include "core/api_nas_accuracy.hpp"

#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/api_envelope.hpp"
#include "core/api_training.hpp"
#include "core/error.hpp"
#include "core/nas/nas_accuracy.hpp"
#include "core/nas/nas_accuracy_json.hpp"
#include "core/nas/nas_progress.hpp"
#include "core/nas/nas_request.hpp"
#include "core/nas/nas_result.hpp"
#include "core/spec/json_text.hpp"

namespace tinyml::api {
namespace {

struct AccuracySearch {
  nas::NasConfig config;
  nas::NasResult result;
  std::unique_ptr<nas::AccuracyRun> run;
  int reported_trained = 0;
};

std::map<int, std::unique_ptr<AccuracySearch>>& searches() {
  static std::map<int, std::unique_ptr<AccuracySearch>> open;
  return open;
}

AccuracySearch& search_of(int handle) {
  const auto found = searches().find(handle);
  if (found == searches().end()) {
    throw Error("handle", "no NAS accuracy run " + std::to_string(handle) + " (released, or never started)");
  }
  return *found->second;
}

const data::ImageDataset& loaded(const char* split) {
  const data::ImageDataset* dataset = loaded_dataset(split);
  if (dataset == nullptr) {
    throw Error("data", std::string("no ") + split + " set loaded (load_dataset with split \"" + split +
                            "\" first): the objective \"accuracy\" trains on it");
  }
  return *dataset;
}

// Parses the request (objective "accuracy" required), checks the data, runs the search.
std::unique_ptr<AccuracySearch> searched(const std::string& request_json, const NasProgressCallback& on_progress) {
  const nlohmann::json request = parse_json_text(request_json, 1 << 16, "the NAS request");
  auto search = std::make_unique<AccuracySearch>();
  search->config = nas::parse_nas_request(request);
  if (search->config.objective != nas::Objective::Accuracy) {
    throw Error("request.objective", "must be \"accuracy\" here (this call trains the candidates)");
  }
  loaded("train");
  loaded("test");
  if (on_progress) {
    auto stream = std::make_shared<nas::ProgressStream>(search->config.space, search->config.constraints, search->config.top);
    search->config.on_progress = [stream, on_progress](const nas::Progress& progress) {
      return on_progress(stream->next(progress).dump());
    };
  }
  search->result = nas::run_nas(search->config);
  search->config.on_progress = nullptr;
  return search;
}

nlohmann::json steps_json(AccuracySearch& search) {
  const nas::AccuracyProgress progress = search.run->progress();
  const bool ranking_changed = progress.trained != search.reported_trained;
  search.reported_trained = progress.trained;
  return nas::accuracy_progress_json(*search.run, search.config.constraints, false, ranking_changed);
}

}  // namespace

std::string nas_accuracy_run(const std::string& request_json, const NasProgressCallback& on_progress) {
  return envelope([&] {
    std::unique_ptr<AccuracySearch> search = searched(request_json, on_progress);
    int reported = 0;
    const nas::AccuracyProgressCallback on_estimate = [&](const nas::AccuracyRun& run) {
      return !on_progress || on_progress(nas::accuracy_progress_json(run, search->config.constraints, true, false).dump());
    };
    const nas::AccuracyProgressCallback on_training = [&](const nas::AccuracyRun& run) {
      if (!on_progress) return true;
      const int trained = run.progress().trained;
      const bool changed = trained != reported;
      reported = trained;
      return on_progress(nas::accuracy_progress_json(run, search->config.constraints, false, changed).dump());
    };
    nas::run_accuracy_objective(search->config, loaded("train"), loaded("test"), search->result, on_estimate, on_training);
    return nas::nas_result_json(search->result);
  });
}

std::string nas_accuracy_start(const std::string& request_json, const NasProgressCallback& on_progress) {
  return envelope([&] {
    if (searches().size() >= static_cast<std::size_t>(kMaxNasAccuracyRuns)) {
      throw Error("", "too many NAS accuracy runs open (" + std::to_string(kMaxNasAccuracyRuns) + "): release one first");
    }
    std::unique_ptr<AccuracySearch> search = searched(request_json, on_progress);
    search->result.objective = "accuracy";
    nlohmann::json summary = {{"search", nas::nas_result_json(search->result)}, {"handle", nullptr}};
    if (search->result.cancelled || search->result.top.empty()) return summary;
    search->run = std::make_unique<nas::AccuracyRun>(nas::find_search_space(search->config.space, "space"),
                                                     search->result.top, loaded("train"), loaded("test"),
                                                     search->config.accuracy);
    const nas::AccuracyProgress progress = search->run->progress();
    summary["estimate"] = nas::cost_estimate_json(search->run->estimate());
    summary["candidates"] = progress.candidates;
    summary["images_total"] = progress.images_total;
    static int next_handle = 0;
    const int handle = ++next_handle;
    summary["handle"] = handle;
    searches()[handle] = std::move(search);
    return summary;
  });
}

std::string nas_accuracy_steps(int handle, int batches) {
  return envelope([&] {
    AccuracySearch& search = search_of(handle);
    if (batches < 1 || batches > 100000) throw Error("batches", "must be 1 to 100000, got " + std::to_string(batches));
    search.run->step(batches);
    return steps_json(search);
  });
}

std::string nas_accuracy_finish(int handle) {
  return envelope([&] {
    AccuracySearch& search = search_of(handle);
    search.run->cancel();  // no-op when done
    nas::NasResult result = search.result;
    nas::apply_accuracy_report(*search.run, result);
    return nas::nas_result_json(result);
  });
}

std::string nas_accuracy_release(int handle) {
  return envelope([&] { return nlohmann::json(searches().erase(handle) > 0); });
}

}  // namespace tinyml::api
