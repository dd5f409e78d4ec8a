#include "core/engine/inference_session.hpp"

#include "core/engine/quantize_model.hpp"

namespace tinyml::engine {
namespace {

nlohmann::json shape_json(const TensorShape& shape) {
  return shape.flat ? nlohmann::json{shape.c} : nlohmann::json{shape.c, shape.h, shape.w};
}

}  // namespace

std::unique_ptr<InferenceSession> InferenceSession::quantized(Graph graph, FloatModel float_model,
                                                              const std::vector<std::vector<float>>& samples) {
  std::unique_ptr<InferenceSession> session(new InferenceSession());
  session->graph_ = std::move(graph);
  session->float_model_ = std::move(float_model);
  session->float_engine_ = std::make_unique<FloatEngine>(session->graph_, session->float_model_);
  session->model_ = quantize_model(session->graph_, session->float_model_, samples);
  session->engine_ = std::make_unique<Int8Engine>(session->model_);
  return session;
}

std::unique_ptr<InferenceSession> InferenceSession::from_int8_model(Int8Model model) {
  std::unique_ptr<InferenceSession> session(new InferenceSession());
  session->model_ = std::move(model);
  session->engine_ = std::make_unique<Int8Engine>(session->model_);
  return session;
}

nlohmann::json InferenceSession::summary() const {
  int64_t weight_bytes = 0, bias_bytes = 0;
  for (const Int8OpData& op : model_.ops) {
    weight_bytes += static_cast<int64_t>(op.filter.size());
    bias_bytes += 4 * static_cast<int64_t>(op.bias.size());
  }
  return {{"model", model_.graph.name},
          {"input_shape", shape_json(input_shape())},
          {"output_shape", shape_json(model_.graph.tensors[model_.graph.output].shape)},
          {"has_float", has_float()},
          {"ops", model_.graph.ops.size()},
          {"tensors", model_.graph.tensors.size()},
          {"macs", model_.graph.macs},
          {"weight_bytes", weight_bytes},
          {"bias_bytes", bias_bytes},
          {"arena_bytes", engine_->arena_bytes()}};
}

}  // namespace tinyml::engine
