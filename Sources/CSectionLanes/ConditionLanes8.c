#include "CSectionLanes.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Products and sums stay separate roundings, as in Swift: a fused multiply-add would change
// the last bit and break the bit-identity with the single-channel filters.
#pragma STDC FP_CONTRACT OFF
#ifdef __clang__
#pragma clang fp contract(off)
#endif

/// Rows per chunk: both cascades' rows (2 × 16 KiB) stay in the first-level cache through
/// their passes.
enum { CHUNK = 256 };

int myo_condition_lanes8_level(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}

// A row of eight channels as two 256-bit halves (lanes 0–3, 4–7), both halves in one pass.

#define AVX2 __attribute__((target("avx2")))
typedef double v4d __attribute__((vector_size(32)));

AVX2 static inline v4d load4(const double *p) { v4d v; __builtin_memcpy(&v, p, sizeof v); return v; }
AVX2 static inline void store4(double *p, v4d v) { __builtin_memcpy(p, &v, sizeof v); }

/// r[j][k] ← r[k][j] for four vectors of four doubles.
AVX2 static inline void transpose4(__m256d r[4]) {
    const __m256d t0 = _mm256_unpacklo_pd(r[0], r[1]), t1 = _mm256_unpackhi_pd(r[0], r[1]);
    const __m256d t2 = _mm256_unpacklo_pd(r[2], r[3]), t3 = _mm256_unpackhi_pd(r[2], r[3]);
    r[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    r[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    r[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    r[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}

/// One section's recursion (`SectionRecursion`) on four lanes: y = b0 x + z1;
/// z1 = b1 x − a1 y + z2; z2 = b2 x − a2 y. The vector operators round each product and sum on
/// its own (contraction is off), in the order written.
#define SECTION4(x, y, b0, b1, b2, a1, a2, z1, z2) \
    const v4d y = b0 * x + z1;                     \
    z1 = b1 * x - a1 * y + z2;                     \
    z2 = b2 * x - a2 * y;

#define COEFFICIENTS4(p, c)                                                      \
    const v4d p##b0 = {(c)[0], (c)[0], (c)[0], (c)[0]};                          \
    const v4d p##b1 = {(c)[1], (c)[1], (c)[1], (c)[1]};                          \
    const v4d p##b2 = {(c)[2], (c)[2], (c)[2], (c)[2]};                          \
    const v4d p##a1 = {(c)[3], (c)[3], (c)[3], (c)[3]};                          \
    const v4d p##a2 = {(c)[4], (c)[4], (c)[4], (c)[4]};

/// A section's state for both halves of a row: z1 and z2, lanes 0–3 (`l`) and 4–7 (`h`).
#define STATE4(p, z)                                                             \
    v4d p##1l = load4(z), p##1h = load4((z) + 4), p##2l = load4((z) + 8), p##2h = load4((z) + 12);
#define SAVE4(p, z)                                                              \
    store4(z, p##1l); store4((z) + 4, p##1h); store4((z) + 8, p##2l); store4((z) + 12, p##2h);
/// Section `p` on both halves: input `x`, output `y`.
#define BOTH(x, y, p)                                                            \
    SECTION4(x##l, y##l, p##b0, p##b1, p##b2, p##a1, p##a2, p##1l, p##2l)        \
    SECTION4(x##h, y##h, p##b0, p##b1, p##b2, p##a1, p##a2, p##1h, p##2h)
#define LOAD_ROW(x, i) const v4d x##l = load4(rows + 8 * (i)), x##h = load4(rows + 8 * (i) + 4);
#define STORE_ROW(x, i) store4(rows + 8 * (i), x##l); store4(rows + 8 * (i) + 4, x##h);

/// Three sections in turn over `rows`, sample by sample: six recursions (three sections, two
/// halves) in flight.
AVX2 static void three4(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS4(p, c) COEFFICIENTS4(q, c + 5) COEFFICIENTS4(r, c + 10)
    STATE4(p, z) STATE4(q, z + 16) STATE4(r, z + 32)
    for (ptrdiff_t i = 0; i < count; i++) {
        LOAD_ROW(x, i) BOTH(x, y, p) BOTH(y, u, q) BOTH(u, v, r) STORE_ROW(v, i)
    }
    SAVE4(p, z) SAVE4(q, z + 16) SAVE4(r, z + 32)
}

/// Two sections in turn.
AVX2 static void two4(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS4(p, c) COEFFICIENTS4(q, c + 5)
    STATE4(p, z) STATE4(q, z + 16)
    for (ptrdiff_t i = 0; i < count; i++) {
        LOAD_ROW(x, i) BOTH(x, y, p) BOTH(y, u, q) STORE_ROW(u, i)
    }
    SAVE4(p, z) SAVE4(q, z + 16)
}

/// One section.
AVX2 static void one4(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS4(p, c)
    STATE4(p, z)
    for (ptrdiff_t i = 0; i < count; i++) {
        LOAD_ROW(x, i) BOTH(x, y, p) STORE_ROW(y, i)
    }
    SAVE4(p, z)
}

/// A whole cascade over `rows`: three sections per pass while three are left, then two or one.
/// How sections are grouped does not change any value, only how many recursions overlap.
AVX2 static void cascade4(double *rows, ptrdiff_t count, myo_lanes8_cascade f) {
    ptrdiff_t k = 0;
    for (; k + 3 <= f.sections; k += 3) three4(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
    if (f.sections - k == 2) two4(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
    else if (f.sections - k == 1) one4(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
}

/// Writes rows [i, i + 4) of `rows` to the eight channels at `offset + i`: the values to
/// `signal` (unless NULL), their squares to `energy`.
AVX2 static void scatter4(const double *rows, ptrdiff_t i, ptrdiff_t offset, double *const *energy,
                          double *const *signal) {
    for (int half = 0; half < 2; half++) {
        __m256d r[4], e[4];
        for (int j = 0; j < 4; j++) {
            r[j] = _mm256_load_pd(rows + 8 * (i + j) + 4 * half);
            e[j] = _mm256_mul_pd(r[j], r[j]);
        }
        transpose4(e);
        for (int c = 0; c < 4; c++) _mm256_storeu_pd(energy[4 * half + c] + offset + i, e[c]);
        if (signal) {
            transpose4(r);
            for (int c = 0; c < 4; c++) _mm256_storeu_pd(signal[4 * half + c] + offset + i, r[c]);
        }
    }
}

AVX2 static void condition256(const double *const *columns, ptrdiff_t count,
                              myo_lanes8_cascade band, myo_lanes8_cascade motion,
                              double *const *band_energy, double *const *band_signal,
                              double *const *motion_energy) {
    _Alignas(64) double bandRows[8 * CHUNK], motionRows[8 * CHUNK];
    for (ptrdiff_t start = 0; start < count; start += CHUNK) {
        const ptrdiff_t n = count - start < CHUNK ? count - start : CHUNK;
        ptrdiff_t i = 0;
        for (; i + 4 <= n; i += 4) {
            for (int half = 0; half < 2; half++) {
                __m256d r[4];
                for (int c = 0; c < 4; c++) r[c] = _mm256_loadu_pd(columns[4 * half + c] + start + i);
                transpose4(r);
                for (int j = 0; j < 4; j++) {
                    _mm256_store_pd(bandRows + 8 * (i + j) + 4 * half, r[j]);
                    _mm256_store_pd(motionRows + 8 * (i + j) + 4 * half, r[j]);
                }
            }
        }
        for (; i < n; i++) {
            for (int c = 0; c < 8; c++) bandRows[8 * i + c] = motionRows[8 * i + c] = columns[c][start + i];
        }
        cascade4(bandRows, n, band);
        cascade4(motionRows, n, motion);
        for (i = 0; i + 4 <= n; i += 4) {
            scatter4(bandRows, i, start, band_energy, band_signal);
            scatter4(motionRows, i, start, motion_energy, NULL);
        }
        for (; i < n; i++) {
            for (int c = 0; c < 8; c++) {
                const double y = bandRows[8 * i + c], m = motionRows[8 * i + c];
                if (band_signal) band_signal[c][start + i] = y;
                band_energy[c][start + i] = y * y;
                motion_energy[c][start + i] = m * m;
            }
        }
    }
}

void myo_condition_lanes8(const double *const *columns, ptrdiff_t count,
                          myo_lanes8_cascade band, myo_lanes8_cascade motion,
                          double *const *band_energy, double *const *band_signal,
                          double *const *motion_energy, int level) {
    if (level == 1) condition256(columns, count, band, motion, band_energy, band_signal, motion_energy);
}

#else  // no kernel on this platform: the Swift lanes run

int myo_condition_lanes8_level(void) { return 0; }
void myo_condition_lanes8(const double *const *columns, ptrdiff_t count,
                          myo_lanes8_cascade band, myo_lanes8_cascade motion,
                          double *const *band_energy, double *const *band_signal,
                          double *const *motion_energy, int level) {
    (void)columns; (void)count; (void)band; (void)motion;
    (void)band_energy; (void)band_signal; (void)motion_energy; (void)level;
}

#endif
