// Wall-clock timing of repeated runs, for the inference reports (the CLI's and the wasm
// API's): the median resists the odd run another process disturbs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace tinyml {

// Calls run() `runs` times (runs >= 1) and returns the median wall time in milliseconds.
template <typename Run>
double median_ms(int runs, Run run) {
  std::vector<double> times;
  for (int index = 0; index < runs; ++index) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace tinyml
