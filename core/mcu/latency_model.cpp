#include "core/mcu/latency_model.hpp"

#include <vector>

#include "core/error.hpp"
#include "core/util/names.hpp"

namespace tinyml {
namespace {

// The one measured figure anchors the others. CMSIS-NN (Lai, Suda, Chandra, "CMSIS-NN:
// Efficient Neural Network Kernels for Arm Cortex-M CPUs", arXiv:1801.06601, 2018,
// section 4) runs its CIFAR-10 CNN (conv 5×5 3→32 at 32×32, conv 5×5 32→32 at 16×16,
// conv 5×5 32→64 at 8×8, fc 1024→10: 12,298,240 MACs) in 99.1 ms on a Cortex-M7 at
// 216 MHz (STM32F746): 21.4 M cycles, 1.74 cycles per MAC, pooling and ReLU included.
constexpr double kM7CyclesPerMac = 99.1e-3 * 216e6 / 12298240.0;

const std::vector<CoreCycles>& figures() {
  static const std::vector<CoreCycles> table = {
      {"Cortex-M7", kM7CyclesPerMac, "measured",
       "99.1 ms × 216 MHz ÷ 12.30 M MACs for the CMSIS-NN CIFAR-10 network on an STM32F746",
       "Lai, Suda, Chandra: CMSIS-NN, arXiv:1801.06601 (2018), section 4"},
      {"Cortex-M4", kM7CyclesPerMac * 5.01 / 3.42, "derived",
       "the Cortex-M7 figure scaled by Arm's CoreMark/MHz ratio, 5.01 (M7) / 3.42 (M4): same DSP "
       "instructions (SMLAD), but single-issue and 32-bit loads",
       "Arm Cortex-M4 and Cortex-M7 processor pages (CoreMark/MHz); CMSIS-NN arXiv:1801.06601"},
      {"Cortex-M0", 7.0, "derived",
       "no DSP extension (no SMLAD), so CMSIS-NN's portable C path: per MAC two sign-extending "
       "byte loads (2 cycles each), MULS (1 cycle, single-cycle multiplier) and ADDS (1), plus "
       "about 1 cycle of unrolled loop overhead",
       "Arm Cortex-M0+ Technical Reference Manual (DDI 0484), instruction timings"},
      {"Xtensa LX6", 4.0, "derived",
       "no 8-bit SIMD on the ESP32's LX6; its MAC16 unit does one 16×16 multiply-accumulate a "
       "cycle (MULA), with about 3 cycles of byte loads and sign extension per MAC around it",
       "Cadence Xtensa Instruction Set Architecture Reference Manual (MAC16 option); Espressif "
       "ESP32 Technical Reference Manual (the LX6 configuration)"},
  };
  return table;
}

// "Cortex-M4F" → "Cortex-M4", "Cortex-M0+" → "Cortex-M0": the figures are per family.
bool same_family(const std::string& family, const std::string& core) {
  return core.size() >= family.size() && same_name_ignoring_case(core.substr(0, family.size()), family);
}

}  // namespace

const CoreCycles& core_cycles(const std::string& core, bool* assumed) {
  for (const CoreCycles& figure : figures()) {
    if (same_family(figure.core, core)) {
      if (assumed) *assumed = false;
      return figure;
    }
  }
  if (assumed) *assumed = true;
  return figures()[1];  // Cortex-M4, the most common TinyML core
}

LatencyEstimate estimate_latency(const Mcu& mcu, int64_t macs) {
  if (macs < 0) throw Error("macs", "must be 0 or more, got " + std::to_string(macs));
  LatencyEstimate estimate;
  estimate.mcu = mcu.name;
  estimate.clock_mhz = mcu.clock_mhz;
  estimate.macs = macs;
  estimate.cycles = core_cycles(mcu.core, &estimate.assumed_core);
  estimate.ms = static_cast<double>(macs) * estimate.cycles.cycles_per_mac / (mcu.clock_mhz * 1e3);
  return estimate;
}

}  // namespace tinyml
