// Name matching for user-typed lookups (presets, MCUs).
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace tinyml {

inline bool same_name_ignoring_case(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

}  // namespace tinyml
