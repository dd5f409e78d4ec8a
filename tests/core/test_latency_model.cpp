// The MCU latency estimate: MACs × cycles per MAC ÷ clock, with a figure per core family.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/mcu/latency_model.hpp"

using namespace tinyml;

TEST_CASE("the Cortex-M7 figure reproduces the CMSIS-NN CIFAR-10 measurement it comes from", "[mcu]") {
  // 12,298,240 MACs on a 216 MHz Cortex-M7 took 99.1 ms (arXiv:1801.06601).
  const LatencyEstimate estimate = estimate_latency(find_mcu("STM32F746", "mcu"), 12298240);
  REQUIRE(estimate.cycles.core == "Cortex-M7");
  REQUIRE(estimate.cycles.basis == "measured");
  REQUIRE(estimate.ms == Approx(99.1).epsilon(1e-9));
  REQUIRE_FALSE(estimate.assumed_core);
}

TEST_CASE("every catalog MCU has a figure of its own core family with a source", "[mcu]") {
  for (const Mcu& mcu : mcu_catalog()) {
    bool assumed = true;
    const CoreCycles& cycles = core_cycles(mcu.core, &assumed);
    INFO(mcu.name << " " << mcu.core);
    REQUIRE_FALSE(assumed);
    REQUIRE(mcu.core.rfind(cycles.core, 0) == 0);
    REQUIRE(cycles.cycles_per_mac > 1.0);
    REQUIRE_FALSE(cycles.source.empty());
    REQUIRE_FALSE(cycles.derivation.empty());
  }
}

TEST_CASE("time scales with MACs and inversely with the clock", "[mcu]") {
  const Mcu f4 = find_mcu("STM32F4", "mcu");  // Cortex-M4F, 180 MHz
  const Mcu f412 = find_mcu("STM32F412", "mcu");  // Cortex-M4F, 100 MHz
  const double per_mac = core_cycles("Cortex-M4F").cycles_per_mac;
  REQUIRE(estimate_latency(f4, 1800000).ms == Approx(1800000 * per_mac / 180e3));
  REQUIRE(estimate_latency(f412, 1800000).ms == Approx(estimate_latency(f4, 1800000).ms * 1.8));
  REQUIRE(estimate_latency(f4, 0).ms == 0.0);
  // Fewer cycles per MAC on the M7 than the M4, fewer on the M4 than the M0+.
  REQUIRE(core_cycles("Cortex-M7").cycles_per_mac < per_mac);
  REQUIRE(per_mac < core_cycles("Cortex-M0+").cycles_per_mac);
}

TEST_CASE("a custom MCU is estimated as a Cortex-M4 and says it assumed so", "[mcu]") {
  const LatencyEstimate estimate = estimate_latency(custom_mcu("board", 1024, 256, 50, "mcu"), 1000);
  REQUIRE(estimate.assumed_core);
  REQUIRE(estimate.cycles.core == "Cortex-M4");
  REQUIRE_THROWS_AS(estimate_latency(find_mcu("ESP32", "mcu"), -1), Error);
}
