#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/mcu/mcu_catalog.hpp"

using namespace tinyml;

TEST_CASE("the catalog holds the lecture's five MCUs and MCUNet's two boards", "[mcu]") {
  struct Expected {
    const char* name;
    int64_t flash_kb, sram_kb;
    double mhz;
  };
  const Expected expected[] = {{"STM32F4", 512, 128, 180},  {"STM32H7", 2048, 1024, 480}, {"nRF52840", 1024, 256, 64},
                               {"ESP32", 4096, 520, 240},   {"Cortex-M0", 256, 32, 48},   {"STM32F746", 1024, 320, 216},
                               {"STM32F412", 1024, 256, 100}};
  REQUIRE(mcu_catalog().size() == 7);
  for (const Expected& row : expected) {
    const Mcu mcu = find_mcu(row.name, "mcu");
    INFO(row.name);
    CHECK(mcu.flash_bytes == row.flash_kb * 1024);
    CHECK(mcu.sram_bytes == row.sram_kb * 1024);
    CHECK(mcu.clock_mhz == row.mhz);
    CHECK_FALSE(mcu.source.empty());
  }
}

TEST_CASE("unknown and invalid MCUs are errors", "[mcu]") {
  CHECK_THROWS_WITH(find_mcu("Z80", "--mcu"), Catch::StartsWith("--mcu: unknown MCU \"Z80\"; known: STM32F4,"));
  CHECK(find_mcu("esp32", "mcu").name == "ESP32");
  CHECK(custom_mcu("board", 64, 16, 8, "mcu").sram_bytes == 16 * 1024);
  CHECK_THROWS_WITH(custom_mcu("board", 64, 0, 8, "options.mcu"), Catch::StartsWith("options.mcu.sram_kb: must be a positive number"));
}
