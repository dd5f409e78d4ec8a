#include "core/nas/constraints.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tinyml::nas {
namespace {

void check_reserve(int64_t reserve, int64_t capacity, const std::string& path, const char* what) {
  if (reserve < 0 || reserve >= capacity) {
    throw Error(path, std::string("the ") + what + " reserve must be at least 0 and below the " + what + " (" +
                          std::to_string(capacity) + " bytes), got " + std::to_string(reserve));
  }
}

}  // namespace

Constraints make_constraints(const Mcu& mcu, const std::string& estimator, int64_t sram_reserve_bytes,
                             int64_t flash_reserve_bytes, const std::string& path) {
  check_reserve(sram_reserve_bytes, mcu.sram_bytes, path + ".sram_reserve_bytes", "SRAM");
  check_reserve(flash_reserve_bytes, mcu.flash_bytes, path + ".flash_reserve_bytes", "flash");
  return Constraints{mcu, find_peak_estimator(estimator, path + ".estimator"), sram_reserve_bytes, flash_reserve_bytes};
}

Verdict judge(const Measurement& measurement, const Constraints& constraints) {
  Verdict verdict;
  const int64_t sram_limit = constraints.sram_limit_bytes();
  const int64_t flash_limit = constraints.flash_limit_bytes();
  verdict.sram_over_bytes = std::max<int64_t>(measurement.peak_bytes - sram_limit, 0);
  verdict.flash_over_bytes = std::max<int64_t>(measurement.flash_bytes - flash_limit, 0);
  verdict.miss = static_cast<double>(verdict.sram_over_bytes) / static_cast<double>(sram_limit) +
                 static_cast<double>(verdict.flash_over_bytes) / static_cast<double>(flash_limit);
  return verdict;
}

nlohmann::json constraints_json(const Constraints& constraints) {
  return {
      {"mcu", constraints.mcu.name},
      {"estimator", constraints.estimator.name},
      {"sram_bytes", constraints.mcu.sram_bytes},
      {"flash_bytes", constraints.mcu.flash_bytes},
      {"sram_reserve_bytes", constraints.sram_reserve_bytes},
      {"flash_reserve_bytes", constraints.flash_reserve_bytes},
      {"sram_limit_bytes", constraints.sram_limit_bytes()},
      {"flash_limit_bytes", constraints.flash_limit_bytes()},
  };
}

nlohmann::json failures_json(const Measurement& measurement, const Verdict& verdict, const Constraints& constraints) {
  nlohmann::json failures = nlohmann::json::array();
  if (!verdict.fits_sram()) {
    failures.push_back({{"constraint", "sram"}, {"need_bytes", measurement.peak_bytes},
                        {"limit_bytes", constraints.sram_limit_bytes()}, {"over_bytes", verdict.sram_over_bytes}});
  }
  if (!verdict.fits_flash()) {
    failures.push_back({{"constraint", "flash"}, {"need_bytes", measurement.flash_bytes},
                        {"limit_bytes", constraints.flash_limit_bytes()}, {"over_bytes", verdict.flash_over_bytes}});
  }
  return failures;
}

}  // namespace tinyml::nas
