#include "core/spec/json_text.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tinyml {
namespace {

// nlohmann reports a byte offset one past the offending character.
std::pair<int, int> line_and_column(const std::string& text, std::size_t byte_offset) {
  const std::size_t end = std::min(byte_offset == 0 ? 0 : byte_offset - 1, text.size());
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while
// parsing value - invalid literal; last read: 'x'" → "syntax error while parsing value - ..."
std::string reason_of(const nlohmann::json::parse_error& error) {
  std::string message = error.what();
  const auto colon = message.find(": ");
  return colon == std::string::npos ? message : message.substr(colon + 2);
}

}  // namespace

nlohmann::json parse_json_text(const std::string& text, std::size_t max_bytes, const std::string& what) {
  if (text.size() > max_bytes) {
    throw Error("", what + " is " + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(max_bytes));
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const auto [line, column] = line_and_column(text, error.byte);
    throw JsonSyntaxError(line, column, reason_of(error));
  }
}

}  // namespace tinyml
