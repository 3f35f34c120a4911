#include "CSectionLanes.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// Products and sums stay separate roundings, as in Swift: a fused multiply-add would change
// the last bit and break the bit-identity with the single-channel filters.
#pragma STDC FP_CONTRACT OFF
#ifdef __clang__
#pragma clang fp contract(off)
#endif

bool myo_section_lanes8_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

#define LOAD(p) _mm512_loadu_pd(p)
#define STORE(p, v) _mm512_storeu_pd(p, v)
#define MUL _mm512_mul_pd
#define ADD _mm512_add_pd
#define SUB _mm512_sub_pd

__attribute__((target("avx512f")))
void myo_section_lanes8_three(double *rows, ptrdiff_t count, const double *c, double *state) {
    const __m512d pb0 = LOAD(c + 0), pb1 = LOAD(c + 8), pb2 = LOAD(c + 16), pa1 = LOAD(c + 24), pa2 = LOAD(c + 32);
    const __m512d qb0 = LOAD(c + 40), qb1 = LOAD(c + 48), qb2 = LOAD(c + 56), qa1 = LOAD(c + 64), qa2 = LOAD(c + 72);
    const __m512d rb0 = LOAD(c + 80), rb1 = LOAD(c + 88), rb2 = LOAD(c + 96), ra1 = LOAD(c + 104), ra2 = LOAD(c + 112);
    __m512d p1 = LOAD(state + 0), p2 = LOAD(state + 8), q1 = LOAD(state + 16), q2 = LOAD(state + 24);
    __m512d r1 = LOAD(state + 32), r2 = LOAD(state + 40);
    for (ptrdiff_t i = 0; i < count; i++) {
        const __m512d x = LOAD(rows + 8 * i);
        const __m512d y = ADD(MUL(pb0, x), p1);
        p1 = ADD(SUB(MUL(pb1, x), MUL(pa1, y)), p2);
        p2 = SUB(MUL(pb2, x), MUL(pa2, y));
        const __m512d u = ADD(MUL(qb0, y), q1);
        q1 = ADD(SUB(MUL(qb1, y), MUL(qa1, u)), q2);
        q2 = SUB(MUL(qb2, y), MUL(qa2, u));
        const __m512d v = ADD(MUL(rb0, u), r1);
        r1 = ADD(SUB(MUL(rb1, u), MUL(ra1, v)), r2);
        r2 = SUB(MUL(rb2, u), MUL(ra2, v));
        STORE(rows + 8 * i, v);
    }
    STORE(state + 0, p1); STORE(state + 8, p2); STORE(state + 16, q1); STORE(state + 24, q2);
    STORE(state + 32, r1); STORE(state + 40, r2);
}

__attribute__((target("avx512f")))
void myo_section_lanes8_one(double *rows, ptrdiff_t count, const double *c, double *state) {
    const __m512d b0 = LOAD(c + 0), b1 = LOAD(c + 8), b2 = LOAD(c + 16), a1 = LOAD(c + 24), a2 = LOAD(c + 32);
    __m512d z1 = LOAD(state + 0), z2 = LOAD(state + 8);
    for (ptrdiff_t i = 0; i < count; i++) {
        const __m512d x = LOAD(rows + 8 * i);
        const __m512d y = ADD(MUL(b0, x), z1);
        z1 = ADD(SUB(MUL(b1, x), MUL(a1, y)), z2);
        z2 = SUB(MUL(b2, x), MUL(a2, y));
        STORE(rows + 8 * i, y);
    }
    STORE(state + 0, z1); STORE(state + 8, z2);
}

#else  // no AVX-512 kernels on this platform: the Swift lanes run

bool myo_section_lanes8_available(void) { return false; }
void myo_section_lanes8_three(double *rows, ptrdiff_t count, const double *c, double *state) {
    (void)rows; (void)count; (void)c; (void)state;
}
void myo_section_lanes8_one(double *rows, ptrdiff_t count, const double *c, double *state) {
    (void)rows; (void)count; (void)c; (void)state;
}

#endif
