"""Unit tests of the benchmark helpers (no real data needed):
    python3 -m unittest discover -s Scripts/realdata -p 'test_*.py'
"""
import os
import sys
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "semisynth"))
import evaluate_real as E  # noqa: E402
import generate as G  # noqa: E402
import realdata as R  # noqa: E402
import score as S  # noqa: E402


def fake_recording(x, rate, stem="fake__emg", cues=(), columns=("emg_mV",)):
    """A Recording built from arrays (samples x channels) instead of a file."""
    rec = R.Recording.__new__(R.Recording)
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    rec.root, rec.stem, rec.csv = "", stem, stem + ".csv"
    rec.meta = {"kind": "surface EMG", "channels": [{"name": c, "units": "mV"} for c in columns]}
    rec.dataset = "biosignalsnotebooks EMG"
    rec.header = ["time_s"] + list(columns)
    rec.time = np.arange(len(x)) / rate
    rec.data = x
    rec.rate = float(rate)
    rec.duration = len(x) / rate
    rec.cues = list(cues)
    rec.units = [("emg", list(columns), "emg")]
    return rec


class EnvelopeRule(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(1)
        self.rate = 1000
        self.noise = rng.normal(0, 1, 30 * self.rate)

    def test_noise_alone_has_no_activity(self):
        rec = fake_recording(self.noise, self.rate)
        self.assertEqual(R.envelope_spans(rec, ["emg_mV"], "emg"), [])

    def test_a_burst_is_one_span_at_its_place(self):
        x = self.noise.copy()
        x[10000:12000] += np.random.default_rng(2).normal(0, 10, 2000)
        spans = R.envelope_spans(fake_recording(x, self.rate), ["emg_mV"], "emg")
        self.assertEqual(len(spans), 1)
        self.assertAlmostEqual(spans[0][0], 10.0, delta=0.3)
        self.assertAlmostEqual(spans[0][1], 12.0, delta=0.3)

    def test_a_weak_sustained_contraction_counts_a_brief_one_does_not(self):
        x = self.noise.copy()
        rng = np.random.default_rng(3)
        x[5000:7000] += rng.normal(0, 2.5, 2000)     # 2 s at ~2.7x: sustained rule
        x[20000:20400] += rng.normal(0, 2.5, 400)    # 0.4 s at the same level: too brief
        spans = R.envelope_spans(fake_recording(x, self.rate), ["emg_mV"], "emg")
        self.assertEqual(len(spans), 1)
        self.assertLess(abs(spans[0][0] - 5.0), 0.4)

    def test_spans_merge_across_short_gaps_and_drop_specks(self):
        mask = np.zeros(5000, dtype=bool)
        mask[1000:1500] = True
        mask[1700:2000] = True    # 0.2 s gap: merged
        mask[4000:4050] = True    # 0.05 s: dropped
        self.assertEqual(R.mask_to_spans(mask, 1000), [(1.0, 2.0)])


class ForcePlate(unittest.TestCase):
    def test_a_jump_is_one_movement_span_with_one_flight(self):
        rate = 500
        t = np.arange(0, 20, 1 / rate)
        force = np.full(t.size, 700.0) + np.random.default_rng(4).normal(0, 3, t.size)
        force[(t > 9) & (t < 9.6)] = 400      # countermovement
        force[(t >= 9.6) & (t < 10.0)] = 5    # flight
        force[(t >= 10.0) & (t < 10.3)] = 1500  # landing
        rec = fake_recording(np.column_stack([force / 4] * 4), rate,
                             columns=["force_cell%d_adc" % i for i in range(1, 5)])
        moving, flights = R.force_plate_spans(rec)
        self.assertEqual(len(flights), 1)
        self.assertAlmostEqual(flights[0][0], 9.6, delta=0.1)
        self.assertEqual(len(moving), 1)
        self.assertTrue(moving[0][0] < 9.2 and moving[0][1] > 10.2)


class Scoring(unittest.TestCase):
    def test_identical_columns_agree_and_an_extra_cramp_does_not(self):
        a = [{"kind": "activity", "start": 1, "end": 2}, {"kind": "twitch", "start": 5, "end": 5.01}]
        self.assertEqual(E.compare_columns(a, a)["agreement"], 1.0)
        b = a + [{"kind": "cramp", "start": 7, "end": 12}]
        result = E.compare_columns(a, b)
        self.assertLess(result["agreement"], 1.0)
        self.assertFalse(result["identical_counts"])

    def test_rest_twitches_and_bursts_found(self):
        rec = fake_recording(np.zeros(60000), 1000)
        result = {"events": [
            {"kind": "twitch", "start": 3.0, "end": 3.01}, {"kind": "twitch", "start": 20.5, "end": 20.51},
            {"kind": "activity", "start": 20.0, "end": 22.0}, {"kind": "cramp", "start": 40, "end": 45}]}
        row = E.score_unit(rec, result, spans=[(19.0, 23.0), (39.0, 46.0)], bursts=[(20.0, 22.0), (40.0, 45.0)])
        self.assertEqual((row["twitches_rest"], row["twitches_activity"]), (1, 1))
        self.assertEqual((row["bursts_found"], row["bursts_as_cramp"], row["cramps"]), (1, 1, 1))

    def test_matching_is_one_to_one_on_the_same_channel(self):
        truth = [{"channel": "a", "start": 1.0, "end": 1.02}, {"channel": "a", "start": 1.5, "end": 1.52}]
        detected = [{"channel": "a", "start": 1.005, "end": 1.01}, {"channel": "b", "start": 1.5, "end": 1.51}]
        matched, used = S.match(truth, detected)
        self.assertEqual(matched, {0: 0})
        self.assertEqual(used, {0})


class Injection(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(5)
        self.rate = 1000
        self.x = np.round(rng.normal(0, 20, 120 * self.rate))  # integer ADC-like counts

    def run_inject(self, seed):
        rec = fake_recording(self.x, self.rate)
        return G.inject_recording(rec, 0, seed, 6.0)

    def test_injections_are_where_and_as_large_as_the_truth_says(self):
        columns, data, truths, _, _ = self.run_inject(15)
        self.assertGreater(len(truths), 5)
        added = data[columns[0]] - self.x
        self.assertTrue(np.all(added == np.round(added)), "stays on the integer grid")
        for t in truths:
            self.assertTrue(3.0 <= t["amplitudeFactor"] < 30.0)
            self.assertTrue(t["end"] - t["start"] <= 0.12 + 0.03)
            i = int(round(t["peakTime"] * self.rate))
            window = np.abs(added[i - 3:i + 4]).max()
            self.assertAlmostEqual(window / t["peak"], 1.0, delta=0.35)
        quiet = np.ones(len(added), dtype=bool)
        for t in truths:
            quiet[int((t["start"] - 0.05) * self.rate):int((t["end"] + 0.05) * self.rate)] = False
        self.assertEqual(np.abs(added[quiet]).max(), 0.0, "nothing added outside the truth")

    def test_same_seed_same_set_other_seed_other_set(self):
        a, b, c = self.run_inject(15), self.run_inject(15), self.run_inject(16)
        self.assertEqual(a[2], b[2])
        self.assertNotEqual(a[2], c[2])

    def test_quantisation_step(self):
        self.assertEqual(G.quantisation_step(np.array([0, 3, 6, 9.0])), 3.0)
        self.assertEqual(G.quantisation_step(np.array([0.0, 0.1234, 0.9])), 0.0)

    def test_median_frequency_sets_the_time_scale(self):
        for w1, w2 in ((1.0, 0.0), (0.0, 1.0), (0.5, -0.5)):
            per_lambda = G.median_frequency_per_lambda(w1, w2)
            lam = per_lambda / 100.0
            x = np.arange(-0.2, 0.2, 1 / 20000)
            y = G.hr_shape(x / lam, w1, w2)
            spec = np.abs(np.fft.rfft(y, 1 << 15)) ** 2
            f = np.fft.rfftfreq(1 << 15, 1 / 20000)
            cum = np.cumsum(spec)
            self.assertAlmostEqual(f[np.searchsorted(cum, cum[-1] / 2)], 100.0, delta=3.0)


if __name__ == "__main__":
    unittest.main()
