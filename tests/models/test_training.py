# SPDX-License-Identifier: GPL-3.0-or-later
"""The training recipe's own checks (run by ctest with Debian's python3-torch):

- the loss's loudness, spectral measures and tonality agree with the C++ analyzer, frame by
  frame, on sounds of every kind (the analyzer is the definition; the loss only has to follow it);
- the octave, period and unvoiced guards and the partial distance charge what they are meant
  to charge;
- the model's sources synthesize what they promise: the harmonic recurrence is a sum of
  sines, and an inharmonic partial built in the inverse STFT is a sine at its frequency;
- the aperiodicity budget brings a tone to the tonality its curve asks, keeps the frame's
  power, and leaves alone the frames it does not act on;
- coherent pitch jumps keep a flickering pitch tonal without a click, and leave every other
  hop as it was;
- morphs and CV offsets built for training keep the product's rules;
- train.py trains on a tiny corpus with unseen curves (and coherent jumps), writes its
  checkpoint and resumes, and refuses settings that make no sense; export.py records its
  switches in neurorack.json.

    /usr/bin/python3 tests/models/test_training.py NEURORACK_TOOL
"""
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "models"))
from neurorack import data, losses  # noqa: E402
from neurorack.model import NeurorackModel  # noqa: E402

NEURORACK = None


def write_float_wav(path, samples):
    body = samples.astype("<f4").tobytes()
    header = (b"RIFF" + struct.pack("<I", 36 + len(body)) + b"WAVEfmt "
              + struct.pack("<IHHIIHH", 16, 3, 1, 48000, 48000 * 4, 4, 32) + b"data" + struct.pack("<I", len(body)))
    with open(path, "wb") as f:
        f.write(header + body)


def analyse(samples):
    with tempfile.TemporaryDirectory() as tmp:
        wav, out = os.path.join(tmp, "x.wav"), os.path.join(tmp, "x.json")
        write_float_wav(wav, samples)
        subprocess.run([NEURORACK, "analyze", wav, "--json", "-o", out], check=True)
        return data.read_analysis(out)


def test_sounds():
    rng = np.random.default_rng(3)
    t = np.arange(48000) / 48000.0
    decay = np.exp(-t * 4.0)
    return {
        "decaying sine": 0.3 * np.sin(2 * np.pi * 523.0 * t) * decay,
        "low tone": 0.5 * np.sin(2 * np.pi * 55.0 * t) * decay,
        "harmonics": sum(0.2 / k * np.sin(2 * np.pi * 220.0 * k * t) for k in range(1, 12)) * decay,
        "noise burst": 0.2 * rng.standard_normal(48000) * np.exp(-t * 20.0),
        "tone and hiss": 0.2 * np.sin(2 * np.pi * 1000.0 * t) + 0.003 * rng.standard_normal(48000),
        "strike": np.concatenate([np.zeros(4800), 0.4 * rng.standard_normal(480) * np.hanning(480),
                                  0.2 * np.sin(2 * np.pi * 180.0 * t[:42720]) * decay[:42720]]),
    }


class SpectralMeasures(unittest.TestCase):
    def test_follow_the_analyzer(self):
        for name, sound in test_sounds().items():
            with self.subTest(sound=name):
                sound = sound.astype(np.float32)
                curves = analyse(sound)
                frames = curves.shape[1]
                centroid, spread, noisiness, percussivity = (
                    v[0].numpy() for v in losses.spectral_measures(torch.from_numpy(sound[None]), frames))
                audible = curves[0] > -60.0
                self.assertGreater(audible.sum(), 20)
                rel = lambda a, b: np.abs(a[audible] / np.maximum(b[audible], 1.0) - 1.0)
                self.assertLess(np.percentile(rel(centroid, curves[5]), 95), 0.02)
                self.assertLess(np.percentile(rel(spread, curves[4]), 95), 0.02)
                self.assertLess(np.abs(noisiness - curves[2])[audible].max(), 0.01)
                self.assertLess(np.abs(percussivity - curves[1])[audible].max(), 0.01)
                tonal = losses.tonality(torch.from_numpy(sound[None]), frames)[0].numpy()
                self.assertLess(np.abs(tonal - curves[3])[curves[0] > -70.0].max(), 0.002)
                lufs = losses.loudness(torch.from_numpy(sound[None]), frames)[0].numpy()
                error = np.abs(lufs - curves[0])[audible]
                # The zero-phase filter moves the 20 ms ripple of a low tone a little.
                self.assertLess(np.median(error), 0.6)
                self.assertLess(np.percentile(error, 95), 1.5)

    def test_curve_consistency_is_zero_on_its_own_analysis_and_grows_with_error(self):
        sound = test_sounds()["harmonics"].astype(np.float32)
        curves = torch.from_numpy(analyse(sound)[None])
        audio = torch.from_numpy(sound[None])
        exact = float(losses.curve_consistency(audio, curves))
        self.assertLess(exact, 0.05)
        changes = [(0, lambda v: v - 6.0), (2, lambda v: v + 0.3), (3, lambda v: v - 0.3),
                   (4, lambda v: v * 2.0), (5, lambda v: v * 1.5)]
        for row, change in changes:
            wrong = curves.clone()
            wrong[:, row] = change(wrong[:, row])
            with self.subTest(descriptor=data.DESCRIPTORS[row]):
                self.assertGreater(float(losses.curve_consistency(audio, wrong)), exact + 0.3)

    def test_richness_weight_scales_the_richness_term_alone(self):
        sound = test_sounds()["harmonics"].astype(np.float32)
        curves = torch.from_numpy(analyse(sound)[None])
        audio = torch.from_numpy(sound[None])
        def loss(wrong, weight):
            return float(losses.curve_consistency(audio, wrong, richness_weight=weight))
        richer = curves.clone()
        richer[:, 4] *= 2.0
        term = loss(richer, 1.0) - loss(richer, 0.0)
        self.assertGreater(term, 0.3)
        self.assertAlmostEqual(loss(richer, 3.0) - loss(richer, 0.0), 3.0 * term, places=4)
        brighter = curves.clone()
        brighter[:, 5] *= 2.0
        self.assertAlmostEqual(loss(brighter, 3.0) - loss(curves, 3.0), loss(brighter, 1.0) - loss(curves, 1.0), places=4)

    def test_noise_share_prior_has_a_dead_band_and_pulls_a_saturated_share(self):
        # (case, loudness, noisiness, noise share, pulled)
        cases = [("inside the band", -20.0, 0.3, 0.2, False),
                 ("clean, as asked", -20.0, 0.002, 1e-6, False),
                 ("far too noisy", -20.0, 0.02, 0.6, True),
                 ("far too clean", -20.0, 0.3, 3e-7, True),
                 ("silent frames", -65.0, 0.3, 3e-7, False)]
        for name, loud, noisiness, share, pulled in cases:
            with self.subTest(case=name):
                curves = torch.zeros(1, 7, 10)
                curves[:, 0], curves[:, 2] = loud, noisiness
                logit = torch.full((1, 10), math.log((1 - share) / share), requires_grad=True)
                prior = losses.noise_share_prior(torch.sigmoid(-logit), curves)
                prior.backward()
                gradient = float(logit.grad.abs().sum())
                if pulled:
                    self.assertGreater(float(prior), 0.5)
                    # Felt even where the sigmoid is flat (a logit of 15).
                    self.assertGreater(gradient, 0.3)
                else:
                    self.assertEqual(float(prior), 0.0)
                    self.assertEqual(gradient, 0.0)

    def test_octave_guard_charges_a_sound_that_repeats_within_the_period(self):
        sound = test_sounds()["harmonics"].astype(np.float32)  # 220 Hz and its harmonics
        curves = torch.from_numpy(analyse(sound)[None])
        audio = torch.from_numpy(sound[None])
        # (case, factor on the analysed pitch, charged): a curve an octave or a twelfth
        # below the sound is what a sound an octave or a twelfth above its curve gives.
        for name, factor, charged in (("as analysed", 1.0, False), ("an octave below", 0.5, True),
                                      ("a twelfth below", 1.0 / 3.0, True)):
            with self.subTest(case=name):
                pitch, voiced = NeurorackModel.fill_unvoiced(curves[:, 6] * factor)
                self.assertGreater(int(voiced.sum()), 50)
                guard = float(losses.octave_guard(audio, curves, pitch, voiced))
                if charged:
                    self.assertGreater(guard, 0.05)
                else:
                    self.assertEqual(guard, 0.0)

    def test_period_guard_charges_a_partial_that_hides_the_period(self):
        t = np.arange(48000) / 48000.0
        f0 = 200.0
        tone = sum(0.2 / k * np.sin(2 * np.pi * f0 * k * t) for k in range(1, 8))
        curves = torch.zeros(1, 7, 200)
        curves[:, 0], curves[:, 3] = -20.0, 1.0
        curves[:, 0, :10] = curves[:, 0, -10:] = -70.0  # the ends, half outside the sound, do not count
        pitch = torch.full((1, 200), f0)
        voiced = torch.ones(1, 200, dtype=torch.bool)
        # (amplitude of a partial at 12/5 of the pitch, whether the analyzer still reads the pitch)
        for amplitude, read in ((0.0, True), (0.02, True), (0.05, True), (0.1, False), (0.15, False)):
            with self.subTest(amplitude=amplitude):
                sound = (tone + amplitude * np.sin(2 * np.pi * 2.4 * f0 * t)).astype(np.float32)
                pitch_read = float(np.nanmedian(analyse(sound)[6][20:-20]))
                self.assertEqual(abs(1200 * np.log2(pitch_read / f0)) < 20, read)
                guard = float(losses.period_guard(losses.aperiodicity(torch.from_numpy(sound[None]), 200),
                                                  curves, pitch, voiced))
                if read:
                    self.assertEqual(guard, 0.0)
                else:
                    self.assertGreater(guard, 0.05)
        # Unvoiced frames are not charged.
        loud = (tone + 0.15 * np.sin(2 * np.pi * 2.4 * f0 * t)).astype(np.float32)
        measured = losses.aperiodicity(torch.from_numpy(loud[None]), 200)
        self.assertEqual(float(losses.period_guard(measured, curves, pitch, ~voiced)), 0.0)
        # Nor frames whose curve asks for that much aperiodicity.
        curves[:, 3] = 0.5
        self.assertEqual(float(losses.period_guard(measured, curves, pitch, voiced)), 0.0)

    def test_unvoiced_guard_charges_a_steady_tone_where_the_curve_is_unvoiced(self):
        t = np.arange(48000) / 48000.0
        rng = np.random.default_rng(5)
        tone = sum(0.2 / k * np.sin(2 * np.pi * 200.0 * k * t) for k in range(1, 8)).astype(np.float32)
        noise = (0.2 * rng.standard_normal(48000)).astype(np.float32)
        curves = torch.zeros(1, 7, 200)
        curves[:, 0] = -20.0
        curves[:, 0, :10] = curves[:, 0, -10:] = -70.0  # the ends, half outside the sound, do not count
        unvoiced = torch.zeros(1, 200, dtype=torch.bool)
        self.assertTrue(np.isnan(analyse(noise)[6][20:-20]).all())  # noise reads unvoiced, as the curve says
        self.assertFalse(np.isnan(analyse(tone)[6][20:-20]).any())  # the tone reads voiced
        measured = losses.aperiodicity(torch.from_numpy(tone[None]), 200)
        self.assertGreater(float(losses.unvoiced_guard(measured, curves, unvoiced)), 0.1)
        noisy = losses.aperiodicity(torch.from_numpy(noise[None]), 200)
        self.assertEqual(float(losses.unvoiced_guard(noisy, curves, unvoiced)), 0.0)
        # Voiced frames, and frames under the voicing gate, are not charged.
        self.assertEqual(float(losses.unvoiced_guard(measured, curves, ~unvoiced)), 0.0)
        curves[:, 0] = -65.0
        self.assertEqual(float(losses.unvoiced_guard(measured, curves, unvoiced)), 0.0)

    def test_partial_match_pulls_each_partial_to_what_the_recording_has(self):
        t = np.arange(48000) / 48000.0
        f0 = 200.0
        tone = sum(0.2 / k * np.sin(2 * np.pi * f0 * k * t) for k in range(1, 8))
        bell = tone + 0.05 * np.sin(2 * np.pi * 2.4 * f0 * t)  # a minor third above the octave
        target = torch.from_numpy(bell[None].astype(np.float32))
        pitch = torch.full((1, 200), f0)
        voiced = torch.ones(1, 200, dtype=torch.bool)
        curves = torch.zeros(1, 7, 200)
        curves[:, 0] = -20.0  # LUFS: the powers are taken relative to the level, 0.01 here
        ratios = [2.4, 2.57, 3.0]
        # The recording's amplitudes: 0.05 at 2.4, nothing at 2.57, a harmonic's 0.0667 at 3.
        measured = losses.partial_amplitudes(target, pitch, ratios)[0, :, 20:-20]
        self.assertAlmostEqual(float(measured[0].median()), 0.05, delta=0.005)
        self.assertLess(float(measured[1].median()), 0.002)
        self.assertAlmostEqual(float(measured[2].median()), 0.2 / 3, delta=0.007)

        def distance(at_24, at_257, at_3=0.0):
            amplitudes = torch.tensor([at_24, at_257, at_3]).view(1, 3, 1).expand(1, 3, 200)
            return float(losses.partial_match(amplitudes, target, curves, pitch, voiced, ratios))
        leak = float(measured[1].median())  # the harmonics' window leakage: nothing to learn
        right, silent, wrong, loud = distance(0.05, leak), distance(0.0, leak), distance(0.0, 0.05), distance(0.2, leak)
        self.assertGreater(silent, 0.5)
        self.assertLess(right, 0.02 * silent)
        self.assertGreater(wrong, silent)
        self.assertGreater(loud, silent)
        # Ratio 3 lies on a harmonic: it is not compared (the bin holds the harmonic).
        self.assertAlmostEqual(distance(0.05, leak, 0.3), right, places=6)
        # Unvoiced frames are not compared either.
        self.assertEqual(float(losses.partial_match(torch.zeros(1, 3, 200), target, curves, pitch, ~voiced, ratios)), 0.0)

class Synthesis(unittest.TestCase):
    def test_harmonic_source_is_a_sum_of_sines(self):
        model = NeurorackModel().eval()
        frames, samples = 20, 20 * 240
        for f0_hz in (55.0, 440.0):
            with self.subTest(f0=f0_hz):
                amplitudes = torch.rand(1, model.harmonics, 1).expand(-1, -1, frames).contiguous()
                f0 = torch.full((1, frames), f0_hz)
                with torch.no_grad():
                    out = model.harmonic_source(amplitudes, f0, samples)[0].double().numpy()
                theta = 2.0 * np.pi * f0_hz * np.arange(1, samples + 1) / 48000.0
                expected = sum(float(amplitudes[0, k, 0]) * np.sin((k + 1) * theta) for k in range(model.harmonics))
                self.assertLess(np.abs(out - expected).max(), 1e-3 * np.abs(expected).max())

    def test_inharmonic_partial_is_a_sine_at_its_frequency(self):
        model = NeurorackModel().eval()
        frames, samples = 200, 200 * 240
        middle = slice(4800, samples - 4800)
        silent = torch.zeros(1, model.noise_bands, frames)
        # (start Hz, end Hz): steady partials off and on a bin, and a glide.
        for start, end in ((1000.0, 1000.0), (437.3, 437.3), (2345.6, 2345.6), (300.0, 600.0)):
            with self.subTest(start=start, end=end):
                hz = torch.linspace(start, end, frames).view(1, 1, frames)
                with torch.no_grad():
                    out = model.noise_source(silent, hz, torch.ones(1, 1, frames), samples)[0].double().numpy()
                part = out[middle]
                # Unit amplitude: power 1/2, and a flat envelope (analytic signal).
                self.assertAlmostEqual(float((part ** 2).mean()), 0.5, delta=0.005)
                spectrum = np.fft.fft(part)
                analytic = np.zeros(len(part))
                analytic[0], analytic[1:len(part) // 2] = 1.0, 2.0
                envelope = np.abs(np.fft.ifft(spectrum * analytic))[1000:-1000]
                self.assertLess(np.abs(envelope - 1.0).max(), 0.02)
                if start == end:
                    # Nothing but that sine: the residual of the best-fitting sine is 45 dB down.
                    n = np.arange(samples)[middle]
                    basis = np.stack([np.cos(2 * np.pi * start * n / 48000), np.sin(2 * np.pi * start * n / 48000)], 1)
                    fit, *_ = np.linalg.lstsq(basis, part, rcond=None)
                    residual = part - basis @ fit
                    self.assertLess(10 * np.log10((residual ** 2).mean() / (part ** 2).mean()), -45.0)

    def test_partials_add_to_the_noise_when_training_as_when_rendering(self):
        model = NeurorackModel()
        curves = torch.zeros(2, 7, 40)
        curves[:, 0], curves[:, 3], curves[:, 4], curves[:, 5], curves[:, 6] = -20.0, 0.9, 300.0, 1500.0, 220.0
        with torch.no_grad():
            model.partial_head.bias.fill_(-1.0)  # the partials together: 6 times the harmonics' power
            model.eval()
            torch.manual_seed(5)
            rendering = model(curves)
            model.train()
            torch.manual_seed(5)
            training = model(curves)
        self.assertTrue(torch.allclose(rendering, training, atol=1e-5))


def steady_model():
    """A model whose controls are steady whatever the trunk does: almost all the power
    tonal, the fundamental the strongest harmonic with the others (odd ones too) well
    present, the partials at their starting gain (e^−6)."""
    torch.manual_seed(1)
    model = NeurorackModel().eval()
    with torch.no_grad():
        for head in (model.harmonic_head, model.noise_head, model.partial_head):
            head.weight.zero_()
        model.harmonic_head.bias.zero_()
        model.harmonic_head.bias[0], model.harmonic_head.bias[1] = 4.0, 3.0
        model.noise_head.bias.zero_()
    return model


def render_with(model, curves, switch, on):
    """The model's audio for curves, noise seed 0, with one of its fixed rules (`budget`,
    `coherent_jumps`) switched on or off."""
    setattr(model, switch, on)
    torch.manual_seed(0)
    with torch.no_grad():
        return model(curves)[0, 0].numpy()


class AperiodicityBudget(unittest.TestCase):
    """The exported model's aperiodicity budget (NeurorackModel.aperiodicity_budget)."""

    frames = 200

    def curves(self, pitch, tonality):
        c = torch.zeros(1, 7, self.frames)
        c[:, 0], c[:, 3], c[:, 4], c[:, 5], c[:, 6] = -20.0, tonality, 300.0, 1000.0, pitch
        return c

    def render(self, model, curves, budget):
        return render_with(model, curves, "budget", budget)

    def test_brings_a_tone_to_the_tonality_its_curve_asks(self):
        model = steady_model()
        middle = slice(20, -20)
        # Unvoiced frames held at 45 Hz (a boom under the analyzer's 30 Hz floor, five
        # semitones up): a clean tone reads voiced and tonal; with the budget the frames read
        # unvoiced, as the curve says, at the tonality asked (0.8 of 1 − 0.6 on unvoiced frames).
        boom = self.curves(float("nan"), 0.6)
        boom[:, 6, :2] = 45.0
        plain, budget = analyse(self.render(model, boom, False)), analyse(self.render(model, boom, True))
        self.assertFalse(np.isnan(plain[6][middle]).any())
        self.assertGreater(float(plain[3][middle].mean()), 0.9)
        self.assertTrue(np.isnan(budget[6][middle]).all())
        self.assertAlmostEqual(float(budget[3][middle].mean()), 1.0 - 0.8 * 0.4, delta=0.05)
        # The frames' power does not change, so neither does their loudness.
        self.assertLess(abs(float(budget[0][middle].mean() - plain[0][middle].mean())), 0.3)
        # A voiced 600 Hz tone asked for tonality 0.8 comes closer to it and stays voiced.
        bell = self.curves(600.0, 0.8)
        plain, budget = analyse(self.render(model, bell, False)), analyse(self.render(model, bell, True))
        self.assertFalse(np.isnan(budget[6][middle]).any())
        plain_error = float(np.abs(plain[3][middle] - 0.8).mean())
        self.assertLess(float(np.abs(budget[3][middle] - 0.8).mean()), plain_error - 0.03)

    def test_leaves_alone_the_frames_it_does_not_act_on(self):
        model = steady_model()
        cases = {
            "voiced under 400 Hz": self.curves(200.0, 0.8),
            "voiced, asking for 0.97 or more": self.curves(600.0, 0.98),
            "unvoiced, already aperiodic enough": self.curves(float("nan"), 0.98),
        }
        for name, curves in cases.items():
            with self.subTest(case=name):
                self.assertTrue(np.array_equal(self.render(model, curves, False), self.render(model, curves, True)))
        # Where it acts, it moves power from the harmonics to the partial: the total stays.
        with torch.no_grad():
            for curves in (self.curves(float("nan"), 0.5), self.curves(600.0, 0.8)):
                model.budget = False
                amplitudes, _, _, _, _, partials = model.controls(curves)
                before = (amplitudes ** 2).sum(1) + (partials ** 2).sum(1)
                model.budget = True
                amplitudes, _, _, _, _, budget_partials = model.controls(curves)
                after = (amplitudes ** 2).sum(1) + (budget_partials ** 2).sum(1)
                self.assertGreater(float((budget_partials ** 2).sum()), 2.0 * float((partials ** 2).sum()))
                self.assertTrue(torch.allclose(before, after, rtol=1e-4))


class CoherentJumps(unittest.TestCase):
    """The exported model's coherent pitch jumps (NeurorackModel.coherent_harmonic_source)."""

    def render(self, model, curves, coherent):
        return render_with(model, curves, "coherent_jumps", coherent)

    def test_a_flickering_pitch_reads_as_tonal_as_asked(self):
        # A bell read at its hum (150 Hz), then at its prime, in turns of 8 frames, asking for
        # tonality 0.95: gliding across each jump reads far less tonal than that.
        frames = 200
        curves = torch.zeros(1, 7, frames)
        curves[:, 0], curves[:, 3], curves[:, 4], curves[:, 5] = -20.0, 0.95, 300.0, 1000.0
        curves[:, 6] = torch.where((torch.arange(frames) // 8) % 2 == 0, torch.tensor(150.0), torch.tensor(300.0))
        model = steady_model()
        middle = slice(20, -20)
        glided = analyse(self.render(model, curves, False))[3][middle]
        coherent = analyse(self.render(model, curves, True))[3][middle]
        self.assertLess(float(np.abs(coherent - 0.95).mean()), float(np.abs(glided - 0.95).mean()) - 0.08)
        self.assertGreater(float(coherent.min()), float(glided.min()) + 0.05)

    def test_a_jump_is_click_free(self):
        # Harmonics 1-3 of 200 Hz, jumping up and back by an octave, a twelfth and two
        # octaves. A click is a kink: the second difference between neighbouring samples
        # stays within that of the steady tone at the highest pitch (it is 5.5 times that
        # where the amplitudes do not follow the grid they are played on).
        model = steady_model()
        frames = 90
        f0 = torch.full((1, frames), 200.0)
        for first, last, hz in ((20, 30, 400.0), (40, 50, 600.0), (57, 63, 400.0), (70, 75, 800.0), (80, 90, 600.0)):
            f0[:, first:last] = hz
        amplitudes = torch.zeros(1, model.harmonics, frames)
        amplitudes[:, 0], amplitudes[:, 1], amplitudes[:, 2] = 0.5, 0.3, 0.2
        model.coherent_jumps = True
        model.jump_ratios = [2, 3, 4]
        with torch.no_grad():
            audio = model.harmonic_source(amplitudes, f0, frames * model.hop)[0].numpy()
            steady = model.harmonic_source(amplitudes, torch.full((1, frames), 800.0), frames * model.hop)[0].numpy()
        self.assertLess(float(np.abs(np.diff(audio, 2)).max()), 1.01 * float(np.abs(np.diff(steady, 2)).max()))

    def test_other_hops_render_as_before(self):
        model = steady_model()
        frames = 60
        cases = {"steady": torch.full((frames,), 220.0),
                 "a glide": torch.linspace(300.0, 60.0, frames),
                 "a jump by a fifth": torch.where(torch.arange(frames) < 30, torch.tensor(200.0), torch.tensor(300.0)),
                 "a jump by a twelfth": torch.where(torch.arange(frames) < 30, torch.tensor(200.0), torch.tensor(600.0)),
                 "unvoiced then voiced": torch.where(torch.arange(frames) < 30, torch.tensor(float("nan")), torch.tensor(200.0))}
        # A second item with an octave jump shares the batch, so that the coherent path runs
        # (a render without any jump takes the plain one); the first item is compared.
        octave = torch.where(torch.arange(frames) < 30, torch.tensor(200.0), torch.tensor(400.0))
        for name, pitch in cases.items():
            with self.subTest(case=name):
                curves = torch.zeros(2, 7, frames)
                curves[:, 0], curves[:, 3], curves[:, 4], curves[:, 5] = -20.0, 0.9, 300.0, 1000.0
                curves[0, 6], curves[1, 6] = pitch, octave
                self.assertTrue(np.array_equal(self.render(model, curves, False), self.render(model, curves, True)))


class UnseenCurves(unittest.TestCase):
    def curves(self, frames, pitch):
        c = np.zeros((7, frames), dtype=np.float32)
        c[0] = np.linspace(-10.0, -60.0, frames)
        c[1:4] = 0.5
        c[4], c[5] = 300.0, 1000.0
        c[6] = pitch
        return c

    def test_morph_ends_length_and_voicing(self):
        a = self.curves(100, 110.0)
        b = self.curves(300, np.nan)
        b[0] = -20.0
        np.testing.assert_array_equal(data.morph(a, b, 0.0), a)
        np.testing.assert_array_equal(np.isnan(data.morph(a, b, 1.0)), np.isnan(b))
        half = data.morph(a, b, 0.5)
        self.assertEqual(half.shape, (7, 200))
        np.testing.assert_allclose(half[6], 110.0, rtol=1e-6)  # a voiced side wins at 0.5
        self.assertTrue(np.all(np.isnan(data.morph(a, b, 0.6)[6])))  # the unvoiced side past it
        voiced = data.morph(a, self.curves(100, 440.0), 0.5)
        np.testing.assert_allclose(voiced[6], 220.0, rtol=1e-5)   # pitch in log frequency
        np.testing.assert_allclose(half[0], (data.resample(a, 200)[0] + data.resample(b, 200)[0]) / 2, rtol=1e-6)

    def test_morph_pitch_holds_through_one_sided_unvoiced_frames(self):
        # As tst_descriptorcurves: a flickers (unvoiced on odd frames), b is voiced.
        a, b = self.curves(10, 100.0), self.curves(10, 400.0)
        a[6, 1::2] = np.nan
        for amount, odd_voiced in ((0.5, True), (0.75, True), (0.25, False)):
            with self.subTest(amount=amount):
                m = data.morph(a, b, amount)
                np.testing.assert_array_equal(~np.isnan(m[6][1::2]), odd_voiced)
                voiced = m[6][~np.isnan(m[6])]
                np.testing.assert_allclose(voiced, 100.0 * 4.0 ** amount, rtol=1e-5)
        np.testing.assert_array_equal(data.held_pitch(np.array([np.nan, 2.0, np.nan, 3.0, np.nan])), [2, 2, 2, 3, 3])
        self.assertTrue(np.all(np.isnan(data.held_pitch(np.full(3, np.nan)))))

    def test_offsets_stay_in_range_and_unvoiced_stays_unvoiced(self):
        rng = np.random.default_rng(5)
        c = self.curves(50, 440.0)
        c[6, 10:20] = np.nan
        c[5] = 23000.0
        for _ in range(50):
            o = data.offset(c, rng)
            self.assertTrue(np.array_equal(np.isnan(o[6]), np.isnan(c[6])))
            for row, (low, high) in enumerate(data.RANGES):
                values = o[row][~np.isnan(o[row])]
                self.assertTrue(np.all(values >= low) and np.all(values <= high), row)

    def test_unseen_windows_have_the_requested_length(self):
        rng = np.random.default_rng(7)
        items = [data.Item("a", np.zeros(24000, np.float32), self.curves(100, 200.0)),
                 data.Item("b", np.zeros(72000, np.float32), self.curves(300, np.nan))]
        for _ in range(20):
            self.assertEqual(data.unseen_curves(items, 200, rng).shape, (7, 200))


class Training(unittest.TestCase):
    def test_trains_checkpoints_and_resumes(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus, run = os.path.join(tmp, "corpus"), os.path.join(tmp, "run")
            subprocess.run([NEURORACK, "corpus", "generate", "--count", "6", "--seed", "4", "-o", corpus],
                           check=True, stdout=subprocess.DEVNULL)
            train = [sys.executable, os.path.join(ROOT, "models", "train.py"), "--data", corpus, "--out", run,
                     "--batch", "2", "--unseen", "1", "--seconds", "0.25", "--checkpoint-every", "2",
                     "--threads", "1", "--curve-weight", "1", "--richness-weight", "2", "--noise-prior", "1",
                     "--octave-guard", "1", "--period-guard", "1", "--partial-weight", "0.5", "--coherent-jumps",
                     "--neurorack", NEURORACK]
            first = subprocess.run(train + ["--steps", "2"], check=True, capture_output=True, text=True).stdout
            self.assertIn("step      2/2", first)
            state = torch.load(os.path.join(run, "checkpoint.pt"))
            self.assertEqual(state["step"], 2)
            second = subprocess.run(train + ["--steps", "3"], check=True, capture_output=True, text=True).stdout
            self.assertIn("resumed at step 2", second)
            self.assertEqual(torch.load(os.path.join(run, "checkpoint.pt"))["step"], 3)
            with open(os.path.join(run, "log.jsonl"), encoding="utf-8") as f:
                log = [json.loads(line) for line in f]
            self.assertTrue(all(np.isfinite(entry["loss"]) for entry in log))
            # Export, as trained (with coherent jumps) and with the partials 6 dB down: only the partials move.
            files = {}
            for db, jumps in ((0.0, ["--coherent-jumps"]), (-6.0, [])):
                files[db] = os.path.join(tmp, "model%g.pt" % db)
                subprocess.run([sys.executable, os.path.join(ROOT, "models", "export.py"), "--run", run, "-o", files[db],
                                "--version", "9.9.9", "--partial-gain-db", str(db)] + jumps, check=True, stdout=subprocess.DEVNULL)
            extra = {"neurorack.json": ""}
            plain = torch.jit.load(files[0.0], _extra_files=extra)
            self.assertEqual(json.loads(extra["neurorack.json"])["partial_gain_db"], 0.0)
            self.assertTrue(json.loads(extra["neurorack.json"])["coherent_jumps"])
            self.assertTrue(plain.coherent_jumps)
            quieter = torch.jit.load(files[-6.0], _extra_files=extra)
            meta = json.loads(extra["neurorack.json"])
            self.assertEqual((meta["model_version"], meta["training_steps"], meta["partial_gain_db"]), ("9.9.9", 3, -6.0))
            self.assertFalse(meta["coherent_jumps"] or quieter.coherent_jumps)
            curves = torch.zeros(1, 7, 40)
            curves[:, 0], curves[:, 3], curves[:, 4], curves[:, 5], curves[:, 6] = -20.0, 0.9, 300.0, 1500.0, 220.0
            with torch.no_grad():
                a, b = plain.controls(curves), quieter.controls(curves)
            for k in (1, 2, 3, 4):  # noise bands, pitch, noise share, partial frequencies
                self.assertTrue(torch.equal(a[k], b[k]))
            # The tonal power stays; each partial's power relative to the harmonics' is 6 dB down.
            def relative(c):
                return c[5] ** 2 / (c[0] ** 2).sum(dim=1, keepdim=True)
            self.assertTrue(torch.allclose((a[0] ** 2).sum(1) + (a[5] ** 2).sum(1), (b[0] ** 2).sum(1) + (b[5] ** 2).sum(1), rtol=1e-4))
            ratio = (relative(b) / relative(a)).flatten()
            self.assertLess(float((ratio - 10 ** (-6 / 10)).abs().max()), 0.002)
            refused = subprocess.run([sys.executable, os.path.join(ROOT, "models", "export.py"), "--run", run, "-o",
                                      os.path.join(tmp, "bad.pt"), "--partial-gain-db", "nan"], capture_output=True, text=True)
            self.assertEqual(refused.returncode, 2)
            self.assertIn("--partial-gain-db", refused.stderr)
            self.assertFalse(os.path.exists(os.path.join(tmp, "bad.pt")))

    def test_refuses_bad_settings(self):
        for bad in (["--unseen", "-1"], ["--batch", "0"], ["--curve-weight", "-0.5"], ["--richness-weight", "-1"], ["--richness-weight", "nan"],
                    ["--noise-prior", "-1"],
                    ["--octave-guard", "-1"], ["--period-guard", "-1"], ["--unvoiced-guard", "-2"],
                    ["--partial-weight", "-0.1"]):
            with self.subTest(bad=bad):
                result = subprocess.run([sys.executable, os.path.join(ROOT, "models", "train.py"), "--data", "nowhere",
                                         "--out", "nowhere"] + bad, capture_output=True, text=True)
                self.assertEqual(result.returncode, 2)
                self.assertIn(bad[0], result.stderr)


if __name__ == "__main__":
    NEURORACK = os.path.abspath(sys.argv.pop(1))
    torch.set_num_threads(1)
    unittest.main()
