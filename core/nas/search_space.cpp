#include "core/nas/search_space.hpp"

#include <algorithm>
#include <cassert>

#include "core/error.hpp"
#include "core/util/names.hpp"

namespace tinyml::nas {

SearchSpace::SearchSpace(std::string name, std::string description, std::vector<Gene> genes, Expander expand,
                         Notes notes)
    : name_(std::move(name)), description_(std::move(description)), genes_(std::move(genes)), expand_(expand),
      notes_(notes) {}

int SearchSpace::gene_index(const std::string& knob, int slot) const {
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    if (genes_[index].knob == knob && genes_[index].slot == slot) return static_cast<int>(index);
  }
  throw Error("space", "the " + name_ + " space has no knob " + knob + (slot < 0 ? "" : "[" + std::to_string(slot) + "]"));
}

bool SearchSpace::has_gene(const std::string& knob) const {
  return std::any_of(genes_.begin(), genes_.end(), [&](const Gene& gene) { return gene.knob == knob; });
}

bool SearchSpace::contains(const Candidate& candidate) const {
  if (candidate.values.size() != genes_.size()) return false;
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    const std::vector<int>& values = genes_[index].values;
    if (std::find(values.begin(), values.end(), candidate.values[index]) == values.end()) return false;
  }
  return true;
}

NetworkSpec SearchSpace::network(const Candidate& candidate) const {
  assert(contains(candidate));
  return expand_(candidate.values);
}

bool SearchSpace::used(const Candidate& candidate, int gene) const {
  const Gene& knob = genes_[gene];
  return knob.used_if_gene < 0 || candidate.values[knob.used_if_gene] > knob.used_if_above;
}

nlohmann::json SearchSpace::choices_json(const Candidate& candidate) const {
  nlohmann::json choices = nlohmann::json::object();
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    const Gene& gene = genes_[index];
    const int value = candidate.values[index];
    const int gene_number = static_cast<int>(index);
    const nlohmann::json shown = used(candidate, gene_number) ? value_json(gene_number, value) : nlohmann::json(nullptr);
    if (gene.slot < 0) {
      choices[gene.knob] = shown;
    } else {
      choices[gene.knob].push_back(shown);
    }
  }
  return choices;
}

nlohmann::json SearchSpace::value_json(int gene, int value) const {
  const int per = genes_[gene].per;
  if (per == 1) return value;
  return static_cast<double>(value) / per;
}

nlohmann::json SearchSpace::notes_json(const Candidate& candidate) const {
  return notes_ == nullptr ? nlohmann::json::object() : notes_(candidate.values);
}

Candidate SearchSpace::canonical(const Candidate& candidate) const {
  Candidate result = candidate;
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    if (!used(candidate, static_cast<int>(index))) result.values[index] = genes_[index].values.front();
  }
  return result;
}

Candidate SearchSpace::sample(SeededRng& rng) const {
  Candidate candidate;
  candidate.values.reserve(genes_.size());
  for (const Gene& gene : genes_) {
    candidate.values.push_back(gene.values[rng.below(static_cast<int>(gene.values.size()))]);
  }
  return candidate;
}

Candidate SearchSpace::mutate(const Candidate& parent, int percent, SeededRng& rng) const {
  Candidate child = parent;
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    const std::vector<int>& values = genes_[index].values;
    if (values.size() > 1 && rng.chance(percent, 100)) {
      child.values[index] = values[rng.below(static_cast<int>(values.size()))];
    }
  }
  return child;
}

Candidate SearchSpace::crossover(const Candidate& first, const Candidate& second, SeededRng& rng) const {
  Candidate child = first;
  for (std::size_t index = 0; index < genes_.size(); ++index) {
    if (genes_[index].values.size() > 1 && rng.chance(1, 2)) child.values[index] = second.values[index];
  }
  return child;
}

std::optional<int64_t> SearchSpace::size() const {
  constexpr int64_t kLimit = int64_t{1} << 62;
  int64_t points = 1;
  for (const Gene& gene : genes_) {
    const int64_t count = static_cast<int64_t>(gene.values.size());
    if (points > kLimit / count) return std::nullopt;
    points *= count;
  }
  return points;
}

Candidate SearchSpace::point(int64_t index) const {
  Candidate candidate;
  candidate.values.resize(genes_.size());
  for (std::size_t gene = genes_.size(); gene-- > 0;) {
    const int64_t count = static_cast<int64_t>(genes_[gene].values.size());
    candidate.values[gene] = genes_[gene].values[static_cast<std::size_t>(index % count)];
    index /= count;
  }
  return candidate;
}

SearchSpace SearchSpace::pinned(const std::string& knob, int value) const {
  SearchSpace narrowed = *this;
  Gene& gene = narrowed.genes_[gene_index(knob)];
  if (std::find(gene.values.begin(), gene.values.end(), value) == gene.values.end()) {
    throw Error("space", "the " + name_ + " space has no " + knob + " " + std::to_string(value));
  }
  gene.values = {value};
  return narrowed;
}

const std::vector<std::string>& search_space_names() {
  static const std::vector<std::string> names = {"lecture", "mcunet", "fashion"};
  return names;
}

SearchSpace find_search_space(const std::string& name, const std::string& path) {
  if (same_name_ignoring_case(name, "lecture")) return lecture_space();
  if (same_name_ignoring_case(name, "mcunet")) return mcunet_space();
  if (same_name_ignoring_case(name, "fashion")) return fashion_space();
  throw Error(path, "unknown search space \"" + name + "\"; known: lecture, mcunet, fashion");
}

}  // namespace tinyml::nas
