#include "tools/idx_files.hpp"

#include <fstream>

#include <zlib.h>

#include "core/data/idx.hpp"
#include "core/error.hpp"

namespace tinyml::cli {
namespace {

constexpr std::size_t kMaxFileBytes = data::kMaxIdxElements + 64;

bool exists(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

data::IdxArray read_idx_file(const std::string& path) {
  const std::string bytes = read_maybe_gzipped(path);
  return data::parse_idx(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), path);
}

std::string existing(const std::string& dir, const std::string& name) {
  const std::string plain = dir + "/" + name;
  if (exists(plain)) return plain;
  if (exists(plain + ".gz")) return plain + ".gz";
  throw Error(plain, "not found (nor " + name + ".gz); Debian's dataset-fashion-mnist package installs them in " +
                         std::string(kFashionMnistDir));
}

}  // namespace

std::string read_maybe_gzipped(const std::string& path) {
  // gzread reads plain files as they are, and gunzips gzip streams.
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw Error(path, "cannot open the file");
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const int read = gzread(file, buffer, sizeof buffer);
    if (read < 0) {
      int code = 0;
      const std::string message = gzerror(file, &code);
      gzclose(file);
      throw Error(path, "cannot decompress: " + message);
    }
    if (read == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(read));
    if (bytes.size() > kMaxFileBytes) {
      gzclose(file);
      throw Error(path, "larger than " + std::to_string(kMaxFileBytes) + " bytes (decompressed)");
    }
  }
  gzclose(file);
  return bytes;
}

data::ImageDataset read_fashion_mnist(const std::string& dir, const std::string& stem) {
  const std::string images = existing(dir, stem + "-images-idx3-ubyte");
  const std::string labels = existing(dir, stem + "-labels-idx1-ubyte");
  return data::make_dataset(read_idx_file(images), read_idx_file(labels), 10, images, labels);
}

}  // namespace tinyml::cli
