// The status envelope every core/api function returns (core/api.hpp describes it):
// runs a body and wraps its result, or any exception it throws, as JSON text.
#pragma once

#include <new>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace tinyml::api {

inline nlohmann::json failure(const std::string& path, const std::string& message) {
  return {{"ok", false}, {"error", {{"path", path}, {"message", message}}}};
}

// Runs `body`, wrapping its result or any exception in the status envelope.
template <typename Body>
std::string envelope(Body body) {
  try {
    return nlohmann::json{{"ok", true}, {"result", body()}}.dump();
  } catch (const JsonSyntaxError& error) {
    nlohmann::json reply = failure(error.path(), error.reason());
    reply["error"]["line"] = error.line();
    reply["error"]["column"] = error.column();
    return reply.dump();
  } catch (const Error& error) {
    return failure(error.path(), error.reason()).dump();
  } catch (const std::bad_alloc&) {
    return failure("", "out of memory").dump();
  } catch (const std::exception& error) {
    return failure("", std::string("internal error: ") + error.what()).dump();
  }
}

}  // namespace tinyml::api
