# SPDX-License-Identifier: GPL-3.0-or-later
"""The Neurorack impact model: a neural source-filter synthesizer conditioned on the
seven descriptor curves.

All the heavy work runs at the frame rate (200 frames/s): a small dilated convolution
network reads the seven curves and predicts, per frame, the amplitudes of a harmonic
source built from the pitch curve and the spectral envelope of a noise source (the
learned, time-varying filter). At the sample rate only cheap vectorised work remains:
the harmonics come from a Chebyshev recurrence (one cosine per sample, then two
multiply-adds per harmonic), and the noise is shaped in the STFT domain and brought
back with one inverse STFT.

forward() takes descriptor curves [batch, 7, frames] in the analyzer's physical units
(LUFS, 0..1, Hz; NaN marks unvoiced pitch frames) and returns audio
[batch, 1, frames * 240] at 48 kHz.
"""
import math
from typing import Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

SAMPLE_RATE = 48000
HOP = 240
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

    def controls(self, curves: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Frame-rate controls: harmonic amplitudes [B, K, F], noise band magnitudes
        [B, bands, F], the fundamental [B, F], and the noise source's share of each
        frame's power [B, F] (training keeps it where its gradient lives).

        The level is set by the loudness curve, not learned: the frame's total power is
        level² (level = 10^(LUFS/20)) times a learned correction within ±13 dB (for the
        K-weighting and the analyzer's window). The network only splits that power
        between the harmonic and the noise source, and within each across harmonics or
        bands. So loudness follows any curve, including ones no training sound had."""
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
        # A sine of amplitude a carries a²/2: the harmonics together carry total² · share.
        amplitudes = total * torch.sqrt(2.0 * harmonic_share * distribution + 1e-12)
        # Noise bands of magnitude 1 give unit power (noise_norm), so the bands carry
        # total² · (1 − share), spread by a softmax over the bands.
        spread = torch.softmax(n[:, 1:], dim=1) * float(self.noise_bands)
        bands = total * torch.sqrt((1.0 - harmonic_share) * spread + 1e-12) * self.noise_norm
        return amplitudes, bands, f0, 1.0 - harmonic_share.squeeze(1)

    def frames_to_samples(self, x: torch.Tensor, samples: int) -> torch.Tensor:
        """Linear interpolation of frame values [..., F] to samples [..., samples ≤ F·hop]:
        F.interpolate(mode="linear", align_corners=False), frames centred half a hop in,
        the ends held. Written as one fused multiply-add over hop-long ramps between
        neighbouring frames, which is faster on CPU than the generic upsampling kernel."""
        padded = torch.cat([x[..., :1], x, x[..., -1:]], dim=-1)
        start = padded[..., :-1].unsqueeze(-1)
        ramp = (torch.arange(self.hop, dtype=x.dtype, device=x.device) + 0.5) / self.hop
        ramps = torch.addcmul(start, padded[..., 1:].unsqueeze(-1) - start, ramp)
        return ramps.flatten(-2)[..., self.hop // 2:self.hop // 2 + samples]

    def harmonic_source(self, amplitudes: torch.Tensor, f0: torch.Tensor, samples: int) -> torch.Tensor:
        f0_up = self.frames_to_samples(f0, samples)
        # Phase in double precision: a second of audio accumulates 10⁵ radians.
        phase = torch.cumsum(f0_up.double() * (2.0 * math.pi / self.sample_rate), dim=-1)
        phase = torch.remainder(phase, 2.0 * math.pi).float()
        # Unbound once: indexing amps[:, k] in the loop would cost a full-size gradient
        # buffer per harmonic when training.
        amps = self.frames_to_samples(amplitudes, samples).unbind(1)
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

    def noise_source(self, bands: torch.Tensor, samples: int) -> torch.Tensor:
        batch, _, frames = bands.shape
        bins = self.noise_fft // 2 + 1
        envelope = F.interpolate(bands.transpose(1, 2), size=bins, mode="linear", align_corners=True).transpose(1, 2)
        phase = torch.rand(batch, bins, frames, device=bands.device) * (2.0 * math.pi)
        # envelope · e^(i·phase); torch.polar computes the same but is 2.5 times slower on CPU.
        spectrum = torch.complex(envelope * torch.cos(phase), envelope * torch.sin(phase))
        noise = torch.istft(spectrum, n_fft=self.noise_fft, hop_length=self.hop, win_length=4 * self.hop,
                            window=self.noise_window, center=True, length=samples)
        return noise

    def render(self, curves: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """Audio [B, 1, samples] and the noise share of each frame [B, F]."""
        frames = curves.shape[-1]
        samples = frames * self.hop
        amplitudes, bands, f0, noise_share = self.controls(curves)
        audio = self.harmonic_source(amplitudes, f0, samples) + self.noise_source(bands, samples)
        return audio.unsqueeze(1), noise_share

    def forward(self, curves: torch.Tensor) -> torch.Tensor:
        return self.render(curves)[0]


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
