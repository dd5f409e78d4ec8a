// Reading numeric arrays out of parsed JSON for the model, weights and input files,
// with the count checked before anything is converted and each bad element named by
// its path ("ops[2].weights[17]: must be an integer in [-128, 127], got 300").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tinyml::engine {

// A flat array of exactly `count` integers in [min, max].
std::vector<int32_t> read_int_array(const nlohmann::json& value, const std::string& path, std::size_t count,
                                    int64_t min, int64_t max);

// A flat array of exactly `count` finite numbers (stored as float32).
std::vector<float> read_float_array(const nlohmann::json& value, const std::string& path, std::size_t count);

// A tensor of `shape` as finite numbers, written either flat (row-major, shape's product
// values) or nested to exactly `shape` (e.g. PyTorch's tensor.tolist()).
std::vector<float> read_float_tensor(const nlohmann::json& value, const std::string& path,
                                     const std::vector<std::size_t>& shape);

// One finite number (as float32).
float read_finite_float(const nlohmann::json& value, const std::string& path);

// The length of an array (throws unless `value` is an array).
std::size_t array_size(const nlohmann::json& value, const std::string& path);

std::string shape_text(const std::vector<std::size_t>& shape);  // "[16, 3, 3, 3]"

}  // namespace tinyml::engine
