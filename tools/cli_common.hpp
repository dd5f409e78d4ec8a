// Pieces the CLI's subcommands share.
#pragma once

#include <stdexcept>
#include <string>

#include "core/mcu/mcu_catalog.hpp"

namespace tinyml::cli {

// A malformed command line: main() prints it with the usage and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "STM32F4" or "custom:FLASH_KB:SRAM_KB[:MHZ]"; throws tinyml::Error at "--mcu".
Mcu parse_mcu_argument(const std::string& argument);

// `text`, the value of `flag`, as a number (the whole of it); else a UsageError.
double number_argument(const std::string& flag, const std::string& text);

}  // namespace tinyml::cli
