#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/memory/receptive_field.hpp"

using tinyml::memory::analyze_patch_grid;
using tinyml::memory::AxisWindow;
using tinyml::memory::MapSize;
using tinyml::memory::PatchGridCost;
using tinyml::memory::Range;
using tinyml::memory::SpatialLayer;
using tinyml::memory::Tile;

namespace {

SpatialLayer square(int64_t kernel, int64_t stride, int64_t padding) {
  const AxisWindow window{kernel, stride, padding, padding};
  return SpatialLayer{window, window};
}

Tile tile(Range y, Range x) { return Tile{y, x}; }

std::string error_path_of_grid(const std::vector<SpatialLayer>& layers, MapSize input,
                               int64_t grid) {
  try {
    analyze_patch_grid(layers, input, grid);
  } catch (const tinyml::Error& error) {
    return error.path();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Window output extents follow floor((in + pads - kernel) / stride) + 1", "[memory]") {
  using tinyml::memory::output_extent;
  REQUIRE(output_extent({3, 2, 1, 1}, 16) == 8);  // 3x3 s2 pad 1
  REQUIRE(output_extent({3, 2, 0, 1}, 16) == 8);  // TF "same": odd pad pixel at the end
  REQUIRE(output_extent({3, 1, 0, 0}, 5) == 3);   // valid
  REQUIRE(output_extent({1, 2, 0, 0}, 8) == 4);   // strided 1x1
  REQUIRE(output_extent({2, 2, 0, 0}, 7) == 3);   // pool drops the last row
  REQUIRE_THROWS_AS(output_extent({5, 1, 0, 0}, 2), tinyml::Error);
  REQUIRE_THROWS_AS(output_extent({3, 0, 1, 1}, 8), tinyml::Error);
}

TEST_CASE("One output pixel's receptive field grows through strided 3x3 layers", "[memory]") {
  // Two 3x3 stride-2 pad-1 layers: maps 16x16 -> 8x8 -> 4x4.
  const std::vector<SpatialLayer> layers{square(3, 2, 1), square(3, 2, 1)};
  SECTION("an inner pixel sees 7 input pixels per axis (3 + 2 * (3 - 1))") {
    // map 2 row 1 <- map 1 rows 1*2-1 .. 1*2-1+2 = [1, 4)
    //             <- map 0 rows 1*2-1 .. 3*2-1+2 = [1, 8)
    const auto tiles = tiles_for_output_tile(layers, {16, 16}, tile({1, 2}, {1, 2}));
    REQUIRE(tiles.size() == 3);
    REQUIRE(tiles[2] == tile({1, 2}, {1, 2}));
    REQUIRE(tiles[1] == tile({1, 4}, {1, 4}));
    REQUIRE(tiles[0] == tile({1, 8}, {1, 8}));
  }
  SECTION("a corner pixel's field is clipped where it would read padding") {
    // map 1 rows [-1, 2) -> [0, 2); map 0 rows [-1, 1*2-1+3) = [-1, 4) -> [0, 4)
    const auto tiles = tiles_for_output_tile(layers, {16, 16}, tile({0, 1}, {3, 4}));
    REQUIRE(tiles[1] == tile({0, 2}, {5, 8}));  // columns [5, 8): 3*2-1 = 5, clipped at 8
    REQUIRE(tiles[0] == tile({0, 4}, {9, 16}));  // columns [5*2-1, 7*2-1+3) = [9, 16)
  }
}

TEST_CASE("A 2x2 patch grid over two strided 3x3 layers recomputes the halo", "[memory]") {
  // 16x16 -> (3x3 s2 p1) -> 8x8 -> (3x3 s2 p1) -> 4x4; the 4x4 output split 2x2.
  // Per axis, output half [0, 2): map 1 [0*2-1, 1*2-1+3) = [-1, 4) -> [0, 4)
  //                                map 0 [-1, 3*2-1+3)    = [-1, 8) -> [0, 8)
  //           output half [2, 4): map 1 [2*2-1, 3*2-1+3) = [3, 8)
  //                                map 0 [3*2-1, 7*2-1+3) = [5, 16)
  // Summed per axis: map 0 8 + 11 = 19, map 1 4 + 5 = 9, map 2 2 + 2 = 4; squared for
  // the 2x2 grid: 361 vs 256, 81 vs 64, 16 vs 16. Map 1 rows/cols 3 are computed twice.
  const std::vector<SpatialLayer> layers{square(3, 2, 1), square(3, 2, 1)};
  const PatchGridCost cost = analyze_patch_grid(layers, {16, 16}, 2);
  REQUIRE(cost.patch_tiles.size() == 4);
  REQUIRE(cost.patch_tiles[0] ==
          std::vector<Tile>{tile({0, 8}, {0, 8}), tile({0, 4}, {0, 4}), tile({0, 2}, {0, 2})});
  REQUIRE(cost.patch_tiles[1] ==  // patch row 0, column 1
          std::vector<Tile>{tile({0, 8}, {5, 16}), tile({0, 4}, {3, 8}), tile({0, 2}, {2, 4})});
  REQUIRE(cost.patch_tiles[3] ==
          std::vector<Tile>{tile({5, 16}, {5, 16}), tile({3, 8}, {3, 8}), tile({2, 4}, {2, 4})});
  REQUIRE(cost.map_area == std::vector<int64_t>{256, 64, 16});
  REQUIRE(cost.summed_tile_area == std::vector<int64_t>{361, 81, 16});
  REQUIRE(recomputed_area(cost, 0) == 17);  // 81 - 64 pixels of map 1 computed twice
  REQUIRE(recomputed_area(cost, 1) == 0);   // the output itself is a partition
  REQUIRE(cost.max_input_tile.height == 11);
  REQUIRE(cost.max_input_tile.width == 11);
  // e.g. a 3->16 conv (16*3*9 = 432 MACs/pixel) then a 16-channel depthwise (144).
  REQUIRE(recomputed_macs(cost, {432, 144}) == 17 * 432);
}

TEST_CASE("Stride-1 3x3 layers widen the halo by one pixel per layer", "[memory]") {
  // Three 3x3 s1 p1 layers on 8x8, 2x2 grid. Per axis, output [0, 4) needs map 2 [0, 5),
  // map 1 [0, 6), map 0 [0, 7); output [4, 8) needs [3, 8), [2, 8), [1, 8).
  const std::vector<SpatialLayer> layers(3, square(3, 1, 1));
  const PatchGridCost cost = analyze_patch_grid(layers, {8, 8}, 2);
  REQUIRE(cost.summed_tile_area == std::vector<int64_t>{14 * 14, 12 * 12, 10 * 10, 8 * 8});
  REQUIRE(recomputed_area(cost, 0) == 144 - 64);
  REQUIRE(recomputed_area(cost, 1) == 100 - 64);
  REQUIRE(recomputed_area(cost, 2) == 0);
  REQUIRE(cost.max_input_tile.height == 7);
}

TEST_CASE("1x1 layers have no halo for any grid", "[memory]") {
  const int64_t grid = GENERATE(1, 2, 3, 4);
  const std::vector<SpatialLayer> layers(3, square(1, 1, 0));
  const PatchGridCost cost = analyze_patch_grid(layers, {8, 8}, grid);
  REQUIRE(cost.summed_tile_area == cost.map_area);
  for (size_t layer_index = 0; layer_index < layers.size(); ++layer_index) {
    REQUIRE(recomputed_area(cost, layer_index) == 0);
  }
  for (const std::vector<Tile>& tiles : cost.patch_tiles) {
    for (const Tile& map_tile : tiles) REQUIRE(map_tile == tiles.back());
  }
}

TEST_CASE("A strided 1x1 layer leaves pixels no patch computes", "[memory]") {
  // 3x3 s1 p1 on 8 -> 8, then 1x1 s2 -> 4. Output [0, 2) reads map 1 [0, 3); [2, 4)
  // reads [4, 7): map 1 rows 3 and 7 are never read, so 36 of 64 pixels are computed.
  const std::vector<SpatialLayer> layers{square(3, 1, 1), square(1, 2, 0)};
  const PatchGridCost cost = analyze_patch_grid(layers, {8, 8}, 2);
  REQUIRE(cost.patch_tiles[3][1] == tile({4, 7}, {4, 7}));
  REQUIRE(recomputed_area(cost, 0) == 36 - 64);
}

TEST_CASE("Patch grids split unevenly sized maps into near-equal parts", "[memory]") {
  const auto ranges = tinyml::memory::split_evenly(7, 3);
  REQUIRE(ranges.size() == 3);
  REQUIRE(ranges[0] == Range{0, 2});
  REQUIRE(ranges[1] == Range{2, 4});
  REQUIRE(ranges[2] == Range{4, 7});
}

TEST_CASE("Invalid layers, tiles and grids are rejected", "[memory]") {
  const std::vector<SpatialLayer> layers{square(3, 2, 1), square(3, 2, 1)};  // 16 -> 4
  REQUIRE(error_path_of_grid(layers, {16, 16}, 5) == "grid");
  REQUIRE(error_path_of_grid(layers, {16, 16}, 0) == "grid");
  REQUIRE(error_path_of_grid({square(3, 1, 1), square(0, 1, 0)}, {8, 8}, 1) ==
          "layers[1].y.kernel");
  REQUIRE(error_path_of_grid({square(3, 1, 1)}, {0, 8}, 1) == "input");
  REQUIRE_THROWS_AS(tiles_for_output_tile(layers, {16, 16}, tile({3, 5}, {0, 1})),
                    tinyml::Error);
  REQUIRE_THROWS_AS(tiles_for_output_tile(layers, {16, 16}, tile({1, 1}, {0, 1})),
                    tinyml::Error);
}

TEST_CASE("With no layers the needed region is the output tile itself", "[memory]") {
  const auto tiles = tiles_for_output_tile({}, {5, 6}, tile({1, 3}, {2, 6}));
  REQUIRE(tiles == std::vector<Tile>{tile({1, 3}, {2, 6})});
}
