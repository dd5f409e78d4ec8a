#include "core/engine/sample_inputs.hpp"

#include <algorithm>
#include <cmath>

#include "core/engine/seeded_random.hpp"
#include "core/error.hpp"

namespace tinyml::engine {
namespace {

// Triangle wave of period 1 with values in [−1, 1]: 4·|t − round(t)| − 1.
double triangle(double t) { return 4.0 * std::fabs(t - std::floor(t + 0.5)) - 1.0; }

float clamp_unit(double value) { return static_cast<float>(std::clamp(value, -1.0, 1.0)); }

struct Image {
  int channels, height, width;
  std::vector<float> values;
  float& at(int y, int x, int c) { return values[(static_cast<std::size_t>(y) * width + x) * channels + c]; }
};

void gradient(Image& image, SeededRandom& random) {
  const double dx = random.uniform(-1.0, 1.0), dy = random.uniform(-1.0, 1.0);
  for (int c = 0; c < image.channels; ++c) {
    const double gain = random.uniform(0.5, 1.0), offset = random.uniform(-0.5, 0.5);
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const double u = image.width > 1 ? 2.0 * x / (image.width - 1) - 1.0 : 0.0;
        const double v = image.height > 1 ? 2.0 * y / (image.height - 1) - 1.0 : 0.0;
        image.at(y, x, c) = clamp_unit(gain * (dx * u + dy * v) + offset);
      }
    }
  }
}

void checkerboard(Image& image, SeededRandom& random) {
  const int largest = std::max(2, image.height / 4);
  const int cell = 2 + static_cast<int>(random.unit() * (largest - 1));
  for (int c = 0; c < image.channels; ++c) {
    const float dark = random.uniform(-1.0, 0.0), light = random.uniform(0.0, 1.0);
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) image.at(y, x, c) = ((y / cell + x / cell) % 2) ? light : dark;
    }
  }
}

void rings(Image& image, SeededRandom& random) {
  const double centre_y = random.unit() * image.height, centre_x = random.unit() * image.width;
  const double frequency = random.uniform(2.0, 8.0) / std::max(image.height, image.width);
  for (int c = 0; c < image.channels; ++c) {
    const double phase = random.unit();
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const double radius = std::sqrt((y - centre_y) * (y - centre_y) + (x - centre_x) * (x - centre_x));
        image.at(y, x, c) = clamp_unit(triangle(radius * frequency + phase));
      }
    }
  }
}

}  // namespace

const char* input_pattern_name(InputPattern pattern) {
  switch (pattern) {
    case InputPattern::Noise: return "noise";
    case InputPattern::Gradient: return "gradient";
    case InputPattern::Checkerboard: return "checkerboard";
    case InputPattern::Rings: return "rings";
  }
  return "?";
}

InputPattern parse_input_pattern(const std::string& name, const std::string& path) {
  for (InputPattern pattern :
       {InputPattern::Noise, InputPattern::Gradient, InputPattern::Checkerboard, InputPattern::Rings}) {
    if (name == input_pattern_name(pattern)) return pattern;
  }
  throw Error(path, "unknown pattern \"" + name + "\"; known: noise, gradient, checkerboard, rings");
}

std::vector<float> generate_input(const TensorShape& shape, InputPattern pattern, uint64_t seed) {
  Image image{shape.c, shape.flat ? 1 : shape.h, shape.flat ? 1 : shape.w, {}};
  image.values.assign(static_cast<std::size_t>(shape.elements()), 0.0f);
  SeededRandom random(seed);
  switch (pattern) {
    case InputPattern::Noise:
      for (float& value : image.values) value = random.uniform(-1.0, 1.0);
      break;
    case InputPattern::Gradient: gradient(image, random); break;
    case InputPattern::Checkerboard: checkerboard(image, random); break;
    case InputPattern::Rings: rings(image, random); break;
  }
  return std::move(image.values);
}

namespace {

constexpr InputPattern kSampleOrder[] = {InputPattern::Noise, InputPattern::Gradient, InputPattern::Checkerboard,
                                         InputPattern::Rings};

}  // namespace

std::vector<float> calibration_sample(const TensorShape& shape, uint64_t seed, int index) {
  return generate_input(shape, kSampleOrder[index % 4], stream_seed(seed, "sample" + std::to_string(index)));
}

std::vector<float> evaluation_sample(const TensorShape& shape, uint64_t seed, int index) {
  return generate_input(shape, kSampleOrder[index % 4], stream_seed(seed, "evaluation" + std::to_string(index)));
}

}  // namespace tinyml::engine
