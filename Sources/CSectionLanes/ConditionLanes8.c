#include "CSectionLanes.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Products and sums stay separate roundings, as in Swift: a fused multiply-add would change
// the last bit and break the bit-identity with the single-channel filters.
#pragma STDC FP_CONTRACT OFF
#ifdef __clang__
#pragma clang fp contract(off)
#endif

#define AVX512 __attribute__((target("avx512f")))
#define MUL _mm512_mul_pd
#define ADD _mm512_add_pd
#define SUB _mm512_sub_pd

bool myo_condition_lanes8_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

/// r[j][k] ← r[k][j]: eight vectors of eight doubles transposed in 24 two-source permutes.
AVX512 static inline void transpose8(__m512d r[8]) {
    __m512d s[8], t[8];
    for (int k = 0; k < 8; k += 2) {
        s[k] = _mm512_unpacklo_pd(r[k], r[k + 1]);
        s[k + 1] = _mm512_unpackhi_pd(r[k], r[k + 1]);
    }
    const __m512i pairsLow = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0);
    const __m512i pairsHigh = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    for (int h = 0; h < 8; h += 4) {
        t[h + 0] = _mm512_permutex2var_pd(s[h + 0], pairsLow, s[h + 2]);
        t[h + 1] = _mm512_permutex2var_pd(s[h + 0], pairsHigh, s[h + 2]);
        t[h + 2] = _mm512_permutex2var_pd(s[h + 1], pairsLow, s[h + 3]);
        t[h + 3] = _mm512_permutex2var_pd(s[h + 1], pairsHigh, s[h + 3]);
    }
    const __m512i halvesLow = _mm512_set_epi64(11, 10, 9, 8, 3, 2, 1, 0);
    const __m512i halvesHigh = _mm512_set_epi64(15, 14, 13, 12, 7, 6, 5, 4);
    r[0] = _mm512_permutex2var_pd(t[0], halvesLow, t[4]);
    r[4] = _mm512_permutex2var_pd(t[0], halvesHigh, t[4]);
    r[2] = _mm512_permutex2var_pd(t[1], halvesLow, t[5]);
    r[6] = _mm512_permutex2var_pd(t[1], halvesHigh, t[5]);
    r[1] = _mm512_permutex2var_pd(t[2], halvesLow, t[6]);
    r[5] = _mm512_permutex2var_pd(t[2], halvesHigh, t[6]);
    r[3] = _mm512_permutex2var_pd(t[3], halvesLow, t[7]);
    r[7] = _mm512_permutex2var_pd(t[3], halvesHigh, t[7]);
}

/// One section's recursion (`SectionRecursion`): y = b0 x + z1; z1 = b1 x − a1 y + z2;
/// z2 = b2 x − a2 y.
#define SECTION(x, y, b0, b1, b2, a1, a2, z1, z2) \
    const __m512d y = ADD(MUL(b0, x), z1);       \
    z1 = ADD(SUB(MUL(b1, x), MUL(a1, y)), z2);   \
    z2 = SUB(MUL(b2, x), MUL(a2, y));

#define COEFFICIENTS(p, c)                                                           \
    const __m512d p##b0 = _mm512_set1_pd((c)[0]), p##b1 = _mm512_set1_pd((c)[1]),    \
                  p##b2 = _mm512_set1_pd((c)[2]), p##a1 = _mm512_set1_pd((c)[3]),    \
                  p##a2 = _mm512_set1_pd((c)[4]);

/// Three sections in turn over `rows`, sample by sample: three independent recursions in flight.
AVX512 static void three(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS(p, c) COEFFICIENTS(q, c + 5) COEFFICIENTS(r, c + 10)
    __m512d p1 = _mm512_loadu_pd(z), p2 = _mm512_loadu_pd(z + 8);
    __m512d q1 = _mm512_loadu_pd(z + 16), q2 = _mm512_loadu_pd(z + 24);
    __m512d r1 = _mm512_loadu_pd(z + 32), r2 = _mm512_loadu_pd(z + 40);
    for (ptrdiff_t i = 0; i < count; i++) {
        const __m512d x = _mm512_loadu_pd(rows + 8 * i);
        SECTION(x, y, pb0, pb1, pb2, pa1, pa2, p1, p2)
        SECTION(y, u, qb0, qb1, qb2, qa1, qa2, q1, q2)
        SECTION(u, v, rb0, rb1, rb2, ra1, ra2, r1, r2)
        _mm512_storeu_pd(rows + 8 * i, v);
    }
    _mm512_storeu_pd(z, p1); _mm512_storeu_pd(z + 8, p2);
    _mm512_storeu_pd(z + 16, q1); _mm512_storeu_pd(z + 24, q2);
    _mm512_storeu_pd(z + 32, r1); _mm512_storeu_pd(z + 40, r2);
}

/// Two sections in turn.
AVX512 static void two(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS(p, c) COEFFICIENTS(q, c + 5)
    __m512d p1 = _mm512_loadu_pd(z), p2 = _mm512_loadu_pd(z + 8);
    __m512d q1 = _mm512_loadu_pd(z + 16), q2 = _mm512_loadu_pd(z + 24);
    for (ptrdiff_t i = 0; i < count; i++) {
        const __m512d x = _mm512_loadu_pd(rows + 8 * i);
        SECTION(x, y, pb0, pb1, pb2, pa1, pa2, p1, p2)
        SECTION(y, u, qb0, qb1, qb2, qa1, qa2, q1, q2)
        _mm512_storeu_pd(rows + 8 * i, u);
    }
    _mm512_storeu_pd(z, p1); _mm512_storeu_pd(z + 8, p2);
    _mm512_storeu_pd(z + 16, q1); _mm512_storeu_pd(z + 24, q2);
}

/// One section.
AVX512 static void one(double *rows, ptrdiff_t count, const double *c, double *z) {
    COEFFICIENTS(p, c)
    __m512d p1 = _mm512_loadu_pd(z), p2 = _mm512_loadu_pd(z + 8);
    for (ptrdiff_t i = 0; i < count; i++) {
        const __m512d x = _mm512_loadu_pd(rows + 8 * i);
        SECTION(x, y, pb0, pb1, pb2, pa1, pa2, p1, p2)
        _mm512_storeu_pd(rows + 8 * i, y);
    }
    _mm512_storeu_pd(z, p1); _mm512_storeu_pd(z + 8, p2);
}

/// A whole cascade over `rows`: three sections per pass while three are left, then two or one.
/// How sections are grouped does not change any value, only how many recursions overlap.
AVX512 static void cascade(double *rows, ptrdiff_t count, myo_lanes8_cascade f) {
    ptrdiff_t k = 0;
    for (; k + 3 <= f.sections; k += 3) three(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
    if (f.sections - k == 2) two(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
    else if (f.sections - k == 1) one(rows, count, f.coefficients + 5 * k, f.state + 16 * k);
}

/// Writes rows [i, i + 8) of `rows` to the eight channels at `offset + i`: the values to
/// `signal` (unless NULL), their squares to `energy`.
AVX512 static void scatter8(const double *rows, ptrdiff_t i, ptrdiff_t offset, double *const *energy,
                            double *const *signal) {
    __m512d r[8], e[8];
    for (int j = 0; j < 8; j++) {
        r[j] = _mm512_load_pd(rows + 8 * (i + j));
        e[j] = MUL(r[j], r[j]);
    }
    transpose8(e);
    for (int c = 0; c < 8; c++) _mm512_storeu_pd(energy[c] + offset + i, e[c]);
    if (signal) {
        transpose8(r);
        for (int c = 0; c < 8; c++) _mm512_storeu_pd(signal[c] + offset + i, r[c]);
    }
}

/// Rows per chunk: both chunks' rows (2 × 16 KiB) stay in the first-level cache through the
/// cascades' passes.
enum { CHUNK = 256 };

AVX512 void myo_condition_lanes8(const double *const *columns, ptrdiff_t count,
                                 myo_lanes8_cascade band, myo_lanes8_cascade motion,
                                 double *const *band_energy, double *const *band_signal,
                                 double *const *motion_energy) {
    _Alignas(64) double bandRows[8 * CHUNK], motionRows[8 * CHUNK];
    for (ptrdiff_t start = 0; start < count; start += CHUNK) {
        const ptrdiff_t n = count - start < CHUNK ? count - start : CHUNK;
        // Columns into rows, eight rows at a time, for both cascades.
        ptrdiff_t i = 0;
        for (; i + 8 <= n; i += 8) {
            __m512d r[8];
            for (int c = 0; c < 8; c++) r[c] = _mm512_loadu_pd(columns[c] + start + i);
            transpose8(r);
            for (int j = 0; j < 8; j++) {
                _mm512_store_pd(bandRows + 8 * (i + j), r[j]);
                _mm512_store_pd(motionRows + 8 * (i + j), r[j]);
            }
        }
        for (; i < n; i++) {
            for (int c = 0; c < 8; c++) bandRows[8 * i + c] = motionRows[8 * i + c] = columns[c][start + i];
        }
        cascade(bandRows, n, band);
        cascade(motionRows, n, motion);
        // Rows back into channels.
        for (i = 0; i + 8 <= n; i += 8) {
            scatter8(bandRows, i, start, band_energy, band_signal);
            scatter8(motionRows, i, start, motion_energy, NULL);
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

#else  // no AVX-512 kernel on this platform: the Swift lanes run

bool myo_condition_lanes8_available(void) { return false; }
void myo_condition_lanes8(const double *const *columns, ptrdiff_t count,
                          myo_lanes8_cascade band, myo_lanes8_cascade motion,
                          double *const *band_energy, double *const *band_signal,
                          double *const *motion_energy) {
    (void)columns; (void)count; (void)band; (void)motion;
    (void)band_energy; (void)band_signal; (void)motion_energy;
}

#endif
