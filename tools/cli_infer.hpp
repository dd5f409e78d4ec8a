// The CLI's int8 inference commands:
//   tinyml quantize <spec.json | preset:NAME> [--weights F] [--calib N] [--calib-input X]...
//                   [--seed S] [--resolution R] [--init he|pytorch] -o model.json [--json]
//   tinyml infer model.json (--input x.json | --pattern NAME [--seed S]) [--layers] [--runs N] [--json]
//   tinyml compare <spec.json | preset:NAME> [--weights F] [--calib N] [--seed S] [--resolution R]
//                  [--init he|pytorch] [--input x.json | --pattern NAME] [--samples N] [--runs N] [--json]
// Formats: docs/int8-model-format.md (model and input files), docs/float-weights-format.md.
#pragma once

#include <string>
#include <vector>

namespace tinyml::cli {

int quantize(const std::vector<std::string>& args);
int infer(const std::vector<std::string>& args);
int compare(const std::vector<std::string>& args);

}  // namespace tinyml::cli
