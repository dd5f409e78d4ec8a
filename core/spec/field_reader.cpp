#include "core/spec/field_reader.hpp"

#include <cmath>

#include "core/error.hpp"

namespace tinyml {
namespace {

std::string describe(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

}  // namespace

FieldReader::FieldReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) {
    throw Error(path_, "must be an object, got " + describe(object_));
  }
}

void FieldReader::reject_unknown(std::initializer_list<const char*> allowed) const {
  for (const auto& item : object_.items()) {
    bool known = false;
    std::string list;
    for (const char* name : allowed) {
      known = known || item.key() == name;
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    if (!known) {
      throw Error(path_of(item.key().c_str()), "unknown field; allowed here: " + list);
    }
  }
}

bool FieldReader::has(const char* key) const { return object_.contains(key); }

std::string FieldReader::path_of(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

const nlohmann::json& FieldReader::field(const char* key) const {
  const auto found = object_.find(key);
  if (found == object_.end()) throw Error(path_of(key), "is required");
  return *found;
}

int FieldReader::checked_int(const nlohmann::json& value, const std::string& path, int min, int max) const {
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::floor(number) != number) throw Error(path, "must be a whole number, got " + describe(value));
  } else if (!value.is_number()) {
    throw Error(path, "must be a number, got " + describe(value));
  }
  const double number = value.get<double>();
  if (number < min) {
    throw Error(path, "must be " + std::to_string(min) + " or more, got " + describe(value));
  }
  if (number > max) {
    throw Error(path, "must be at most " + std::to_string(max) + ", got " + describe(value));
  }
  return static_cast<int>(number);
}

int FieldReader::integer(const char* key, int min, int max) const {
  return checked_int(field(key), path_of(key), min, max);
}

int FieldReader::integer_or(const char* key, int fallback, int min, int max) const {
  return has(key) ? integer(key, min, max) : fallback;
}

Hw FieldReader::pair(const char* key, int min, int max) const {
  const nlohmann::json& value = field(key);
  const std::string path = path_of(key);
  if (value.is_array()) {
    if (value.size() != 2) throw Error(path, "must be a number or [h, w], got " + describe(value));
    return Hw{checked_int(value[0], path + "[0]", min, max), checked_int(value[1], path + "[1]", min, max)};
  }
  const int both = checked_int(value, path, min, max);
  return Hw{both, both};
}

Hw FieldReader::pair_or(const char* key, Hw fallback, int min, int max) const {
  return has(key) ? pair(key, min, max) : fallback;
}

bool FieldReader::boolean_or(const char* key, bool fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& value = field(key);
  if (!value.is_boolean()) throw Error(path_of(key), "must be true or false, got " + describe(value));
  return value.get<bool>();
}

std::string FieldReader::string_or(const char* key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& value = field(key);
  if (!value.is_string()) throw Error(path_of(key), "must be a string, got " + describe(value));
  return value.get<std::string>();
}

Activation FieldReader::activation_or(const char* key, Activation fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& value = field(key);
  if (value.is_string()) {
    const auto name = value.get<std::string>();
    if (name == "none") return Activation::None;
    if (name == "relu") return Activation::Relu;
    if (name == "relu6") return Activation::Relu6;
  }
  throw Error(path_of(key), "must be \"none\", \"relu\" or \"relu6\", got " + describe(value));
}

PaddingSpec FieldReader::padding_or(const char* key, PaddingSpec fallback) const {
  if (!has(key)) return fallback;
  const nlohmann::json& value = field(key);
  if (value.is_string()) {
    const auto name = value.get<std::string>();
    if (name == "same") return PaddingSpec{PaddingMode::Same, Hw{0, 0}};
    if (name == "valid") return PaddingSpec{PaddingMode::Valid, Hw{0, 0}};
    throw Error(path_of(key), "must be a number, [h, w], \"same\" or \"valid\", got " + describe(value));
  }
  return PaddingSpec{PaddingMode::Explicit, pair(key, 0, limits::kMaxPadding)};
}

}  // namespace tinyml
