// Gradient checks: every layer's backward pass against central finite differences of
// its forward pass, in double (h = 1e-5, so the difference quotient is exact to ~1e-9),
// for L = Σ r · f(x) with random upstream gradients r; then whole networks holding
// every op kind, through the softmax cross-entropy loss.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "core/engine/seeded_random.hpp"
#include "core/graph/graph.hpp"
#include "core/spec/network_spec.hpp"
#include "core/train/layer_gradients.hpp"
#include "core/train/training_network.hpp"

using namespace tinyml;
using namespace tinyml::train;

namespace {

using Vector = std::vector<double>;

Vector random_vector(std::size_t size, uint64_t seed, double lo = -1.0, double hi = 1.0) {
  engine::SeededRandom random(seed);
  Vector values(size);
  for (double& value : values) value = lo + (hi - lo) * random.unit();
  return values;
}

double dot(const Vector& a, const Vector& b) {
  double sum = 0.0;
  for (std::size_t index = 0; index < a.size(); ++index) sum += a[index] * b[index];
  return sum;
}

constexpr double kStep = 1e-5;

// Compares `analytic` with the central difference of `loss` in each element of `values`.
void check_against_differences(const std::string& name, Vector& values, const Vector& analytic,
                               const std::function<double()>& loss) {
  REQUIRE(analytic.size() == values.size());
  for (std::size_t index = 0; index < values.size(); ++index) {
    const double saved = values[index];
    values[index] = saved + kStep;
    const double plus = loss();
    values[index] = saved - kStep;
    const double minus = loss();
    values[index] = saved;
    const double numeric = (plus - minus) / (2 * kStep);
    INFO(name << "[" << index << "]: analytic " << analytic[index] << ", numeric " << numeric);
    CHECK(analytic[index] == Approx(numeric).margin(1e-7).epsilon(1e-6));
  }
}

Window2d window(int height, int width, int in_channels, int out_height, int out_width, int out_channels, int kernel,
                int stride, int pad) {
  Window2d result;
  result.input = {1, height, width, in_channels};
  result.output = {1, out_height, out_width, out_channels};
  result.filter_height = result.filter_width = kernel;
  result.stride_h = result.stride_w = stride;
  result.pad_top = result.pad_left = pad;
  return result;
}

int out_size(int in, int kernel, int stride, int pad) { return (in + 2 * pad - kernel) / stride + 1; }

}  // namespace

TEST_CASE("conv2d gradients match finite differences", "[train]") {
  struct Case {
    int kernel, stride, pad, groups;
  };
  const Case config = GENERATE(Case{3, 1, 1, 1}, Case{3, 2, 1, 1}, Case{1, 1, 0, 1}, Case{3, 1, 1, 2}, Case{2, 2, 0, 1},
                               Case{1, 2, 0, 2});
  INFO("kernel " << config.kernel << " stride " << config.stride << " pad " << config.pad << " groups "
                 << config.groups);
  const int batch = 2, height = 5, width = 4, in_channels = 4, out_channels = 6;
  const Window2d geometry =
      window(height, width, in_channels, out_size(height, config.kernel, config.stride, config.pad),
             out_size(width, config.kernel, config.stride, config.pad), out_channels, config.kernel, config.stride,
             config.pad);
  Vector input = random_vector(batch * geometry.input.size(), 1);
  Vector filter = random_vector(out_channels * config.kernel * config.kernel * in_channels / config.groups, 2);
  Vector bias = random_vector(out_channels, 3);
  const Vector upstream = random_vector(batch * geometry.output.size(), 4);
  const auto loss = [&] {
    Vector output(upstream.size());
    conv_forward(geometry, config.groups, batch, input.data(), filter.data(), bias.data(), output.data());
    return dot(output, upstream);
  };
  Vector d_input(input.size()), d_filter(filter.size()), d_bias(bias.size());
  conv_backward(geometry, config.groups, batch, input.data(), filter.data(), upstream.data(), d_input.data(),
                d_filter.data(), d_bias.data());
  check_against_differences("input", input, d_input, loss);
  check_against_differences("filter", filter, d_filter, loss);
  check_against_differences("bias", bias, d_bias, loss);
}

TEST_CASE("linear gradients match finite differences", "[train]") {
  const int batch = 3, depth = 7, outputs = 4;
  const Window2d geometry = window(1, 1, depth, 1, 1, outputs, 1, 1, 0);
  Vector input = random_vector(batch * depth, 5);
  Vector filter = random_vector(outputs * depth, 6);
  Vector bias = random_vector(outputs, 7);
  const Vector upstream = random_vector(batch * outputs, 8);
  const auto loss = [&] {
    Vector output(upstream.size());
    conv_forward(geometry, 1, batch, input.data(), filter.data(), bias.data(), output.data());
    return dot(output, upstream);
  };
  Vector d_input(input.size()), d_filter(filter.size()), d_bias(bias.size());
  conv_backward(geometry, 1, batch, input.data(), filter.data(), upstream.data(), d_input.data(), d_filter.data(),
                d_bias.data());
  check_against_differences("input", input, d_input, loss);
  check_against_differences("filter", filter, d_filter, loss);
  check_against_differences("bias", bias, d_bias, loss);
}

TEST_CASE("depthwise conv2d gradients match finite differences", "[train]") {
  const int stride = GENERATE(1, 2);
  const int batch = 2, height = 5, width = 6, channels = 3;
  const Window2d geometry = window(height, width, channels, out_size(height, 3, stride, 1), out_size(width, 3, stride, 1),
                                   channels, 3, stride, 1);
  Vector input = random_vector(batch * geometry.input.size(), 9);
  Vector filter = random_vector(9 * channels, 10);
  Vector bias = random_vector(channels, 11);
  const Vector upstream = random_vector(batch * geometry.output.size(), 12);
  const auto loss = [&] {
    Vector output(upstream.size());
    depthwise_forward(geometry, batch, input.data(), filter.data(), bias.data(), output.data());
    return dot(output, upstream);
  };
  Vector d_input(input.size()), d_filter(filter.size()), d_bias(bias.size());
  depthwise_backward(geometry, batch, input.data(), filter.data(), upstream.data(), d_input.data(), d_filter.data(),
                     d_bias.data());
  check_against_differences("input", input, d_input, loss);
  check_against_differences("filter", filter, d_filter, loss);
  check_against_differences("bias", bias, d_bias, loss);
}

TEST_CASE("batch norm in training mode has gradients that match finite differences", "[train]") {
  const int rows = 6, channels = 3;
  Vector input = random_vector(rows * channels, 13, -2.0, 3.0);
  Vector gamma = random_vector(channels, 14, 0.5, 1.5);
  Vector beta = random_vector(channels, 15);
  const Vector upstream = random_vector(rows * channels, 16);
  const auto loss = [&] {
    Vector values = input;
    BatchNormSaved<double> saved;
    batch_norm_train_forward(rows, channels, gamma.data(), beta.data(), 1e-5, values.data(), saved);
    return dot(values, upstream);
  };
  Vector values = input;
  BatchNormSaved<double> saved;
  batch_norm_train_forward(rows, channels, gamma.data(), beta.data(), 1e-5, values.data(), saved);
  // The batch statistics: the normalized values of each channel have mean 0.
  for (int channel = 0; channel < channels; ++channel) {
    double sum = 0.0;
    for (int row = 0; row < rows; ++row) sum += saved.normalized[row * channels + channel];
    CHECK(sum == Approx(0.0).margin(1e-12));
  }
  Vector d_values = upstream, d_gamma(channels), d_beta(channels);
  batch_norm_train_backward(rows, channels, gamma.data(), saved, d_values.data(), d_gamma.data(), d_beta.data());
  check_against_differences("input", input, d_values, loss);
  check_against_differences("gamma", gamma, d_gamma, loss);
  check_against_differences("beta", beta, d_beta, loss);
}

TEST_CASE("ReLU and ReLU6 gradients match finite differences away from their kinks", "[train]") {
  const Activation act = GENERATE(Activation::Relu, Activation::Relu6);
  // Values on both sides of 0 and 6, none within 0.05 of a kink.
  Vector input = {-1.5, -0.3, 0.2, 0.9, 2.5, 5.5, 5.9, 6.1, 7.0, 12.0, -4.0, 3.0};
  const Vector upstream = random_vector(input.size(), 17);
  const auto loss = [&] {
    Vector values = input;
    activation_forward(act, values.size(), values.data());
    return dot(values, upstream);
  };
  Vector output = input;
  activation_forward(act, output.size(), output.data());
  Vector d_values = upstream;
  activation_backward(act, d_values.size(), output.data(), d_values.data());
  check_against_differences("input", input, d_values, loss);
}

TEST_CASE("pool gradients match finite differences", "[train]") {
  struct Case {
    bool max;
    int kernel, stride, pad;
  };
  const Case config = GENERATE(Case{false, 2, 2, 0}, Case{false, 3, 2, 1}, Case{true, 2, 2, 0}, Case{true, 3, 2, 1},
                               Case{true, 3, 1, 1});
  INFO((config.max ? "max" : "average") << " kernel " << config.kernel << " stride " << config.stride << " pad "
                                        << config.pad);
  const int batch = 2, height = 5, width = 6, channels = 2;
  const Window2d geometry =
      window(height, width, channels, out_size(height, config.kernel, config.stride, config.pad),
             out_size(width, config.kernel, config.stride, config.pad), channels, config.kernel, config.stride,
             config.pad);
  Vector input = random_vector(batch * geometry.input.size(), 18);  // distinct values: no ties
  const Vector upstream = random_vector(batch * geometry.output.size(), 19);
  const auto forward = [&](const Vector& values) {
    Vector output(upstream.size());
    if (config.max) {
      max_pool_forward(geometry, batch, values.data(), output.data());
    } else {
      average_pool_forward(geometry, batch, values.data(), output.data());
    }
    return output;
  };
  const auto loss = [&] { return dot(forward(input), upstream); };
  Vector d_input(input.size());
  if (config.max) {
    max_pool_backward(geometry, batch, input.data(), upstream.data(), d_input.data());
  } else {
    average_pool_backward(geometry, batch, upstream.data(), d_input.data());
  }
  check_against_differences("input", input, d_input, loss);
}

TEST_CASE("global average pool gradients match finite differences", "[train]") {
  const int batch = 2, pixels = 6, channels = 3;
  Vector input = random_vector(batch * pixels * channels, 20);
  const Vector upstream = random_vector(batch * channels, 21);
  const auto loss = [&] {
    Vector output(upstream.size());
    global_average_pool_forward(batch, pixels, channels, input.data(), output.data());
    return dot(output, upstream);
  };
  Vector d_input(input.size());
  global_average_pool_backward(batch, pixels, channels, upstream.data(), d_input.data());
  check_against_differences("input", input, d_input, loss);
}

TEST_CASE("softmax cross-entropy gradients match finite differences", "[train]") {
  const int batch = 3, classes = 5;
  Vector logits = random_vector(batch * classes, 22, -3.0, 3.0);
  const std::vector<unsigned char> labels = {4, 0, 2};
  Vector d_logits(logits.size());
  int correct = 0;
  const double mean_loss =
      softmax_cross_entropy(batch, classes, logits.data(), labels.data(), d_logits.data(), &correct);
  CHECK(mean_loss > 0.0);
  const auto loss = [&] {
    Vector scratch(logits.size());
    return softmax_cross_entropy(batch, classes, logits.data(), labels.data(), scratch.data(), nullptr);
  };
  check_against_differences("logits", logits, d_logits, loss);
}

TEST_CASE("softmax cross-entropy of uniform logits is log of the class count", "[train]") {
  const std::vector<double> logits(2 * 10, 0.25);
  const std::vector<unsigned char> labels = {3, 7};
  std::vector<double> d_logits(logits.size());
  int correct = 0;
  CHECK(softmax_cross_entropy(2, 10, logits.data(), labels.data(), d_logits.data(), &correct) ==
        Approx(std::log(10.0)));
  CHECK(correct == 0);  // ties go to class 0
  CHECK(d_logits[3] == Approx((0.1 - 1.0) / 2));
  CHECK(d_logits[0] == Approx(0.1 / 2));
}
