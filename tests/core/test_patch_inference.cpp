#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/graph/graph.hpp"
#include "core/memory/inplace_depthwise.hpp"
#include "core/memory/patch_inference.hpp"
#include "core/memory/patch_search.hpp"
#include "core/memory/peak_estimators.hpp"
#include "core/memory/receptive_field.hpp"
#include "core/spec/presets.hpp"
#include "graph_test_helpers.hpp"
#include "random_networks.hpp"

using namespace tinyml;
using namespace tinyml::memory;
using tinyml::test::graph_of;

namespace {

// The stage as receptive_field.hpp's chain (an add is a 1×1 layer on its main path) and
// each layer's MACs per output pixel.
std::vector<SpatialLayer> stage_chain(const Graph& graph, int split_op, std::vector<int64_t>& macs_per_pixel) {
  std::vector<SpatialLayer> layers;
  for (int op_index = 0; op_index < split_op; ++op_index) {
    const Op& op = graph.ops[op_index];
    const TensorShape& out = graph.tensors[op.output].shape;
    layers.push_back(SpatialLayer{AxisWindow{op.kernel.h, op.stride.h, op.padding.top, op.padding.bottom},
                                  AxisWindow{op.kernel.w, op.stride.w, op.padding.left, op.padding.right}});
    if (op.kind == OpKind::Add) layers.back() = SpatialLayer{};
    macs_per_pixel.push_back(op.macs / (int64_t{out.h} * out.w));
  }
  return layers;
}

}  // namespace

TEST_CASE("two strided 3x3 convs on a 2x2 grid: tiles, peak and recomputed halo", "[memory]") {
  // input 1×16×16 → conv1 3×3 s2 p1 → 2×8×8 → conv2 3×3 s2 p1 → 4×4×4 (the stage output O, 64 B).
  // Per axis (as in test_receptive_field): O half [0, 2) needs conv1 [0, 4) and input [0, 8);
  // O half [2, 4) needs conv1 [3, 8) and input [5, 16). Tiles of patch (1, 1): input 11×11, conv1 5×5.
  const Graph graph = graph_of("[1, 16, 16]", R"([{"type": "conv2d", "out": 2, "kernel": 3, "stride": 2},
                                                   {"type": "conv2d", "out": 4, "kernel": 3, "stride": 2}])");
  const PatchPlanner planner(graph, 1);
  REQUIRE(planner.valid_splits().size() == 2);
  CHECK(planner.valid_splits()[1].split_op == 2);
  CHECK(planner.valid_splits()[1].max_grid == 4);

  const PatchSchedule schedule = planner.evaluate(2, 2);
  CHECK(schedule.stage_output_bytes == 64);
  // While conv1 runs for patch (1, 1): O 64 + input tile 1·11·11 + conv1 tile 2·5·5 = 64 + 121 + 50 = 235 B
  // (patch (0, 0): 64 + 64 + 32 = 160; patches (0, 1), (1, 0): 64 + 88 + 40 = 192; conv2: 64 + 50 = 114).
  CHECK(schedule.stage_peak_bytes == 235);
  CHECK(schedule.stage_peak_op == 0);
  CHECK(schedule.stage_peak_patch == 3);
  CHECK(schedule.rest_peak_bytes == 0);  // the stage is the whole network
  CHECK(schedule.rest_peak_op == -1);
  CHECK(schedule.peak_bytes == 235);
  CHECK(live_peak(graph, 1).bytes == 384);  // layer by layer: conv1 256 + 128
  // conv1's tiles sum to (4 + 5)·(4 + 5) = 81 of its 64 pixels: 17 pixels twice, at 2·1·9 = 18 MACs each.
  // conv2's output tiles are the partition of O: no recompute.
  CHECK(schedule.extra_macs == 17 * 18);
  CHECK(graph.macs == 64 * 18 + 16 * 72);
  CHECK(extra_macs_ratio(graph, schedule.extra_macs) == Approx(306.0 / 2304.0));
}

TEST_CASE("a residual block inside the stage keeps the bounding box of its input's tiles", "[memory]") {
  // input 2×8×8 → mbconv (expand 2): expand 1×1 → 4×8×8, dw 3×3 s1 p1, project 1×1 → 2×8×8, add (O, 128 B).
  // Per axis, O half [0, 4): add needs project and input [0, 4); dw needs expand [0, 5); expand needs
  // input [0, 5) — the bounding box with the add's [0, 4) is [0, 5). Half [4, 8) mirrors it: [3, 8).
  // Every patch: input 5×5, expand 5×5, dw 4×4, project 4×4.
  const Graph graph = graph_of("[2, 8, 8]", R"([{"type": "mbconv", "out": 2, "expand": 2}])");
  const PatchPlanner planner(graph, 1);
  REQUIRE(planner.valid_splits().size() == 1);  // only after the add: inside, the block input is still needed
  CHECK(planner.valid_splits()[0].split_op == 4);
  CHECK_THROWS_AS(planner.evaluate(2, 2), Error);

  const PatchSchedule schedule = planner.evaluate(4, 2);
  // expand: O 128 + input 2·25 + expand 4·25 = 278; dw: 128 + 50 + 100 + dw 4·16 = 342;
  // project: 128 + 50 + 64 + 2·16 = 274; add: 128 + 50 + 32 = 210.
  CHECK(schedule.stage_peak_bytes == 342);
  CHECK(graph.ops[schedule.stage_peak_op].name == "mbconv1.dw");
  CHECK(schedule.peak_bytes == 342);
  CHECK(live_peak(graph, 1).bytes == 640);  // dw: input 128 + expand 256 + dw 256
  // Only the expand conv recomputes: (5 + 5)² = 100 tiles pixels over 64, 36 extra at 4·2 = 8 MACs.
  CHECK(schedule.extra_macs == 36 * 8);

  // With in-place depthwise, dw holds max(expand tile 100, dw tile 64) + (5+2)·(5+2) = 149
  // instead of 164: 128 + 50 + 149 = 327.
  const PatchPlanner inplace(graph, 1, PatchOptions{true});
  CHECK(inplace.evaluate(4, 2).stage_peak_bytes == 327);
}

TEST_CASE("splits stop at the first non-spatial op, and a network without one keeps live", "[memory]") {
  const Graph graph = graph_of("[3, 8, 8]", R"([{"type": "conv2d", "out": 4, "kernel": 3},
                                                 {"type": "global_avgpool"}, {"type": "linear", "out": 10}])");
  const PatchPlanner planner(graph, 1);
  REQUIRE(planner.valid_splits().size() == 1);
  // Split after conv1 (O 4×8×8 = 256 B): the rest is gap1 (256 + 4) and fc1 (4 + 10).
  const PatchSchedule schedule = planner.evaluate(1, 2);
  CHECK(schedule.rest_peak_bytes == 260);
  CHECK(graph.ops[schedule.rest_peak_op].name == "gap1");
  CHECK_THROWS_AS(planner.evaluate(2, 1), Error);  // gap1 is not spatial
  CHECK_THROWS_AS(planner.evaluate(1, 9), Error);  // grid larger than 8×8

  const Graph flat = graph_of("[3, 8, 8]", R"([{"type": "flatten"}, {"type": "linear", "out": 10}])");
  const PatchPlanner no_split(flat, 1);
  CHECK(no_split.valid_splits().empty());
  const PatchSearch search = search_patch_schedules(no_split);
  CHECK(search.best.split_op == 0);
  CHECK(search.best.peak_bytes == live_peak(flat, 1).bytes);
  CHECK(search.tradeoff.size() == 1);
}

TEST_CASE("extra MACs agree with receptive_field's recomputed_macs on MobileNetV2's first blocks", "[memory]") {
  const Graph graph = build_graph(parse_network(find_preset("MobileNetV2").spec));
  const PatchPlanner planner(graph, 1);
  const int split_op = 13;  // conv1 and mbconv1-4: the stage ends at mbconv4.project, 32×28×28
  REQUIRE(graph.ops[split_op - 1].name == "mbconv4.project");
  std::vector<int64_t> macs_per_pixel;
  const std::vector<SpatialLayer> layers = stage_chain(graph, split_op, macs_per_pixel);
  for (int grid = 2; grid <= 8; ++grid) {
    INFO("grid " << grid);
    const PatchGridCost cost = analyze_patch_grid(layers, MapSize{224, 224}, grid);
    CHECK(planner.evaluate(split_op, grid).extra_macs == recomputed_macs(cost, macs_per_pixel));
  }
}

TEST_CASE("the patch search never does worse than layer by layer", "[memory]") {
  for (unsigned seed = 1; seed <= 100; ++seed) {
    const nlohmann::json spec = test::random_network_spec(seed);
    INFO(spec.dump());
    const Graph graph = build_graph(parse_network(spec));
    const PatchPlanner planner(graph, 1);
    const PatchSearch search = search_patch_schedules(planner);
    CHECK(search.best.peak_bytes <= live_peak(graph, 1).bytes);
    CHECK(extra_macs_ratio(graph, search.best.extra_macs) <= kDefaultMaxExtraMacsRatio);
    REQUIRE_FALSE(search.tradeoff.empty());
    CHECK(search.tradeoff.front().extra_macs <= 0);  // the no-patch schedule or one that beats it for free
    for (std::size_t point = 1; point < search.tradeoff.size(); ++point) {
      CHECK(search.tradeoff[point].extra_macs >= search.tradeoff[point - 1].extra_macs);
      CHECK(search.tradeoff[point].peak_bytes < search.tradeoff[point - 1].peak_bytes);
    }
    for (const PatchSplit& split : planner.valid_splits()) {
      const PatchSchedule schedule = planner.evaluate(split.split_op, 2);
      CHECK(schedule.stage_peak_bytes > schedule.stage_output_bytes);
      CHECK(schedule.peak_bytes >= planner.peak_lower_bound(split.split_op));
    }
  }
}

TEST_CASE("MobileNetV2 at 224, int8: live, in-place, patch-based (numbers for the MCUNetV2 comparison)",
          "[memory][mobilenetv2]") {
  const Graph graph = build_graph(parse_network(find_preset("MobileNetV2").spec));
  // live peak at mbconv2.dw: its input 96×112×112 = 1204224 B + its output 96×56×56 = 301056 B.
  const PeakEstimate live = live_peak(graph, 1);
  CHECK(live.bytes == 1505280);
  // In place, that dw needs 1204224 + 114·114; the peak moves to mbconv2.expand: 16×112×112 + 96×112×112
  // = 1404928 B = 1372 KB, MCUNetV2 Fig. 1's per-layer peak for MobileNetV2.
  CHECK(inplace_depthwise_peak(graph, 1).bytes == 1404928);

  const PatchSearch search = search_patch_schedules(PatchPlanner(graph, 1));
  CHECK(search.best.split_op == 13);  // after mbconv4 ("the first 5 blocks")
  CHECK(search.best.grid == 3);
  // The rest dominates: mbconv5.dw holds the residual input 32×28×28 = 25088, the expand output
  // 192×28×28 = 150528 and the dw output 150528: 326144 B.
  CHECK(search.best.peak_bytes == 326144);

  // The paper's setting (4×4 patches after the first 5 blocks) with in-place depthwise convs too.
  const PatchPlanner inplace(graph, 1, PatchOptions{true});
  const PatchSchedule paper = inplace.evaluate(13, 4);
  // mbconv5.project: residual 25088 + dw output 150528 + projection 25088 = 200704 B = 196 KB.
  CHECK(paper.peak_bytes == 200704);
  CHECK(paper.extra_macs == 27919344);  // +9.28 %
  WARN("MobileNetV2 224 int8: live " << live.bytes / 1024.0 << " KB, inplace_depthwise "
       << inplace_depthwise_peak(graph, 1).bytes / 1024.0 << " KB, patch " << search.best.peak_bytes / 1024.0
       << " KB (split " << search.best.split_op << ", " << search.best.grid << "x" << search.best.grid << ", +"
       << 100 * extra_macs_ratio(graph, search.best.extra_macs) << "% MACs); patch + in-place at 4x4: "
       << paper.peak_bytes / 1024.0 << " KB (stage " << paper.stage_peak_bytes / 1024.0 << " KB, +"
       << 100 * extra_macs_ratio(graph, paper.extra_macs) << "% MACs)");
}

TEST_CASE("best_patch_schedule finds the full search's best, live and in place", "[memory]") {
  const auto same = [](const PatchSchedule& a, const PatchSchedule& b) {
    return a.split_op == b.split_op && a.grid == b.grid && a.peak_bytes == b.peak_bytes &&
           a.extra_macs == b.extra_macs && a.stage_peak_op == b.stage_peak_op;
  };
  std::vector<Graph> graphs;
  for (const char* name : {"MobileNetV2", "MCUNet", "TinyNet"}) graphs.push_back(build_graph(parse_network(find_preset(name).spec)));
  for (unsigned seed = 1; seed <= 60; ++seed) graphs.push_back(build_graph(parse_network(test::random_network_spec(seed))));
  int patched = 0;
  for (const Graph& graph : graphs) {
    for (const bool in_place : {false, true}) {
      INFO(graph.name << (in_place ? " in place" : " live"));
      const PatchPlanner planner(graph, 1, PatchOptions{in_place});
      for (const double ratio : {0.0, 0.1, 1.0}) {
        const PatchSchedule best = best_patch_schedule(planner, ratio);
        CHECK(same(best, search_patch_schedules(planner, ratio).best));
        patched += best.split_op > 0 ? 1 : 0;
      }
    }
  }
  CHECK(patched > 20);  // the comparison covers schedules with a patch stage, not only layer by layer
}

TEST_CASE("a patch schedule of a W x H network mirrors the H x W one", "[memory]") {
  // Column tiles are computed from the columns' own windows and extents; only a stage of
  // square maps and windows may reuse the row tiles. Mirroring the network swaps rows and
  // columns, so the peak and the extra MACs must not change.
  const auto network = [](int height, int width) {
    return nlohmann::json{{"input", {3, height, width}},
                          {"layers",
                           {{{"type", "conv2d"}, {"out", 8}, {"kernel", 3}, {"stride", 2}},
                            {{"type", "dwconv2d"}, {"kernel", 3}, {"stride", 1}},
                            {{"type", "conv2d"}, {"out", 16}, {"kernel", 1}, {"stride", 1}},
                            {{"type", "dwconv2d"}, {"kernel", 5}, {"stride", 2}},
                            {{"type", "global_avgpool"}},
                            {{"type", "linear"}, {"out", 10}}}}};
  };
  const Graph tall = build_graph(parse_network(network(64, 40)));
  const Graph wide = build_graph(parse_network(network(40, 64)));
  const PatchPlanner tall_planner(tall, 1);
  const PatchPlanner wide_planner(wide, 1);
  int compared = 0;
  for (const PatchSplit& split : tall_planner.valid_splits()) {
    for (int grid = 2; grid <= std::min(4, split.max_grid); ++grid) {
      const PatchSchedule a = tall_planner.evaluate(split.split_op, grid);
      const PatchSchedule b = wide_planner.evaluate(split.split_op, grid);
      INFO("split " << split.split_op << " grid " << grid);
      CHECK(a.peak_bytes == b.peak_bytes);
      CHECK(a.stage_peak_bytes == b.stage_peak_bytes);
      CHECK(a.extra_macs == b.extra_macs);
      ++compared;
    }
  }
  CHECK(compared >= 6);
}
