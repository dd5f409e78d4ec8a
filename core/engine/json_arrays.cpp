#include "core/engine/json_arrays.hpp"

#include <cmath>

#include "core/error.hpp"

namespace tinyml::engine {
namespace {

std::string describe(const nlohmann::json& value) {
  std::string text = value.dump();
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

std::string count_text(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " value" : " values");
}

float finite_number(const nlohmann::json& element, const std::string& path) {
  if (!element.is_number()) throw Error(path, "must be a number, got " + describe(element));
  const double number = element.get<double>();
  const float value = static_cast<float>(number);
  if (!std::isfinite(value)) throw Error(path, "must be a finite float32 number, got " + describe(element));
  return value;
}

void read_nested(const nlohmann::json& value, const std::string& path, const std::vector<std::size_t>& shape,
                 std::size_t axis, std::vector<float>& out) {
  if (axis == shape.size()) {
    out.push_back(finite_number(value, path));
    return;
  }
  if (!value.is_array() || value.size() != shape[axis]) {
    throw Error(path, "must be an array of " + std::to_string(shape[axis]) + " (axis " + std::to_string(axis) +
                          " of shape " + shape_text(shape) + "), got " + describe(value));
  }
  for (std::size_t index = 0; index < value.size(); ++index) {
    read_nested(value[index], path + "[" + std::to_string(index) + "]", shape, axis + 1, out);
  }
}

}  // namespace

std::string shape_text(const std::vector<std::size_t>& shape) {
  std::string text = "[";
  for (std::size_t axis = 0; axis < shape.size(); ++axis) text += (axis ? ", " : "") + std::to_string(shape[axis]);
  return text + "]";
}

float read_finite_float(const nlohmann::json& value, const std::string& path) { return finite_number(value, path); }

std::size_t array_size(const nlohmann::json& value, const std::string& path) {
  if (!value.is_array()) throw Error(path, "must be an array, got " + describe(value));
  return value.size();
}

std::vector<int32_t> read_int_array(const nlohmann::json& value, const std::string& path, std::size_t count,
                                    int64_t min, int64_t max) {
  if (array_size(value, path) != count) {
    throw Error(path, "must have " + count_text(count) + ", got " + std::to_string(value.size()));
  }
  std::vector<int32_t> result;
  result.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    const nlohmann::json& element = value[index];
    const bool whole = element.is_number_integer() ||
                       (element.is_number_float() && std::floor(element.get<double>()) == element.get<double>());
    const double number = element.is_number() ? element.get<double>() : 0.0;
    if (!whole || number < static_cast<double>(min) || number > static_cast<double>(max)) {
      throw Error(path + "[" + std::to_string(index) + "]", "must be an integer in [" + std::to_string(min) + ", " +
                                                                std::to_string(max) + "], got " + describe(element));
    }
    result.push_back(static_cast<int32_t>(number));
  }
  return result;
}

std::vector<float> read_float_array(const nlohmann::json& value, const std::string& path, std::size_t count) {
  if (array_size(value, path) != count) {
    throw Error(path, "must have " + count_text(count) + ", got " + std::to_string(value.size()));
  }
  std::vector<float> result;
  result.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    result.push_back(finite_number(value[index], path + "[" + std::to_string(index) + "]"));
  }
  return result;
}

std::vector<float> read_float_tensor(const nlohmann::json& value, const std::string& path,
                                     const std::vector<std::size_t>& shape) {
  std::size_t count = 1;
  for (std::size_t size : shape) count *= size;
  const std::size_t given = array_size(value, path);
  const bool nested = given > 0 && value[0].is_array();
  if (!nested || shape.size() <= 1) {
    if (given != count) {
      throw Error(path, "must have " + count_text(count) + " (shape " + shape_text(shape) + ", row-major), got " +
                            std::to_string(given));
    }
    return read_float_array(value, path, count);
  }
  std::vector<float> result;
  result.reserve(count);
  read_nested(value, path, shape, 0, result);
  return result;
}

}  // namespace tinyml::engine
