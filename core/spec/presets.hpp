// Networks that ship with the core, so the CLI, the tests and the page agree on them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tinyml {

struct Preset {
  std::string name;
  std::string description;
  nlohmann::json spec;  // in the editable network format
};

const std::vector<Preset>& presets();

// Case-insensitive lookup; throws tinyml::Error listing the known names.
const Preset& find_preset(const std::string& name);

}  // namespace tinyml
