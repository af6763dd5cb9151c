# SPDX-License-Identifier: GPL-3.0-or-later
"""Training losses: multi-resolution STFT distance, plus descriptor consistency.

Descriptor consistency compares differentiable *proxies* of the descriptors (frame
energy in dB, spectral centroid and spread, band flatness, the share of new broadband
energy, periodicity at the pitch period) between the rendered and the original audio. They are not the descriptors themselves, whose one definition is
the C++ analyzer (the evaluation measures those); they only tell the gradient which way
loudness, brightness, richness and noisiness move.
"""
from typing import List

import torch
import torch.nn.functional as F

RESOLUTIONS = [(2048, 512), (1024, 256), (512, 128), (256, 64), (128, 32)]


def _magnitude(x: torch.Tensor, n_fft: int, hop: int) -> torch.Tensor:
    window = torch.hann_window(n_fft, device=x.device)
    spec = torch.stft(x, n_fft, hop, window=window, return_complex=True, center=True)
    return spec.abs().clamp(min=1e-7)


def multi_resolution_stft(pred: torch.Tensor, target: torch.Tensor, resolutions: List = RESOLUTIONS) -> torch.Tensor:
    """Spectral convergence plus log-magnitude L1, averaged over the resolutions."""
    total = pred.new_zeros(())
    for n_fft, hop in resolutions:
        p = _magnitude(pred, n_fft, hop)
        t = _magnitude(target, n_fft, hop)
        convergence = torch.linalg.norm(t - p, dim=(1, 2)) / (torch.linalg.norm(t, dim=(1, 2)) + 1e-7)
        log_l1 = F.l1_loss(torch.log(p), torch.log(t))
        total = total + convergence.mean() + log_l1
    return total / len(resolutions)


def descriptor_proxies(x: torch.Tensor, hop: int = 240):
    """Per-frame log energy (dB), centroid and spread (in octaves) and band flatness."""
    mag = _magnitude(x, 1024, hop)[:, 1:, :]  # [B, 512, frames]
    power = mag * mag
    bins = torch.arange(1, mag.shape[1] + 1, device=x.device, dtype=x.dtype).view(1, -1, 1)
    energy = power.sum(dim=1)
    db = 10.0 * torch.log10(energy + 1e-9)
    weight = mag / (mag.sum(dim=1, keepdim=True) + 1e-9)
    centroid = (weight * bins).sum(dim=1)
    spread = torch.sqrt((weight * (bins - centroid.unsqueeze(1)) ** 2).sum(dim=1) + 1e-6)
    bands = power.view(power.shape[0], 64, 8, power.shape[-1])
    flatness = torch.exp(torch.log(bands + 1e-9).mean(dim=2)) / (bands.mean(dim=2) + 1e-9)
    flat = (flatness * bands.sum(dim=2)).sum(dim=1) / (energy + 1e-9)
    return db, torch.log2(centroid + 1.0), torch.log2(spread + 1.0), flat


def onset_share(x: torch.Tensor, hop: int = 240) -> torch.Tensor:
    """Per-frame share of the energy that is new and broadband rather than steady: band
    powers against their median over the 8 frames before (steady) and over 9
    neighbouring bands (broadband), with a soft mask. A proxy for percussivity."""
    power = _magnitude(x, 1024, hop)[:, 1:, :] ** 2
    bands = power.view(power.shape[0], 32, 16, power.shape[-1]).sum(dim=2)  # [B, 32, F]
    past = F.pad(bands, (8, 0), mode="replicate").unfold(2, 9, 1).median(dim=-1).values
    across = F.pad(bands.transpose(1, 2), (4, 4)).unfold(2, 9, 1).median(dim=-1).values.transpose(1, 2)
    mask = across / (past + across + 1e-12)
    return (bands * mask).sum(dim=1) / (bands.sum(dim=1) + 1e-12)


def periodicity(x: torch.Tensor, pitch: torch.Tensor, hop: int = 240, sample_rate: int = 48000) -> torch.Tensor:
    """Per-frame normalised correlation of the signal with itself one pitch period later
    (pitch [B, F] in Hz, unvoiced frames already filled). A proxy for tonality."""
    batch, samples = x.shape
    lag = (sample_rate / pitch.clamp(30.0, 4000.0)).round().long()  # [B, F]
    lag = lag.repeat_interleave(hop, dim=1)[:, :samples]
    index = (torch.arange(samples, device=x.device).unsqueeze(0) + lag).clamp(max=samples - 1)
    later = torch.gather(x, 1, index)
    pool = lambda v: F.avg_pool1d(v.unsqueeze(1), 2 * hop, hop, padding=hop).squeeze(1)[:, :pitch.shape[1]]
    cross = pool(x * later)
    energy = pool(x * x + later * later)
    return (2.0 * cross / (energy + 1e-9)).clamp(min=0.0)


def descriptor_consistency(pred: torch.Tensor, target: torch.Tensor, pitch: torch.Tensor) -> torch.Tensor:
    """pitch: the target's pitch curve [B, F] in Hz with unvoiced frames filled."""
    pd, pc, ps, pf = descriptor_proxies(pred)
    td, tc, ts, tf = descriptor_proxies(target)
    audible = (td > td.amax(dim=-1, keepdim=True) - 60.0).float()  # ignore the silent tail
    n = audible.sum() + 1.0

    def masked(a, b):
        frames = min(a.shape[-1], b.shape[-1], audible.shape[-1])
        return ((a[..., :frames] - b[..., :frames]).abs() * audible[..., :frames]).sum() / n

    return (masked(pd, td) / 10.0 + masked(pc, tc) + masked(ps, ts) + 2.0 * masked(pf, tf)
            + 2.0 * masked(onset_share(pred), onset_share(target))
            + 2.0 * masked(periodicity(pred, pitch), periodicity(target, pitch)))
