// Inference benchmark, built natively (tools/) and as a Node program in wasm
// (tools/node/): for each preset at its native input size, the median wall time of the
// float engine, the int8 engine with the reference kernels and with the fast kernels,
// all measured in this one process. tools/bench.mjs runs both builds and prints the table.
//
//   bench_inference [--presets A,B] [--min-runs N] [--budget-ms T] [--resolution R] [--per-op]
//
// --per-op: instead, one JSON line per op of the fast int8 engine: its name, kind, MACs
// and the mean milliseconds it took over 200 runs (timed between the engine's
// per-tensor callbacks), to see where a network's time goes.
//
// Prints one JSON object per preset and line: {"preset", "target", "macs", "resolution",
// "float_ms", "int8_reference_ms", "int8_fast_ms" (medians), "best_ms": {...} (fastest
// runs), "runs": {...}, "outputs_equal"}.
// Each timing takes at least --min-runs samples (3) and samples until --budget-ms (1500)
// is spent, after 300 ms of untimed runs; a sample is the mean of consecutive runs over
// at least 20 ms (see time_median); the median sample is reported, "best_ms" the fastest.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/float_engine.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/kernels/simd128.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "core/util/median_time.hpp"

using namespace tinyml;

namespace {

struct Options {
  std::vector<std::string> presets;
  int min_runs = 3;
  double budget_ms = 1500;
  int resolution = 0;  // 0: the preset's own
  bool per_op = false;
};

struct Timing {
  double median_ms = 0;
  double best_ms = 0;  // the fastest run: least disturbed by other processes on the machine
  int runs = 0;
};

// Each sample times consecutive runs for at least kSampleMs and divides by their count:
// browsers coarsen their clock (Chromium to 0.1 ms without cross-origin isolation), which
// would otherwise quantize a 3 ms run to ±3%. Before sampling, untimed runs for
// kWarmupMs (at least one): first-touch of the arena and caches, and in a browser the
// optimized code that V8 compiles in the background (median_time.hpp).
constexpr double kSampleMs = 20;
constexpr double kWarmupMs = 300;

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

Timing time_median(const std::function<void()>& run, const Options& options) {
  warm_up(run, kWarmupMs);
  std::vector<double> times;
  double spent = 0;
  int runs = 0;
  while (static_cast<int>(times.size()) < options.min_runs || spent < options.budget_ms) {
    const auto start = std::chrono::steady_clock::now();
    int count = 0;
    double ms = 0;
    do {
      run();
      ++count;
      ms = elapsed_ms(start);
    } while (ms < kSampleMs);
    times.push_back(ms / count);
    spent += ms;
    runs += count;
    if (times.size() >= 200) break;
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times.front(), runs};
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string::npos ? text.size() : comma;
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int index = 1; index < argc; ++index) {
    const std::string arg = argv[index];
    const bool has_value = index + 1 < argc;
    if (arg == "--presets" && has_value) {
      options.presets = split(argv[++index]);
    } else if (arg == "--min-runs" && has_value) {
      options.min_runs = std::max(1, std::atoi(argv[++index]));
    } else if (arg == "--budget-ms" && has_value) {
      options.budget_ms = std::atof(argv[++index]);
    } else if (arg == "--resolution" && has_value) {
      options.resolution = std::atoi(argv[++index]);
    } else if (arg == "--per-op") {
      options.per_op = true;
    } else {
      throw Error("bench_inference", "unknown argument '" + arg +
                                         "' (expected --presets A,B --min-runs N --budget-ms T --resolution R --per-op)");
    }
  }
  if (options.presets.empty()) {
    for (const Preset& preset : presets()) options.presets.push_back(preset.name);
  }
  return options;
}

Graph preset_graph(const std::string& name, const Options& options) {
  nlohmann::json spec = find_preset(name).spec;
  if (options.resolution > 0) spec["input"] = {spec["input"][0], options.resolution, options.resolution};
  return build_graph(parse_network(spec));
}

// Times each op: the engine calls on_tensor after the input is written and after each op.
class OpTimer : public engine::TensorObserver {
 public:
  explicit OpTimer(std::size_t ops) : times_(ops) {}
  void start() { last_ = std::chrono::steady_clock::now(); op_ = 0; }
  void on_tensor(int, kernels::Span<const int8_t>) override {
    const auto now = std::chrono::steady_clock::now();
    if (started_ && op_ < times_.size()) times_[op_++].push_back(std::chrono::duration<double, std::milli>(now - last_).count());
    started_ = true;
    last_ = now;
  }
  void next_run() { started_ = false; }
  // The mean: browsers coarsen their clock (Chromium to 0.1 ms without cross-origin
  // isolation), so single short ops read as 0 or 0.1 ms; the mean over many runs is not.
  double mean_ms(std::size_t op) const {
    const std::vector<double>& values = times_[op];
    double sum = 0;
    for (double value : values) sum += value;
    return values.empty() ? 0 : sum / static_cast<double>(values.size());
  }

 private:
  std::vector<std::vector<double>> times_;
  std::chrono::steady_clock::time_point last_;
  std::size_t op_ = 0;
  bool started_ = false;
};

void bench_ops(const std::string& name, const Options& options) {
  const Graph graph = preset_graph(name, options);
  const engine::FloatModel float_model = engine::init_float_model(graph, 1);
  const engine::Int8Model model = engine::quantize_model(graph, float_model, engine::generated_samples(graph, 1, 1));
  const std::vector<float> image = engine::evaluation_sample(graph.tensors[graph.input].shape, 1, 0);
  const std::vector<int8_t> input = engine::quantize_input(model, {image.data(), image.size()});
  engine::Int8Engine fast(model, engine::Int8Kernels::Fast);
  OpTimer timer(graph.ops.size());
  const int runs = std::max(options.min_runs, 200);
  warm_up([&] { fast.invoke(); }, kWarmupMs);  // a browser swaps in optimized code late
  for (int run = 0; run < runs; ++run) {
    std::copy(input.begin(), input.end(), fast.input().data);
    timer.next_run();
    timer.start();
    fast.invoke(&timer);
  }
  for (std::size_t op = 0; op < graph.ops.size(); ++op) {
    const Op& o = graph.ops[op];
    const TensorShape& out = graph.tensors[o.output].shape;
    std::cout << nlohmann::json{{"preset", name}, {"op", o.name}, {"kind", op_kind_name(o.kind)},
                                {"kernel", o.kernel.h}, {"stride", o.stride.h},
                                {"output", {out.h, out.w, out.c}}, {"macs", o.macs},
                                {"ms", timer.mean_ms(op)}}.dump()
              << std::endl;
  }
}

nlohmann::json bench_preset(const std::string& name, const Options& options) {
  const Graph graph = preset_graph(name, options);
  const engine::FloatModel float_model = engine::init_float_model(graph, 1);
  const engine::Int8Model model = engine::quantize_model(graph, float_model, engine::generated_samples(graph, 1, 1));
  const std::vector<float> image = engine::evaluation_sample(graph.tensors[graph.input].shape, 1, 0);
  const std::vector<int8_t> input = engine::quantize_input(model, {image.data(), image.size()});

  const engine::FloatEngine float_engine(graph, float_model);
  engine::Int8Engine reference(model, engine::Int8Kernels::Reference);
  engine::Int8Engine fast(model, engine::Int8Kernels::Fast);
  std::vector<int8_t> reference_output(reference.output().size), fast_output(fast.output().size);
  const auto run_int8 = [&](engine::Int8Engine& engine, std::vector<int8_t>& output) {
    engine.run({input.data(), input.size()}, {output.data(), output.size()});
  };
  const Timing float_time = time_median([&] { float_engine.run({image.data(), image.size()}); }, options);
  const Timing reference_time = time_median([&] { run_int8(reference, reference_output); }, options);
  const Timing fast_time = time_median([&] { run_int8(fast, fast_output); }, options);
  return {{"preset", find_preset(name).name},
          {"target", kernels::simd::kTarget},
          {"macs", graph.macs},
          {"resolution", graph.tensors[graph.input].shape.h},
          {"float_ms", float_time.median_ms},
          {"int8_reference_ms", reference_time.median_ms},
          {"int8_fast_ms", fast_time.median_ms},
          {"best_ms", {{"float", float_time.best_ms},
                       {"int8_reference", reference_time.best_ms},
                       {"int8_fast", fast_time.best_ms}}},
          {"runs", {{"float", float_time.runs}, {"int8_reference", reference_time.runs}, {"int8_fast", fast_time.runs}}},
          {"outputs_equal", reference_output == fast_output}};
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    for (const std::string& name : options.presets) {
      if (options.per_op) {
        bench_ops(name, options);
      } else {
        std::cout << bench_preset(name, options).dump() << std::endl;
      }
    }
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "bench_inference: " << error.what() << "\n";
    return 1;
  }
}
