#include "tools/cli_common.hpp"

#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace tinyml::cli {

Mcu parse_mcu_argument(const std::string& argument) {
  if (argument.rfind("custom:", 0) != 0) return find_mcu(argument, "--mcu");
  std::vector<double> numbers;
  std::stringstream parts(argument.substr(7));
  for (std::string part; std::getline(parts, part, ':');) {
    try {
      std::size_t used = 0;
      numbers.push_back(std::stod(part, &used));
      if (used != part.size()) throw std::invalid_argument(part);
    } catch (const std::exception&) {
      throw Error("--mcu", "\"" + part + "\" is not a number (custom:FLASH_KB:SRAM_KB[:MHZ])");
    }
  }
  if (numbers.size() < 2 || numbers.size() > 3) {
    throw Error("--mcu", "custom MCUs are written custom:FLASH_KB:SRAM_KB[:MHZ]");
  }
  return custom_mcu("custom", numbers[0], numbers[1], numbers.size() == 3 ? numbers[2] : 100.0, "--mcu");
}

double number_argument(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError(flag + " needs a number, got \"" + text + "\"");
}

}  // namespace tinyml::cli
