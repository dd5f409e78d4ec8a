#include "core/data/idx.hpp"

#include "core/error.hpp"

namespace tinyml::data {
namespace {

constexpr uint8_t kUnsignedByte = 0x08;

uint32_t read_big_endian(const uint8_t* bytes) {
  return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

}  // namespace

IdxArray parse_idx(const uint8_t* bytes, std::size_t size, const std::string& name) {
  if (size < 4) throw Error(name, "truncated: " + std::to_string(size) + " bytes, an IDX header needs at least 4");
  if (bytes[0] != 0 || bytes[1] != 0) {
    const bool gzip = bytes[0] == 0x1f && bytes[1] == 0x8b;
    throw Error(name, gzip ? "is gzip-compressed: decompress it first" : "not an IDX file (its first two bytes must be 0)");
  }
  if (bytes[2] != kUnsignedByte) {
    const char* hex = "0123456789abcdef";
    throw Error(name, std::string("element type 0x") + hex[bytes[2] >> 4] + hex[bytes[2] & 15] +
                          " is not supported (only 0x08, unsigned byte)");
  }
  const int rank = bytes[3];
  if (rank < 1 || rank > kMaxIdxDims) {
    throw Error(name, "has " + std::to_string(rank) + " dimensions; 1 to " + std::to_string(kMaxIdxDims) +
                          " are supported");
  }
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(rank);
  if (size < header) {
    throw Error(name, "truncated: the header of " + std::to_string(rank) + " dimensions needs " +
                          std::to_string(header) + " bytes, the file has " + std::to_string(size));
  }
  IdxArray array;
  uint64_t elements = 1;
  for (int dim = 0; dim < rank; ++dim) {
    const uint32_t extent = read_big_endian(bytes + 4 + 4 * dim);
    if (extent == 0) throw Error(name, "dimension " + std::to_string(dim) + " is 0");
    elements *= extent;  // ≤ 2^32 · 2^28 before the check below stops it: no overflow
    if (elements > kMaxIdxElements) {
      throw Error(name, "too large: more than " + std::to_string(kMaxIdxElements) + " elements");
    }
    array.dims.push_back(extent);
  }
  const uint64_t expected = header + elements;
  if (size != expected) {
    throw Error(name, std::string(size < expected ? "truncated" : "has trailing bytes") + ": the header promises " +
                          std::to_string(elements) + " elements (" + std::to_string(expected) +
                          " bytes in all), the file has " + std::to_string(size) + " bytes");
  }
  array.values.assign(bytes + header, bytes + size);
  return array;
}

std::vector<uint8_t> write_idx(const IdxArray& array) {
  std::vector<uint8_t> bytes = {0, 0, kUnsignedByte, static_cast<uint8_t>(array.dims.size())};
  for (uint32_t extent : array.dims) {
    for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<uint8_t>(extent >> shift));
  }
  bytes.insert(bytes.end(), array.values.begin(), array.values.end());
  return bytes;
}

}  // namespace tinyml::data
