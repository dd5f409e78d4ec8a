// The fast-vs-reference comparisons of test_kernels_fast.cpp as a plain program, so they
// run where Catch2 does not: in wasm under Node (SIMD128 path; tests/wasm/
// fast_kernels.test.mjs). Random conv2d / depthwise / fully connected / add cases (shapes,
// strides, paddings, dilations, groups, odd channel counts, quantization, clamps) and the
// vector requantizer over the multiplier domain, then
// every preset at 32×32 and random networks through the engine with both kernel sets.
//
// Prints one JSON line: {"target", "cases", "compared_bytes", "differing_cases", "short_path_cases",
// "failures": [first few descriptions]}. Exit status 0 unless it could not run.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/calibration.hpp"
#include "core/engine/compare.hpp"
#include "core/engine/float_model.hpp"
#include "core/engine/quantize_model.hpp"
#include "core/engine/sample_inputs.hpp"
#include "core/graph/graph.hpp"
#include "core/kernels/simd128.hpp"
#include "core/spec/network_spec.hpp"
#include "core/spec/presets.hpp"
#include "tests/core/random_networks.hpp"
#include "tests/fast_kernels/fast_kernel_cases.hpp"

using namespace tinyml;
using namespace tinyml::kernels;

namespace {

struct Tally {
  int cases = 0;
  std::size_t compared_bytes = 0;
  int differing_cases = 0;
  std::vector<std::string> failures;
  int short_path_cases = 0;  // requantizer cases on the short path

  void add(const std::string& what, const test::Mismatches& result) {
    ++cases;
    compared_bytes += result.compared;
    if (result.differing == 0) return;
    ++differing_cases;
    if (failures.size() < 10) {
      failures.push_back(what + ": " + std::to_string(result.differing) + " bytes differ, first at " +
                         std::to_string(result.first));
    }
  }
};

void random_kernel_cases(Tally& tally, int count) {
  for (int seed = 0; seed < count; ++seed) {
    test::RandomData data{std::mt19937(static_cast<unsigned>(seed)), seed % 16 == 0};
    const int kernel = data.uniform(1, 7);
    const int stride = data.uniform(1, 3);
    const int dilation = kernel > 1 && data.uniform(0, 3) == 0 ? 2 : 1;
    const int padding = data.uniform(0, kernel);
    const int groups = data.uniform(0, 3) == 0 ? data.uniform(2, 3) : 1;
    const int in_channels = groups * data.uniform(1, 20);
    const int out_channels = groups * data.uniform(1, 20);
    const int extent = (kernel - 1) * dilation + 1;
    const int size = std::max(extent, data.uniform(1, 14));
    const test::CaseQuantization q = test::random_quantization(data, out_channels, data.uniform(0, 3) > 0);
    const Window2d window = test::square_window(size, in_channels, out_channels, kernel, stride, padding, dilation);
    const std::string name = "case " + std::to_string(seed);
    tally.add(name + " conv2d", test::compare_conv2d({window, groups, q.input, q.output, q.filter_scales, q.activation},
                                                     data, seed % 3 != 0));
    const test::CaseQuantization dq = test::random_quantization(data, in_channels, true);
    const Window2d depthwise = test::square_window(size, in_channels, in_channels, kernel, stride, padding, dilation);
    tally.add(name + " depthwise",
              test::compare_depthwise_conv2d({depthwise, dq.input, dq.output, dq.filter_scales, dq.activation}, data,
                                             seed % 4 != 0));
    const int depth = data.uniform(1, 300);
    const test::CaseQuantization fq = test::random_quantization(data, out_channels, seed % 2 == 0);
    tally.add(name + " fully_connected",
              test::compare_fully_connected({data.uniform(1, 3), depth, out_channels, fq.input, fq.output,
                                             fq.filter_scales, fq.activation},
                                            data, seed % 5 != 0));
    tally.add(name + " add", test::compare_add(data.uniform(1, 9), data.uniform(1, 9), in_channels, data));
    const int pool_kernel = data.uniform(1, 4);
    const int pool_padding = data.uniform(0, pool_kernel - 1);
    tally.add(name + " pool2d",
              test::compare_pool2d(test::square_window(std::max(pool_kernel, size), in_channels, in_channels,
                                                       pool_kernel, data.uniform(1, 3), pool_padding),
                                   seed % 2 == 0, data));
    tally.add(name + " mean", test::compare_mean(data.uniform(1, 2), data.uniform(1, 9), data.uniform(1, 9),
                                                 data.uniform(1, 40), data));
    const test::RequantizerCase requantizer = test::compare_requantizer(data, data.uniform(1, 20), seed % 4 != 0);
    tally.add(name + " requantizer", requantizer.result);
    tally.short_path_cases += requantizer.short_path ? 1 : 0;
  }
}

void network_cases(Tally& tally, const Graph& graph, uint64_t seed, const std::string& name) {
  const auto [reference, fast] = test::run_with_both_kernels(graph, seed);
  for (std::size_t tensor = 0; tensor < reference.size(); ++tensor) {
    tally.add(name + " tensor " + graph.tensors[tensor].name, test::count_mismatches(reference[tensor], fast[tensor]));
  }
}

}  // namespace

int main() {
  try {
    Tally tally;
    random_kernel_cases(tally, 300);
    for (const Preset& preset : presets()) {
      nlohmann::json spec = preset.spec;
      spec["input"] = {3, 32, 32};
      network_cases(tally, build_graph(parse_network(spec)), 3, preset.name);
    }
    for (unsigned seed = 0; seed < 8; ++seed) {
      network_cases(tally, build_graph(parse_network(test::random_network_spec(seed))), seed,
                    "random network " + std::to_string(seed));
    }
    std::cout << nlohmann::json{{"target", simd::kTarget},
                                {"cases", tally.cases},
                                {"compared_bytes", tally.compared_bytes},
                                {"differing_cases", tally.differing_cases},
                                {"short_path_cases", tally.short_path_cases},
                                {"failures", tally.failures}}
                     .dump()
              << std::endl;
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "fast_kernels_check: " << error.what() << "\n";
    return 1;
  }
}
