// An estimate of int8 inference time on a microcontroller: MACs × cycles per MAC ÷ clock.
//
// The cycles-per-MAC figure depends on the CPU core and stands for a whole network run
// with CMSIS-NN-style int8 kernels (im2col + SIMD multiply-accumulate where the core has
// it). Each figure states how it was obtained and its source (latency_model.cpp). It is
// an ESTIMATE: real time also depends on flash wait states, caches, memory placement,
// the layer mix (depthwise and pointwise layers run at fewer MACs per cycle than
// regular convolutions) and the non-MAC ops, which the per-MAC figure only averages in.
#pragma once

#include <cstdint>
#include <string>

#include "core/mcu/mcu_catalog.hpp"

namespace tinyml {

struct CoreCycles {
  std::string core;        // the core family the figure is for, e.g. "Cortex-M7"
  double cycles_per_mac = 0;
  std::string basis;       // "measured" (a published end-to-end run) or "derived"
  std::string derivation;  // how the figure follows from the source
  std::string source;      // the publication it comes from
};

// The figure for `mcu`'s core: Cortex-M0/M0+, Cortex-M4/M4F, Cortex-M7, Xtensa LX6.
// A custom MCU (core "custom") or an unknown core gets the Cortex-M4 figure, and
// `assumed` says so.
struct LatencyEstimate {
  std::string mcu;
  double clock_mhz = 0;
  int64_t macs = 0;
  CoreCycles cycles;
  bool assumed_core = false;  // the MCU's core has no figure of its own
  double ms = 0;              // macs · cycles_per_mac / (clock_mhz · 1e3)
};

const CoreCycles& core_cycles(const std::string& core, bool* assumed = nullptr);

// Throws tinyml::Error("macs", ...) for a negative count.
LatencyEstimate estimate_latency(const Mcu& mcu, int64_t macs);

}  // namespace tinyml
