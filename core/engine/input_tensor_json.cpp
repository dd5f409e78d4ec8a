#include "core/engine/input_tensor_json.hpp"

#include "core/engine/json_arrays.hpp"
#include "core/engine/tensor_layout.hpp"
#include "core/error.hpp"
#include "core/spec/field_reader.hpp"

namespace tinyml::engine {
namespace {

std::string shape_text(const TensorShape& shape) {
  return shape.flat ? "[" + std::to_string(shape.c) + "]"
                    : "[" + std::to_string(shape.c) + ", " + std::to_string(shape.h) + ", " + std::to_string(shape.w) + "]";
}

}  // namespace

InputTensor read_input_tensor(const nlohmann::json& document, const TensorShape& expected) {
  const FieldReader fields(document, "");
  fields.reject_unknown({"shape", "data", "int8", "layout"});
  if (!fields.has("shape")) throw Error("shape", "is required: [C, H, W] (or [N] for a flat input)");
  const std::size_t rank = array_size(document["shape"], "shape");
  const std::vector<int32_t> dims = read_int_array(document["shape"], "shape", rank, 1,
                                                   rank == 1 ? limits::kMaxTensorElements : limits::kMaxDim);
  const TensorShape given = rank == 1 ? TensorShape{dims[0], 1, 1, true}
                                      : (rank == 3 ? TensorShape{dims[0], dims[1], dims[2], false} : TensorShape{});
  if (!(given == expected)) {
    throw Error("shape", "the network takes " + shape_text(expected) + ", got " +
                             (rank == 1 || rank == 3 ? shape_text(given) : document["shape"].dump()));
  }
  const std::string layout = fields.string_or("layout", "chw");
  if (layout != "chw" && layout != "hwc") throw Error("layout", "must be \"chw\" or \"hwc\", got \"" + layout + "\"");
  if (fields.has("data") == fields.has("int8")) {
    throw Error("", "give exactly one of \"data\" (real values) and \"int8\" (quantized values)");
  }
  const std::size_t count = static_cast<std::size_t>(expected.elements());
  InputTensor input;
  input.is_int8 = fields.has("int8");
  if (input.is_int8) {
    const std::vector<int32_t> values = read_int_array(document["int8"], "int8", count, -128, 127);
    input.int8.assign(values.begin(), values.end());
    if (layout == "chw") input.int8 = chw_to_hwc(input.int8, expected);
  } else {
    input.values = read_float_array(document["data"], "data", count);
    if (layout == "chw") input.values = chw_to_hwc(input.values, expected);
  }
  return input;
}

}  // namespace tinyml::engine
