#include "CTPEScoring.h"
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

// The widest instruction set the dispatch below may use: 2 AVX-512, 1 AVX2 (with FMA), 0 none.
// HPS_DISABLE_AVX2=1 starts it at 0, as it does for the trainer's kernels; the tests lower it to
// run every path this CPU has (they all give the same bits, so other threads are unaffected).
static _Atomic int widest_allowed = -1;

static int allowed(void) {
  int level = atomic_load_explicit(&widest_allowed, memory_order_relaxed);
  if (level < 0) {
    const char *off = getenv("HPS_DISABLE_AVX2");
    level = off && strcmp(off, "1") == 0 ? 0 : 2;
    atomic_store_explicit(&widest_allowed, level, memory_order_relaxed);
  }
  return level;
}

void hps_tpe_allow_instruction_set(int level) {
  atomic_store_explicit(&widest_allowed, level, memory_order_relaxed);
}

int hps_tpe_cpu_instruction_set(void) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx512f")) return 2;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 1;
#endif
  return 0;
}

// Every multiply and subtract is rounded on its own, as in the Swift code this mirrors.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

// exp(x) for x in [-40, 0] (the log-sum-exp's range), within 0.9 ulp: Cody-Waite reduction by
// ln 2 and a degree-13 Taylor polynomial, each step one fused multiply-add. The vector loop below
// runs the same operations on four lanes, so both give the same bits (glibc's exp is scalar only,
// and was ~2/3 of the scoring time at trial 1,000).
#define EXP_LN2_HI 0x1.62e42feep-1
#define EXP_LN2_LO 0x1.a39ef35793c76p-33
#define EXP_LOG2E 0x1.71547652b82fep+0
static const double exp_taylor[12] = {
  0x1.6124613a86d09p-33, 0x1.1eed8eff8d898p-29, 0x1.ae64567f544e4p-26, 0x1.27e4fb7789f5cp-22,
  0x1.71de3a556c734p-19, 0x1.a01a01a01a01ap-16, 0x1.a01a01a01a01ap-13, 0x1.6c16c16c16c17p-10,
  0x1.1111111111111p-7, 0x1.5555555555555p-5, 0x1.5555555555555p-3, 0x1.0p-1};

static double exp_near_zero(double x) {
  double n = nearbyint(x * EXP_LOG2E);
  double r = fma(-n, EXP_LN2_HI, x);
  r = fma(-n, EXP_LN2_LO, r);
  double p = exp_taylor[0];
  for (int i = 1; i < 12; i++) p = fma(p, r, exp_taylor[i]);
  p = fma(p, r, 1.0);
  p = fma(p, r, 1.0);
  union { unsigned long long bits; double value; } scale = {(unsigned long long)((long long)n + 1023) << 52};
  return p * scale.value;
}

double hps_tpe_exp(double x) { return exp_near_zero(x); }

// log(x) for positive normal x, within 0.9 ulp: x = m·2^k with m in [√½, √2), then
// log m = f − (f²/2 − s·(f²/2 + R)) with f = m − 1, s = f/(2 + f) and R the atanh series in s² to
// s^20 (degree-9 Horner by fused multiply-adds). The vector loop runs the same operations.
static const double atanh_taylor[9] = {
  0x1.8618618618618p-4, 0x1.af286bca1af28p-4, 0x1.e1e1e1e1e1e1ep-4, 0x1.1111111111111p-3, 0x1.3b13b13b13b14p-3,
  0x1.745d1745d1746p-3, 0x1.c71c71c71c71cp-3, 0x1.2492492492492p-2, 0x1.999999999999ap-2};  // 2/21 … 2/5
#define LOG_TWO_THIRDS 0x1.5555555555555p-1
#define LOG_SQRT2 0x1.6a09e667f3bcdp+0

static double log_positive(double x) {
  if (!(x >= 0x1p-1022 && x <= 0x1.fffffffffffffp+1023)) return log(x);
  union { double value; unsigned long long bits; } u = {x};
  double k = (double)((long long)(u.bits >> 52) - 1023);
  u.bits = (u.bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  double m = u.value;
  if (m > LOG_SQRT2) { m = m * 0.5; k = k + 1.0; }
  double f = m - 1.0;
  double s = f / (2.0 + f);
  double z = s * s;
  double r = atanh_taylor[0];
  for (int i = 1; i < 9; i++) r = fma(r, z, atanh_taylor[i]);
  r = fma(r, z, LOG_TWO_THIRDS);
  r = r * z;
  double hfsq = 0.5 * f * f;
  return k * EXP_LN2_HI - ((hfsq - (s * (hfsq + r) + k * EXP_LN2_LO)) - f);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma")))
static void log_array_avx2(const double *x, double *out, long count) {
  const __m256d lowest = _mm256_set1_pd(0x1p-1022), highest = _mm256_set1_pd(0x1.fffffffffffffp+1023);
  const __m256i mantissa = _mm256_set1_epi64x(0x000fffffffffffffLL), one = _mm256_set1_epi64x(0x3ff0000000000000LL);
  // 2^52 + the biased exponent, read as a double, minus 2^52 + 1023: the exponent, exactly.
  const __m256i magic = _mm256_set1_epi64x(0x4330000000000000LL);
  const __m256d unbias = _mm256_set1_pd(0x1p52 + 1023.0);
  long i = 0;
  for (; i + 4 <= count; i += 4) {
    __m256d v = _mm256_loadu_pd(x + i);
    __m256d ok = _mm256_and_pd(_mm256_cmp_pd(v, lowest, _CMP_GE_OQ), _mm256_cmp_pd(v, highest, _CMP_LE_OQ));
    if (_mm256_movemask_pd(ok) != 15) {
      for (int j = 0; j < 4; j++) out[i + j] = log_positive(x[i + j]);
      continue;
    }
    __m256i bits = _mm256_castpd_si256(v);
    __m256d k = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(bits, 52), magic)), unbias);
    __m256d m = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(bits, mantissa), one));
    __m256d big = _mm256_cmp_pd(m, _mm256_set1_pd(LOG_SQRT2), _CMP_GT_OQ);
    m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), big);
    k = _mm256_blendv_pd(k, _mm256_add_pd(k, _mm256_set1_pd(1.0)), big);
    __m256d f = _mm256_sub_pd(m, _mm256_set1_pd(1.0));
    __m256d s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
    __m256d z = _mm256_mul_pd(s, s);
    __m256d r = _mm256_set1_pd(atanh_taylor[0]);
    for (int t = 1; t < 9; t++) r = _mm256_fmadd_pd(r, z, _mm256_set1_pd(atanh_taylor[t]));
    r = _mm256_fmadd_pd(r, z, _mm256_set1_pd(LOG_TWO_THIRDS));
    r = _mm256_mul_pd(r, z);
    __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), f), f);
    __m256d inner = _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, r)), _mm256_mul_pd(k, _mm256_set1_pd(EXP_LN2_LO)));
    __m256d result = _mm256_sub_pd(_mm256_mul_pd(k, _mm256_set1_pd(EXP_LN2_HI)), _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
    _mm256_storeu_pd(out + i, result);
  }
  for (; i < count; i++) out[i] = log_positive(x[i]);
}
#endif

void hps_tpe_log_array(const double *x, double *out, long count) {
#if defined(__x86_64__)
  if (allowed() >= 1 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    log_array_avx2(x, out, count);
    return;
  }
#endif
  for (long i = 0; i < count; i++) out[i] = log_positive(x[i]);
}

void hps_tpe_log_array_portable(const double *x, double *out, long count) {
  for (long i = 0; i < count; i++) out[i] = log_positive(x[i]);
}

// The sum of exp(terms[k] - largest) over the terms above the cutoff: the c-th of them (in k
// order) goes into partial sum c mod 4, and the four are combined as (s0 + s1) + (s2 + s3).
static double sum_portable(const double *terms, long count, double largest, double cutoff) {
  double lanes[4] = {0, 0, 0, 0};
  long c = 0;
  for (long k = 0; k < count; k++)
    if (terms[k] > cutoff) lanes[c++ & 3] += exp_near_zero(terms[k] - largest);
  return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

static double score_portable(const double *base, const double *const *mus, const double *const *inv_sigmas,
                             const double *x, long dims, long begin, long count, double *terms, double largest) {
  for (long k = begin; k < count; k++) {
    double v = base[k];
    for (long d = 0; d < dims; d++) {
      double z = (x[d] - mus[d][k]) * inv_sigmas[d][k];
      double half = 0.5 * z;
      v -= half * z;
    }
    terms[k] = v;
    if (v > largest) largest = v;
  }
  return largest;
}

#if defined(__x86_64__)

// `exp_near_zero` on four and on eight lanes: the same operations, lane by lane.
__attribute__((target("avx2,fma"), always_inline))
static inline __m256d exp_near_zero_avx2(__m256d x) {
  __m256d n = _mm256_round_pd(_mm256_mul_pd(x, _mm256_set1_pd(EXP_LOG2E)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256d r = _mm256_fnmadd_pd(n, _mm256_set1_pd(EXP_LN2_HI), x);
  r = _mm256_fnmadd_pd(n, _mm256_set1_pd(EXP_LN2_LO), r);
  __m256d p = _mm256_set1_pd(exp_taylor[0]);
  for (int i = 1; i < 12; i++) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(exp_taylor[i]));
  p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
  p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
  __m256i e = _mm256_slli_epi64(_mm256_add_epi64(_mm256_cvtepi32_epi64(_mm256_cvtpd_epi32(n)), _mm256_set1_epi64x(1023)), 52);
  return _mm256_mul_pd(p, _mm256_castsi256_pd(e));
}

__attribute__((target("avx512f"), always_inline))
static inline __m512d exp_near_zero_avx512(__m512d x) {
  __m512d n = _mm512_roundscale_pd(_mm512_mul_pd(x, _mm512_set1_pd(EXP_LOG2E)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512d r = _mm512_fnmadd_pd(n, _mm512_set1_pd(EXP_LN2_HI), x);
  r = _mm512_fnmadd_pd(n, _mm512_set1_pd(EXP_LN2_LO), r);
  __m512d p = _mm512_set1_pd(exp_taylor[0]);
  for (int i = 1; i < 12; i++) p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(exp_taylor[i]));
  p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
  p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
  __m512i e = _mm512_slli_epi64(_mm512_add_epi64(_mm512_cvtepi32_epi64(_mm512_cvtpd_epi32(n)), _mm512_set1_epi64(1023)), 52);
  return _mm512_mul_pd(p, _mm512_castsi512_pd(e));
}

// One loop body per dimension count up to 8 (the compiler unrolls the dimensions and keeps the
// point and the column addresses in registers); `dims` is a constant wherever this is inlined.
__attribute__((target("avx2"), always_inline))
static inline double score_avx2_dims(const double *restrict base, const double *const *mus,
                                     const double *const *inv_sigmas, const double *x, long dims, long count,
                                     double *restrict terms) {
  const __m256d half = _mm256_set1_pd(0.5);
  __m256d largest4 = _mm256_set1_pd(-INFINITY);
  long k = 0;
  for (; k + 4 <= count; k += 4) {
    __m256d v = _mm256_loadu_pd(base + k);
    for (long d = 0; d < dims; d++) {
      __m256d z = _mm256_mul_pd(_mm256_sub_pd(_mm256_set1_pd(x[d]), _mm256_loadu_pd(mus[d] + k)),
                                _mm256_loadu_pd(inv_sigmas[d] + k));
      v = _mm256_sub_pd(v, _mm256_mul_pd(_mm256_mul_pd(half, z), z));
    }
    _mm256_storeu_pd(terms + k, v);
    largest4 = _mm256_blendv_pd(largest4, v, _mm256_cmp_pd(v, largest4, _CMP_GT_OQ));
  }
  double lanes[4];
  _mm256_storeu_pd(lanes, largest4);
  double largest = -INFINITY;
  for (int i = 0; i < 4; i++) if (lanes[i] > largest) largest = lanes[i];
  return score_portable(base, mus, inv_sigmas, x, dims, k, count, terms, largest);
}

__attribute__((target("avx2")))
static double score_avx2(const double *base, const double *const *mus, const double *const *inv_sigmas,
                         const double *x, long dims, long count, double *terms) {
  switch (dims) {
    case 1: return score_avx2_dims(base, mus, inv_sigmas, x, 1, count, terms);
    case 2: return score_avx2_dims(base, mus, inv_sigmas, x, 2, count, terms);
    case 3: return score_avx2_dims(base, mus, inv_sigmas, x, 3, count, terms);
    case 4: return score_avx2_dims(base, mus, inv_sigmas, x, 4, count, terms);
    case 5: return score_avx2_dims(base, mus, inv_sigmas, x, 5, count, terms);
    case 6: return score_avx2_dims(base, mus, inv_sigmas, x, 6, count, terms);
    case 7: return score_avx2_dims(base, mus, inv_sigmas, x, 7, count, terms);
    case 8: return score_avx2_dims(base, mus, inv_sigmas, x, 8, count, terms);
    default: return score_avx2_dims(base, mus, inv_sigmas, x, dims, count, terms);
  }
}

// Four points at once: each block of four kernels' columns is loaded once for the four points;
// every point's terms get the same operations in the same order as in `score_avx2_dims`.
__attribute__((target("avx2"), always_inline))
static inline void score4_avx2_dims(const double *restrict base, const double *const *mus,
                                    const double *const *inv_sigmas, const double *x, long dims, long count,
                                    double *restrict terms, double *largest) {
  const __m256d half = _mm256_set1_pd(0.5);
  __m256d largest4[4];
  for (int p = 0; p < 4; p++) largest4[p] = _mm256_set1_pd(-INFINITY);
  long k = 0;
  for (; k + 4 <= count; k += 4) {
    __m256d v[4];
    v[0] = v[1] = v[2] = v[3] = _mm256_loadu_pd(base + k);
    for (long d = 0; d < dims; d++) {
      __m256d mu = _mm256_loadu_pd(mus[d] + k), inv = _mm256_loadu_pd(inv_sigmas[d] + k);
      for (int p = 0; p < 4; p++) {
        __m256d z = _mm256_mul_pd(_mm256_sub_pd(_mm256_set1_pd(x[p * dims + d]), mu), inv);
        v[p] = _mm256_sub_pd(v[p], _mm256_mul_pd(_mm256_mul_pd(half, z), z));
      }
    }
    for (int p = 0; p < 4; p++) {
      _mm256_storeu_pd(terms + p * count + k, v[p]);
      largest4[p] = _mm256_blendv_pd(largest4[p], v[p], _mm256_cmp_pd(v[p], largest4[p], _CMP_GT_OQ));
    }
  }
  for (int p = 0; p < 4; p++) {
    double lanes[4];
    _mm256_storeu_pd(lanes, largest4[p]);
    double l = -INFINITY;
    for (int i = 0; i < 4; i++) if (lanes[i] > l) l = lanes[i];
    largest[p] = score_portable(base, mus, inv_sigmas, x + p * dims, dims, k, count, terms + p * count, l);
  }
}

__attribute__((target("avx2")))
static void score4_avx2(const double *base, const double *const *mus, const double *const *inv_sigmas,
                        const double *x, long dims, long count, double *terms, double *largest) {
  switch (dims) {
    case 1: score4_avx2_dims(base, mus, inv_sigmas, x, 1, count, terms, largest); return;
    case 2: score4_avx2_dims(base, mus, inv_sigmas, x, 2, count, terms, largest); return;
    case 3: score4_avx2_dims(base, mus, inv_sigmas, x, 3, count, terms, largest); return;
    case 4: score4_avx2_dims(base, mus, inv_sigmas, x, 4, count, terms, largest); return;
    case 5: score4_avx2_dims(base, mus, inv_sigmas, x, 5, count, terms, largest); return;
    case 6: score4_avx2_dims(base, mus, inv_sigmas, x, 6, count, terms, largest); return;
    case 7: score4_avx2_dims(base, mus, inv_sigmas, x, 7, count, terms, largest); return;
    case 8: score4_avx2_dims(base, mus, inv_sigmas, x, 8, count, terms, largest); return;
    default: score4_avx2_dims(base, mus, inv_sigmas, x, dims, count, terms, largest); return;
  }
}

// `sum_avx2` with AVX-512: packing eight terms a step by compression, and the exponentials of
// eight packed terms a step, whose two halves are added to the four partial sums one after the
// other (term c still goes to partial sum c mod 4, in the same order).
__attribute__((target("avx512f")))
static double sum_avx512(double *terms, long count, double largest, double cutoff) {
  const __m512d cut = _mm512_set1_pd(cutoff), top = _mm512_set1_pd(largest);
  long packed = 0, k = 0;
  for (; k + 8 <= count; k += 8) {
    __m512d t = _mm512_loadu_pd(terms + k);
    __mmask8 above = _mm512_cmp_pd_mask(t, cut, _CMP_GT_OQ);
    _mm512_storeu_pd(terms + packed, _mm512_maskz_compress_pd(above, _mm512_sub_pd(t, top)));
    packed += __builtin_popcount(above);
  }
  for (; k < count; k++) if (terms[k] > cutoff) terms[packed++] = terms[k] - largest;

  __m256d lanes = _mm256_setzero_pd();
  for (long c = 0; c < packed; c += 8) {
    long left = packed - c;
    __mmask8 valid = left >= 8 ? 0xff : (__mmask8)((1u << left) - 1);
    __m512d x = _mm512_maskz_loadu_pd(valid, terms + c);
    __m512d value = _mm512_maskz_mov_pd(valid, exp_near_zero_avx512(x));
    lanes = _mm256_add_pd(lanes, _mm512_castpd512_pd256(value));
    lanes = _mm256_add_pd(lanes, _mm512_extractf64x4_pd(value, 1));
  }
  double l[4];
  _mm256_storeu_pd(l, lanes);
  return (l[0] + l[1]) + (l[2] + l[3]);
}

// `score4_avx2_dims` eight kernels at a time, for CPUs with AVX-512 (the same operations per lane).
__attribute__((target("avx512f"), always_inline))
static inline void score4_avx512_dims(const double *restrict base, const double *const *mus,
                                      const double *const *inv_sigmas, const double *x, long dims, long count,
                                      double *restrict terms, double *largest) {
  const __m512d half = _mm512_set1_pd(0.5);
  __m512d largest8[4];
  for (int p = 0; p < 4; p++) largest8[p] = _mm512_set1_pd(-INFINITY);
  long k = 0;
  for (; k + 8 <= count; k += 8) {
    __m512d v[4];
    v[0] = v[1] = v[2] = v[3] = _mm512_loadu_pd(base + k);
    for (long d = 0; d < dims; d++) {
      __m512d mu = _mm512_loadu_pd(mus[d] + k), inv = _mm512_loadu_pd(inv_sigmas[d] + k);
      for (int p = 0; p < 4; p++) {
        __m512d z = _mm512_mul_pd(_mm512_sub_pd(_mm512_set1_pd(x[p * dims + d]), mu), inv);
        v[p] = _mm512_sub_pd(v[p], _mm512_mul_pd(_mm512_mul_pd(half, z), z));
      }
    }
    for (int p = 0; p < 4; p++) {
      _mm512_storeu_pd(terms + p * count + k, v[p]);
      largest8[p] = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(v[p], largest8[p], _CMP_GT_OQ), largest8[p], v[p]);
    }
  }
  for (int p = 0; p < 4; p++) {
    double lanes[8];
    _mm512_storeu_pd(lanes, largest8[p]);
    double l = -INFINITY;
    for (int i = 0; i < 8; i++) if (lanes[i] > l) l = lanes[i];
    largest[p] = score_portable(base, mus, inv_sigmas, x + p * dims, dims, k, count, terms + p * count, l);
  }
}

__attribute__((target("avx512f")))
static void score4_avx512(const double *base, const double *const *mus, const double *const *inv_sigmas,
                          const double *x, long dims, long count, double *terms, double *largest) {
  switch (dims) {
    case 1: score4_avx512_dims(base, mus, inv_sigmas, x, 1, count, terms, largest); return;
    case 2: score4_avx512_dims(base, mus, inv_sigmas, x, 2, count, terms, largest); return;
    case 3: score4_avx512_dims(base, mus, inv_sigmas, x, 3, count, terms, largest); return;
    case 4: score4_avx512_dims(base, mus, inv_sigmas, x, 4, count, terms, largest); return;
    case 5: score4_avx512_dims(base, mus, inv_sigmas, x, 5, count, terms, largest); return;
    case 6: score4_avx512_dims(base, mus, inv_sigmas, x, 6, count, terms, largest); return;
    case 7: score4_avx512_dims(base, mus, inv_sigmas, x, 7, count, terms, largest); return;
    case 8: score4_avx512_dims(base, mus, inv_sigmas, x, 8, count, terms, largest); return;
    default: score4_avx512_dims(base, mus, inv_sigmas, x, dims, count, terms, largest); return;
  }
}

// `sum_portable` in two branch-free passes (which blocks hold a term above the cutoff is random,
// and a branch per block mispredicted more often than not): the terms above the cutoff are
// packed, minus `largest`, to the front of `terms`; then their exponentials are summed four at a
// time, term c in lane c mod 4 as in `sum_portable`.
__attribute__((target("avx2,fma")))
static double sum_avx2(double *terms, long count, double largest, double cutoff) {
  // For each 4-bit mask, the 32-bit lane pairs that move the selected doubles to the front.
  static const int pack[16][8] = {
    {0, 1, 0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 0, 1}, {2, 3, 0, 1, 0, 1, 0, 1}, {0, 1, 2, 3, 0, 1, 0, 1},
    {4, 5, 0, 1, 0, 1, 0, 1}, {0, 1, 4, 5, 0, 1, 0, 1}, {2, 3, 4, 5, 0, 1, 0, 1}, {0, 1, 2, 3, 4, 5, 0, 1},
    {6, 7, 0, 1, 0, 1, 0, 1}, {0, 1, 6, 7, 0, 1, 0, 1}, {2, 3, 6, 7, 0, 1, 0, 1}, {0, 1, 2, 3, 6, 7, 0, 1},
    {4, 5, 6, 7, 0, 1, 0, 1}, {0, 1, 4, 5, 6, 7, 0, 1}, {2, 3, 4, 5, 6, 7, 0, 1}, {0, 1, 2, 3, 4, 5, 6, 7}};
  const __m256d cut = _mm256_set1_pd(cutoff), top = _mm256_set1_pd(largest);
  // Packing in place is safe: the write position never passes the block just read.
  long packed = 0, k = 0;
  for (; k + 4 <= count; k += 4) {
    __m256d t = _mm256_loadu_pd(terms + k);
    int mask = _mm256_movemask_pd(_mm256_cmp_pd(t, cut, _CMP_GT_OQ));
    __m256i order = _mm256_loadu_si256((const __m256i *)pack[mask]);
    _mm256_storeu_pd(terms + packed, _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(_mm256_sub_pd(t, top)), order)));
    packed += __builtin_popcount(mask);
  }
  for (; k < count; k++) if (terms[k] > cutoff) terms[packed++] = terms[k] - largest;

  __m256d lanes = _mm256_setzero_pd();
  const __m256d index = _mm256_set_pd(3, 2, 1, 0);
  for (long c = 0; c < packed; c += 4) {
    // The last block may be partial: its missing lanes get x = 0 and add nothing.
    __m256d valid = _mm256_cmp_pd(index, _mm256_set1_pd((double)(packed - c)), _CMP_LT_OQ);
    __m256d x = c + 4 <= packed ? _mm256_loadu_pd(terms + c)
                                : _mm256_and_pd(_mm256_maskload_pd(terms + c, _mm256_castpd_si256(valid)), valid);
    lanes = _mm256_add_pd(lanes, _mm256_and_pd(exp_near_zero_avx2(x), valid));
  }
  double l[4];
  _mm256_storeu_pd(l, lanes);
  return (l[0] + l[1]) + (l[2] + l[3]);
}
#endif

double hps_tpe_score_kernels_portable(const double *base, const double *const *mus, const double *const *inv_sigmas,
                                      const double *x, long dims, long count, double *terms) {
  return score_portable(base, mus, inv_sigmas, x, dims, 0, count, terms, -INFINITY);
}

double hps_tpe_log_sum_exp_portable(const double *terms, long count, double largest) {
  if (largest == -INFINITY || largest == INFINITY) return largest;
  return largest + log(sum_portable(terms, count, largest, largest - 40));
}

double hps_tpe_log_sum_exp(double *terms, long count, double largest) {
  if (largest == -INFINITY || largest == INFINITY) return largest;
  double cutoff = largest - 40;
  double sum;
#if defined(__x86_64__)
  if (allowed() >= 2 && __builtin_cpu_supports("avx512f")) {
    sum = sum_avx512(terms, count, largest, cutoff);
  } else if (allowed() >= 1 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    sum = sum_avx2(terms, count, largest, cutoff);
  } else
#endif
  {
    sum = sum_portable(terms, count, largest, cutoff);
  }
  return largest + log(sum);
}

double hps_tpe_score_kernels(const double *base, const double *const *mus, const double *const *inv_sigmas,
                             const double *x, long dims, long count, double *terms) {
#if defined(__x86_64__)
  if (allowed() >= 1 && __builtin_cpu_supports("avx2")) return score_avx2(base, mus, inv_sigmas, x, dims, count, terms);
#endif
  return score_portable(base, mus, inv_sigmas, x, dims, 0, count, terms, -INFINITY);
}

void hps_tpe_score_kernels4(const double *base, const double *const *mus, const double *const *inv_sigmas,
                            const double *x, long dims, long count, double *terms, double *largest) {
#if defined(__x86_64__)
  if (allowed() >= 2 && __builtin_cpu_supports("avx512f")) {
    score4_avx512(base, mus, inv_sigmas, x, dims, count, terms, largest);
    return;
  }
  if (allowed() >= 1 && __builtin_cpu_supports("avx2")) {
    score4_avx2(base, mus, inv_sigmas, x, dims, count, terms, largest);
    return;
  }
#endif
  for (int p = 0; p < 4; p++)
    largest[p] = score_portable(base, mus, inv_sigmas, x + p * dims, dims, 0, count, terms + p * count, -INFINITY);
}
