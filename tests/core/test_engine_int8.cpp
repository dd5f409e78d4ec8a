// The int8 engine: prepare once, run without allocating, the kernels' arithmetic through
// the graph, and how close it comes to the float network on the lecture's presets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/int8_engine.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/kernels/conv2d.hpp"
#include "core/memory/graph_arena.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/graph_test_helpers.hpp"

// Counts heap allocations while `g_counting` is set: a test-only replacement of the
// global operator new (the replaceable allocation functions, [new.delete]).
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  if (g_counting) ++g_allocations;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (g_counting) ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }

using namespace tinyml;
using namespace tinyml::engine;
using tinyml::test::graph_of;

namespace {

Graph preset_at(const std::string& name, int resolution) {
  nlohmann::json spec = find_preset(name).spec;
  spec["input"] = {3, resolution, resolution};
  return build_graph(parse_network(spec));
}

}  // namespace

TEST_CASE("the int8 engine allocates nothing while it runs", "[engine]") {
  const Graph graph = preset_at("MCUNet", 32);
  const Int8Model model = quantize_model(graph, init_float_model(graph, 1), generated_samples(graph, 1, 2));
  Int8Engine engine(model);
  const int8_t* arena = engine.arena_data();
  const std::size_t arena_bytes = engine.arena_bytes();
  CHECK(arena_bytes == static_cast<std::size_t>(
                           memory::plan_graph_arena(model.graph, 1, memory::KernelLibrary::Reference, 16).plan.arena_bytes));
  CHECK(reinterpret_cast<std::uintptr_t>(arena) % 16 == 0);
  const std::vector<float> image = evaluation_sample(graph.tensors[graph.input].shape, 1, 0);
  const std::vector<int8_t> input = quantize_input(model, {image.data(), image.size()});
  std::vector<int8_t> first(engine.output().size), again(engine.output().size);

  g_allocations = 0;
  g_counting = true;
  engine.run({input.data(), input.size()}, {first.data(), first.size()});
  engine.run({input.data(), input.size()}, {again.data(), again.size()});
  g_counting = false;
  CHECK(g_allocations == 0);
  CHECK(engine.arena_data() == arena);
  CHECK(engine.arena_bytes() == arena_bytes);
  CHECK(first == again);
  // The per-layer capture sees the same output as the plain run.
  CHECK(engine.run_all({input.data(), input.size()})[graph.output] == first);
}

TEST_CASE("the int8 engine runs each op through its kernel's prepare and eval", "[engine]") {
  // A single conv with TensorFlow SAME padding, stride 2 (odd pixel bottom/right),
  // against kernels::conv2d called directly with the same params.
  const Graph graph = graph_of("[3, 7, 6]", R"([{"type": "conv2d", "out": 5, "kernel": 3, "stride": 2,
                                                "padding": "same", "act": "relu6"}])");
  const Int8Model model = quantize_model(graph, init_float_model(graph, 4), generated_samples(graph, 4, 4));
  kernels::Conv2dConfig config;
  config.window.input = {1, 7, 6, 3};
  config.window.output = {1, 4, 3, 5};
  config.window.filter_height = config.window.filter_width = 3;
  config.window.stride_h = config.window.stride_w = 2;
  config.window.pad_top = graph.ops[0].padding.top;
  config.window.pad_left = graph.ops[0].padding.left;
  config.input = model.tensors[0];
  config.output = model.tensors[1];
  config.filter_scales = model.ops[0].filter_scales;
  config.activation = quant::FusedActivation::Relu6;
  const kernels::Conv2dParams params = kernels::prepare_conv2d(config);
  const std::vector<float> image = evaluation_sample(graph.tensors[0].shape, 4, 2);
  const std::vector<int8_t> input = quantize_input(model, {image.data(), image.size()});
  std::vector<int8_t> direct(4 * 3 * 5), engine_output(4 * 3 * 5);
  kernels::conv2d(params, {input.data(), input.size()}, {model.ops[0].filter.data(), model.ops[0].filter.size()},
                  {model.ops[0].bias.data(), model.ops[0].bias.size()}, {direct.data(), direct.size()});
  Int8Engine engine(model);
  engine.run({input.data(), input.size()}, {engine_output.data(), engine_output.size()});
  CHECK(engine_output == direct);
}

TEST_CASE("quantizing folds BN, keeps pool quantization and quantizes per channel", "[engine]") {
  const Graph graph = graph_of("[3, 8, 8]", R"([
    {"type": "conv2d", "out": 4, "kernel": 3, "bn": true, "act": "relu6"},
    {"type": "maxpool", "kernel": 2},
    {"type": "dwconv2d", "kernel": 3, "bias": false},
    {"type": "avgpool", "kernel": 2, "padding": 1},
    {"type": "flatten"},
    {"type": "linear", "out": 3}])");
  const Int8Model model = quantize_model(graph, init_float_model(graph, 9), generated_samples(graph, 9, 4));
  CHECK_FALSE(model.graph.ops[0].bn);
  CHECK(model.ops[0].bias.size() == 4);      // BN's shift became a bias
  CHECK(model.ops[0].filter_scales.size() == 4);
  CHECK(model.ops[2].filter_scales.size() == 4);  // depthwise: per channel along axis 3
  CHECK(model.ops[2].bias.size() == 0);
  CHECK(model.tensors[2] == model.tensors[1]);  // maxpool keeps its input's quantization
  CHECK(model.tensors[4] == model.tensors[3]);  // avgpool
  CHECK(model.tensors[5] == model.tensors[4]);  // flatten
  CHECK(model.tensors[1].zero_point == -128);   // relu6 output: range [0, max]
  for (int8_t weight : model.ops[0].filter) CHECK((weight >= -127 && weight <= 127));
}

// Agreement of int8 with float on the lecture's presets at 32×32, calibrated on 8
// generated samples (seed 1). Measured (reference kernels):
//   on the calibration samples: worst per-layer max error 3.3 steps (TinyNet, conv3),
//     5.5 steps (MCUNet, mbconv4.expand); argmax equal on 8/8;
//   on 16 held-out samples: argmax equal 16/16, top-5 overlap 5/5 on both; worst
//     per-layer mean error 0.90 steps (TinyNet fc1), 0.72 steps (MCUNet fc1). Max errors
//     reach tens of steps where a held-out input leaves the calibrated range and
//     saturates (clipping, not arithmetic error).
// Seeded (untrained) networks are nearly input-independent at the output — the float
// argmax takes 4 distinct classes over 200 inputs on TinyNet, 1 on MCUNet — so argmax
// agreement is a weak check here; the per-layer errors are the strong one.
TEST_CASE("int8 inference tracks float on TinyNet and MCUNet at 32x32", "[engine]") {
  const std::string name = GENERATE(std::string("TinyNet"), std::string("MCUNet"));
  INFO(name);
  const Graph graph = preset_at(name, 32);
  const FloatModel floats = init_float_model(graph, 1);
  const std::vector<std::vector<float>> calibration = generated_samples(graph, 1, 8);
  const Int8Model model = quantize_model(graph, floats, calibration);
  const FloatEngine float_engine(graph, floats);
  Int8Engine int8_engine(model);
  for (const std::vector<float>& sample : calibration) {
    const Comparison comparison = compare_on_input(float_engine, int8_engine, {sample.data(), sample.size()});
    CHECK(comparison.output.argmax_equal);
    for (const TensorError& error : comparison.tensors) {
      INFO(graph.tensors[error.tensor].name);
      CHECK(error.max_error_steps() <= 8.0);
    }
  }
  int argmax_agree = 0, top5_overlap = 0;
  for (int index = 0; index < 16; ++index) {
    const std::vector<float> sample = evaluation_sample(graph.tensors[graph.input].shape, 1, index);
    const Comparison comparison = compare_on_input(float_engine, int8_engine, {sample.data(), sample.size()});
    argmax_agree += comparison.output.argmax_equal ? 1 : 0;
    top5_overlap += comparison.output.top_k_overlap;
    for (const TensorError& error : comparison.tensors) {
      INFO(graph.tensors[error.tensor].name);
      CHECK(error.mean_abs_error / error.scale <= 1.5);
    }
  }
  CHECK(argmax_agree >= 15);
  CHECK(top5_overlap >= 16 * 4);
}
