# SPDX-License-Identifier: GPL-3.0-or-later
"""Training losses: multi-resolution STFT distance, plus descriptor consistency.

Descriptor consistency has two parts. `curve_consistency` measures the rendered audio's
loudness, brightness, richness, noisiness, percussivity and tonality the way the
analyzer does, and compares them with the curves the audio was rendered from: it needs
no target sound, so it also trains on curves no recording has (morphs, CV offsets).
`target_consistency` compares frame energy and periodicity at the pitch period (a proxy
for tonality) with the original sound's. The C++ analyzer stays the one definition of
the descriptors: the training data and `neurorack eval` are measured with it.

`partial_match` compares the model's inharmonic partial amplitudes with what the
original has at their frequencies, so that a bell's minor third is learnt as a partial
rather than approximated by the harmonics on either side. Two guards keep the pitch
readable: `octave_guard` (no repetition at a fraction of the period) and `period_guard`
(enough periodicity at the period itself for YIN to take it).
"""
import math
from typing import List, Optional, Tuple

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


def periodicity(x: torch.Tensor, pitch: torch.Tensor, hop: int = 240, sample_rate: int = 48000) -> torch.Tensor:
    """Per-frame normalised correlation of the signal with itself one pitch period later
    (pitch [B, F] in Hz, unvoiced frames already filled). A proxy for tonality."""
    batch, samples = x.shape
    lag = (sample_rate / pitch.clamp(30.0, 4000.0)).round().long()  # [B, F]
    # Frame i is centred on sample i × hop: it covers the samples half a hop either side.
    frame_of = ((torch.arange(samples, device=x.device) + hop // 2) // hop).clamp(max=pitch.shape[1] - 1)
    lag = lag[:, frame_of]
    index = (torch.arange(samples, device=x.device).unsqueeze(0) + lag).clamp(max=samples - 1)
    later = torch.gather(x, 1, index)
    pool = lambda v: F.avg_pool1d(v.unsqueeze(1), 2 * hop, hop, padding=hop).squeeze(1)[:, :pitch.shape[1]]
    cross = pool(x * later)
    energy = pool(x * x + later * later)
    return (2.0 * cross / (energy + 1e-9)).clamp(min=0.0)


def _half_band(device) -> torch.Tensor:
    """The analyzer's 31-tap half-band low-pass (windowed sinc, Kaiser β = 8, unity gain
    at DC) for its 48 → 24 kHz decimation before YIN."""
    m = torch.arange(-15, 16, dtype=torch.float64)
    sinc = torch.where(m == 0, torch.full_like(m, 0.5), torch.sin(math.pi * m / 2.0) / (math.pi * m))
    window = torch.special.i0(8.0 * torch.sqrt((1.0 - (m / 15.0) ** 2).clamp(min=0.0))) / torch.special.i0(torch.tensor(8.0, dtype=torch.float64))
    taps = sinc * window
    return (taps / taps.sum()).float().to(device)


YIN_SPAN, YIN_HOP, YIN_MAX_LAG, YIN_MIN_LAG, YIN_THRESHOLD, YIN_SAMPLE_RATE = 1248, 120, 800, 3, 0.15, 24000.0


def aperiodicity(x: torch.Tensor, frames: int) -> Tuple[torch.Tensor, torch.Tensor]:
    """YIN's cumulative-mean-normalised difference d′ [B, frames, 800] (lags 1..800 at
    24 kHz) of audio [B, samples] at 48 kHz, as the analyzer computes it
    (docs/descriptors.md, "Tonality"): decimation to 24 kHz by its half-band filter, a
    52 ms span centred on the frame with its mean removed, the difference function in the
    shrinking-window form (with its rule for lags that shift a click out of view), and
    the cumulative-mean normalisation. Also returns which frames are silent [B, frames]."""
    taps = _half_band(x.device).view(1, 1, -1)
    decimated = F.conv1d(F.pad(x.unsqueeze(1), (15, 15)), taps).squeeze(1)[:, ::2]
    half = YIN_SPAN // 2
    padded = F.pad(decimated, (half, half + YIN_SPAN))
    spans = padded.unfold(1, YIN_SPAN, YIN_HOP)[:, :frames]  # [B, F, W]
    spans = spans - spans.mean(dim=-1, keepdim=True)
    spectrum = torch.fft.rfft(spans, n=2048, dim=-1)
    r = torch.fft.irfft(spectrum.real ** 2 + spectrum.imag ** 2, n=2048, dim=-1)[..., 1:YIN_MAX_LAG + 1]
    energy = F.pad(torch.cumsum(spans * spans, dim=-1), (1, 0))  # energy[k] = Σ_{j<k} x_j²
    total = energy[..., -1:]
    tau = torch.arange(1, YIN_MAX_LAG + 1, device=x.device)
    length = (YIN_SPAN - tau).to(x.dtype)
    e = energy[..., YIN_SPAN - tau] + (total - energy[..., tau])
    expected = 2.0 * total * length / YIN_SPAN
    d = torch.where(e < 0.25 * expected, expected / length, (e - 2.0 * r).clamp(min=0.0) / length)
    running = torch.cumsum(d, dim=-1)
    dprime = torch.where(running > 0.0, d * tau.to(x.dtype) / running.clamp(min=1e-30), torch.ones_like(d))
    silent = total.squeeze(-1) < 1e-10 * YIN_SPAN
    return dprime, silent


def tonality(x: torch.Tensor, frames: int, measured: Optional[Tuple[torch.Tensor, torch.Tensor]] = None) -> torch.Tensor:
    """The analyzer's tonality [B, frames] of audio [B, samples] at 48 kHz: 1 − d′ (see
    `aperiodicity`, or pass its result as `measured`) at the lag YIN picks: the first
    below 0.15, moved to the bottom of its dip, else the deepest. The lag is chosen
    without gradient; the value at it has one."""
    dprime, silent = measured if measured is not None else aperiodicity(x, frames)
    with torch.no_grad():
        lags = dprime[..., YIN_MIN_LAG - 1:]  # from lag 3
        below = lags < YIN_THRESHOLD
        first = torch.where(below.any(-1), below.float().argmax(-1), lags.argmin(-1))
        # Move forward while d′ keeps falling: the bottom of the dip.
        falling = torch.cat([lags[..., 1:] < lags[..., :-1], torch.zeros_like(below[..., :1])], dim=-1)
        index = torch.arange(lags.shape[-1], device=x.device)
        stops = torch.where((index >= first.unsqueeze(-1)) & ~falling, index, torch.full_like(index, lags.shape[-1] - 1))
        best = torch.where(below.any(-1), stops.amin(-1), first) + (YIN_MIN_LAG - 1)
    value = torch.gather(dprime, -1, best.unsqueeze(-1)).squeeze(-1)
    return torch.where(silent, torch.zeros_like(value), 1.0 - value.clamp(0.0, 1.0))


def target_consistency(pred: torch.Tensor, target: torch.Tensor, pitch: torch.Tensor) -> torch.Tensor:
    """Frame energy (dB) and periodicity at the pitch period (a proxy for tonality) of the
    rendered audio against the original's. pitch: the target's pitch curve [B, F] in Hz
    with unvoiced frames filled."""
    frames = pitch.shape[-1]
    pd = 10.0 * torch.log10(_analyzer_frames(pred, frames).sum(dim=1) + 1e-9)
    td = 10.0 * torch.log10(_analyzer_frames(target, frames).sum(dim=1) + 1e-9)
    audible = (td > td.amax(dim=-1, keepdim=True) - 60.0).float()  # ignore the silent tail
    n = audible.sum() + 1.0
    masked = lambda a, b: ((a - b).abs() * audible).sum() / n
    return masked(pd, td) / 10.0 + 2.0 * masked(periodicity(pred, pitch), periodicity(target, pitch))


# ---- consistency with the conditioning curves ------------------------------------
#
# The terms below compare the rendered audio with the curves it was asked for, not with
# a target sound, so they also apply to curves that no recording has (morphs, CV
# offsets). Their measures follow the analyzer's spectral frame (1024-point Hann window
# centred on each 240-sample hop, bins 1..512, magnitude-weighted centroid,
# power-weighted spread, 8-bin band flatness relative to white noise, a causal
# harmonic–percussive split on 32 bands) and its K-weighted loudness closely enough to
# steer training (tests/models/test_training.py checks how closely); the analyzer stays
# the one definition, and `neurorack eval` measures with it.

BIN_HZ = 48000.0 / 1024.0
WHITE_NOISE_FLATNESS = 0.6528


def _analyzer_frames(x: torch.Tensor, frames: int) -> torch.Tensor:
    """Power spectrum [B, 512, frames], bins 1..512, of 1024-sample segments centred on
    i × 240, each with its mean removed and the analyzer's Hann window (sampled at the
    half sample, so that even a pure tone's leakage reads as the analyzer's does)."""
    padded = F.pad(x, (512, 512 + 1024))
    segments = padded.unfold(1, 1024, 240)[:, :frames]  # [B, frames, 1024]
    segments = segments - segments.mean(dim=-1, keepdim=True)
    i = torch.arange(1024, device=x.device, dtype=x.dtype)
    window = 0.5 - 0.5 * torch.cos(2.0 * math.pi * (i + 0.5) / 1024)
    spec = torch.fft.rfft(segments * window, dim=-1)
    power = spec.real ** 2 + spec.imag ** 2
    return power[..., 1:].transpose(1, 2)


# BS.1770's K-weighting at 48 kHz: a high shelf, then the RLB high-pass (the biquads
# libebur128 uses), and the momentary window the analyzer reads loudness over (20 ms).
_K_SHELF = ([1.53512485958697, -2.69169618940638, 1.19839281085285], [1.0, -1.69065929318241, 0.73248077421585])
_K_HIGHPASS = ([1.0, -2.0, 1.0], [1.0, -1.99004745483398, 0.99007225036621])
LOUDNESS_WINDOW = 960


def _k_weighting_power(n: int, device) -> torch.Tensor:
    """|H(f)|² of the K-weighting filter on the bins of an n-point real FFT."""
    w = torch.linspace(0.0, math.pi, n // 2 + 1, dtype=torch.float64, device=device)
    z = torch.exp(-1j * w)
    response = torch.ones_like(z)
    for b, a in (_K_SHELF, _K_HIGHPASS):
        response = response * (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)
    return (response.abs() ** 2).float()


def loudness(x: torch.Tensor, frames: int) -> torch.Tensor:
    """Per-frame loudness in LUFS, like the analyzer's: the K-weighted mean square over
    20 ms centred on each frame (the filter applied as a zero-phase gain, which moves the
    mean square over 20 ms very little)."""
    n = x.shape[-1] * 2
    spectrum = torch.fft.rfft(x, n=n)
    weighted = torch.fft.irfft(spectrum * torch.sqrt(_k_weighting_power(n, x.device)), n=n)[..., :x.shape[-1]]
    half = LOUDNESS_WINDOW // 2
    square = F.pad(weighted * weighted, (half, half + 240 * frames))
    mean = F.avg_pool1d(square.unsqueeze(1), LOUDNESS_WINDOW, 240).squeeze(1)[:, :frames]
    # A soft floor near −70 LUFS, not a clamp: a render far too quiet still gets a gradient.
    return -0.691 + 10.0 * torch.log10(mean + 1e-7)


def spectral_measures(x: torch.Tensor, frames: int):
    """Per frame: brightness (magnitude-weighted centroid) and richness
    (power-weighted spread) in Hz, noisiness 0..1, percussivity 0..1."""
    power = _analyzer_frames(x, frames)
    total = power.sum(dim=1) + 1e-20
    mag = torch.sqrt(power + 1e-24)
    hz = torch.arange(1, 513, device=x.device, dtype=x.dtype).view(1, -1, 1) * BIN_HZ
    mag_sum = mag.sum(dim=1)
    centroid = (mag * hz).sum(dim=1) / mag_sum
    power_centroid = (power * hz).sum(dim=1) / total
    spread = torch.sqrt((power * (hz - power_centroid.unsqueeze(1)) ** 2).sum(dim=1) / total + 1e-6)

    floor = (total * 1e-12 / 512).unsqueeze(1).unsqueeze(1)
    bands8 = power.view(power.shape[0], 64, 8, power.shape[-1])
    band_power = bands8.sum(dim=2)
    mean = band_power.unsqueeze(2) / 8.0 + floor
    flatness = torch.exp(torch.log((bands8 + floor) / mean).mean(dim=2))
    noisiness = ((band_power * flatness).sum(dim=1) / total / WHITE_NOISE_FLATNESS).clamp(0.0, 1.0)

    bands = power.view(power.shape[0], 32, 16, power.shape[-1]).sum(dim=2)
    past = F.pad(bands, (8, 0)).unfold(2, 9, 1).median(dim=-1).values  # silence before the start
    across = F.pad(bands.transpose(1, 2), (4, 4)).unfold(2, 9, 1).median(dim=-1).values.transpose(1, 2)
    mask = across / (past + across + 1e-20)
    percussivity = (bands * mask).sum(dim=1) / total
    return centroid, spread, noisiness, percussivity


def curve_consistency(pred: torch.Tensor, curves: torch.Tensor,
                      measured: Optional[Tuple[torch.Tensor, torch.Tensor]] = None,
                      richness_weight: float = 1.0) -> torch.Tensor:
    """How far the rendered audio's loudness (dB), brightness and richness (log ratio),
    noisiness, percussivity and tonality are from the curves [B, 7, F] it was rendered
    from, over the frames the evaluation counts (louder than −60 LUFS). Tonality is the
    analyzer's own YIN measure (`tonality`). It replaced a proxy, the normalised
    correlation at the pitch period over 10 ms on voiced frames, which agreed with the
    analyzer only within 0.031 per frame on rendered CV offsets: most of the model's
    tonality error there. `measured`: `aperiodicity(pred, frames)`, if already computed.
    `richness_weight` scales the richness term (1 by default; 0.9.0's last 500 steps
    used 3)."""
    frames = curves.shape[-1]
    centroid, spread, noisiness, percussivity = spectral_measures(pred, frames)
    loud = loudness(pred, frames)
    audible = (curves[:, 0] > -60.0).float()
    n = audible.sum() + 1.0
    bright = curves[:, 5].clamp(min=1.0)
    rich = curves[:, 4].clamp(min=1.0)
    log_ratio = lambda a, b: torch.abs(torch.log(a.clamp(min=1.0) / b))
    tonal = (tonality(pred, frames, measured) - curves[:, 3]).abs()
    return ((0.2 * (loud - curves[:, 0]).abs() + log_ratio(centroid, bright)
             + richness_weight * log_ratio(spread, rich)
             + 2.0 * (noisiness - curves[:, 2]).abs()
             + 2.0 * (percussivity - curves[:, 1]).abs()
             + 2.0 * tonal) * audible).sum() / n


def noise_share_prior(share: torch.Tensor, curves: torch.Tensor) -> torch.Tensor:
    """Keeps the noise source's share of each frame's power [B, F] within a factor of
    three of the noisiness curve: no less than a third of it where noisiness is above
    0.03, no more than three times it (plus 0.01). Zero inside that band.

    Noisiness reads, roughly, the power share of noise-like bands, so a frame asking for
    0.3 needs some noise. Without this, a frame can drift to a harmonic share so close
    to 1 (a sigmoid logit of 15) that no loss moves it back: the sigmoid's slope there
    is 3e-7. This measures the share in log, where the pull stays about 1 however far
    the share has gone; the dead band leaves the exact split to curve consistency."""
    audible = (curves[:, 0] > -60.0).float()
    noisiness = curves[:, 2].clamp(0.0, 1.0)
    log_share = torch.log(share.clamp(min=1e-30))
    too_clean = F.relu(torch.log(noisiness.clamp(min=1e-6) / 3.0) - log_share) * (noisiness > 0.03).float()
    too_noisy = F.relu(log_share - torch.log(3.0 * (noisiness + 0.01)))
    return ((too_clean + too_noisy) * audible).sum() / (audible.sum() + 1.0)


def octave_guard(pred: torch.Tensor, curves: torch.Tensor, pitch: torch.Tensor, voiced: torch.Tensor,
                 limit: float = 0.65) -> torch.Tensor:
    """Keeps the rendered audio from repeating at a fraction of the pitch period on
    voiced frames (pitch [B, F] in Hz with unvoiced frames filled, voiced [B, F]).

    The analyzer's YIN takes the first lag whose aperiodicity is below 0.15. The harmonic
    source follows the pitch curve exactly, but the network chooses how the harmonics
    share the power, and matching a bell's brightness can leave the third harmonic
    carrying most of it: the frame then also repeats at a third of the period, YIN reads
    it a twelfth up (1900 cents of error), and likewise at a half (an octave up) or at
    two thirds (a fifth up). This charges the periodicity at T/2, T/3 and 2T/3 above
    `limit`. A recording whose analysis found this pitch does not repeat there, or YIN
    would have taken the shorter lag."""
    audible = (curves[:, 0] > -60.0).float()
    total = pred.new_zeros(())
    count = pred.new_zeros(())
    for ratio in (2.0, 3.0, 1.5):
        mask = audible * voiced.float() * (pitch * ratio < 4000.0).float()
        total = total + (F.relu(periodicity(pred, ratio * pitch) - limit) * mask).sum()
        count = count + mask.sum()
    return total / (count + 1.0)


def period_guard(measured: Tuple[torch.Tensor, torch.Tensor], curves: torch.Tensor, pitch: torch.Tensor,
                 voiced: torch.Tensor, limit: float = 0.13) -> torch.Tensor:
    """Keeps voiced frames periodic at the pitch period itself: charges YIN's d′ at the
    bottom of the dip within 3 % of the period (measured: `aperiodicity` of the rendered
    audio; pitch [B, F] in Hz, unvoiced frames filled; voiced [B, F]) above `limit`, a
    margin under YIN's threshold of 0.15, or above the aperiodicity the curve asks for,
    1 − tonality, where that is higher.

    YIN takes the first lag whose d′ is below 0.15, else the deepest. Partials that are
    not harmonics make a frame less periodic at the period, which is what a bell's
    tonality of 0.88 asks for; but where they push d′ at the period past 0.15, YIN takes
    the deepest dip instead, and a bell's minor third (12/5 of the hum) makes that five
    periods: the pitch reads 28 semitones low. The recordings whose analysis found this
    pitch were below 0.15 there, or YIN would have read another lag."""
    dprime, silent = measured
    lag = YIN_SAMPLE_RATE / pitch.clamp(min=1.0)  # [B, F], in 24 kHz samples
    tau = torch.arange(1, YIN_MAX_LAG + 1, device=dprime.device, dtype=dprime.dtype)
    near = (tau >= 0.97 * lag.unsqueeze(-1)) & (tau <= 1.03 * lag.unsqueeze(-1))
    bottom = torch.where(near, dprime, torch.full_like(dprime, 2.0)).amin(dim=-1)
    allowed = (1.0 - curves[:, 3]).clamp(min=limit)
    mask = ((curves[:, 0] > -60.0) & voiced & ~silent & (lag >= YIN_MIN_LAG) & (lag * 1.03 <= YIN_MAX_LAG)).float()
    return (F.relu(bottom - allowed) * mask).sum() / (mask.sum() + 1.0)


def unvoiced_guard(measured: Tuple[torch.Tensor, torch.Tensor], curves: torch.Tensor, voiced: torch.Tensor,
                   limit: float = 0.17) -> torch.Tensor:
    """Keeps frames whose curve is unvoiced from reading voiced: charges YIN's deepest d′
    over lags 3 … 800 (measured: `aperiodicity` of the rendered audio) below `limit`, a
    margin over YIN's threshold of 0.15, on audible frames (louder than −60 LUFS, the
    analyzer's voicing gate) that the curve marks unvoiced (voiced [B, F]).

    The tonality term alone pulls such a frame's d′ at the lag YIN picks toward
    1 − tonality, but once the render reads voiced, YIN picks its period and reads a
    tonality far above the curve's: a kick's fast glide or a boom under the analyzer's
    30 Hz floor, rendered as a steady tone. The period guard keeps voiced frames on the
    other side of the same threshold."""
    dprime, silent = measured
    deepest = dprime[..., YIN_MIN_LAG - 1:].amin(dim=-1)
    mask = ((curves[:, 0] > -60.0) & ~voiced & ~silent).float()
    return (F.relu(limit - deepest) * mask).sum() / (mask.sum() + 1.0)


def partial_amplitudes(audio: torch.Tensor, pitch: torch.Tensor, ratios: List[float], n_fft: int = 4096,
                       hop: int = 240, sample_rate: int = 48000) -> torch.Tensor:
    """The sine amplitude [B, P, F] that the audio [B, samples] has at each ratio × pitch
    (pitch [B, F] in Hz with unvoiced frames filled): the peak of the three bins around
    it in an 85 ms Hann STFT (11.7 Hz bins; three bins allow for the recording's small
    detuning of its modes), where a steady sine of amplitude a peaks at a · n_fft / 4."""
    frames = pitch.shape[-1]
    window = torch.hann_window(n_fft, device=audio.device)
    spectrum = torch.stft(audio, n_fft, hop, window=window, return_complex=True, center=True).abs()[..., :frames]
    hz = pitch.unsqueeze(1) * torch.tensor(ratios, device=audio.device).view(1, -1, 1)
    centre = (hz * (n_fft / sample_rate)).round().long().clamp(1, n_fft // 2 - 1)
    peak = torch.stack([torch.gather(spectrum, 1, centre + d) for d in (-1, 0, 1)]).amax(0)
    return peak * (4.0 / n_fft)


def partial_match(amplitudes: torch.Tensor, target: torch.Tensor, curves: torch.Tensor, pitch: torch.Tensor,
                  voiced: torch.Tensor, ratios: List[float], n_fft: int = 4096) -> torch.Tensor:
    """Distance between the model's inharmonic partials (amplitudes [B, P, F]) and what
    the original recording [B, samples] has at their frequencies, on its voiced frames
    where no harmonic lies within three bins (there the bin holds the partial and
    nothing else). Powers are taken relative to the frame's level (from the loudness
    curve of curves [B, 7, F]).

    The multi-resolution STFT loss charges every bin alike, so a partial the recording
    has at 2.4 × f0 (a bell's minor third) weighs as little as any other bin, and the
    harmonics on either side can stand in for it; and a partial much quieter than what
    already fills its bin hardly changes it, so it would never be learnt. Here each
    partial's power m is compared with the recording's r by the Poisson deviance
    m − r − r·log(m / r): zero when they agree, its gradient in log m is m − r, a push up
    of r however quiet the partial starts, and where the curves cannot tell a bell from a
    bar, it settles on the mean power of the sounds that share them (which is what keeps
    their tonality on average)."""
    bin_hz = 48000.0 / n_fft
    ratio = torch.tensor(ratios, device=target.device).view(1, -1, 1)
    resolvable = ((ratio - ratio.round()).abs() * pitch.unsqueeze(1) > 3.0 * bin_hz) & (pitch.unsqueeze(1) * ratio < 16000.0)
    mask = (resolvable & voiced.unsqueeze(1)).float()
    power = torch.pow(10.0, curves[:, 0:1].clamp(-70.0, 6.0) / 10.0)  # the frame's level²
    floor = 1e-6
    model = amplitudes.pow(2) / (2.0 * power) + floor
    wanted = partial_amplitudes(target, pitch, ratios, n_fft).pow(2) / (2.0 * power) + floor
    deviance = model - wanted - wanted * torch.log(model / wanted)
    return (deviance * mask).sum() / (mask.sum() + 1.0)
