#include "core/mcu/mcu_catalog.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/util/names.hpp"

namespace tinyml {
namespace {

constexpr int64_t kKB = 1024;


}  // namespace

const std::vector<Mcu>& mcu_catalog() {
  // The first five are the lecture's `mcus` table (part 1); the part named in `source`
  // is a real chip with exactly those figures. The last two are the boards the MCUNet
  // paper measured on (Lin et al., NeurIPS 2020, section 4).
  static const std::vector<Mcu> catalog = {
      {"STM32F4", 512 * kKB, 128 * kKB, 180, "Cortex-M4F", "Wearables",
       "Lecture 10 table; e.g. STM32F446RC: 512 KB flash, 128 KB SRAM, 180 MHz (ST datasheet DS10693)"},
      {"STM32H7", 2048 * kKB, 1024 * kKB, 480, "Cortex-M7", "Industrial",
       "Lecture 10 table; STM32H743: 2 MB flash, 1 MB RAM, 480 MHz (ST datasheet DS12110)"},
      {"nRF52840", 1024 * kKB, 256 * kKB, 64, "Cortex-M4F", "IoT",
       "Lecture 10 table; Nordic nRF52840 Product Specification: 1 MB flash, 256 KB RAM, 64 MHz"},
      {"ESP32", 4096 * kKB, 520 * kKB, 240, "Xtensa LX6", "Smart Home",
       "Lecture 10 table; Espressif ESP32 datasheet: 520 KB SRAM, 240 MHz; 4 MB SPI flash on ESP32-WROOM-32"},
      {"Cortex-M0", 256 * kKB, 32 * kKB, 48, "Cortex-M0+", "Sensors",
       "Lecture 10 table; e.g. Microchip SAM D21G18: 256 KB flash, 32 KB SRAM, 48 MHz (datasheet DS40001882)"},
      {"STM32F746", 1024 * kKB, 320 * kKB, 216, "Cortex-M7", "MCUNet benchmark board",
       "ST datasheet DS10916: 1 MB flash, 320 KB SRAM, 216 MHz; MCUNet (NeurIPS 2020) board"},
      {"STM32F412", 1024 * kKB, 256 * kKB, 100, "Cortex-M4F", "MCUNet benchmark board",
       "ST datasheet DS11139: 1 MB flash, 256 KB SRAM, 100 MHz; MCUNet (NeurIPS 2020) board"},
  };
  return catalog;
}

Mcu find_mcu(const std::string& name, const std::string& path) {
  std::string known;
  for (const Mcu& mcu : mcu_catalog()) {
    if (same_name_ignoring_case(mcu.name, name)) return mcu;
    known += (known.empty() ? "" : ", ") + mcu.name;
  }
  throw Error(path, "unknown MCU \"" + name + "\"; known: " + known + ", or a custom one");
}

Mcu custom_mcu(const std::string& name, double flash_kb, double sram_kb, double clock_mhz, const std::string& path) {
  const auto check = [&](double value, const char* field) {
    if (!(value > 0) || !std::isfinite(value) || value > 1e9) {
      throw Error(path + "." + field, "must be a positive number, got " + std::to_string(value));
    }
  };
  check(flash_kb, "flash_kb");
  check(sram_kb, "sram_kb");
  check(clock_mhz, "clock_mhz");
  return Mcu{name, static_cast<int64_t>(std::llround(flash_kb * kKB)), static_cast<int64_t>(std::llround(sram_kb * kKB)),
             clock_mhz, "custom", "", "entered by the user"};
}

}  // namespace tinyml
