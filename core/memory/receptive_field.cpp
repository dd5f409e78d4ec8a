#include "core/memory/receptive_field.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace tinyml::memory {
namespace {

std::string layer_axis_path(size_t layer_index, const char* axis) {
  return "layers[" + std::to_string(layer_index) + "]." + axis;
}

void require_tile_inside(const Tile& tile, MapSize map) {
  const bool inside = 0 <= tile.y.begin && tile.y.begin < tile.y.end &&
                      tile.y.end <= map.height && 0 <= tile.x.begin &&
                      tile.x.begin < tile.x.end && tile.x.end <= map.width;
  if (!inside) {
    throw Error("output_tile", "must be a non-empty tile inside the " +
                                   std::to_string(map.height) + "x" +
                                   std::to_string(map.width) + " output map");
  }
}

}  // namespace

bool operator==(const Range& a, const Range& b) { return a.begin == b.begin && a.end == b.end; }
bool operator==(const Tile& a, const Tile& b) { return a.y == b.y && a.x == b.x; }

int64_t output_extent(const AxisWindow& window, int64_t input_extent, const char* axis_path) {
  const std::string path(axis_path);
  if (window.kernel < 1) {
    throw Error(path + ".kernel", "must be 1 or more, got " + std::to_string(window.kernel));
  }
  if (window.stride < 1) {
    throw Error(path + ".stride", "must be 1 or more, got " + std::to_string(window.stride));
  }
  if (window.pad_begin < 0 || window.pad_end < 0) {
    throw Error(path + ".padding", "must be 0 or more, got " + std::to_string(window.pad_begin) +
                                       " and " + std::to_string(window.pad_end));
  }
  const int64_t padded_extent = input_extent + window.pad_begin + window.pad_end;
  if (padded_extent < window.kernel) {
    throw Error(path + ".kernel", "window of " + std::to_string(window.kernel) +
                                      " does not fit the padded input of " +
                                      std::to_string(padded_extent));
  }
  return (padded_extent - window.kernel) / window.stride + 1;
}

std::vector<MapSize> feature_map_sizes(const std::vector<SpatialLayer>& layers, MapSize input) {
  if (input.height < 1 || input.width < 1) {
    throw Error("input", "must be at least 1x1, got " + std::to_string(input.height) + "x" +
                             std::to_string(input.width));
  }
  std::vector<MapSize> sizes{input};
  for (size_t layer_index = 0; layer_index < layers.size(); ++layer_index) {
    const SpatialLayer& layer = layers[layer_index];
    const MapSize& in = sizes.back();
    const std::string y_path = layer_axis_path(layer_index, "y");
    const std::string x_path = layer_axis_path(layer_index, "x");
    sizes.push_back(MapSize{output_extent(layer.y, in.height, y_path.c_str()),
                            output_extent(layer.x, in.width, x_path.c_str())});
  }
  return sizes;
}

Range input_range_for_output(const AxisWindow& window, Range output, int64_t input_extent) {
  if (output.size() <= 0) return Range{0, 0};
  const int64_t first_tap = output.begin * window.stride - window.pad_begin;
  const int64_t last_tap = (output.end - 1) * window.stride - window.pad_begin + window.kernel - 1;
  const Range clipped{std::max<int64_t>(first_tap, 0), std::min(last_tap + 1, input_extent)};
  return clipped.size() > 0 ? clipped : Range{0, 0};  // the window saw only padding
}

std::vector<Tile> tiles_for_output_tile(const std::vector<SpatialLayer>& layers,
                                        MapSize input, Tile output_tile) {
  const std::vector<MapSize> sizes = feature_map_sizes(layers, input);
  require_tile_inside(output_tile, sizes.back());
  std::vector<Tile> tiles(layers.size() + 1);
  tiles[layers.size()] = output_tile;
  for (size_t layer_index = layers.size(); layer_index-- > 0;) {
    const Tile& produced = tiles[layer_index + 1];
    tiles[layer_index] = Tile{
        input_range_for_output(layers[layer_index].y, produced.y, sizes[layer_index].height),
        input_range_for_output(layers[layer_index].x, produced.x, sizes[layer_index].width)};
  }
  return tiles;
}

std::vector<Range> split_evenly(int64_t extent, int64_t parts) {
  if (parts < 1 || parts > extent) {
    throw Error("grid", "must be between 1 and " + std::to_string(extent) + ", got " +
                            std::to_string(parts));
  }
  std::vector<Range> ranges;
  for (int64_t part = 0; part < parts; ++part) {
    ranges.push_back(Range{part * extent / parts, (part + 1) * extent / parts});
  }
  return ranges;
}

PatchGridCost analyze_patch_grid(const std::vector<SpatialLayer>& layers, MapSize input,
                                 int64_t grid) {
  const std::vector<MapSize> sizes = feature_map_sizes(layers, input);
  const std::vector<Range> patch_rows = split_evenly(sizes.back().height, grid);
  const std::vector<Range> patch_cols = split_evenly(sizes.back().width, grid);

  PatchGridCost cost;
  cost.grid = grid;
  for (const MapSize& size : sizes) cost.map_area.push_back(size.height * size.width);
  cost.summed_tile_area.assign(sizes.size(), 0);
  for (const Range& patch_row : patch_rows) {
    for (const Range& patch_col : patch_cols) {
      std::vector<Tile> tiles = tiles_for_output_tile(layers, input, Tile{patch_row, patch_col});
      for (size_t map_index = 0; map_index < tiles.size(); ++map_index) {
        cost.summed_tile_area[map_index] += tiles[map_index].area();
      }
      cost.max_input_tile.height = std::max(cost.max_input_tile.height, tiles[0].y.size());
      cost.max_input_tile.width = std::max(cost.max_input_tile.width, tiles[0].x.size());
      cost.patch_tiles.push_back(std::move(tiles));
    }
  }
  return cost;
}

int64_t recomputed_area(const PatchGridCost& cost, size_t layer_index) {
  if (layer_index + 1 >= cost.map_area.size()) {
    throw Error("layer_index", "must be below " + std::to_string(cost.map_area.size() - 1) +
                                   ", got " + std::to_string(layer_index));
  }
  return cost.summed_tile_area[layer_index + 1] - cost.map_area[layer_index + 1];
}

int64_t recomputed_macs(const PatchGridCost& cost,
                        const std::vector<int64_t>& macs_per_output_pixel) {
  const size_t layer_count = cost.map_area.empty() ? 0 : cost.map_area.size() - 1;
  if (macs_per_output_pixel.size() != layer_count) {
    throw Error("macs_per_output_pixel", "must have one entry per layer (" +
                                             std::to_string(layer_count) + "), got " +
                                             std::to_string(macs_per_output_pixel.size()));
  }
  int64_t extra_macs = 0;
  for (size_t layer_index = 0; layer_index < layer_count; ++layer_index) {
    extra_macs += recomputed_area(cost, layer_index) * macs_per_output_pixel[layer_index];
  }
  return extra_macs;
}

}  // namespace tinyml::memory
