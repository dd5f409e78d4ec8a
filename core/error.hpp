// Errors reported to users: a JSON-style path to where the problem is, and the reason.
// Thrown by parsing, validation and shape inference; caught at the public entry points
// (core/api.hpp turns them into a status envelope, the CLI prints them).
#pragma once

#include <stdexcept>
#include <string>

namespace tinyml {

class Error : public std::runtime_error {
 public:
  // path: where in the input, e.g. "layers[3].stride" (may be empty for whole-input
  // problems); reason: what is wrong, e.g. "must be 1 or more, got 0".
  Error(std::string path, std::string reason)
      : std::runtime_error(path.empty() ? reason : path + ": " + reason),
        path_(std::move(path)), reason_(std::move(reason)) {}

  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

}  // namespace tinyml

namespace tinyml {

// Malformed JSON text: where it broke (1-based line and column) and why.
class JsonSyntaxError : public Error {
 public:
  JsonSyntaxError(int line, int column, std::string reason)
      : Error("", "invalid JSON at line " + std::to_string(line) + ", column " +
                      std::to_string(column) + ": " + reason),
        line_(line), column_(column) {}

  int line() const { return line_; }
  int column() const { return column_; }

 private:
  int line_;
  int column_;
};
}  // namespace tinyml
