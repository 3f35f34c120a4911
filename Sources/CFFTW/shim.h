#ifndef MYOTWITCH_CFFTW_SHIM_H
#define MYOTWITCH_CFFTW_SHIM_H
#include <fftw3.h>
#endif
