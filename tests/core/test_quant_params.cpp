// Quantization parameters: float → int8 rounding, activation clamps, calibrated ranges,
// per-channel weights and int32 biases. Expected values are worked out in the comments.
#include <catch2/catch.hpp>

#include <limits>

#include "core/error.hpp"
#include "core/quant/quant_params.hpp"
#include "core/quant/weight_quant.hpp"

using namespace tinyml;
using namespace tinyml::quant;

TEST_CASE("quantizing a float rounds half away from zero, then clamps to int8", "[quant]") {
  const QuantParams unit{1.0f, 0};
  CHECK(quantize_value(0.5f, unit) == 1);
  CHECK(quantize_value(-0.5f, unit) == -1);
  CHECK(quantize_value(1.5f, unit) == 2);
  CHECK(quantize_value(-1.5f, unit) == -2);
  CHECK(quantize_value(2.5f, unit) == 3);
  CHECK(quantize_value(0.49999997f, unit) == 0);
  CHECK(quantize_value(1000.0f, unit) == 127);
  CHECK(quantize_value(-1000.0f, unit) == -128);
  CHECK(quantize_value(std::numeric_limits<float>::infinity(), unit) == 127);
  // value / scale in float: 0.25 / 0.5 = 0.5 → 1, then + zero point.
  CHECK(quantize_value(0.25f, {0.5f, -10}) == -9);
  CHECK(quantize_value(-0.25f, {0.5f, -10}) == -11);
  CHECK(quantize_value(0.0f, {0.3f, 17}) == 17);  // real 0 is exactly the zero point
  CHECK(quantize_to_int32(1000.0f, unit) == 1000);  // the unclamped form
  CHECK(dequantize_value(-9, {0.5f, -10}) == 0.5f);
}

TEST_CASE("fused activations become clamps on the quantized output", "[quant]") {
  SECTION("none keeps the whole int8 range") {
    const ActivationRange range = activation_range(FusedActivation::None, {0.05f, 0});
    CHECK(range.min == -128);
    CHECK(range.max == 127);
  }
  SECTION("relu / relu6 / relu_n1_to_1 with scale 0.05, zero point 0: Q(6) = 120, Q(±1) = ±20") {
    CHECK(activation_range(FusedActivation::Relu, {0.05f, 0}).min == 0);
    CHECK(activation_range(FusedActivation::Relu, {0.05f, 0}).max == 127);
    CHECK(activation_range(FusedActivation::Relu6, {0.05f, 0}).max == 120);
    CHECK(activation_range(FusedActivation::ReluN1To1, {0.05f, 0}).min == -20);
    CHECK(activation_range(FusedActivation::ReluN1To1, {0.05f, 0}).max == 20);
  }
  SECTION("with a zero point the bounds move: scale 0.1, zero point 10 → relu6 [10, 70]") {
    const ActivationRange range = activation_range(FusedActivation::Relu6, {0.1f, 10});
    CHECK(range.min == 10);
    CHECK(range.max == 70);
  }
  SECTION("bounds outside int8 are cut: scale 6/255, zero point −128 → relu6 [−128, 127]") {
    const ActivationRange range = activation_range(FusedActivation::Relu6, {6.0f / 255, -128});
    CHECK(range.min == -128);
    CHECK(range.max == 127);
  }
}

TEST_CASE("a calibrated range becomes scale and zero point as TFLite chooses them", "[quant]") {
  SECTION("[0, 6]: scale 6/255, zero point from the min pair, −128") {
    CHECK(choose_activation_params(0.0f, 6.0f) == QuantParams{float(6.0 / 255), -128});
  }
  SECTION("[2, 5] is widened to [0, 5]") {
    CHECK(choose_activation_params(2.0f, 5.0f) == QuantParams{float(5.0 / 255), -128});
  }
  SECTION("[−3, −1] is widened to [−3, 0]; the max pair gives zero point 127") {
    CHECK(choose_activation_params(-3.0f, -1.0f) == QuantParams{float(3.0 / 255), 127});
  }
  SECTION("[−1, 1]: both pairs give −0.5, which rounds away from zero to −1") {
    CHECK(choose_activation_params(-1.0f, 1.0f) == QuantParams{float(2.0 / 255), -1});
  }
  SECTION("[−2, 6]: the min pair (smaller error) gives −64.25 → −64") {
    CHECK(choose_activation_params(-2.0f, 6.0f) == QuantParams{float(8.0 / 255), -64});
  }
  SECTION("an all-zero tensor gets scale 1 and zero point −128") {
    CHECK(choose_activation_params(0.0f, 0.0f) == QuantParams{1.0f, -128});
  }
  SECTION("invalid ranges are errors") {
    CHECK_THROWS_AS(choose_activation_params(1.0f, -1.0f), Error);
    CHECK_THROWS_AS(choose_activation_params(std::numeric_limits<float>::quiet_NaN(), 1.0f),
                    Error);
  }
}

TEST_CASE("invalid quantization parameters are reported with their path", "[quant]") {
  CHECK_NOTHROW(check_quant_params({0.5f, -128}, "x"));
  CHECK_THROWS_WITH(check_quant_params({0.0f, 0}, "layers[2].output"),
                    Catch::Contains("layers[2].output.scale"));
  CHECK_THROWS_WITH(check_quant_params({1.0f, 128}, "t"), Catch::Contains("t.zero_point"));
  CHECK_THROWS_AS(check_quant_params({-1.0f, 0}, "t"), Error);
}

TEST_CASE("weights are quantized symmetrically per output channel into −127…127",
          "[quant]") {
  SECTION("conv filter [O, KH, KW, I], channel axis 0") {
    // Channel 0: max |w| = 0.5 → scale 0.5/127; −0.2 / scale = −50.8 → −51.
    // Channel 1: max |w| = 3 → scale 3/127; 0.03 / scale = 1.27 → 1.
    const xt::xtensor<float, 4> weights = {{{{0.5f, -0.2f}}}, {{{-3.0f, 0.03f}}}};
    const QuantizedWeights<4> q = quantize_weights_per_channel(weights, 0);
    REQUIRE(q.scales.size() == 2);
    CHECK(q.scales[0] == float(0.5 / 127));
    CHECK(q.scales[1] == float(3.0 / 127));
    CHECK(q.values(0, 0, 0, 0) == 127);
    CHECK(q.values(0, 0, 0, 1) == -51);
    CHECK(q.values(1, 0, 0, 0) == -127);
    CHECK(q.values(1, 0, 0, 1) == 1);
  }
  SECTION("depthwise filter [1, KH, KW, C], channel axis 3") {
    const xt::xtensor<float, 4> weights = {{{{1.0f, -4.0f}, {-0.5f, 2.0f}}}};  // [1, 1, 2, 2]
    const QuantizedWeights<4> q = quantize_weights_per_channel(weights, 3);
    CHECK(q.scales == std::vector<float>{float(1.0 / 127), float(4.0 / 127)});
    CHECK(q.values(0, 0, 0, 0) == 127);
    CHECK(q.values(0, 0, 1, 0) == -64);  // −63.5 → −64, away from zero
    CHECK(q.values(0, 0, 0, 1) == -127);
    CHECK(q.values(0, 0, 1, 1) == 64);
  }
  SECTION("an all-zero channel still gets a positive scale (half range 5e-7)") {
    const xt::xtensor<float, 2> weights = {{0.0f, 0.0f}, {1.0f, -1.0f}};  // [O, K]
    const QuantizedWeights<2> q = quantize_weights_per_channel(weights, 0);
    CHECK(q.scales[0] == float(5e-7 / 127));
    CHECK(q.values(0, 0) == 0);
    CHECK(q.values(1, 1) == -127);
  }
  SECTION("bad input is an error") {
    const xt::xtensor<float, 2> weights = {{1.0f}};
    CHECK_THROWS_AS(quantize_weights_per_channel(weights, 2), Error);
    const xt::xtensor<float, 2> not_finite = {{std::numeric_limits<float>::infinity()}};
    CHECK_THROWS_AS(quantize_weights_per_channel(not_finite, 0), Error);
  }
}

TEST_CASE("biases are quantized to int32 with scale input_scale · weight_scale of the channel", "[quant]") {
  // Scales 0.5 · 0.25 = 0.125 and 0.5 · 0.125 = 0.0625, exact in binary.
  const xt::xtensor<float, 1> bias = {1.0f, -0.09375f, 1e12f, -1e12f};
  const xt::xtensor<int32_t, 1> q =
      quantize_bias(bias, 0.5f, {0.25f, 0.125f, 0.25f, 0.25f});
  CHECK(q(0) == 8);
  CHECK(q(1) == -2);  // −1.5 → −2, away from zero
  CHECK(q(2) == std::numeric_limits<int32_t>::max());
  CHECK(q(3) == -std::numeric_limits<int32_t>::max());
  SECTION("one weight scale applies to every channel") {
    const xt::xtensor<int32_t, 1> shared = quantize_bias({0.5f, -0.5f}, 0.5f, {0.5f});
    CHECK(shared(0) == 2);
    CHECK(shared(1) == -2);
  }
  SECTION("a scale count that fits neither per-tensor nor per-channel is an error") {
    CHECK_THROWS_AS(quantize_bias(bias, 0.5f, {0.25f, 0.125f}), Error);
  }
}
