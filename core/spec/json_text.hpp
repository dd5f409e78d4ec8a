// JSON text → nlohmann::json, with errors users can act on.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace tinyml {

// Parses `text`; throws JsonSyntaxError (line, column, reason) when it is not JSON, and
// tinyml::Error when it is longer than max_bytes (checked before parsing).
nlohmann::json parse_json_text(const std::string& text, std::size_t max_bytes, const std::string& what);

}  // namespace tinyml
