// The CLI's evaluation command, for trained weights (the presets' shipped ones,
// web/data/weights/, or any float weights file):
//   tinyml evaluate <spec.json | preset:NAME> --weights F [--data DIR] [--train-subset N]
//                   [--test-subset N] [--calib N] [--json]
// Reports float and int8 test accuracy exactly as `tinyml train` does after training:
// float engine on the first --test-subset (2000) test images; int8 after quantizing with
// calibration on the first --calib (200) of the first --train-subset (6000) training images.
#pragma once

#include <string>
#include <vector>

namespace tinyml::cli {

int evaluate(const std::vector<std::string>& args);

}  // namespace tinyml::cli
