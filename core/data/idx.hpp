// The IDX file format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE",
// yann.lecun.com/exdb/mnist; Fashion-MNIST, github.com/zalandoresearch/fashion-mnist, uses
// the same files). Uncompressed bytes; decompressing the .gz files is the caller's job
// (the CLI uses zlib, the data build step Node's zlib): the core does no I/O.
//
//   bytes 0–1   0x00 0x00
//   byte  2     element type: 0x08 unsigned byte (the only type these data sets use)
//   byte  3     number of dimensions, 1..4 here (labels: 1, images: 3)
//   then        one big-endian uint32 per dimension (each ≥ 1)
//   then        the elements, row-major, exactly product(dims) bytes; nothing after
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tinyml::data {

// The largest element count read (256 Mi bytes); the full Fashion-MNIST training images
// are 47 Mi. Checked from the header, before anything is allocated.
constexpr uint64_t kMaxIdxElements = uint64_t{1} << 28;
constexpr int kMaxIdxDims = 4;

struct IdxArray {
  std::vector<uint32_t> dims;  // as in the header, outermost first
  std::vector<uint8_t> values;  // product(dims) bytes, row-major
};

// Parses an IDX file of unsigned bytes. Throws tinyml::Error(`name`, reason) for a wrong
// magic, an unsupported element type or rank, a zero dimension, more than
// kMaxIdxElements elements, or a byte count that is not exactly header + elements
// (truncated or with trailing bytes).
IdxArray parse_idx(const uint8_t* bytes, std::size_t size, const std::string& name);

// The file for `array` (the inverse of parse_idx).
std::vector<uint8_t> write_idx(const IdxArray& array);

}  // namespace tinyml::data
