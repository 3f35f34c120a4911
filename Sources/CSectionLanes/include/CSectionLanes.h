#ifndef MYOTWITCH_SECTION_LANES_H
#define MYOTWITCH_SECTION_LANES_H

#include <stdbool.h>
#include <stddef.h>

/// Second-order sections (transposed direct form II) run over rows of eight channels, one
/// channel per lane of a 512-bit vector: the arithmetic of `SectionRecursion` in Swift,
/// operation for operation (no fused multiply-add), so each lane is bit-identical to it.
///
/// `rows`: `count` rows of eight doubles (any alignment), filtered in place.
/// `coefficients`: per section b0, b1, b2, a1, a2, each eight doubles (one per lane).
/// `state`: per section z1, z2, each eight doubles; read and updated.

/// Whether this processor runs the kernels below (AVX-512 F, checked once at run time).
bool myo_section_lanes8_available(void);

/// Three sections in turn, sample by sample (as `SectionRecursion.three`).
void myo_section_lanes8_three(double *rows, ptrdiff_t count, const double *coefficients,
                              double *state);

/// One section (as `SectionRecursion.one`).
void myo_section_lanes8_one(double *rows, ptrdiff_t count, const double *coefficients,
                            double *state);

#endif
