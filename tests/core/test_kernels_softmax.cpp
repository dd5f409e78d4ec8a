// int8 softmax: probabilities in units of 1/256 offset by −128, the cut-off below
// diff_min, and the limits prepare enforces.
#include <catch2/catch.hpp>

#include <vector>

#include "core/error.hpp"
#include "core/kernels/softmax.hpp"

using namespace tinyml;
using namespace tinyml::kernels;

namespace {

SoftmaxConfig softmax_config(int rows, int depth, float input_scale) {
  SoftmaxConfig config;
  config.rows = rows;
  config.depth = depth;
  config.input = {input_scale, 0};
  config.output = {1.0f / 256, -128};
  return config;
}

std::vector<int8_t> run_softmax(const SoftmaxConfig& config, const std::vector<int8_t>& input) {
  const SoftmaxParams params = prepare_softmax(config);
  std::vector<int8_t> output(input.size());
  softmax(params, span_of(input), span_of(output));
  return output;
}

}  // namespace

TEST_CASE("softmax outputs round(256 · p) − 128 per row", "[kernels]") {
  SECTION("softmax(1, 2, 3, 4, 5) = (0.0117, 0.0317, 0.0861, 0.2341, 0.6364)") {
    // 256 · p = 2.98, 8.11, 22.05, 59.94, 162.92 → 3, 8, 22, 60, 163.
    CHECK(run_softmax(softmax_config(1, 5, 0.1f), {10, 20, 30, 40, 50}) ==
          std::vector<int8_t>{-125, -120, -106, -68, 35});
  }
  SECTION("rows are independent; a uniform row of 4 gives 64 − 128 each") {
    CHECK(run_softmax(softmax_config(2, 4, 0.1f), {7, 7, 7, 7, -100, -100, -100, -100}) ==
          std::vector<int8_t>{-64, -64, -64, -64, -64, -64, -64, -64});
  }
  SECTION("a certain outcome saturates at 127 (256 − 128 does not fit)") {
    CHECK(run_softmax(softmax_config(1, 2, 0.1f), {127, -128}) == std::vector<int8_t>{127, -128});
  }
  SECTION("256 equal values: 1/256 → −127; 512: 1/512 = 0.5/256 rounds to 0 → −128") {
    CHECK(run_softmax(softmax_config(1, 256, 0.1f), std::vector<int8_t>(256, 3)) ==
          std::vector<int8_t>(256, -127));
    CHECK(run_softmax(softmax_config(1, 512, 0.1f), std::vector<int8_t>(512, 3)) ==
          std::vector<int8_t>(512, -128));
  }
}

TEST_CASE("softmax cuts off differences below diff_min", "[kernels]") {
  // diff_min = −floor(31 · 2^26 / 2^left_shift), with β · scale · 2^26 = m · 2^(shift − 31).
  CHECK(prepare_softmax(softmax_config(1, 3, 0.1f)).diff_min == -248);
  SECTION("scale 1: 2^26 → left shift 27 → diff_min −15") {
    const SoftmaxConfig config = softmax_config(1, 3, 1.0f);
    CHECK(prepare_softmax(config).diff_min == -15);
    // exp(−15) ≈ 3e-7 rounds to nothing; −16 is not even computed.
    CHECK(run_softmax(config, {0, -15, -16}) == std::vector<int8_t>{127, -128, -128});
  }
  SECTION("scale 64: the multiplier is capped at 2^31 − 1, only the maxima count") {
    const SoftmaxConfig config = softmax_config(1, 3, 64.0f);
    CHECK(prepare_softmax(config).diff_min == 0);
    CHECK(run_softmax(config, {5, 5, 4}) == std::vector<int8_t>{0, 0, -128});
  }
}

TEST_CASE("softmax prepare enforces TFLite's output quantization and the sum's range",
          "[kernels]") {
  SoftmaxConfig config = softmax_config(1, 4095, 0.1f);
  CHECK_NOTHROW(prepare_softmax(config));
  SECTION("depth 4096 could wrap the Q12.19 sum") {
    config.depth = 4096;
    CHECK_THROWS_WITH(prepare_softmax(config), Catch::Contains("4095"));
  }
  SECTION("output zero point") {
    config.output.zero_point = 0;
    CHECK_THROWS_WITH(prepare_softmax(config), Catch::Contains("softmax.output"));
  }
  SECTION("a scale so small that beta · scale · 2^26 ≤ 1") {
    config.input.scale = 1e-9f;
    CHECK_THROWS_AS(prepare_softmax(config), Error);
  }
}
