// Images → network inputs: box-filter resizing, channel conversion, the [−1, 1] mapping,
// and errors for malformed pixels.
#include <catch2/catch.hpp>

#include <vector>

#include "core/engine/image_input.hpp"
#include "core/error.hpp"

using tinyml::TensorShape;
using tinyml::engine::ImagePixels;
using tinyml::engine::image_to_input;

TEST_CASE("a 4x4 grey image shrinks to 2x2 by averaging 2x2 blocks", "[image]") {
  // [H, W] grey values; each 2×2 block averages to 0, 127.5, 255 and 63.75.
  const std::vector<float> grey = {
      0,   0,   100, 155,
      0,   0,   155, 100,
      255, 255, 0,   255,
      255, 255, 0,   0,
  };
  const ImagePixels image{4, 4, 1, {grey.data(), grey.size()}};
  const std::vector<float> input = image_to_input(image, TensorShape{1, 2, 2});
  REQUIRE(input == std::vector<float>{-1.0f, 0.0f, 1.0f, -0.5f});
}

TEST_CASE("an RGBA pixel keeps R, G and B for a 3-channel network and drops alpha", "[image]") {
  const std::vector<float> rgba = {255, 0, 127.5f, 9};
  const ImagePixels image{1, 1, 4, {rgba.data(), rgba.size()}};
  REQUIRE(image_to_input(image, TensorShape{3, 1, 1}) == std::vector<float>{1.0f, -1.0f, 0.0f});
  // Grey for a 1-channel network: the mean of R, G and B.
  REQUIRE(image_to_input(image, TensorShape{1, 1, 1}) == std::vector<float>{0.0f});
}

TEST_CASE("enlarging repeats the nearest source pixel", "[image]") {
  const std::vector<float> grey = {0, 255};  // 2 wide, 1 high
  const ImagePixels image{2, 1, 1, {grey.data(), grey.size()}};
  REQUIRE(image_to_input(image, TensorShape{1, 1, 4}) == std::vector<float>{-1, -1, 1, 1});
}

TEST_CASE("malformed pixels and unsuitable networks are errors naming the field", "[image]") {
  const std::vector<float> grey = {0, 255, 3};
  const auto error_of = [&](ImagePixels image, TensorShape shape) {
    try {
      image_to_input(image, shape);
    } catch (const tinyml::Error& error) {
      return error.path() + ": " + error.reason();
    }
    return std::string("no error");
  };
  REQUIRE(error_of({2, 1, 1, {grey.data(), grey.size()}}, {1, 2, 2}) ==
          "pixels.data: must hold width × height × channels = 2 values, got 3");
  REQUIRE(error_of({3, 1, 2, {grey.data(), grey.size()}}, {1, 2, 2}) ==
          "pixels.channels: must be 1 (grey), 3 (RGB) or 4 (RGBA), got 2");
  REQUIRE(error_of({0, 1, 1, {grey.data(), 0}}, {1, 2, 2}).rfind("pixels: width × height must be", 0) == 0);
  const std::vector<float> bad = {0, 256, 3};
  REQUIRE(error_of({3, 1, 1, {bad.data(), bad.size()}}, {1, 2, 2}) == "pixels.data[1]: must be in [0, 255], got 256.000000");
  REQUIRE(error_of({3, 1, 1, {grey.data(), grey.size()}}, {16, 2, 2}) ==
          "input: an image gives 1 (grey) or 3 (RGB) channels; the network takes 16 channels");
}
