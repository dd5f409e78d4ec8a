// TinyNAS step 2: evolutionary search inside the chosen sub-space (MCUNet section 3.1,
// following Once-for-All's evolution), maximising the objective `macs`, the proxy for
// accuracy when nothing is trained. Every draw comes from the SeededRng.
//
//   1. Sample `population` candidates.
//   2. Rank the population (ranking.hpp: feasible first, by MACs; infeasible by miss).
//   3. Keep the top `parents`; fill the population back up with children, each made with
//      probability mutate_share_percent / 100 by mutating one random parent (every gene
//      redrawn with probability mutation_percent / 100, again until the child differs,
//      at most kMutationAttempts times), otherwise by uniform crossover of two random
//      parents (possibly the same one).
//   4. Repeat from 2 until `trials` candidates have been evaluated (step 1 included) or
//      the evaluator is cancelled.
#pragma once

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

struct EvolutionSettings {
  int trials = 1000;
  int population = 32;
  int parents = 8;
  int mutation_percent = 10;
  int mutate_share_percent = 50;
};

inline constexpr int kMutationAttempts = 8;

// Runs the search; the evaluator records every trial.
void evolve(const SearchSpace& subspace, Evaluator& evaluator, SeededRng& rng, const EvolutionSettings& settings);

}  // namespace tinyml::nas
