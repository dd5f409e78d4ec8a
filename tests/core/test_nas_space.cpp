// NAS search spaces: the RNG, the two spaces' networks, sampling, mutation, crossover.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "core/graph/graph.hpp"
#include "core/nas/search_space.hpp"
#include "core/nas/seeded_rng.hpp"
#include "core/spec/presets.hpp"
#include "core/spec/spec_json.hpp"

using namespace tinyml;
using namespace tinyml::nas;

namespace {

// Every LayerSpec field that shapes the network.
bool same_network(const NetworkSpec& a, const NetworkSpec& b) {
  if (a.in_channels != b.in_channels || a.in_height != b.in_height || a.in_width != b.in_width) return false;
  if (a.layers.size() != b.layers.size()) return false;
  for (std::size_t index = 0; index < a.layers.size(); ++index) {
    const LayerSpec& x = a.layers[index];
    const LayerSpec& y = b.layers[index];
    if (x.kind != y.kind || x.out != y.out || !(x.kernel == y.kernel) || !(x.stride == y.stride) ||
        x.padding.mode != y.padding.mode || !(x.padding.amount == y.padding.amount) || x.groups != y.groups ||
        x.bias != y.bias || x.bn != y.bn || x.act != y.act || x.expand != y.expand || x.mid != y.mid) {
      return false;
    }
  }
  return true;
}

// Point 0 of the space with the given knobs set (scalars: one value; per-slot knobs: from slot 0).
Candidate with(const SearchSpace& space, const std::vector<std::pair<std::string, std::vector<int>>>& knobs) {
  Candidate candidate = space.point(0);
  for (const auto& [knob, values] : knobs) {
    for (std::size_t slot = 0; slot < values.size(); ++slot) {
      const bool scalar = knob == "width" || knob == "resolution";
      candidate.values[space.gene_index(knob, scalar ? -1 : static_cast<int>(slot))] = values[slot];
    }
  }
  REQUIRE(space.contains(candidate));
  return candidate;
}

}  // namespace

TEST_CASE("the RNG gives the same draws on every platform", "[nas]") {
  // The standard fixes mt19937_64's sequence ([rand.predef]).
  std::mt19937_64 standard;
  standard.discard(9999);
  CHECK(standard() == 9981545732273789042ULL);
  SeededRng rng(42);
  CHECK(rng.next() == 13930160852258120406ULL);
  // below(n) is the draw modulo n (the rejection zone is 2^64 mod n values wide).
  SeededRng small(42);
  std::vector<int> draws;
  for (int index = 0; index < 8; ++index) draws.push_back(small.below(10));
  CHECK(draws == std::vector<int>{6, 4, 0, 2, 1, 8, 6, 4});
  SeededRng large(7);
  CHECK(large.below(1000000007) == 263643228);
  CHECK(large.below(1000000007) == 44619738);
  CHECK(large.below(1) == 0);
}

TEST_CASE("the lecture space has 8640 networks on the lecture's MCUNet skeleton", "[nas]") {
  const SearchSpace space = lecture_space();
  CHECK(space.size() == 8640);
  // Base width 16, expand [1, 3, 4], two blocks per stage: the lecture's MCUNet preset but
  // for the stage-1 second block, which the preset expands by 2 (one ratio per stage).
  NetworkSpec preset = parse_network(find_preset("MCUNet").spec);
  preset.layers[2].expand = 1;
  const Candidate lecture = with(space, {{"width", {16}}, {"expand", {1, 3, 4}}, {"depth", {2, 2, 2}}});
  CHECK(same_network(space.network(lecture), preset));

  // Widths scale 16 → 24 → 40 → 80, head 160 with the base width; the stride-2 block ends a stage.
  const NetworkSpec small = space.network(with(space, {{"width", {8}}, {"expand", {2, 2, 2}}, {"depth", {1, 3, 1}}}));
  std::vector<int> outs;
  std::vector<int> strides;
  for (const LayerSpec& layer : small.layers) {
    outs.push_back(layer.out);
    strides.push_back(layer.stride.h);
  }
  CHECK(outs == std::vector<int>{8, 12, 12, 12, 20, 40, 80, 0, 10});
  CHECK(strides == std::vector<int>{2, 2, 1, 1, 2, 2, 1, 1, 1});
  CHECK(small.in_height == 128);
}

TEST_CASE("the mcunet space holds MobileNetV2 1.0 at 224 (with 10 classes)", "[nas]") {
  const SearchSpace space = mcunet_space();
  std::vector<int> kernels(21, 3);
  std::vector<int> expands(21, 6);
  const Candidate mobilenet = with(space, {{"width", {10}}, {"resolution", {224}}, {"depth", {2, 3, 4, 3, 3}},
                                           {"kernel", kernels}, {"expand", expands}});
  NetworkSpec preset = parse_network(find_preset("MobileNetV2").spec);
  preset.layers.back().out = 10;
  CHECK(same_network(space.network(mobilenet), preset));
  CHECK_FALSE(space.size().has_value());  // about 2.5e24 points: never enumerated
}

TEST_CASE("mcunet widths round to multiples of 8 as MobileNetV2's _make_divisible", "[nas]") {
  const SearchSpace space = mcunet_space();
  const auto outs = [&](int width) {
    const NetworkSpec spec = space.network(with(space, {{"width", {width}}, {"resolution", {96}}}));
    std::vector<int> result;
    for (const LayerSpec& layer : spec.layers) result.push_back(layer.out);
    return result;
  };
  // width 0.5: 32→16, 16→8, 24→12→16, 32→16, 64→32, 96→48, 160→80, 320→160, 1280→640 (depth 2 each: point 0).
  CHECK(outs(5) == std::vector<int>{16, 8, 16, 16, 16, 16, 32, 32, 48, 48, 80, 80, 160, 640, 0, 10});
  // width 0.3: 32 × 0.3 = 9.6 rounds to 8, more than 10% below, so 16; 24 × 0.3 = 7.2 → 8.
  CHECK(outs(3).front() == 16);
  CHECK(outs(3)[2] == 8);
}

TEST_CASE("sampling, mutation and crossover stay in the space and repeat for a seed", "[nas]") {
  const SearchSpace space = GENERATE(lecture_space(), mcunet_space());
  INFO(space.name());
  SeededRng first(3);
  SeededRng second(3);
  std::set<Candidate> seen;
  for (int round = 0; round < 50; ++round) {
    const Candidate a = space.sample(first);
    const Candidate b = space.sample(first);
    const Candidate mutated = space.mutate(a, 30, first);
    const Candidate crossed = space.crossover(a, b, first);
    CHECK(space.contains(a));
    CHECK(space.contains(mutated));
    CHECK(space.contains(crossed));
    for (std::size_t gene = 0; gene < crossed.values.size(); ++gene) {
      CHECK((crossed.values[gene] == a.values[gene] || crossed.values[gene] == b.values[gene]));
    }
    CHECK(space.sample(second) == a);
    CHECK(space.sample(second) == b);
    CHECK(space.mutate(a, 30, second) == mutated);
    CHECK(space.crossover(a, b, second) == crossed);
    seen.insert(a);
  }
  CHECK(seen.size() > 40);
}

TEST_CASE("pinning narrows a knob, canonical forms merge unused block slots", "[nas]") {
  const SearchSpace space = mcunet_space();
  const SearchSpace narrowed = space.pinned("width", 5).pinned("resolution", 144);
  SeededRng rng(9);
  for (int round = 0; round < 20; ++round) {
    const Candidate candidate = narrowed.sample(rng);
    CHECK(candidate.values[space.gene_index("width")] == 5);
    CHECK(candidate.values[space.gene_index("resolution")] == 144);
  }
  CHECK_THROWS_WITH(space.pinned("width", 11), "space: the mcunet space has no width 11");

  Candidate shallow = with(space, {{"depth", {2, 2, 2, 2, 2}}});
  Candidate other = shallow;
  other.values[space.gene_index("kernel", 3)] = 7;  // slot 3 of stage 0: unused at depth 2
  CHECK(space.canonical(other) == space.canonical(shallow));
  CHECK(same_network(space.network(other), space.network(shallow)));
  other.values[space.gene_index("kernel", 1)] = 7;  // slot 1: used
  CHECK(space.canonical(other) != space.canonical(shallow));
}

TEST_CASE("a candidate's spec opens in the editor as the same network", "[nas]") {
  const SearchSpace space = GENERATE(lecture_space(), mcunet_space());
  SeededRng rng(5);
  for (int round = 0; round < 10; ++round) {
    const NetworkSpec spec = space.network(space.sample(rng));
    const NetworkSpec reparsed = parse_network(network_spec_json(spec).dump());
    CHECK(same_network(spec, reparsed));
    const Graph graph = build_graph(reparsed);
    CHECK(graph.macs == build_graph(spec).macs);
  }
}
