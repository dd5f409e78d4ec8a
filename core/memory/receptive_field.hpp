// Receptive fields and patch halos for MCUNetV2's patch-based inference: the first
// stage of a network runs patch by patch over an n×n grid of its output, so each patch
// needs a tile of every earlier feature map that grows (the halo) with each k×k layer,
// and neighbouring patches recompute the pixels their tiles share.
//
// Pure functions on plain records; no graph, no channels. All coordinates are pixels of
// one feature map, rows (y) and columns (x) counted from 0 at the top-left. Ranges and
// tiles are half-open: [begin, end). Feature map 0 is the stage input, feature map i+1
// is the output of layers[i]. Only spatial size matters here: a pointwise op (1×1 conv,
// activation, add) is a layer with kernel 1, stride 1, no padding. A residual block
// can be given as its main path alone whenever that path's input region contains the
// skip's (stride 1 with "same" padding, as in MobileNetV2/MCUNet blocks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tinyml::memory {

// One axis of a sliding window (conv, depthwise conv, pool). pad_begin/pad_end are the
// zero pixels added before row/column 0 and after the last one.
// Output extent = floor((input + pad_begin + pad_end - kernel) / stride) + 1.
struct AxisWindow {
  int64_t kernel = 1;
  int64_t stride = 1;
  int64_t pad_begin = 0;
  int64_t pad_end = 0;
};

struct SpatialLayer {
  AxisWindow y;  // along rows (height)
  AxisWindow x;  // along columns (width)
};

struct MapSize {
  int64_t height = 0;
  int64_t width = 0;
};

struct Range {
  int64_t begin = 0;
  int64_t end = 0;  // exclusive
  int64_t size() const { return end - begin; }
};

struct Tile {
  Range y;
  Range x;
  int64_t area() const { return y.size() * x.size(); }
};

bool operator==(const Range& a, const Range& b);
bool operator==(const Tile& a, const Tile& b);

// Output extent of one axis, >= 1. Throws tinyml::Error (path "<axis_path>.<field>")
// if kernel or stride < 1, a padding < 0, or the output would be empty.
int64_t output_extent(const AxisWindow& window, int64_t input_extent,
                      const char* axis_path = "window");

// sizes[0] = input, sizes[i + 1] = output of layers[i]; layers.size() + 1 entries.
// Throws tinyml::Error naming "layers[i].y.kernel" etc. on an invalid layer.
std::vector<MapSize> feature_map_sizes(const std::vector<SpatialLayer>& layers, MapSize input);

// The input pixels one window layer reads to produce output pixels [output): from
// output.begin*stride - pad_begin to (output.end-1)*stride - pad_begin + kernel,
// clipped to [0, input_extent) (padding pixels are not stored). Empty ({0, 0}) when
// output is empty or its windows only cover padding.
Range input_range_for_output(const AxisWindow& window, Range output, int64_t input_extent);

// tiles[i] = the region of feature map i needed to compute output_tile of the last
// map; tiles[layers.size()] = output_tile. Throws tinyml::Error if output_tile is
// empty or not inside the last map.
std::vector<Tile> tiles_for_output_tile(const std::vector<SpatialLayer>& layers,
                                        MapSize input, Tile output_tile);

// Splits [0, extent) into `parts` consecutive ranges; range i starts at
// floor(i * extent / parts), so sizes differ by at most 1. Needs 1 <= parts <= extent.
std::vector<Range> split_evenly(int64_t extent, int64_t parts);

// A grid × grid split of the last map, each patch computed on its own.
struct PatchGridCost {
  int64_t grid = 0;
  // patch_tiles[patch][map]: patches row-major (patch = patch_row * grid + patch_col),
  // maps 0..layers.size() as in tiles_for_output_tile. patch_tiles[patch][0] is the
  // stage-input tile that patch reads.
  std::vector<std::vector<Tile>> patch_tiles;
  // map_area[map] = height * width of the whole map, in pixels.
  std::vector<int64_t> map_area;
  // summed_tile_area[map] = sum over patches of patch_tiles[patch][map].area(), pixels.
  std::vector<int64_t> summed_tile_area;
  // Largest patch_tiles[patch][0] height and width (each maximised on its own), pixels.
  MapSize max_input_tile;
};

// Throws tinyml::Error if grid < 1 or grid exceeds the last map's height or width.
PatchGridCost analyze_patch_grid(const std::vector<SpatialLayer>& layers, MapSize input,
                                 int64_t grid);

// Output pixels of layers[layer_index] computed more than once by the patches:
// summed_tile_area[layer_index + 1] - map_area[layer_index + 1]. 0 for the last layer
// and for a layer followed only by 1×1 stride-1 layers; negative if later layers skip
// some pixels (a stride larger than the kernel), which patches then never compute.
int64_t recomputed_area(const PatchGridCost& cost, size_t layer_index);

// Extra MACs the patches spend over computing every map once:
// sum over layers of recomputed_area(layer) * macs_per_output_pixel[layer]
// (for a conv, Cout * Cin/groups * kernel_h * kernel_w). Needs one entry per layer.
int64_t recomputed_macs(const PatchGridCost& cost,
                        const std::vector<int64_t>& macs_per_output_pixel);

}  // namespace tinyml::memory
