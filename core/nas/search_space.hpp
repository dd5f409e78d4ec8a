// A search space: named knobs (genes), each with a list of integer choices, and a rule
// that expands a point of the space into a network. Sampling, mutation and crossover
// work on any space the same way and draw only from a SeededRng, so a search repeats
// exactly for a seed. The spaces themselves are defined in lecture_space.cpp and
// mcunet_space.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/nas/seeded_rng.hpp"
#include "core/spec/network_spec.hpp"

namespace tinyml::nas {

struct Gene {
  std::string knob;         // "width", "resolution", "expand", "depth", "kernel"
  int slot = -1;            // stage or block index for per-stage/per-block knobs; -1: a scalar knob
  std::vector<int> values;  // the choices, in units of 1/per (width multiplier 0.5 = 5 with per = 10)
  int per = 1;
  // The gene shapes the network only when the value of gene `used_if_gene` exceeds
  // `used_if_above` (a block slot past its stage's depth is unused). -1: always used.
  int used_if_gene = -1;
  int used_if_above = 0;
};

// One point of a space: the chosen value (not index) of every gene, in gene order.
struct Candidate {
  std::vector<int> values;
  bool operator==(const Candidate& other) const { return values == other.values; }
  bool operator!=(const Candidate& other) const { return values != other.values; }
  bool operator<(const Candidate& other) const { return values < other.values; }
};

class SearchSpace {
 public:
  // Builds the network of a candidate's values (already checked to be in the space).
  using Expander = NetworkSpec (*)(const std::vector<int>& values);
  // Extra fields a space reports with each candidate (the lecture's made-up estimates).
  using Notes = nlohmann::json (*)(const std::vector<int>& values);

  SearchSpace(std::string name, std::string description, std::vector<Gene> genes, Expander expand,
              Notes notes = nullptr);

  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }
  const std::vector<Gene>& genes() const { return genes_; }
  // Index of the gene (knob, slot); throws tinyml::Error when the space has none.
  int gene_index(const std::string& knob, int slot = -1) const;
  bool has_gene(const std::string& knob) const;

  // The network in the project's format (no JSON involved; cheap enough for a search loop).
  NetworkSpec network(const Candidate& candidate) const;
  // {"width": 0.5, "resolution": 144, "depth": [2, 3], ...}: per-slot knobs as arrays,
  // null for a slot the network does not use.
  nlohmann::json choices_json(const Candidate& candidate) const;
  // The space's extra fields for a candidate, an object (empty for most spaces).
  nlohmann::json notes_json(const Candidate& candidate) const;
  // A gene's value as shown to people: an integer, or value / per (width 5 → 0.5).
  nlohmann::json value_json(int gene, int value) const;
  // Unused genes set to their first choice: two candidates give the same network iff
  // their canonical forms are equal.
  Candidate canonical(const Candidate& candidate) const;
  bool contains(const Candidate& candidate) const;
  // Whether the gene shapes this candidate's network (Gene::used_if_gene).
  bool used(const Candidate& candidate, int gene) const;

  Candidate sample(SeededRng& rng) const;
  // Redraws each gene that has more than one choice with probability percent / 100 (the
  // redraw may give back the old value), as Once-for-All's evolution does.
  Candidate mutate(const Candidate& parent, int percent, SeededRng& rng) const;
  // Uniform crossover: every gene from either parent with probability 1/2.
  Candidate crossover(const Candidate& first, const Candidate& second, SeededRng& rng) const;

  // Exact number of points (product of choice counts), or nullopt above 2^62. Every gene
  // counts, so where unused genes exist several points are one network.
  std::optional<int64_t> size() const;
  // The index-th point in mixed-radix order (last gene fastest), 0 <= index < size().
  Candidate point(int64_t index) const;

  // The same space with `knob`'s choices narrowed to {value} (TinyNAS's sub-spaces).
  SearchSpace pinned(const std::string& knob, int value) const;

 private:
  std::string name_;
  std::string description_;
  std::vector<Gene> genes_;
  Expander expand_;
  Notes notes_;
};

SearchSpace lecture_space();
SearchSpace mcunet_space();
SearchSpace fashion_space();  // fashion_space.cpp: Fashion-MNIST-sized, trainable
const std::vector<std::string>& search_space_names();
// "lecture", "mcunet" or "fashion" (case-insensitive); throws tinyml::Error at `path` listing them.
SearchSpace find_search_space(const std::string& name, const std::string& path);

}  // namespace tinyml::nas
