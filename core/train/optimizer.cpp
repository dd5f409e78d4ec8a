#include "core/train/optimizer.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/util/names.hpp"

namespace tinyml::train {

OptimizerKind parse_optimizer(const std::string& name) {
  if (same_name_ignoring_case(name, "sgd")) return OptimizerKind::Sgd;
  if (same_name_ignoring_case(name, "adam")) return OptimizerKind::Adam;
  throw Error("optimizer", "unknown optimizer \"" + name + "\"; known: sgd, adam");
}

template <typename T>
void Optimizer<T>::step(const std::vector<ParameterSlot<T>>& slots, double learning_rate) {
  if (first_.empty()) {
    for (const ParameterSlot<T>& slot : slots) {
      first_.emplace_back(slot.size, T{0});
      if (options_.kind == OptimizerKind::Adam) second_.emplace_back(slot.size, T{0});
    }
  }
  ++steps_;
  const T lr = static_cast<T>(learning_rate);
  const T momentum = static_cast<T>(options_.momentum);
  const T beta1 = static_cast<T>(options_.beta1);
  const T beta2 = static_cast<T>(options_.beta2);
  const T epsilon = static_cast<T>(options_.epsilon);
  const T correction1 = static_cast<T>(1.0 - std::pow(options_.beta1, static_cast<double>(steps_)));
  const T correction2 = static_cast<T>(1.0 - std::pow(options_.beta2, static_cast<double>(steps_)));
  for (std::size_t index = 0; index < slots.size(); ++index) {
    const ParameterSlot<T>& slot = slots[index];
    const T decay = slot.decay ? static_cast<T>(options_.weight_decay) : T{0};
    T* first = first_[index].data();
    for (std::size_t element = 0; element < slot.size; ++element) {
      const T gradient = slot.gradients[element] + decay * slot.values[element];
      if (options_.kind == OptimizerKind::Sgd) {
        first[element] = momentum * first[element] + gradient;
        slot.values[element] -= lr * first[element];
      } else {
        T& second = second_[index][element];
        first[element] = beta1 * first[element] + (T{1} - beta1) * gradient;
        second = beta2 * second + (T{1} - beta2) * gradient * gradient;
        slot.values[element] -= lr * (first[element] / correction1) / (std::sqrt(second / correction2) + epsilon);
      }
    }
  }
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace tinyml::train
