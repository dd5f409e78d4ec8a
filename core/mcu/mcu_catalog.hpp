// Microcontrollers a network can be checked against. Figures are on-chip flash and SRAM
// in bytes (KB = 1024) and the maximum core clock; each entry cites its source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinyml {

struct Mcu {
  std::string name;
  int64_t flash_bytes = 0;
  int64_t sram_bytes = 0;
  double clock_mhz = 0;
  std::string core;    // CPU core, e.g. "Cortex-M7"
  std::string use;     // the lecture's use case, where it gives one
  std::string source;  // where the figures come from
};

const std::vector<Mcu>& mcu_catalog();

// Case-insensitive lookup; throws tinyml::Error at `path` listing the known names.
Mcu find_mcu(const std::string& name, const std::string& path);

// A user-described board; sizes in KB (1024 bytes). Throws for non-positive sizes.
Mcu custom_mcu(const std::string& name, double flash_kb, double sram_kb, double clock_mhz, const std::string& path);

}  // namespace tinyml
