#ifndef MYOTWITCH_SECTION_LANES_H
#define MYOTWITCH_SECTION_LANES_H

#include <stddef.h>

/// Conditioning of eight EMG channels at once in AVX2, one channel per lane: the band and
/// motion filter cascades (second-order sections, transposed direct form II) of
/// `ChannelConditioner`, operation for operation as in Swift (no fused multiply-add), so each
/// channel's outputs are bit-identical to conditioning it alone.

/// The kernel this processor runs, checked at run time: 1 AVX2 (a row of eight channels as two
/// 256-bit halves), 0 none (the caller runs its own lanes).
int myo_condition_lanes8_level(void);

/// One cascade's sections: `coefficients` holds b0, b1, b2, a1, a2 per section (shared by the
/// lanes); `state` holds z1[8], z2[8] per section (per lane), read and updated.
typedef struct {
    const double *coefficients;
    double *state;
    ptrdiff_t sections;
} myo_lanes8_cascade;

/// Conditions `count` rows of eight channels: `columns[c]` holds channel c's raw samples. Writes
/// each channel's squared band output to `band_energy[c]`, the band output itself to
/// `band_signal[c]` when `band_signal` is not NULL, and the squared motion output to
/// `motion_energy[c]`. `level` must be 1 and at most `myo_condition_lanes8_level()`; any other
/// level does nothing.
void myo_condition_lanes8(const double *const *columns, ptrdiff_t count,
                          myo_lanes8_cascade band, myo_lanes8_cascade motion,
                          double *const *band_energy, double *const *band_signal,
                          double *const *motion_energy, int level);

#endif
