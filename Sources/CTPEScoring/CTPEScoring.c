#include "CTPEScoring.h"
#include <math.h>

// Every multiply and subtract is rounded on its own, as in the Swift code this mirrors.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

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
#include <immintrin.h>

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

// Most terms are far below the cutoff: test eight at a time and only visit the groups holding one
// above it (the sum still runs in k order).
__attribute__((target("avx2")))
static double sum_avx2(const double *terms, long count, double largest, double cutoff) {
  const __m256d cut = _mm256_set1_pd(cutoff);
  double sum = 0.0;
  long k = 0;
  for (; k + 8 <= count; k += 8) {
    int above = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(terms + k), cut, _CMP_GT_OQ)) |
                _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(terms + k + 4), cut, _CMP_GT_OQ)) << 4;
    while (above) {
      int lane = __builtin_ctz(above);
      above &= above - 1;
      sum += exp(terms[k + lane] - largest);
    }
  }
  for (; k < count; k++) if (terms[k] > cutoff) sum += exp(terms[k] - largest);
  return sum;
}
#endif

double hps_tpe_score_kernels_portable(const double *base, const double *const *mus, const double *const *inv_sigmas,
                                      const double *x, long dims, long count, double *terms) {
  return score_portable(base, mus, inv_sigmas, x, dims, 0, count, terms, -INFINITY);
}

double hps_tpe_log_sum_exp_portable(const double *terms, long count, double largest) {
  if (largest == -INFINITY || largest == INFINITY) return largest;
  double cutoff = largest - 40;
  double sum = 0.0;
  for (long k = 0; k < count; k++) if (terms[k] > cutoff) sum += exp(terms[k] - largest);
  return largest + log(sum);
}

double hps_tpe_log_sum_exp(const double *terms, long count, double largest) {
  if (largest == -INFINITY || largest == INFINITY) return largest;
  double cutoff = largest - 40;
  double sum = 0.0;
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) {
    sum = sum_avx2(terms, count, largest, cutoff);
  } else
#endif
  {
    for (long k = 0; k < count; k++) if (terms[k] > cutoff) sum += exp(terms[k] - largest);
  }
  return largest + log(sum);
}

double hps_tpe_score_kernels(const double *base, const double *const *mus, const double *const *inv_sigmas,
                             const double *x, long dims, long count, double *terms) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) return score_avx2(base, mus, inv_sigmas, x, dims, count, terms);
#endif
  return score_portable(base, mus, inv_sigmas, x, dims, 0, count, terms, -INFINITY);
}

void hps_tpe_score_kernels4(const double *base, const double *const *mus, const double *const *inv_sigmas,
                            const double *x, long dims, long count, double *terms, double *largest) {
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) {
    score4_avx2(base, mus, inv_sigmas, x, dims, count, terms, largest);
    return;
  }
#endif
  for (int p = 0; p < 4; p++)
    largest[p] = score_portable(base, mus, inv_sigmas, x + p * dims, dims, 0, count, terms + p * count, -INFINITY);
}
