// TPE's hot loop in C so that it can use AVX2 where the CPU has it (chosen at run time); the
// portable loop gives the same bits. See HPSSearch/Samplers/TPE/ParzenEstimator+Scoring.swift.
#ifndef CTPESCORING_H
#define CTPESCORING_H

/// For kernel k: terms[k] = base[k] - Σ_d (0.5·z)·z with z = (x[d] - mus[d][k])·inv_sigmas[d][k],
/// subtracted dimension by dimension in order, each operation rounded (no fused multiply-add).
/// Returns the largest term (-infinity when there is none above -infinity).
double hps_tpe_score_kernels(const double *base, const double *const *mus, const double *const *inv_sigmas,
                             const double *x, long dims, long count, double *terms);

/// `hps_tpe_score_kernels` for four points at once (x: point p's coordinates at x[p·dims…];
/// terms: point p's at terms[p·count…]; largest[p]): the same bits, each kernel's columns read
/// once for the four.
void hps_tpe_score_kernels4(const double *base, const double *const *mus, const double *const *inv_sigmas,
                            const double *x, long dims, long count, double *terms, double *largest);

/// log Σ_k exp(terms[k] - largest) + largest over the terms above largest - 40 (smaller ones change
/// the sum by less than 1e-17 relative); `largest` is the largest term. The exponentials are
/// `hps_tpe_exp`'s; the c-th term above the cutoff (in k order) is added to partial sum c mod 4 and
/// the four are combined as (s0 + s1) + (s2 + s3), on every path. `terms` is used as scratch
/// space: its contents are undefined afterwards.
double hps_tpe_log_sum_exp(double *terms, long count, double largest);

/// out[i] = log(x[i]) within 0.9 ulp for positive normal x[i] (others get the C library's log):
/// the kernel weights' logarithms, four at a time with AVX2. Both functions give the same bits.
void hps_tpe_log_array(const double *x, double *out, long count);
void hps_tpe_log_array_portable(const double *x, double *out, long count);

/// exp(x) for x in [-40, 0], within 0.9 ulp of the exact value (the log-sum-exp's exponential).
double hps_tpe_exp(double x);

/// The same two without AVX2 whatever the CPU (the tests compare the bits of both paths).
double hps_tpe_score_kernels_portable(const double *base, const double *const *mus, const double *const *inv_sigmas,
                                      const double *x, long dims, long count, double *terms);
double hps_tpe_log_sum_exp_portable(const double *terms, long count, double largest);

/// The widest instruction set this CPU offers the functions above: 2 AVX-512, 1 AVX2 with FMA,
/// 0 none (the portable loops).
int hps_tpe_cpu_instruction_set(void);

/// Lets the functions above use instruction sets up to `level` only (2 by default, 0 when
/// HPS_DISABLE_AVX2=1): the tests run every path the CPU has and compare their bits.
void hps_tpe_allow_instruction_set(int level);

#endif
