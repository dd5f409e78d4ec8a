// The few 128-bit integer vector operations the fast kernels use, one definition per
// target, so the kernels themselves are written once:
//   - WebAssembly SIMD128 (`-msimd128`, <wasm_simd128.h>) in the browser;
//   - SSE4.1 (<smmintrin.h>) natively on x86-64;
//   - plain C++ on anything else (the compiler may vectorise it).
// Every operation is exact integer arithmetic with the same result on all three; the
// kernels' tests compare them with the reference kernels natively and under wasm.
//
// I16x8 holds 8 int16 lanes, I32x4 4 int32 lanes (both one v128 / __m128i).
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE4_1__)
#include <smmintrin.h>
#endif

namespace tinyml::kernels::simd {

#if defined(__wasm_simd128__)

constexpr const char* kTarget = "wasm-simd128";
using I16x8 = v128_t;
using I32x4 = v128_t;

inline I16x8 load_i16x8(const int16_t* p) { return wasm_v128_load(p); }
inline I16x8 load_i8x8_widened(const int8_t* p) { return wasm_i16x8_load8x8(p); }
// The pair p[0], p[1] repeated into all four 32-bit lanes.
inline I16x8 load_i16x2_splat(const int16_t* p) { return wasm_v128_load32_splat(p); }
inline void store_i16x8(int16_t* p, I16x8 v) { wasm_v128_store(p, v); }
inline I16x8 splat_i16x8(int16_t v) { return wasm_i16x8_splat(v); }
inline I16x8 add_i16x8(I16x8 a, I16x8 b) { return wasm_i16x8_add(a, b); }
inline I16x8 mul_i16x8(I16x8 a, I16x8 b) { return wasm_i16x8_mul(a, b); }
inline I32x4 zero_i32x4() { return wasm_i32x4_const(0, 0, 0, 0); }
inline I32x4 load_i32x4(const int32_t* p) { return wasm_v128_load(p); }
inline void store_i32x4(int32_t* p, I32x4 v) { wasm_v128_store(p, v); }
inline I32x4 add_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_add(a, b); }
inline I32x4 dot_i16x8(I16x8 a, I16x8 b) { return wasm_i32x4_dot_i16x8(a, b); }
inline I32x4 widen_low_i16x8(I16x8 v) { return wasm_i32x4_extend_low_i16x8(v); }
inline I32x4 widen_high_i16x8(I16x8 v) { return wasm_i32x4_extend_high_i16x8(v); }
// [a0, b0, a1, b1, a2, b2, a3, b3] and [a4, b4, …, a7, b7].
inline I16x8 interleave_low_i16x8(I16x8 a, I16x8 b) { return wasm_i16x8_shuffle(a, b, 0, 8, 1, 9, 2, 10, 3, 11); }
inline I16x8 interleave_high_i16x8(I16x8 a, I16x8 b) { return wasm_i16x8_shuffle(a, b, 4, 12, 5, 13, 6, 14, 7, 15); }
// [sum of a's lanes, sum of b's, sum of c's, sum of d's]
inline I32x4 sum_lanes4(I32x4 a, I32x4 b, I32x4 c, I32x4 d) {
  const I32x4 ab = wasm_i32x4_add(wasm_i32x4_shuffle(a, b, 0, 4, 1, 5), wasm_i32x4_shuffle(a, b, 2, 6, 3, 7));
  const I32x4 cd = wasm_i32x4_add(wasm_i32x4_shuffle(c, d, 0, 4, 1, 5), wasm_i32x4_shuffle(c, d, 2, 6, 3, 7));
  return wasm_i32x4_add(wasm_i64x2_shuffle(ab, cd, 0, 2), wasm_i64x2_shuffle(ab, cd, 1, 3));
}

// Requantization support (requantize_vector.hpp).
inline I32x4 splat_i32x4(int32_t v) { return wasm_i32x4_splat(v); }
inline I32x4 sub_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_sub(a, b); }
inline I32x4 mul_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_mul(a, b); }  // low 32 bits
inline I32x4 and_i32x4(I32x4 a, I32x4 b) { return wasm_v128_and(a, b); }
inline I32x4 greater_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_gt(a, b); }  // −1 where a > b
inline I32x4 sign_i32x4(I32x4 v) { return wasm_i32x4_shr(v, 31); }           // −1 where v < 0
inline I32x4 shift_right_i32x4(I32x4 v, int count) { return wasm_i32x4_shr(v, count); }  // arithmetic, 0..31
inline I32x4 select_i32x4(I32x4 mask, I32x4 a, I32x4 b) { return wasm_v128_bitselect(a, b, mask); }
inline I32x4 min_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_min(a, b); }
inline I32x4 max_i32x4(I32x4 a, I32x4 b) { return wasm_i32x4_max(a, b); }
// Per lane: the low 32 bits of (int64 a · int64 b + add) >> 31.
inline I32x4 mul_shift31_i32x4(I32x4 a, I32x4 b, int64_t add) {
  const v128_t bias = wasm_i64x2_splat(add);
  const v128_t low = wasm_u64x2_shr(wasm_i64x2_add(wasm_i64x2_extmul_low_i32x4(a, b), bias), 31);
  const v128_t high = wasm_u64x2_shr(wasm_i64x2_add(wasm_i64x2_extmul_high_i32x4(a, b), bias), 31);
  return wasm_i32x4_shuffle(low, high, 0, 2, 4, 6);
}
// Stores lanes already in [−128, 127] as 4 int8.
inline void store_int8x4(int8_t* p, I32x4 v) {
  const v128_t bytes = wasm_i8x16_narrow_i16x8(wasm_i16x8_narrow_i32x4(v, v), wasm_i16x8_narrow_i32x4(v, v));
  const int32_t word = wasm_i32x4_extract_lane(bytes, 0);
  std::memcpy(p, &word, 4);
}

// The short requantization path (requantize_vector.hpp).
// Storage order of the four 64-bit addends of mul_add_shift31_i32x4: lanes 0, 1 | 2, 3
// (the halves i64x2.extmul_low / _high multiply).
constexpr int kPairLanes[4] = {0, 1, 2, 3};
// Per lane: the low 32 bits of (int64 a · int64 b + add[lane]) >> 31 (logical shift),
// `add` stored in kPairLanes order.
inline I32x4 mul_add_shift31_i32x4(I32x4 a, I32x4 b, const int64_t* add) {
  const v128_t low = wasm_u64x2_shr(wasm_i64x2_add(wasm_i64x2_extmul_low_i32x4(a, b), wasm_v128_load(add)), 31);
  const v128_t high = wasm_u64x2_shr(wasm_i64x2_add(wasm_i64x2_extmul_high_i32x4(a, b), wasm_v128_load(add + 2)), 31);
  return wasm_i32x4_shuffle(low, high, 0, 2, 4, 6);
}
using I8x16 = v128_t;
// Saturating: [a0..a3, b0..b3] as int16; [a0..a7, b0..b7] as int8.
inline I16x8 narrow_i32x4(I32x4 a, I32x4 b) { return wasm_i16x8_narrow_i32x4(a, b); }
inline I16x8 add_sat_i16x8(I16x8 a, I16x8 b) { return wasm_i16x8_add_sat(a, b); }
inline I8x16 narrow_i16x8(I16x8 a, I16x8 b) { return wasm_i8x16_narrow_i16x8(a, b); }
inline I8x16 splat_i8x16(int8_t v) { return wasm_i8x16_splat(v); }
inline I8x16 min_i8x16(I8x16 a, I8x16 b) { return wasm_i8x16_min(a, b); }
inline I8x16 max_i8x16(I8x16 a, I8x16 b) { return wasm_i8x16_max(a, b); }
inline void store_low_i8x8(int8_t* p, I8x16 v) { wasm_v128_store64_lane(p, v, 0); }
inline void store_high_i8x8(int8_t* p, I8x16 v) { wasm_v128_store64_lane(p, v, 1); }
inline I8x16 load_i8x16(const int8_t* p) { return wasm_v128_load(p); }
inline void store_i8x16(int8_t* p, I8x16 v) { wasm_v128_store(p, v); }
// Per lane: a / divisor in float32, truncated toward zero (exact where pool2d_fast.hpp says).
inline I32x4 divide_truncate_i32x4(I32x4 a, float divisor) {
  return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_div(wasm_f32x4_convert_i32x4(a), wasm_f32x4_splat(divisor)));
}


#elif defined(__SSE4_1__)

constexpr const char* kTarget = "sse4.1";
using I16x8 = __m128i;
using I32x4 = __m128i;

inline I16x8 load_i16x8(const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline I16x8 load_i8x8_widened(const int8_t* p) {
  return _mm_cvtepi8_epi16(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
}
inline void store_i16x8(int16_t* p, I16x8 v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline I16x8 load_i16x2_splat(const int16_t* p) {
  int32_t pair;
  std::memcpy(&pair, p, 4);
  return _mm_set1_epi32(pair);
}
inline I16x8 splat_i16x8(int16_t v) { return _mm_set1_epi16(v); }
inline I16x8 add_i16x8(I16x8 a, I16x8 b) { return _mm_add_epi16(a, b); }
inline I16x8 mul_i16x8(I16x8 a, I16x8 b) { return _mm_mullo_epi16(a, b); }
inline I32x4 zero_i32x4() { return _mm_setzero_si128(); }
inline I32x4 load_i32x4(const int32_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline void store_i32x4(int32_t* p, I32x4 v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline I32x4 add_i32x4(I32x4 a, I32x4 b) { return _mm_add_epi32(a, b); }
inline I32x4 dot_i16x8(I16x8 a, I16x8 b) { return _mm_madd_epi16(a, b); }
inline I32x4 widen_low_i16x8(I16x8 v) { return _mm_cvtepi16_epi32(v); }
inline I32x4 widen_high_i16x8(I16x8 v) { return _mm_cvtepi16_epi32(_mm_unpackhi_epi64(v, v)); }
inline I16x8 interleave_low_i16x8(I16x8 a, I16x8 b) { return _mm_unpacklo_epi16(a, b); }
inline I16x8 interleave_high_i16x8(I16x8 a, I16x8 b) { return _mm_unpackhi_epi16(a, b); }
inline I32x4 sum_lanes4(I32x4 a, I32x4 b, I32x4 c, I32x4 d) {
  const I32x4 ab = _mm_add_epi32(_mm_unpacklo_epi32(a, b), _mm_unpackhi_epi32(a, b));
  const I32x4 cd = _mm_add_epi32(_mm_unpacklo_epi32(c, d), _mm_unpackhi_epi32(c, d));
  return _mm_add_epi32(_mm_unpacklo_epi64(ab, cd), _mm_unpackhi_epi64(ab, cd));
}


inline I32x4 splat_i32x4(int32_t v) { return _mm_set1_epi32(v); }
inline I32x4 sub_i32x4(I32x4 a, I32x4 b) { return _mm_sub_epi32(a, b); }
inline I32x4 mul_i32x4(I32x4 a, I32x4 b) { return _mm_mullo_epi32(a, b); }
inline I32x4 and_i32x4(I32x4 a, I32x4 b) { return _mm_and_si128(a, b); }
inline I32x4 greater_i32x4(I32x4 a, I32x4 b) { return _mm_cmpgt_epi32(a, b); }
inline I32x4 sign_i32x4(I32x4 v) { return _mm_srai_epi32(v, 31); }
inline I32x4 shift_right_i32x4(I32x4 v, int count) { return _mm_sra_epi32(v, _mm_cvtsi32_si128(count)); }
inline I32x4 select_i32x4(I32x4 mask, I32x4 a, I32x4 b) { return _mm_blendv_epi8(b, a, mask); }
inline I32x4 min_i32x4(I32x4 a, I32x4 b) { return _mm_min_epi32(a, b); }
inline I32x4 max_i32x4(I32x4 a, I32x4 b) { return _mm_max_epi32(a, b); }
inline I32x4 mul_shift31_i32x4(I32x4 a, I32x4 b, int64_t add) {
  const __m128i bias = _mm_set1_epi64x(add);
  // _mm_mul_epi32 multiplies the signed low halves of each 64-bit lane: lanes 0 and 2,
  // then (shifted down) lanes 1 and 3.
  const __m128i even = _mm_srli_epi64(_mm_add_epi64(_mm_mul_epi32(a, b), bias), 31);
  const __m128i odd = _mm_srli_epi64(
      _mm_add_epi64(_mm_mul_epi32(_mm_srli_epi64(a, 32), _mm_srli_epi64(b, 32)), bias), 31);
  return _mm_blend_epi16(even, _mm_slli_epi64(odd, 32), 0xCC);
}
inline void store_int8x4(int8_t* p, I32x4 v) {
  const __m128i words = _mm_packs_epi32(v, v);
  const int32_t word = _mm_cvtsi128_si32(_mm_packs_epi16(words, words));
  std::memcpy(p, &word, 4);
}

// _mm_mul_epi32 multiplies lanes 0 and 2, then (shifted down) 1 and 3: addends stored so.
constexpr int kPairLanes[4] = {0, 2, 1, 3};
inline I32x4 mul_add_shift31_i32x4(I32x4 a, I32x4 b, const int64_t* add) {
  const __m128i even = _mm_add_epi64(_mm_mul_epi32(a, b), _mm_loadu_si128(reinterpret_cast<const __m128i*>(add)));
  const __m128i odd = _mm_add_epi64(_mm_mul_epi32(_mm_srli_epi64(a, 32), _mm_srli_epi64(b, 32)),
                                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(add + 2)));
  // even >> 31 has lane 0/2's result in its low halves; odd << 1 has lane 1/3's in its high.
  return _mm_blend_epi16(_mm_srli_epi64(even, 31), _mm_slli_epi64(odd, 1), 0xCC);
}
using I8x16 = __m128i;
inline I16x8 narrow_i32x4(I32x4 a, I32x4 b) { return _mm_packs_epi32(a, b); }
inline I16x8 add_sat_i16x8(I16x8 a, I16x8 b) { return _mm_adds_epi16(a, b); }
inline I8x16 narrow_i16x8(I16x8 a, I16x8 b) { return _mm_packs_epi16(a, b); }
inline I8x16 splat_i8x16(int8_t v) { return _mm_set1_epi8(v); }
inline I8x16 min_i8x16(I8x16 a, I8x16 b) { return _mm_min_epi8(a, b); }
inline I8x16 max_i8x16(I8x16 a, I8x16 b) { return _mm_max_epi8(a, b); }
inline void store_low_i8x8(int8_t* p, I8x16 v) { _mm_storel_epi64(reinterpret_cast<__m128i*>(p), v); }
inline void store_high_i8x8(int8_t* p, I8x16 v) {
  _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_unpackhi_epi64(v, v));
}
inline I8x16 load_i8x16(const int8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline void store_i8x16(int8_t* p, I8x16 v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline I32x4 divide_truncate_i32x4(I32x4 a, float divisor) {
  return _mm_cvttps_epi32(_mm_div_ps(_mm_cvtepi32_ps(a), _mm_set1_ps(divisor)));
}

#else

constexpr const char* kTarget = "portable";
struct I16x8 {
  int16_t lane[8];
};
struct I32x4 {
  int32_t lane[4];
};

inline I16x8 load_i16x8(const int16_t* p) {
  I16x8 v;
  std::memcpy(v.lane, p, sizeof v.lane);
  return v;
}
inline I16x8 load_i8x8_widened(const int8_t* p) {
  I16x8 v;
  for (int i = 0; i < 8; ++i) v.lane[i] = p[i];
  return v;
}
inline void store_i16x8(int16_t* p, I16x8 v) { std::memcpy(p, v.lane, sizeof v.lane); }
inline I16x8 load_i16x2_splat(const int16_t* p) {
  I16x8 v;
  for (int i = 0; i < 8; ++i) v.lane[i] = p[i % 2];
  return v;
}
inline I16x8 splat_i16x8(int16_t value) {
  I16x8 v;
  for (int i = 0; i < 8; ++i) v.lane[i] = value;
  return v;
}
inline I16x8 add_i16x8(I16x8 a, I16x8 b) {
  for (int i = 0; i < 8; ++i) a.lane[i] = static_cast<int16_t>(a.lane[i] + b.lane[i]);
  return a;
}
inline I16x8 mul_i16x8(I16x8 a, I16x8 b) {
  for (int i = 0; i < 8; ++i) a.lane[i] = static_cast<int16_t>(a.lane[i] * b.lane[i]);
  return a;
}
inline I32x4 zero_i32x4() { return I32x4{{0, 0, 0, 0}}; }
inline I32x4 load_i32x4(const int32_t* p) {
  I32x4 v;
  std::memcpy(v.lane, p, sizeof v.lane);
  return v;
}
inline void store_i32x4(int32_t* p, I32x4 v) { std::memcpy(p, v.lane, sizeof v.lane); }
inline I32x4 add_i32x4(I32x4 a, I32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] += b.lane[i];
  return a;
}
inline I32x4 dot_i16x8(I16x8 a, I16x8 b) {
  I32x4 v;
  for (int i = 0; i < 4; ++i) {
    v.lane[i] = int32_t{a.lane[2 * i]} * b.lane[2 * i] + int32_t{a.lane[2 * i + 1]} * b.lane[2 * i + 1];
  }
  return v;
}
inline I32x4 widen_low_i16x8(I16x8 v) { return I32x4{{v.lane[0], v.lane[1], v.lane[2], v.lane[3]}}; }
inline I32x4 widen_high_i16x8(I16x8 v) { return I32x4{{v.lane[4], v.lane[5], v.lane[6], v.lane[7]}}; }
inline I16x8 interleave_low_i16x8(I16x8 a, I16x8 b) {
  I16x8 v;
  for (int i = 0; i < 4; ++i) v.lane[2 * i] = a.lane[i], v.lane[2 * i + 1] = b.lane[i];
  return v;
}
inline I16x8 interleave_high_i16x8(I16x8 a, I16x8 b) {
  I16x8 v;
  for (int i = 0; i < 4; ++i) v.lane[2 * i] = a.lane[4 + i], v.lane[2 * i + 1] = b.lane[4 + i];
  return v;
}
inline I32x4 sum_lanes4(I32x4 a, I32x4 b, I32x4 c, I32x4 d) {
  const auto sum = [](I32x4 v) { return v.lane[0] + v.lane[1] + v.lane[2] + v.lane[3]; };
  return I32x4{{sum(a), sum(b), sum(c), sum(d)}};
}


inline I32x4 splat_i32x4(int32_t v) { return I32x4{{v, v, v, v}}; }
template <typename F>
inline I32x4 lanes_i32x4(I32x4 a, I32x4 b, F f) {
  for (int i = 0; i < 4; ++i) a.lane[i] = f(a.lane[i], b.lane[i]);
  return a;
}
inline I32x4 sub_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return static_cast<int32_t>(static_cast<uint32_t>(x) - static_cast<uint32_t>(y)); }); }
inline I32x4 mul_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return static_cast<int32_t>(static_cast<uint32_t>(x) * static_cast<uint32_t>(y)); }); }
inline I32x4 and_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return x & y; }); }
inline I32x4 greater_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return x > y ? -1 : 0; }); }
inline I32x4 sign_i32x4(I32x4 v) { return lanes_i32x4(v, v, [](int32_t x, int32_t) { return x < 0 ? -1 : 0; }); }
inline I32x4 shift_right_i32x4(I32x4 v, int count) {
  return lanes_i32x4(v, v, [count](int32_t x, int32_t) { return x >= 0 ? x >> count : ~(~x >> count); });
}
inline I32x4 select_i32x4(I32x4 mask, I32x4 a, I32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] = mask.lane[i] ? a.lane[i] : b.lane[i];
  return a;
}
inline I32x4 min_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return x < y ? x : y; }); }
inline I32x4 max_i32x4(I32x4 a, I32x4 b) { return lanes_i32x4(a, b, [](int32_t x, int32_t y) { return x > y ? x : y; }); }
inline I32x4 mul_shift31_i32x4(I32x4 a, I32x4 b, int64_t add) {
  for (int i = 0; i < 4; ++i) {
    const uint64_t sum = static_cast<uint64_t>(int64_t{a.lane[i]} * b.lane[i]) + static_cast<uint64_t>(add);
    a.lane[i] = static_cast<int32_t>(static_cast<uint32_t>(sum >> 31));
  }
  return a;
}
inline void store_int8x4(int8_t* p, I32x4 v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<int8_t>(v.lane[i]);
}

constexpr int kPairLanes[4] = {0, 1, 2, 3};
inline I32x4 mul_add_shift31_i32x4(I32x4 a, I32x4 b, const int64_t* add) {
  for (int i = 0; i < 4; ++i) {
    const uint64_t sum = static_cast<uint64_t>(int64_t{a.lane[i]} * b.lane[i]) + static_cast<uint64_t>(add[i]);
    a.lane[i] = static_cast<int32_t>(static_cast<uint32_t>(sum >> 31));
  }
  return a;
}
struct I8x16 {
  int8_t lane[16];
};
template <typename T>
inline T saturate(int32_t v, int32_t low, int32_t high) {
  return static_cast<T>(v < low ? low : v > high ? high : v);
}
inline I16x8 narrow_i32x4(I32x4 a, I32x4 b) {
  I16x8 v;
  for (int i = 0; i < 4; ++i) {
    v.lane[i] = saturate<int16_t>(a.lane[i], -32768, 32767);
    v.lane[4 + i] = saturate<int16_t>(b.lane[i], -32768, 32767);
  }
  return v;
}
inline I16x8 add_sat_i16x8(I16x8 a, I16x8 b) {
  for (int i = 0; i < 8; ++i) a.lane[i] = saturate<int16_t>(int32_t{a.lane[i]} + b.lane[i], -32768, 32767);
  return a;
}
inline I8x16 narrow_i16x8(I16x8 a, I16x8 b) {
  I8x16 v;
  for (int i = 0; i < 8; ++i) {
    v.lane[i] = saturate<int8_t>(a.lane[i], -128, 127);
    v.lane[8 + i] = saturate<int8_t>(b.lane[i], -128, 127);
  }
  return v;
}
inline I8x16 splat_i8x16(int8_t value) {
  I8x16 v;
  for (auto& lane : v.lane) lane = value;
  return v;
}
inline I8x16 min_i8x16(I8x16 a, I8x16 b) {
  for (int i = 0; i < 16; ++i) a.lane[i] = a.lane[i] < b.lane[i] ? a.lane[i] : b.lane[i];
  return a;
}
inline I8x16 max_i8x16(I8x16 a, I8x16 b) {
  for (int i = 0; i < 16; ++i) a.lane[i] = a.lane[i] > b.lane[i] ? a.lane[i] : b.lane[i];
  return a;
}
inline void store_low_i8x8(int8_t* p, I8x16 v) { std::memcpy(p, v.lane, 8); }
inline void store_high_i8x8(int8_t* p, I8x16 v) { std::memcpy(p, v.lane + 8, 8); }
inline I8x16 load_i8x16(const int8_t* p) {
  I8x16 v;
  std::memcpy(v.lane, p, 16);
  return v;
}
inline void store_i8x16(int8_t* p, I8x16 v) { std::memcpy(p, v.lane, 16); }
inline I32x4 divide_truncate_i32x4(I32x4 a, float divisor) {
  for (auto& lane : a.lane) lane = static_cast<int32_t>(static_cast<float>(lane) / divisor);
  return a;
}

#endif

}  // namespace tinyml::kernels::simd
