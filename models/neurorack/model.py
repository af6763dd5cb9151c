# SPDX-License-Identifier: GPL-3.0-or-later
"""The Neurorack impact model: a neural source-filter synthesizer conditioned on the
seven descriptor curves.

All the heavy work runs at the frame rate (200 frames/s): a small dilated convolution
network reads the seven curves and predicts, per frame, the amplitudes of a harmonic
source built from the pitch curve and the spectral envelope of a noise source (the
learned, time-varying filter). At the sample rate only cheap vectorised work remains:
the harmonics come from a Chebyshev recurrence (one cosine per sample, then two
multiply-adds per harmonic), and the noise is shaped in the STFT domain and brought
back with one inverse STFT. Struck bodies also ring at modes that are not harmonics
(a bell's minor third, a bar's 2.76): a bank of such partials, at fixed ratios to the
pitch, is placed in that same inverse STFT as window kernels (FFT⁻¹ additive
synthesis), so it costs frame-rate work only. The network sets each one's power
relative to the harmonics'.

forward() takes descriptor curves [batch, 7, frames] in the analyzer's physical units
(LUFS, 0..1, Hz; NaN marks unvoiced pitch frames) and returns audio
[batch, 1, frames * 240] at 48 kHz.
"""
import math
from typing import List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

SAMPLE_RATE = 48000
HOP = 240
# Partials that are not harmonics, as ratios to the analysed pitch: the modes of the
# struck bodies that no harmonic lies near (Fletcher & Rossing, ch. 18-21, as the corpus
# generator uses them). Membrane 1.594, 2.136, 2.296, 2.653, 2.918, 3.156, 3.50-3.65;
# plate 1.73, 6.7; glass 2.32, 4.25; block 2.57, 4.19; bar 2.756, 5.404; a bell, whose
# pitch reads at its hum, 2.4 (the minor third), 5.333 and 10.667, or 4.8 where it reads an
# octave lower. Near neighbours share one entry.
PARTIAL_RATIOS = [1.594, 1.73, 2.136, 2.31, 2.40, 2.57, 2.653, 2.756, 2.918, 3.156, 3.55, 4.20, 4.80, 5.333, 5.404, 6.7,
                  10.667]
# The aperiodicity budget (see NeurorackModel.aperiodicity_budget): the partial that
# carries the added power on unvoiced frames (2.40, a minor third above the octave) and on
# voiced ones (1.594, a membrane's second mode), and where it acts on voiced frames.
BUDGET_UNVOICED_RATIO = 2.40
BUDGET_VOICED_RATIO = 1.594
BUDGET_VOICED_MIN_HZ = 400.0
BUDGET_MAX_TONALITY = 0.97
BUDGET_MAX_GAIN = 10.0
BUDGET_UNVOICED_SCALE = 0.8
# Coherent pitch jumps (see NeurorackModel.coherent_harmonic_source): a step of the pitch
# curve between two frames by one of these ratios, up or down, within this many octaves.
# The method works for any whole ratio; by octaves only, a tuning set read as tonal and
# nearer its pitch than with twelfths and double octaves too (see the model card).
JUMP_RATIOS = [2]
JUMP_TOLERANCE_OCTAVES = 0.05
KERNEL_SPAN = 3  # bins either side of a partial's frequency
KERNEL_STEPS = 512  # table entries per bin (nearest entry: within −60 dB)
DESCRIPTORS = ["loudness", "percussivity", "noisiness", "tonality", "richness", "brightness", "pitch"]


class ResidualBlock(nn.Module):
    """Dilated convolution with a gated residual, at the frame rate."""

    def __init__(self, channels: int, dilation: int):
        super().__init__()
        self.dilation = dilation
        self.conv = nn.Conv1d(channels, 2 * channels, 3, padding=dilation, dilation=dilation)
        self.mix = nn.Conv1d(channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # The dilated convolution as one matrix product over the three shifted inputs:
        # the same sum as self.conv(x), but LibTorch's CPU path for dilated convolutions
        # is a slow generic loop, and this is a single GEMM.
        d = self.dilation
        frames = x.shape[-1]
        padded = F.pad(x, (d, d))
        taps = torch.cat([padded[:, :, :frames], padded[:, :, d:d + frames], padded[:, :, 2 * d:2 * d + frames]], dim=1)
        weight = self.conv.weight.permute(0, 2, 1).reshape(self.conv.weight.shape[0], -1)
        y = torch.matmul(weight, taps)
        bias = self.conv.bias
        if bias is not None:
            y = y + bias.unsqueeze(-1)
        a, b = y.chunk(2, dim=1)
        return x + self.mix(torch.tanh(a) * torch.sigmoid(b))


class NeurorackModel(nn.Module):
    def __init__(self, channels: int = 64, harmonics: int = 32, noise_bands: int = 64,
                 dilations: Tuple[int, ...] = (1, 2, 4, 8, 1, 2, 4, 8), noise_fft: int = 1024):
        super().__init__()
        self.sample_rate = SAMPLE_RATE
        self.hop = HOP
        self.harmonics = harmonics
        self.noise_bands = noise_bands
        self.noise_fft = noise_fft
        self.input = nn.Conv1d(9, channels, 3, padding=1)
        self.blocks = nn.ModuleList([ResidualBlock(channels, d) for d in dilations])
        self.harmonic_head = nn.Conv1d(channels, 1 + harmonics, 1)
        self.noise_head = nn.Conv1d(channels, 1 + noise_bands, 1)
        # Each inharmonic partial's power relative to the harmonics' (a gain, exp of the
        # head's output). Starts small (a zero layer, bias −6: 0.25 % each), so that
        # weights trained without the partials render almost as they did.
        self.partial_head = nn.Conv1d(channels, len(PARTIAL_RATIOS), 1)
        nn.init.zeros_(self.partial_head.weight)
        nn.init.constant_(self.partial_head.bias, -6.0)
        self.register_buffer("partial_ratios", torch.tensor(PARTIAL_RATIOS).view(1, -1, 1))
        # Off while training; export.py --aperiodicity-budget turns it on in the exported file.
        self.budget = False
        self.budget_unvoiced = PARTIAL_RATIOS.index(BUDGET_UNVOICED_RATIO)
        self.budget_voiced = PARTIAL_RATIOS.index(BUDGET_VOICED_RATIO)
        self.budget_voiced_min_hz = BUDGET_VOICED_MIN_HZ
        self.budget_max_tonality = BUDGET_MAX_TONALITY
        self.budget_max_gain = BUDGET_MAX_GAIN
        self.budget_unvoiced_scale = BUDGET_UNVOICED_SCALE
        # Off while training; export.py --coherent-jumps turns it on in the exported file.
        self.coherent_jumps = False
        self.jump_ratios: List[int] = JUMP_RATIOS
        self.jump_tolerance = JUMP_TOLERANCE_OCTAVES
        # The synthesis window's DFT (the 960-point Hann centred in noise_fft points),
        # tabulated over fractional bin offsets: a partial is that kernel around its
        # frequency in the noise source's spectrum (FFT⁻¹ additive synthesis).
        pad = (noise_fft - 4 * HOP) // 2
        window = F.pad(torch.hann_window(4 * HOP, dtype=torch.float64), (pad, pad))
        offsets = torch.linspace(-KERNEL_SPAN - 1.0, KERNEL_SPAN + 1.0, 2 * (KERNEL_SPAN + 1) * KERNEL_STEPS + 1,
                                 dtype=torch.float64)
        angle = -2.0 * math.pi * offsets.unsqueeze(-1) * torch.arange(noise_fft, dtype=torch.float64) / noise_fft
        self.register_buffer("kernel", torch.complex((window * torch.cos(angle)).sum(-1), (window * torch.sin(angle)).sum(-1)).to(torch.complex64))
        self.kernel_reach = float(KERNEL_SPAN + 1)
        self.kernel_steps = float(KERNEL_STEPS)
        self.register_buffer("kernel_offsets", torch.arange(-KERNEL_SPAN, KERNEL_SPAN + 1, dtype=torch.float32))
        self.register_buffer("real_imag", torch.tensor([0, 1]))
        self.register_buffer("harmonic_numbers", torch.arange(1, harmonics + 1, dtype=torch.float32).view(1, -1, 1))
        self.register_buffer("noise_window", torch.hann_window(4 * HOP))
        # The bin magnitude that makes the inverse STFT's noise unit power: an inverse
        # FFT of unit-magnitude random-phase bins has power 1/n_fft, and overlap-add
        # with the window w divides it by Σw²/hop (1.5 for this Hann at 4× overlap).
        self.noise_norm = math.sqrt(float(torch.hann_window(4 * HOP).pow(2).sum()) / HOP * noise_fft)

    # ---- inputs -------------------------------------------------------------------

    @staticmethod
    def fill_unvoiced(pitch: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """Replaces NaN (unvoiced) frames by the nearest voiced pitch (the one before,
        else the one after; 100 Hz when no frame is voiced). Returns (pitch, voiced)."""
        voiced = ~torch.isnan(pitch)
        frames = pitch.shape[-1]
        index = torch.arange(frames, device=pitch.device).expand_as(pitch)
        last = torch.where(voiced, index, torch.zeros_like(index)).cummax(dim=-1).values
        has_before = voiced.long().cummax(dim=-1).values > 0
        flipped = torch.where(voiced.flip(-1), index, torch.zeros_like(index)).cummax(dim=-1).values
        next_ = frames - 1 - flipped.flip(-1)
        source = torch.where(has_before, last, next_)
        safe = torch.where(voiced, pitch, torch.zeros_like(pitch))
        filled = torch.gather(safe, -1, source)
        any_voiced = voiced.any(dim=-1, keepdim=True)
        filled = torch.where(any_voiced, filled, torch.full_like(filled, 100.0))
        return filled.clamp(20.0, 8000.0), voiced

    def features(self, curves: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        loud = curves[:, 0]
        f0, voiced = self.fill_unvoiced(curves[:, 6])
        feats = torch.stack([
            (loud + 70.0) / 76.0,
            curves[:, 1], curves[:, 2], curves[:, 3],
            torch.log1p(curves[:, 4].clamp(min=0.0) / 100.0) / math.log(121.0),
            torch.log1p(curves[:, 5].clamp(min=0.0) / 100.0) / math.log(241.0),
            torch.log2(f0 / 440.0) / 4.0,
            voiced.float(),
            torch.log2(f0 / 440.0) / 4.0 * voiced.float(),
        ], dim=1)
        return feats, f0

    # ---- synthesis ----------------------------------------------------------------

    def controls(self, curves: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Frame-rate controls: harmonic amplitudes [B, K, F], noise band magnitudes
        [B, bands, F], the fundamental [B, F], the noise source's share of each frame's
        power [B, F] (training keeps it where its gradient lives), and the inharmonic
        partials' frequencies and amplitudes [B, P, F].

        The level is set by the loudness curve, not learned: the frame's total power is
        level² (level = 10^(LUFS/20)) times a learned correction within ±13 dB (for the
        K-weighting and the analyzer's window). The network only splits that power
        between the harmonic and the noise source, and within each across harmonics,
        partials or bands. So loudness follows any curve, including ones no training sound had."""
        feats, f0 = self.features(curves)
        x = self.input(feats)
        for block in self.blocks:
            x = block(x)
        x = F.leaky_relu(x, 0.1)
        h = self.harmonic_head(x)
        n = self.noise_head(x)
        level = torch.pow(10.0, curves[:, 0:1].clamp(-70.0, 6.0) / 20.0)
        total = level * torch.exp(1.5 * torch.tanh(n[:, :1]))
        harmonic_share = torch.sigmoid(h[:, :1])
        # No harmonic above 22 kHz: it would alias.
        audible = (f0.unsqueeze(1) * self.harmonic_numbers < 22000.0).float()
        distribution = torch.softmax(h[:, 1:], dim=1) * audible
        distribution = distribution / (distribution.sum(dim=1, keepdim=True) + 1e-6)
        # The tonal power, total² · share, is split between the harmonics (weight 1) and
        # the inharmonic partials (their gains; none above 20 kHz). A sine of amplitude a
        # carries a²/2.
        partial_hz = f0.unsqueeze(1) * self.partial_ratios
        gains = torch.exp(self.partial_head(x).clamp(max=3.0)) * (partial_hz < 20000.0).float()
        if self.budget:
            gains = self.aperiodicity_budget(curves, f0, harmonic_share, gains)
        tonal = 2.0 * harmonic_share / (1.0 + gains.sum(dim=1, keepdim=True))
        amplitudes = total * torch.sqrt(tonal * distribution + 1e-12)
        partial_amplitudes = total * torch.sqrt(tonal * gains + 1e-12)
        # Noise bands of magnitude 1 give unit power (noise_norm), so the bands carry
        # total² · (1 − share), spread by a softmax over the bands.
        spread = torch.softmax(n[:, 1:], dim=1) * float(self.noise_bands)
        bands = total * torch.sqrt((1.0 - harmonic_share) * spread + 1e-12) * self.noise_norm
        return amplitudes, bands, f0, 1.0 - harmonic_share.squeeze(1), partial_hz, partial_amplitudes

    def aperiodicity_budget(self, curves: torch.Tensor, f0: torch.Tensor, share: torch.Tensor,
                            gains: torch.Tensor) -> torch.Tensor:
        """Adds power to one inharmonic partial where the controls would ring more
        periodic than the tonality curve asks. Returns the partial gains [B, P, F].

        The analyzer's tonality is 1 − d′, YIN's cumulative-mean-normalised difference at
        the period it picks. At the pitch period, a frame's d′ is about its aperiodic power
        over its total: the noise counts whole, a partial at r times the pitch counts
        1 − cos 2πr of its power, the harmonics nothing. Where that estimate falls short
        of 1 − tonality, the budget raises one partial's gain (relative to the harmonics,
        at most 10) until it meets it; the frame's total power and the noise do not change.
        It acts on frames whose pitch is unvoiced (the 2.40 partial: booms under the
        analyzer's 30 Hz floor, kick glides), and on voiced frames asking for tonality
        under 0.97 at 400 Hz or higher (the 1.594 partial: bells and metal that ring too
        pure). Below 400 Hz a partial between the harmonics raises noisiness about as much
        as it brings tonality to the curve; above 0.97 it costs richness (see the model
        card, which also gives how these settings were chosen)."""
        c = 1.0 - torch.cos(2.0 * math.pi * self.partial_ratios)
        aperiodic = (gains * c).sum(dim=1, keepdim=True)
        partials = gains.sum(dim=1, keepdim=True)
        # The aperiodicity asked, 1 − tonality; on unvoiced frames 0.8 of it: there the
        # analyzer reads more than the estimate (frames asking for 0.7–0.85 came out about
        # 0.05 too aperiodic with the whole of it).
        unvoiced = torch.isnan(curves[:, 6:7])
        asked = (1.0 - curves[:, 3:4]) * torch.where(unvoiced, torch.full_like(share, self.budget_unvoiced_scale),
                                                      torch.ones_like(share))
        # The partials' share of the tonal power that must be aperiodic, q: with the noise
        # share 1 − s, (1 − s) + s · q = asked.
        share = share.clamp(min=1e-6)
        q = (asked - 1.0 + share) / share
        voiced = ~unvoiced & (curves[:, 3:4] < self.budget_max_tonality) & (f0.unsqueeze(1) >= self.budget_voiced_min_hz)
        index = torch.where(unvoiced, torch.full_like(f0.unsqueeze(1), float(self.budget_unvoiced)),
                            torch.full_like(f0.unsqueeze(1), float(self.budget_voiced)))
        slots = torch.arange(gains.shape[1], device=gains.device, dtype=gains.dtype).view(1, -1, 1)
        chosen = (slots == index).to(gains.dtype) * (f0.unsqueeze(1) * self.partial_ratios < 20000.0).to(gains.dtype)
        # Solve (A + u · c) / (1 + G + u) = q for the gain u added to the chosen partial,
        # A and G being the partials' aperiodic and total gains.
        room = (chosen * c).sum(dim=1, keepdim=True) - q * chosen.sum(dim=1, keepdim=True)
        added = ((q * (1.0 + partials) - aperiodic) / room.clamp(min=1e-3)).clamp(0.0, self.budget_max_gain)
        added = torch.where((room > 1e-3) & (unvoiced | voiced), added, torch.zeros_like(added))
        return gains + added * chosen

    def frames_to_samples(self, x: torch.Tensor, samples: int) -> torch.Tensor:
        """Linear interpolation of frame values [..., F] to samples [..., samples ≤ F·hop]:
        F.interpolate(mode="linear", align_corners=False), frames centred half a hop in,
        the ends held. Written as one fused multiply-add over hop-long ramps between
        neighbouring frames, which is faster on CPU than the generic upsampling kernel."""
        start, end = self.hops(x)
        return self.ramps(start, end, samples)

    @staticmethod
    def hops(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """The values [..., F + 1] at the start and the end of each hop-long stretch between
        frame centres (stretch s runs from frame s − 1 to frame s, the ends held)."""
        padded = torch.cat([x[..., :1], x, x[..., -1:]], dim=-1)
        return padded[..., :-1], padded[..., 1:]

    def ramps(self, start: torch.Tensor, end: torch.Tensor, samples: int) -> torch.Tensor:
        """Each hop's ramp from start to end [..., F + 1], as samples [..., samples]."""
        ramp = (torch.arange(self.hop, dtype=start.dtype, device=start.device) + 0.5) / self.hop
        ramps = torch.addcmul(start.unsqueeze(-1), (end - start).unsqueeze(-1), ramp)
        return ramps.flatten(-2)[..., self.hop // 2:self.hop // 2 + samples]

    def harmonic_source(self, amplitudes: torch.Tensor, f0: torch.Tensor, samples: int) -> torch.Tensor:
        if self.coherent_jumps:
            up, down = self.pitch_jumps(f0)
            # Without a jump, both ways render every hop alike: the plain one is cheaper.
            if bool(((up + down) > 0).any()):
                return self.coherent_harmonic_source(amplitudes, f0, samples, up, down)
        f0_up = self.frames_to_samples(f0, samples)
        # Phase in double precision: a second of audio accumulates 10⁵ radians.
        phase = torch.cumsum(f0_up.double() * (2.0 * math.pi / self.sample_rate), dim=-1)
        phase = torch.remainder(phase, 2.0 * math.pi).float()
        # Unbound once: indexing amps[:, k] in the loop would cost a full-size gradient
        # buffer per harmonic when training.
        return self.harmonic_sum(self.frames_to_samples(amplitudes, samples).unbind(1), phase)

    def pitch_jumps(self, f0: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """The jumps of the pitch [B, F] across each hop (as hops() lays them out, [B, F + 1]):
        (up, down), each the ratio q of a jump that way by one of jump_ratios within
        jump_tolerance octaves, else 0."""
        start, end = self.hops(f0)
        octaves = torch.log2(end / start)
        up = torch.zeros_like(octaves, dtype=torch.long)
        down = torch.zeros_like(up)
        for q in self.jump_ratios:
            near = (octaves.abs() - math.log(q) / math.log(2.0)).abs() < self.jump_tolerance
            up = torch.where(near & (octaves > 0.0), torch.full_like(up, q), up)
            down = torch.where(near & (octaves < 0.0), torch.full_like(down, q), down)
        return up, down

    @staticmethod
    def onto_finer_grid(amplitudes: torch.Tensor, q: int) -> torch.Tensor:
        """Harmonic amplitudes [B, K, S] of a pitch q times higher, as harmonics of the
        lower one: harmonic k moves to q·k (those past K drop out)."""
        kept = amplitudes.shape[1] // q
        slots = torch.arange(1, kept + 1, device=amplitudes.device) * q - 1
        return torch.zeros_like(amplitudes).index_copy(1, slots, amplitudes[:, :kept])

    def coherent_harmonic_source(self, amplitudes: torch.Tensor, f0: torch.Tensor, samples: int,
                                 up: torch.Tensor, down: torch.Tensor) -> torch.Tensor:
        """The harmonic source with the pitch curve's jumps by jump_ratios (`up` and `down`,
        from pitch_jumps(f0)) played coherently.

        The analyzer reads some sounds at a pitch that jumps by an octave from one frame
        to the next: a bell that reads at its hum, then at its prime, and back.
        harmonic_source glides from one pitch to the other across the hop, a chirp that is
        periodic at neither, so the frames whose YIN window holds it read less tonal than
        the curve. Here the hop of such a jump stays on the lower pitch's harmonic grid,
        where the higher pitch's harmonic k is harmonic q·k: its amplitudes are moved
        there, and the fade from one frame's amplitudes to the next is a plain crossfade
        of harmonics on one grid, periodic at the lower pitch throughout. Where the grid
        changes, at the hop's end for a jump up and at its start for a jump down, the
        phase is scaled by q with it, so the waveform is continuous: no click. Hops
        without such a jump render as harmonic_source renders them."""
        jump = (up + down) > 0
        start_hz, end_hz = self.hops(f0)
        lower = torch.minimum(start_hz, end_hz)
        hz = self.ramps(torch.where(jump, lower, start_hz), torch.where(jump, lower, end_hz), samples)
        # The harmonic grid's scale relative to the first hop's: ÷q from a jump down's hop
        # on, ×q after a jump up's hop. Within a hop of constant scale R the phase θ = R·Φ
        # advances by ω per sample (Φ accumulates ω/R); at a change of scale θ changes
        # with it, which the amplitudes moved onto the finer grid make seamless.
        zero = torch.zeros_like(start_hz, dtype=torch.float64)
        log_down = torch.where(down > 0, -torch.log(down.double().clamp(min=1)), zero)
        log_up = torch.where(up > 0, torch.log(up.double().clamp(min=1)), zero)
        scale = torch.exp(torch.cumsum(log_down, -1) + torch.cumsum(log_up, -1) - log_up)
        scale = self.ramps(scale, scale, samples)
        omega = hz.double() * (2.0 * math.pi / self.sample_rate)
        phase = torch.remainder(scale * torch.cumsum(omega / scale, dim=-1), 2.0 * math.pi).float()
        # Each hop fades from its first frame's amplitudes to its last's, both on the hop's grid.
        start, end = self.hops(amplitudes)
        for q in self.jump_ratios:
            start = torch.where((down == q).unsqueeze(1), self.onto_finer_grid(start, q), start)
            end = torch.where((up == q).unsqueeze(1), self.onto_finer_grid(end, q), end)
        return self.harmonic_sum(self.ramps(start, end, samples).unbind(1), phase)

    def harmonic_sum(self, amps: List[torch.Tensor], phase: torch.Tensor) -> torch.Tensor:
        """Σ_k amps[k − 1] · sin(kθ) over the harmonics (amps: one [B, samples] per harmonic)."""
        # sin(kθ) by the Chebyshev recurrence, s_k = 2 cos θ · s_(k−1) − s_(k−2), kept as
        # b_k = σ_k · s_k with the signs σ = +, +, −, −, +, + … so that each step, and each
        # harmonic's share of the output, is one fused multiply-add (addcmul).
        two_cos = 2.0 * torch.cos(phase)
        b_prev = torch.zeros_like(phase)
        b = torch.sin(phase)
        out = amps[0] * b
        sign_prev, sign = 1.0, 1.0
        for k in range(1, self.harmonics):
            sign_next = -sign_prev
            b_next = torch.addcmul(b_prev, two_cos, b, value=sign_next * sign)
            b_prev = b
            b = b_next
            sign_prev = sign
            sign = sign_next
            out = torch.addcmul(out, amps[k], b, value=sign)
        return out

    def partial_bins(self, hz: torch.Tensor, amplitudes: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """The inharmonic partials [B, P, F] (Hz, sine amplitude) as additions to the
        noise source's STFT frames [B, bins, F] (FFT⁻¹ additive synthesis): each is the
        synthesis window's kernel around its frequency, turned to the phase the partial
        has at the frame's first sample (n_fft/2 before its centre). Returns (where, what), both [B, P·F·S·2]:
        where indexes the real view of a contiguous [B, bins, F] spectrum, what holds the
        values."""
        batch, parts, frames = hz.shape
        last = self.noise_fft // 2
        step = 2.0 * math.pi * hz.double() / self.sample_rate
        phase = torch.cumsum(step * self.hop, -1) - step * (self.hop + last)
        phase = torch.remainder(phase, 2.0 * math.pi).float()
        centre = (hz * (self.noise_fft / self.sample_rate)).unsqueeze(-1)
        bins = centre.floor() + self.kernel_offsets  # [B, P, F, S]
        entry = ((bins - centre + self.kernel_reach) * self.kernel_steps).round().long()
        inside = ((bins >= 0.0) & (bins <= float(last))).float()
        half = 0.5 * amplitudes
        rotation = torch.complex(half * torch.cos(phase), half * torch.sin(phase))  # torch.polar, but faster on CPU
        values = self.kernel[entry] * rotation.unsqueeze(-1) * inside
        frame = torch.arange(frames, device=hz.device).view(1, 1, -1, 1)
        where = ((bins.clamp(0.0, float(last)).long() * frames + frame) * 2).unsqueeze(-1) + self.real_imag
        return where.reshape(batch, -1), torch.view_as_real(values).reshape(batch, -1)

    def noise_source(self, bands: torch.Tensor, partial_hz: torch.Tensor, partial_amplitudes: torch.Tensor,
                     samples: int) -> torch.Tensor:
        batch, _, frames = bands.shape
        bins = self.noise_fft // 2 + 1
        envelope = F.interpolate(bands.transpose(1, 2), size=bins, mode="linear", align_corners=True).transpose(1, 2)
        phase = torch.rand(batch, bins, frames, device=bands.device) * (2.0 * math.pi)
        # envelope · e^(i·phase); torch.polar computes the same but is 2.5 times slower on CPU.
        spectrum = torch.complex(envelope * torch.cos(phase), envelope * torch.sin(phase))
        # The partials are added through a flat real view of the [B, bins, F] spectrum.
        where, what = self.partial_bins(partial_hz, partial_amplitudes)
        flat = torch.view_as_real(spectrum).reshape(batch, -1)
        spectrum = torch.view_as_complex(flat.scatter_add(1, where, what).view(batch, bins, frames, 2))
        noise = torch.istft(spectrum, n_fft=self.noise_fft, hop_length=self.hop, win_length=4 * self.hop,
                            window=self.noise_window, center=True, length=samples)
        return noise

    def render(self, curves: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Audio [B, 1, samples], the noise share of each frame [B, F] and the inharmonic
        partials' amplitudes [B, P, F]."""
        frames = curves.shape[-1]
        samples = frames * self.hop
        amplitudes, bands, f0, noise_share, partial_hz, partial_amplitudes = self.controls(curves)
        audio = self.harmonic_source(amplitudes, f0, samples) + self.noise_source(bands, partial_hz, partial_amplitudes, samples)
        return audio.unsqueeze(1), noise_share, partial_amplitudes

    def forward(self, curves: torch.Tensor) -> torch.Tensor:
        return self.render(curves)[0]


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
