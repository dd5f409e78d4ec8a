#include "core/nas/evolution.hpp"

#include <algorithm>

#include "core/nas/ranking.hpp"

namespace tinyml::nas {
namespace {

Candidate make_child(const SearchSpace& subspace, const std::vector<const Evaluated*>& parents, SeededRng& rng,
                     const EvolutionSettings& settings) {
  const int count = static_cast<int>(parents.size());
  if (rng.chance(settings.mutate_share_percent, 100)) {
    const Candidate& parent = parents[rng.below(count)]->candidate;
    Candidate child = subspace.mutate(parent, settings.mutation_percent, rng);
    for (int attempt = 1; attempt < kMutationAttempts && subspace.canonical(child) == parent; ++attempt) {
      child = subspace.mutate(parent, settings.mutation_percent, rng);
    }
    return child;
  }
  const Candidate& first = parents[rng.below(count)]->candidate;
  const Candidate& second = parents[rng.below(count)]->candidate;
  return subspace.crossover(first, second, rng);
}

}  // namespace

void evolve(const SearchSpace& subspace, Evaluator& evaluator, SeededRng& rng, const EvolutionSettings& settings) {
  std::vector<const Evaluated*> population;
  int done = 0;
  while (done < settings.trials && done < settings.population && !evaluator.cancelled()) {
    population.push_back(&evaluator.evaluate(subspace.sample(rng), Phase::Evolution));
    ++done;
  }
  const auto order = [](const Evaluated* a, const Evaluated* b) { return ranks_before(*a, *b); };
  while (done < settings.trials && settings.population >= 2 && !evaluator.cancelled()) {
    std::stable_sort(population.begin(), population.end(), order);
    const int keep = std::max(1, std::min(settings.parents, settings.population - 1));  // room for a child
    population.resize(std::min(population.size(), static_cast<std::size_t>(keep)));
    const std::vector<const Evaluated*> parents = population;
    while (static_cast<int>(population.size()) < settings.population && done < settings.trials &&
           !evaluator.cancelled()) {
      population.push_back(&evaluator.evaluate(make_child(subspace, parents, rng, settings), Phase::Evolution));
      ++done;
    }
  }
}

}  // namespace tinyml::nas
