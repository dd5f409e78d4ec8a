// Writes a NetworkSpec back in the editable JSON format (DESIGN.md), so a network built
// in code (a NAS candidate) can be opened in the editor. Fields equal to the parser's
// defaults are left out; parse_network(network_spec_json(spec)) gives back the same spec
// (layer paths included).
#pragma once

#include <nlohmann/json.hpp>

#include "core/spec/network_spec.hpp"

namespace tinyml {

nlohmann::json network_spec_json(const NetworkSpec& spec);

}  // namespace tinyml
