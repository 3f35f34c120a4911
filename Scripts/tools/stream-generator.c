/* Writes a long synthetic EMG stream to stdout for Scripts/stream-memory.sh: a `time_ms` column
 * (integer milliseconds ×1000/rate steps) and CHANNELS columns of integer microvolts: Gaussian
 * noise (RMS 10 uV), mains at 50 Hz, and a biphasic 150 uV twitch every 4 s on a rotating channel.
 * Fast enough (integer formatting into a large buffer) not to be the bottleneck of the pipe.
 * Usage: stream-generator HOURS RATE CHANNELS */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ULL;
static double uniform(void) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return (double)(state >> 11) / 9007199254740992.0;
}
static double gaussian(void) {
    double u = uniform(), v = uniform();
    if (u < 1e-300) u = 1e-300;
    return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}
static char *put_int(char *p, long long v) {
    char tmp[24]; int n = 0;
    if (v < 0) { *p++ = '-'; v = -v; }
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) *p++ = tmp[--n];
    return p;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s HOURS RATE CHANNELS\n", argv[0]); return 2; }
    double hours = atof(argv[1]); int rate = atoi(argv[2]); int channels = atoi(argv[3]);
    long long rows = (long long)(hours * 3600.0 * rate);
    static char buffer[1 << 20];
    char *p = buffer;
    p += sprintf(p, "time_us");
    for (int c = 0; c < channels; c++) p += sprintf(p, ",emg%d_uV", c + 1);
    *p++ = '\n';
    int twitchEvery = 4 * rate, twitchLength = rate / 100 + 2;
    for (long long i = 0; i < rows; i++) {
        p = put_int(p, i * 1000000LL / rate);
        long long since = i % twitchEvery;
        int twitchChannel = (int)((i / twitchEvery) % channels);
        double mains = 20 * sin(2 * M_PI * 50.0 * (double)i / rate);
        for (int c = 0; c < channels; c++) {
            double x = 10 * gaussian() + mains;
            if (c == twitchChannel && since < twitchLength)
                x += 150 * sin(2 * M_PI * (double)since / twitchLength);
            *p++ = ',';
            p = put_int(p, llround(x));
        }
        *p++ = '\n';
        if (p - buffer > (1 << 20) - 512) {
            if (fwrite(buffer, 1, p - buffer, stdout) != (size_t)(p - buffer)) return 0;
            p = buffer;
        }
    }
    fwrite(buffer, 1, p - buffer, stdout);
    return 0;
}
