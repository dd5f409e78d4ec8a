// What a NAS candidate must satisfy on a microcontroller: its peak SRAM (by a named
// estimator, int8 activations) within the SRAM minus a reserve, and its deployable flash
// size (core/graph/flash_size.hpp) within the flash minus a reserve. Reserves stand for
// what the runtime, the application and the stack take; both default to 0 bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/mcu/mcu_catalog.hpp"
#include "core/nas/peak_estimator_choice.hpp"

namespace tinyml::nas {

struct Constraints {
  Mcu mcu;  // its sram_bytes and flash_bytes are the capacities
  PeakEstimator estimator;
  int64_t sram_reserve_bytes = 0;
  int64_t flash_reserve_bytes = 0;

  int64_t sram_limit_bytes() const { return mcu.sram_bytes - sram_reserve_bytes; }
  int64_t flash_limit_bytes() const { return mcu.flash_bytes - flash_reserve_bytes; }
};

// Checks the reserves (0 <= reserve < capacity); throws tinyml::Error at `path`.
Constraints make_constraints(const Mcu& mcu, const std::string& estimator, int64_t sram_reserve_bytes,
                             int64_t flash_reserve_bytes, const std::string& path);

// The numbers the constraints read, all at int8.
struct Measurement {
  int64_t params = 0;
  int64_t macs = 0;
  int64_t flash_bytes = 0;  // deployable flash size
  int64_t peak_bytes = 0;   // by the constraints' estimator
};

struct Verdict {
  int64_t sram_over_bytes = 0;   // need − limit when positive, else 0
  int64_t flash_over_bytes = 0;
  // How far a miss is: the sum over failed constraints of (need − limit) / limit.
  double miss = 0;
  bool fits_sram() const { return sram_over_bytes == 0; }
  bool fits_flash() const { return flash_over_bytes == 0; }
  bool fits() const { return fits_sram() && fits_flash(); }
};

Verdict judge(const Measurement& measurement, const Constraints& constraints);

// {"mcu", "estimator", "sram_bytes", "flash_bytes", "sram_reserve_bytes", ..., "sram_limit_bytes", "flash_limit_bytes"}
nlohmann::json constraints_json(const Constraints& constraints);
// [{"constraint": "sram" | "flash", "need_bytes", "limit_bytes", "over_bytes"}], failed ones only.
nlohmann::json failures_json(const Measurement& measurement, const Verdict& verdict, const Constraints& constraints);

}  // namespace tinyml::nas
