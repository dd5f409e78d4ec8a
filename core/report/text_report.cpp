// The CLI's human-readable rendering of an analysis report.
#include <cstdarg>
#include <cstdio>
#include <string>

#include "core/report/analysis_report.hpp"

namespace tinyml {
namespace {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* pattern, ...) {
  char buffer[512];
  va_list args;
  va_start(args, pattern);
  std::vsnprintf(buffer, sizeof buffer, pattern, args);
  va_end(args);
  return buffer;
}

std::string kb(int64_t bytes) { return format("%.2f KB", static_cast<double>(bytes) / 1024.0); }

std::string shape_text(const nlohmann::json& shape) {
  std::string text;
  for (const auto& dim : shape) text += (text.empty() ? "" : "x") + std::to_string(dim.get<int64_t>());
  return text;
}

std::string grouped(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) digits.insert(pos, ",");
  return (value < 0 ? "-" : "") + digits;
}

std::string verdict(const char* what, bool fits, int64_t margin, const char* need_name, const char* capacity) {
  if (fits) return format("  %-6s fits: %s left of the %s\n", what, kb(margin).c_str(), capacity);
  return format("  %-6s DOES NOT FIT: the %s exceeds the %s by %s\n", what, need_name, capacity, kb(-margin).c_str());
}

std::string plan_text(const nlohmann::json& plan) {
  return format("  arena - live = %s: alignment + %s scratch %s, fragmentation %s (%zu buffers)\n",
                kb(plan["overhead_bytes"].get<int64_t>()).c_str(), plan["kernels"].get<std::string>().c_str(),
                kb(plan["alignment_and_scratch_bytes"].get<int64_t>()).c_str(),
                kb(plan["fragmentation_bytes"].get<int64_t>()).c_str(), plan["buffers"].size());
}

std::string schedule_text(const nlohmann::json& schedule) {
  if (schedule["split_op"].get<int>() == 0) return "no patch stage (layer by layer)";
  const int grid = schedule["grid"].get<int>();
  return format("ops 1-%d (to %s) on a %dx%d grid: stage %s, rest %s, +%s MACs (%.2f%%)",
                schedule["split_op"].get<int>(), schedule["split_after"].get<std::string>().c_str(), grid, grid,
                kb(schedule["stage_peak_bytes"].get<int64_t>()).c_str(),
                kb(schedule["rest_peak_bytes"].get<int64_t>()).c_str(),
                grouped(schedule["extra_macs"].get<int64_t>()).c_str(),
                100.0 * schedule["extra_macs_ratio"].get<double>());
}

std::string patch_text(const nlohmann::json& patch) {
  std::string out = format("  patch (%s, MAC limit +%.0f%%): %s\n", patch["chosen_by"].get<std::string>().c_str(),
                           100.0 * patch["max_extra_macs_ratio"].get<double>(), schedule_text(patch).c_str());
  const std::string note = patch["note"].get<std::string>();
  if (!note.empty()) out += "    " + note + "\n";
  const nlohmann::json& inplace = patch["inplace_depthwise"];
  out += format("  patch + in-place depthwise: %s, %s\n", kb(inplace["peak_bytes"].get<int64_t>()).c_str(),
                schedule_text(inplace).c_str());
  return out;
}

}  // namespace

std::string format_report_text(const nlohmann::json& report) {
  std::string out;
  out += format("%s  input %s  %s (%d byte%s per element)\n", report["name"].get<std::string>().c_str(),
                shape_text(report["input"]).c_str(), report["precision"].get<std::string>().c_str(),
                report["bytes_per_element"].get<int>(), report["bytes_per_element"].get<int>() == 1 ? "" : "s");
  out += format("params %s   MACs %s   model size %s (int8), %s (fp32)\n\n",
                grouped(report["params"].get<int64_t>()).c_str(), grouped(report["macs"].get<int64_t>()).c_str(),
                kb(report["model_bytes_int8"].get<int64_t>()).c_str(),
                kb(report["model_bytes_fp32"].get<int64_t>()).c_str());
  out += format("%-20s %-14s %-12s %-12s %11s %11s %11s %11s %14s\n", "Layer", "Type", "In shape", "Out shape",
                "Input KB", "Output KB", "Weights KB", "Params", "MACs");
  for (const auto& layer : report["layers"]) {
    out += format("%-20s %-14s %-12s %-12s %11.2f %11.2f %11.2f %11s %14s\n",
                  layer["name"].get<std::string>().c_str(), layer["type"].get<std::string>().c_str(),
                  shape_text(layer["in_shape"]).c_str(), shape_text(layer["out_shape"]).c_str(),
                  layer["in_bytes"].get<double>() / 1024.0, layer["out_bytes"].get<double>() / 1024.0,
                  layer["weight_bytes"].get<double>() / 1024.0, grouped(layer["params"].get<int64_t>()).c_str(),
                  grouped(layer["macs"].get<int64_t>()).c_str());
  }
  const auto& peak = report["peak_bytes"];
  const auto& at = report["peak_at"];
  out += "\nPeak SRAM estimators (activations only):\n";
  const struct {
    const char* key;
    const char* meaning;
  } estimators[] = {
      {"lecture_in_out", "max over conv layers of input + output (lecture, part 2)"},
      {"lecture_consecutive", "max over consecutive conv/linear outputs (lecture, part 3)"},
      {"live", "every tensor alive at an op, residuals included (the true peak)"},
      {"inplace_depthwise", "live, but a depthwise conv whose input dies writes over it (TinyEngine)"},
      {"arena", "a TFLM greedy arena plan: 16-byte aligned offsets, kernel scratch, gaps"},
      {"patch", "first ops run patch by patch, the rest layer by layer (MCUNetV2)"},
  };
  for (const auto& estimator : estimators) {
    out += format("  %-20s %12s  at %-28s %s\n", estimator.key, kb(peak[estimator.key].get<int64_t>()).c_str(),
                  at[estimator.key].is_string() ? at[estimator.key].get<std::string>().c_str() : "-",
                  estimator.meaning);
  }
  out += plan_text(report["plan"]) + patch_text(report["patch"]);
  if (report.contains("mcu")) {
    const auto& mcu = report["mcu"];
    out += format("\nMCU %s: %s SRAM, %s flash, %g MHz\n", mcu["name"].get<std::string>().c_str(),
                  kb(mcu["sram_bytes"].get<int64_t>()).c_str(), kb(mcu["flash_bytes"].get<int64_t>()).c_str(),
                  mcu["clock_mhz"].get<double>());
    out += verdict("SRAM", mcu["fits_sram"].get<bool>(), mcu["sram_margin_bytes"].get<int64_t>(), "peak (live)", "SRAM");
    out += verdict("Flash", mcu["fits_flash"].get<bool>(), mcu["flash_margin_bytes"].get<int64_t>(), "model size",
                   "flash");
  }
  return out;
}

}  // namespace tinyml
