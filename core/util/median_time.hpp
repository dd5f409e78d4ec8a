// Wall-clock timing of repeated runs, for the inference reports (the CLI's and the wasm
// API's): the median resists the odd run another process disturbs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace tinyml {

// Calls run() untimed at least once and until `warmup_ms` have passed; returns how many
// times. A browser runs new wasm code from its baseline compiler and swaps in the
// optimizing compiler's code when a background compile finishes (V8's dynamic tiering),
// which measured 2-3x slower first runs in Chromium; natively it touches the caches.
template <typename Run>
int warm_up(Run run, double warmup_ms) {
  const auto start = std::chrono::steady_clock::now();
  int runs = 0;
  do {
    run();
    ++runs;
  } while (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() < warmup_ms);
  return runs;
}

// Calls run() `runs` times (runs >= 1) and returns the median wall time in milliseconds,
// after warm_up(run, warmup_ms); `warmup_runs` (optional) receives the warm-up count.
template <typename Run>
double median_ms(int runs, Run run, double warmup_ms = 0, int* warmup_runs = nullptr) {
  const int warmups = warm_up(run, warmup_ms);
  if (warmup_runs != nullptr) *warmup_runs = warmups;
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
