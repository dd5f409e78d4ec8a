#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/data/idx.hpp"
#include "core/data/image_dataset.hpp"
#include "core/error.hpp"

using namespace tinyml;
using namespace tinyml::data;

namespace {

IdxArray parse(const std::vector<uint8_t>& bytes) { return parse_idx(bytes.data(), bytes.size(), "file"); }

std::string error_of(const std::vector<uint8_t>& bytes) {
  try {
    parse(bytes);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

// A 2×2×3 images file, written out byte by byte.
const std::vector<uint8_t> kImages = {
    0x00, 0x00, 0x08, 0x03,  // magic: unsigned bytes, 3 dimensions
    0x00, 0x00, 0x00, 0x02,  // N = 2
    0x00, 0x00, 0x00, 0x02,  // H = 2
    0x00, 0x00, 0x00, 0x03,  // W = 3
    0,   1,   2,   3,   4,   5,    // image 0
    250, 251, 252, 253, 254, 255,  // image 1
};
const std::vector<uint8_t> kLabels = {0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x02, 7, 9};

}  // namespace

TEST_CASE("an IDX file is parsed into its dimensions and bytes", "[data]") {
  const IdxArray images = parse(kImages);
  CHECK(images.dims == std::vector<uint32_t>{2, 2, 3});
  REQUIRE(images.values.size() == 12);
  CHECK(images.values[0] == 0);
  CHECK(images.values[6] == 250);
  CHECK(images.values[11] == 255);
  CHECK(write_idx(images) == kImages);
}

TEST_CASE("a big-endian dimension above 255 is read in full", "[data]") {
  std::vector<uint8_t> bytes = {0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x01, 0x02};
  bytes.resize(bytes.size() + 258, 3);
  CHECK(parse(bytes).dims == std::vector<uint32_t>{258});
}

TEST_CASE("malformed IDX files are rejected with the reason", "[data]") {
  CHECK(error_of({0x00, 0x00}) == "file: truncated: 2 bytes, an IDX header needs at least 4");
  CHECK(error_of({0x1f, 0x8b, 0x08, 0x00}) == "file: is gzip-compressed: decompress it first");
  CHECK(error_of({0x00, 0x01, 0x08, 0x01}) == "file: not an IDX file (its first two bytes must be 0)");
  CHECK(error_of({0x00, 0x00, 0x0d, 0x01, 0, 0, 0, 1, 0, 0, 0, 0}) ==
        "file: element type 0x0d is not supported (only 0x08, unsigned byte)");
  CHECK(error_of({0x00, 0x00, 0x08, 0x00}) == "file: has 0 dimensions; 1 to 4 are supported");
  CHECK(error_of({0x00, 0x00, 0x08, 0x05}) == "file: has 5 dimensions; 1 to 4 are supported");
  CHECK(error_of({0x00, 0x00, 0x08, 0x03, 0, 0, 0, 2, 0, 0}) ==
        "file: truncated: the header of 3 dimensions needs 16 bytes, the file has 10");
  CHECK(error_of({0x00, 0x00, 0x08, 0x02, 0, 0, 0, 2, 0, 0, 0, 0}) == "file: dimension 1 is 0");
}

TEST_CASE("an IDX file whose size disagrees with its header is rejected", "[data]") {
  std::vector<uint8_t> truncated(kImages.begin(), kImages.end() - 1);
  CHECK(error_of(truncated) ==
        "file: truncated: the header promises 12 elements (28 bytes in all), the file has 27 bytes");
  std::vector<uint8_t> longer = kImages;
  longer.push_back(0);
  CHECK(error_of(longer) ==
        "file: has trailing bytes: the header promises 12 elements (28 bytes in all), the file has 29 bytes");
}

TEST_CASE("a header promising more than the element limit is rejected before allocating", "[data]") {
  // 65536 × 65536 × 1 elements: 4 Gi, far above the limit; the file itself is 20 bytes.
  const std::vector<uint8_t> huge = {0x00, 0x00, 0x08, 0x03, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4};
  CHECK(error_of(huge) == "file: too large: more than 268435456 elements");
  const std::vector<uint8_t> max_dims = {0x00, 0x00, 0x08, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  CHECK(error_of(max_dims) == "file: too large: more than 268435456 elements");
}

TEST_CASE("images and labels make a dataset whose inputs are pixel over 255", "[data]") {
  const ImageDataset dataset = make_dataset(parse(kImages), parse(kLabels), 10, "images", "labels");
  CHECK(dataset.size() == 2);
  CHECK(dataset.height == 2);
  CHECK(dataset.width == 3);
  CHECK(dataset.labels == std::vector<uint8_t>{7, 9});
  const std::vector<float> second = dataset.input(1);
  REQUIRE(second.size() == 6);
  CHECK(second[0] == 250.0f / 255.0f);
  CHECK(second[5] == 1.0f);
  const ImageDataset first = first_examples(dataset, 1);
  CHECK(first.size() == 1);
  CHECK(first.pixels.size() == 6);
  CHECK(first.input(0)[5] == 5.0f / 255.0f);
}

TEST_CASE("a dataset rejects mismatched counts, ranks and labels out of range", "[data]") {
  const auto error = [](const std::vector<uint8_t>& images, const std::vector<uint8_t>& labels) -> std::string {
    try {
      make_dataset(parse(images), parse(labels), 8, "images", "labels");
    } catch (const Error& error) {
      return error.what();
    }
    return "no error";
  };
  CHECK(error(kImages, kLabels) == "labels: label 1 is 9, expected 0 to 7");
  CHECK(error(kImages, {0x00, 0x00, 0x08, 0x01, 0, 0, 0, 3, 1, 2, 3}) == "labels: has 3 labels for 2 images");
  CHECK(error(kLabels, kLabels) == "images: images must have 3 dimensions [N, H, W], got 1");
  CHECK(error(kImages, kImages) == "labels: labels must have 1 dimension [N], got 3");
}
