// Typed, range-checked reads of fields from a JSON object, each error naming the path.
#pragma once

#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "core/spec/network_spec.hpp"

namespace tinyml {

class FieldReader {
 public:
  // object must be a JSON object; path is its JSON path ("layers[2]").
  FieldReader(const nlohmann::json& object, std::string path);

  // Throws for any field not in `allowed` (a typo must not silently change a network).
  void reject_unknown(std::initializer_list<const char*> allowed) const;

  bool has(const char* key) const;
  std::string path_of(const char* key) const;

  int integer(const char* key, int min, int max) const;  // required
  int integer_or(const char* key, int fallback, int min, int max) const;
  // A number or [h, w].
  Hw pair(const char* key, int min, int max) const;  // required
  Hw pair_or(const char* key, Hw fallback, int min, int max) const;
  bool boolean_or(const char* key, bool fallback) const;
  std::string string_or(const char* key, const std::string& fallback) const;
  Activation activation_or(const char* key, Activation fallback) const;
  // A number, [h, w], "same" or "valid".
  PaddingSpec padding_or(const char* key, PaddingSpec fallback) const;

 private:
  const nlohmann::json& field(const char* key) const;
  int checked_int(const nlohmann::json& value, const std::string& path, int min, int max) const;

  const nlohmann::json& object_;
  std::string path_;
};

}  // namespace tinyml
