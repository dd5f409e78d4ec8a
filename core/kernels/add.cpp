#include "core/kernels/add.hpp"

#include <algorithm>
#include <cassert>

#include "core/error.hpp"

namespace tinyml::kernels {
namespace {

std::string shape_text(const std::vector<int>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

// The shape left-padded with 1s to rank 4.
std::array<int, 4> padded_dims(const std::vector<int>& shape, const std::string& path) {
  if (shape.size() > 4) throw Error(path, "rank must be at most 4, got " + shape_text(shape));
  std::array<int, 4> dims{1, 1, 1, 1};
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] < 1) throw Error(path, "dimensions must be 1 or more, got " + shape_text(shape));
    dims[4 - shape.size() + i] = shape[i];
  }
  return dims;
}

// Row-major strides of `dims`, with 0 where the dimension is broadcast (size 1 but the
// output's is larger).
std::array<std::size_t, 4> broadcast_strides(const std::array<int, 4>& dims,
                                             const std::array<int, 4>& output_dims) {
  std::array<std::size_t, 4> strides{};
  std::size_t stride = 1;
  for (int axis = 3; axis >= 0; --axis) {
    strides[axis] = (dims[axis] == 1 && output_dims[axis] != 1) ? 0 : stride;
    stride *= dims[axis];
  }
  return strides;
}

quant::QuantizedMultiplier smaller_than_one(double real, const std::string& path) {
  const quant::QuantizedMultiplier multiplier = quant::quantize_multiplier(real);
  if (!(real > 0.0 && real < 1.0) || multiplier.shift > 0) {
    throw Error(path, "rescale factor " + std::to_string(real) +
                          " must be in (0, 1); the output scale is too small for the inputs");
  }
  return multiplier;
}

}  // namespace

AddParams prepare_add(const AddConfig& config, const std::string& path) {
  quant::check_quant_params(config.input1, path + ".input1");
  quant::check_quant_params(config.input2, path + ".input2");
  quant::check_quant_params(config.output, path + ".output");
  const std::array<int, 4> dims1 = padded_dims(config.input1_shape, path + ".input1.shape");
  const std::array<int, 4> dims2 = padded_dims(config.input2_shape, path + ".input2.shape");
  AddParams params;
  for (int axis = 0; axis < 4; ++axis) {
    if (dims1[axis] != dims2[axis] && dims1[axis] != 1 && dims2[axis] != 1) {
      throw Error(path, "shapes " + shape_text(config.input1_shape) + " and " +
                            shape_text(config.input2_shape) + " do not broadcast");
    }
    params.output_dims[axis] = std::max(dims1[axis], dims2[axis]);
  }
  const std::size_t rank = std::max(config.input1_shape.size(), config.input2_shape.size());
  params.output_shape.assign(params.output_dims.end() - rank, params.output_dims.end());
  params.input1_strides = broadcast_strides(dims1, params.output_dims);
  params.input2_strides = broadcast_strides(dims2, params.output_dims);
  const auto product = [](const std::array<int, 4>& d) {
    return static_cast<std::size_t>(d[0]) * d[1] * d[2] * d[3];
  };
  params.input1_size = product(dims1);
  params.input2_size = product(dims2);
  params.output_size = product(params.output_dims);

  params.input1_offset = -config.input1.zero_point;
  params.input2_offset = -config.input2.zero_point;
  params.output_zero_point = config.output.zero_point;
  const double twice_max_input_scale =
      2.0 * static_cast<double>(std::max(config.input1.scale, config.input2.scale));
  params.input1_multiplier = smaller_than_one(
      static_cast<double>(config.input1.scale) / twice_max_input_scale, path + ".input1.scale");
  params.input2_multiplier = smaller_than_one(
      static_cast<double>(config.input2.scale) / twice_max_input_scale, path + ".input2.scale");
  params.output_multiplier = smaller_than_one(
      twice_max_input_scale /
          (static_cast<double>(1 << params.left_shift) * static_cast<double>(config.output.scale)),
      path + ".output.scale");
  params.range = quant::activation_range(config.activation, config.output);
  return params;
}

void add(const AddParams& params, Span<const int8_t> input1, Span<const int8_t> input2,
         Span<int8_t> output) {
  assert(input1.size == params.input1_size);
  assert(input2.size == params.input2_size);
  assert(output.size == params.output_size);
  const std::array<int, 4>& dims = params.output_dims;
  const std::array<std::size_t, 4>& strides1 = params.input1_strides;
  const std::array<std::size_t, 4>& strides2 = params.input2_strides;
  std::size_t out_index = 0;
  for (int i0 = 0; i0 < dims[0]; ++i0) {
    for (int i1 = 0; i1 < dims[1]; ++i1) {
      for (int i2 = 0; i2 < dims[2]; ++i2) {
        for (int i3 = 0; i3 < dims[3]; ++i3) {
          const std::size_t index1 =
              i0 * strides1[0] + i1 * strides1[1] + i2 * strides1[2] + i3 * strides1[3];
          const std::size_t index2 =
              i0 * strides2[0] + i1 * strides2[1] + i2 * strides2[2] + i3 * strides2[3];
          const int32_t shifted1 = (int32_t{input1[index1]} + params.input1_offset) *
                                   (int32_t{1} << params.left_shift);
          const int32_t shifted2 = (int32_t{input2[index2]} + params.input2_offset) *
                                   (int32_t{1} << params.left_shift);
          const int32_t sum =
              quant::multiply_by_quantized_multiplier_smaller_than_one(shifted1,
                                                                       params.input1_multiplier) +
              quant::multiply_by_quantized_multiplier_smaller_than_one(shifted2,
                                                                       params.input2_multiplier);
          const int32_t raw = quant::multiply_by_quantized_multiplier_smaller_than_one(
                                  sum, params.output_multiplier) + params.output_zero_point;
          output[out_index++] =
              static_cast<int8_t>(quant::clamp(raw, params.range.min, params.range.max));
        }
      }
    }
  }
}

}  // namespace tinyml::kernels
