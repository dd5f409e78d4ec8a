// The order a search ranks measured candidates in: every feasible one before every
// infeasible one; feasible by the objective (more MACs first), infeasible by how far they
// miss (Verdict::miss, smaller first); ties by the candidate's values, so the order is
// total and a run repeats exactly.
#pragma once

#include "core/nas/evaluator.hpp"

namespace tinyml::nas {

inline bool ranks_before(const Evaluated& a, const Evaluated& b) {
  if (a.verdict.fits() != b.verdict.fits()) return a.verdict.fits();
  if (a.verdict.fits()) {
    if (a.measurement.macs != b.measurement.macs) return a.measurement.macs > b.measurement.macs;
  } else if (a.verdict.miss != b.verdict.miss) {
    return a.verdict.miss < b.verdict.miss;
  }
  return a.candidate < b.candidate;
}

}  // namespace tinyml::nas
