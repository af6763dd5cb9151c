// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptoranalyzer.h"

#include "analysis/realfft.h"
#include "model/framegrid.h"

#include <ebur128.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace neurorack {

namespace {

constexpr int kHop = grid::kHopLength;
constexpr int kYinRate = grid::kSampleRate / DescriptorAnalyzer::kPitchDecimation;
constexpr int kYinHop = kHop / DescriptorAnalyzer::kPitchDecimation;
constexpr int kYinFft = 2048;
// YIN's difference function over one span of kYinSpan samples: lag τ compares the span's
// first kYinSpan − τ samples with its last (the shrinking-window form of YIN). The span is
// as long as a 2048-point circular autocorrelation allows without wrapping at kYinMaxLag.
constexpr int kYinSpan = DescriptorAnalyzer::kYinSpan;
static_assert(kYinSpan + DescriptorAnalyzer::kYinMaxLag <= kYinFft, "the autocorrelation must not wrap");
static_assert(kYinSpan - DescriptorAnalyzer::kYinMaxLag >= 448, "the longest lag still compares 18.7 ms");
constexpr double kBinHz = double(grid::kSampleRate) / DescriptorAnalyzer::kSpectrumWindow;
constexpr float kSilenceLufs = -70.0f;

// Mean band flatness (geometric over arithmetic mean of 8 periodogram bins) of Gaussian
// white noise through the Hann-windowed STFT, measured over 20 s (4000 frames): noisiness is the
// flatness relative to white noise, so white noise reads 1.
constexpr double kWhiteNoiseFlatness = 0.6528;

// A 31-tap half-band low-pass (Kaiser, β = 8) for the 48 → 24 kHz decimation before YIN:
// flat to 9 kHz, −6 dB at 12 kHz, about −38 dB at 15 kHz and −70 dB above 16 kHz.
// Odd taps other than the centre are 0.
constexpr int kHalfBandTaps = 31;

std::array<float, kHalfBandTaps> makeHalfBand()
{
    std::array<float, kHalfBandTaps> h{};
    const int mid = kHalfBandTaps / 2;
    const double beta = 8.0;
    auto bessel0 = [](double x) {
        double sum = 1.0, term = 1.0;
        for (int k = 1; k < 30; ++k) {
            term *= (x / (2.0 * k)) * (x / (2.0 * k));
            sum += term;
        }
        return sum;
    };
    double total = 0.0;
    for (int n = 0; n < kHalfBandTaps; ++n) {
        const int m = n - mid;
        const double sinc = m == 0 ? 0.5 : std::sin(std::numbers::pi * m / 2.0) / (std::numbers::pi * m);
        const double r = double(m) / mid;
        const double window = bessel0(beta * std::sqrt(std::max(0.0, 1.0 - r * r))) / bessel0(beta);
        h[std::size_t(n)] = static_cast<float>(sinc * window);
        total += sinc * window;
    }
    for (float &v : h)
        v = static_cast<float>(v / total); // unity gain at DC
    return h;
}

// Median of 9 with 19 compare-exchanges (the classic opt_med9 network): the
// harmonic–percussive split takes two per band and frame.
float median9(std::array<float, 9> p)
{
    auto sort2 = [&p](int a, int b) {
        if (p[std::size_t(a)] > p[std::size_t(b)])
            std::swap(p[std::size_t(a)], p[std::size_t(b)]);
    };
    sort2(1, 2); sort2(4, 5); sort2(7, 8); sort2(0, 1); sort2(3, 4); sort2(6, 7);
    sort2(1, 2); sort2(4, 5); sort2(7, 8); sort2(0, 3); sort2(5, 8); sort2(4, 7);
    sort2(3, 6); sort2(1, 4); sort2(2, 5); sort2(4, 7); sort2(4, 2); sort2(6, 4);
    sort2(4, 2);
    return p[4];
}

struct EbuDeleter {
    void operator()(ebur128_state *s) const { ebur128_destroy(&s); }
};

} // namespace

struct DescriptorAnalyzer::Impl {
    // Zero padding around the audio, so that every window read is a plain copy.
    static constexpr std::size_t kPad = 2048;

    RealFft spectrumFft{kSpectrumWindow};
    RealFft yinFft{kYinFft};
    std::vector<float> hann;
    std::array<float, kHalfBandTaps> halfBand = makeHalfBand();
    // Per-call scratch, kept between calls to avoid allocations.
    std::vector<float> padded;    // 48 kHz audio with kPad zeros either side
    std::vector<float> decimated; // 24 kHz audio with kPad zeros either side
    std::vector<double> energyPrefix; // running sums of x² and of x over the decimated audio
    std::vector<double> sumPrefix;
    std::vector<float> bandEnergy; // [frame × band]
    std::vector<float> magnitude;
    std::vector<double> diff;
    std::vector<double> cumulative;

    Impl()
        : hann(hannWindow(kSpectrumWindow))
        , magnitude(kSpectrumWindow / 2 + 1)
        , diff(kYinMaxLag + 1)
        , cumulative(kYinMaxLag + 1)
    {
    }

    void loudness(std::span<const float> x, int frames, std::span<float> out);
    void prepare(std::span<const float> x);
    struct Yin {
        double aperiodicity = 1.0;
        double frequency = 0.0; // 0 when no period was found
    };
    Yin yin(int frame);
    void spectral(int frame, DescriptorCurves &curves);
    double refinePitch(double f0) const;
    void percussivity(int frames, DescriptorCurves &curves);
};

int DescriptorAnalyzer::frameCountFor(std::size_t sampleCount)
{
    return std::max(1, static_cast<int>(std::lround(static_cast<double>(sampleCount) / kHop)));
}

DescriptorAnalyzer::DescriptorAnalyzer()
    : d(std::make_unique<Impl>())
{
}

DescriptorAnalyzer::~DescriptorAnalyzer() = default;

void DescriptorAnalyzer::Impl::loudness(std::span<const float> x, int frames, std::span<float> out)
{
    // libebur128's K-weighting filter and its mean square over the last window, fed up
    // to half a window past each frame centre so that the window is centred on the frame.
    std::unique_ptr<ebur128_state, EbuDeleter> state(ebur128_init(1, grid::kSampleRate, EBUR128_MODE_M));
    constexpr std::size_t half = kLoudnessWindowMs * grid::kSampleRate / 1000 / 2;
    static_assert(half <= kPad);
    const float *base = padded.data() + kPad; // padded[kPad + i] is x[i]; zeros around
    ebur128_add_frames_float(state.get(), base - half, half);
    std::size_t fed = 0;
    for (int i = 0; i < frames; ++i) {
        const std::size_t want = std::size_t(i) * kHop + half;
        // Past the end, feed zeros from the padding (and from its start when that runs out).
        while (fed < want) {
            const std::size_t available = fed < x.size() + kPad ? x.size() + kPad - fed : 0;
            const std::size_t n = available > 0 ? std::min(want - fed, available) : std::min(want - fed, kPad);
            ebur128_add_frames_float(state.get(), available > 0 ? base + fed : padded.data(), n);
            fed += n;
        }
        double lufs = -HUGE_VAL;
        ebur128_loudness_window(state.get(), kLoudnessWindowMs, &lufs);
        out[std::size_t(i)] = std::isfinite(lufs) ? static_cast<float>(std::clamp(lufs, -70.0, 6.0)) : kSilenceLufs;
    }
}

void DescriptorAnalyzer::Impl::prepare(std::span<const float> x)
{
    // Whatever the caller passes, no NaN or overflow gets further than here.
    padded.assign(x.size() + 2 * kPad, 0.0f);
    std::transform(x.begin(), x.end(), padded.begin() + kPad,
                   [](float v) { return std::isfinite(v) ? std::clamp(v, -1.0e4f, 1.0e4f) : 0.0f; });

    // 48 → 24 kHz through the half-band filter (only even offsets from the centre carry weight).
    const std::size_t n = (x.size() + 1) / 2;
    decimated.assign(n + 2 * kPad, 0.0f);
    const int mid = kHalfBandTaps / 2;
    const float centreTap = halfBand[std::size_t(mid)];
    for (std::size_t i = 0; i < n; ++i) {
        const float *c = padded.data() + kPad + 2 * i;
        float acc = centreTap * c[0];
        for (int k = 1; k <= mid; k += 2)
            acc += halfBand[std::size_t(mid - k)] * (c[-k] + c[k]);
        decimated[kPad + i] = acc;
    }
    energyPrefix.assign(decimated.size() + 1, 0.0);
    sumPrefix.assign(decimated.size() + 1, 0.0);
    for (std::size_t i = 0; i < decimated.size(); ++i) {
        energyPrefix[i + 1] = energyPrefix[i] + double(decimated[i]) * decimated[i];
        sumPrefix[i + 1] = sumPrefix[i] + decimated[i];
    }
}

DescriptorAnalyzer::Impl::Yin DescriptorAnalyzer::Impl::yin(int frame)
{
    // The span is centred on the frame.
    const std::size_t start = kPad + std::size_t(frame) * kYinHop - kYinSpan / 2;
    // The span's mean is removed first (a DC offset has no period): energies below come
    // from the running sums as Σ(x − μ)² = Σx² − 2μΣx + nμ².
    const double *e2 = energyPrefix.data() + start;
    const double *e1 = sumPrefix.data() + start;
    const double mu = (e1[kYinSpan] - e1[0]) / kYinSpan;
    auto energy = [&](int from, int to) {
        return (e2[to] - e2[from]) - 2.0 * mu * (e1[to] - e1[from]) + (to - from) * mu * mu;
    };
    // Quieter than about −100 dBFS: no period worth looking for.
    if (energy(0, kYinSpan) < 1e-10 * kYinSpan)
        return {};

    // The span's autocorrelation through one forward and one inverse FFT: zero-padded to
    // 2048, it does not wrap for lags up to kYinMaxLag.
    auto in = yinFft.input();
    const float muf = static_cast<float>(mu);
    for (int j = 0; j < kYinSpan; ++j)
        in[std::size_t(j)] = decimated[start + std::size_t(j)] - muf;
    std::fill(in.begin() + kYinSpan, in.end(), 0.0f);
    yinFft.forward();
    for (auto &c : yinFft.spectrum())
        c = std::norm(c);
    yinFft.inverse();
    const float *r = yinFft.input().data();
    const double scale = 1.0 / kYinFft;

    // YIN's difference function d(τ) = Σ (x[j] − x[j+τ])² over j < span − τ, per compared
    // sample (the window shrinks as τ grows: without this, noise would look periodic at
    // long lags), and its cumulative-mean normalisation.
    const double total = energy(0, kYinSpan);
    double running = 0.0;
    diff[0] = 1.0;
    for (int tau = 1; tau <= kYinMaxLag; ++tau) {
        const int len = kYinSpan - tau;
        // energy of x[0, len) plus energy of x[τ, span)
        const double e = energy(0, len) + (total - energy(0, tau));
        // Segments that hold far less than their share of the span's energy (a click that
        // one lag shifts out of view) carry no evidence of a period: count them as
        // uncorrelated rather than as a perfect match of two silences.
        const double expected = 2.0 * total * len / kYinSpan;
        const double d = e < 0.25 * expected ? expected / len : std::max(0.0, e - 2.0 * r[tau] * scale) / len;
        running += d;
        diff[std::size_t(tau)] = d * tau;
        cumulative[std::size_t(tau)] = running;
    }
    for (int tau = 1; tau <= kYinMaxLag; ++tau) {
        const double c = cumulative[std::size_t(tau)];
        diff[std::size_t(tau)] = c > 0.0 ? diff[std::size_t(tau)] / c : 1.0;
    }

    // The first dip below the threshold (then its bottom), else the deepest dip.
    int best = -1;
    for (int tau = kYinMinLag; tau <= kYinMaxLag; ++tau) {
        if (diff[std::size_t(tau)] < kYinThreshold) {
            while (tau + 1 <= kYinMaxLag && diff[std::size_t(tau + 1)] < diff[std::size_t(tau)])
                ++tau;
            best = tau;
            break;
        }
    }
    if (best < 0)
        best = int(std::min_element(diff.begin() + kYinMinLag, diff.end()) - diff.begin());
    // Parabolic interpolation around the dip for a fractional period.
    double period = best;
    if (best > 1 && best < kYinMaxLag) {
        const double a = diff[std::size_t(best - 1)];
        const double b = diff[std::size_t(best)];
        const double c = diff[std::size_t(best + 1)];
        const double denom = a - 2.0 * b + c;
        if (denom > 1e-12)
            period += std::clamp(0.5 * (a - c) / denom, -1.0, 1.0);
    }
    return {std::clamp(diff[std::size_t(best)], 0.0, 1.0), kYinRate / period};
}

void DescriptorAnalyzer::Impl::spectral(int frame, DescriptorCurves &curves)
{
    float *bands = bandEnergy.data() + std::size_t(frame) * kBands;
    if (curves.value(DescriptorId::Loudness, frame) <= kSilenceLufs) {
        std::fill(bands, bands + kBands, 0.0f);
        return; // silence (impact tails below −70 LUFS): every descriptor keeps its neutral value
    }
    const float *segment = padded.data() + kPad + std::size_t(frame) * kHop - kSpectrumWindow / 2;
    double mean = 0.0;
    for (int j = 0; j < kSpectrumWindow; ++j)
        mean += segment[j];
    // A DC offset is not heard: remove it before the transform.
    const float dc = static_cast<float>(mean / kSpectrumWindow);
    auto in = spectrumFft.input();
    for (int j = 0; j < kSpectrumWindow; ++j)
        in[std::size_t(j)] = (segment[j] - dc) * hann[std::size_t(j)];
    spectrumFft.forward();
    const auto spectrum = spectrumFft.spectrum();

    constexpr int bins = kSpectrumWindow / 2;
    static_assert(kBandWidthBins == 2 * kFlatnessBandBins);
    double magSum = 0.0, magFreq = 0.0, total = 0.0, powerFreq = 0.0;
    std::array<double, kFlatnessBands> flatBand{};
    for (int b = 0; b < kFlatnessBands; ++b) {
        double bandSum = 0.0;
        for (int k = 1 + b * kFlatnessBandBins; k <= (b + 1) * kFlatnessBandBins; ++k) {
            const float p = std::norm(spectrum[std::size_t(k)]);
            const float m = std::sqrt(p);
            magnitude[std::size_t(k)] = m;
            magSum += m;
            magFreq += double(m) * k;
            powerFreq += double(p) * k;
            bandSum += p;
        }
        flatBand[std::size_t(b)] = bandSum;
        total += bandSum;
    }
    if (total < 1e-14) {
        std::fill(bands, bands + kBands, 0.0f);
        return; // nothing but a DC offset
    }
    for (int b = 0; b < kBands; ++b)
        bands[b] = static_cast<float>(flatBand[std::size_t(2 * b)] + flatBand[std::size_t(2 * b + 1)]);

    // Brightness weighs each bin by its magnitude; richness, a second moment, by its power
    // (around the power centroid). Weighted by magnitude, the squared distances let a floor
    // 100 dB down widen a pure tone's spread by half (24-bit quantisation moves a decaying
    // marimba note from 55 to 85 Hz); weighted by power, what cannot be heard does not count.
    const double centroidBins = magFreq / magSum;
    const double powerCentroid = powerFreq / total;
    double spread = 0.0;
    for (int k = 1; k <= bins; ++k) {
        const double m = magnitude[std::size_t(k)];
        spread += m * m * (k - powerCentroid) * (k - powerCentroid);
    }
    curves.setValue(DescriptorId::Brightness, frame, static_cast<float>(centroidBins * kBinHz));
    curves.setValue(DescriptorId::Richness, frame, static_cast<float>(std::sqrt(spread / total) * kBinHz));

    // Noisiness: each band's flatness (geometric over arithmetic mean of its power),
    // weighted by the band's energy. The geometric mean is taken as the 8th root of the
    // product of power/mean ratios: one pow per band instead of eight logs.
    const double floor = total * 1e-12 / bins + 1e-30;
    double weighted = 0.0;
    for (int b = 0; b < kFlatnessBands; ++b) {
        const double mean = flatBand[std::size_t(b)] / kFlatnessBandBins + floor;
        double product = 1.0;
        for (int k = 1 + b * kFlatnessBandBins; k <= (b + 1) * kFlatnessBandBins; ++k) {
            const double m = magnitude[std::size_t(k)];
            product *= (m * m + floor) / mean; // each ratio ≥ 1e-12 relative: no underflow in 8 factors
        }
        weighted += flatBand[std::size_t(b)] * std::pow(product, 1.0 / kFlatnessBandBins);
    }
    curves.setValue(DescriptorId::Noisiness, frame, static_cast<float>(std::clamp(weighted / total / kWhiteNoiseFlatness, 0.0, 1.0)));
}

double DescriptorAnalyzer::Impl::refinePitch(double f0) const
{
    // Above 1 kHz a period is only a few samples at 24 kHz: refine the frequency on the
    // nearest peak of the 48 kHz spectrum (parabolic interpolation of the log magnitude).
    if (f0 <= 1000.0)
        return f0;
    const int k0 = static_cast<int>(std::lround(f0 / kBinHz));
    int k = k0;
    for (int c = k0 - 1; c <= k0 + 1; ++c) {
        if (c > 1 && c < kSpectrumWindow / 2 && magnitude[std::size_t(c)] > magnitude[std::size_t(k)])
            k = c;
    }
    if (k <= 1 || k >= kSpectrumWindow / 2)
        return f0;
    const double a = std::log(double(magnitude[std::size_t(k - 1)]) + 1e-30);
    const double b = std::log(double(magnitude[std::size_t(k)]) + 1e-30);
    const double c = std::log(double(magnitude[std::size_t(k + 1)]) + 1e-30);
    const double denom = a - 2.0 * b + c;
    if (denom >= 0.0)
        return f0;
    const double refined = (k + 0.5 * (a - c) / denom) * kBinHz;
    return std::abs(refined / f0 - 1.0) < 0.03 ? refined : f0;
}

void DescriptorAnalyzer::Impl::percussivity(int frames, DescriptorCurves &curves)
{
    // Harmonic–percussive split (after Fitzgerald 2010) on band energies: what has been
    // steady in time is harmonic, what is spread across bands is percussive; soft masks.
    // The time median is causal (this frame and the eight before it), so energy that is
    // new, the onset of an impact, counts as transient even when it is narrowband.
    static_assert(kHpssTimeFrames == 9 && kHpssBands == 9, "median9 takes nine values");
    constexpr int halfB = kHpssBands / 2;
    std::array<float, 9> timeWindow{};
    std::array<float, 9> bandWindow{};
    for (int i = 0; i < frames; ++i) {
        const float *s = bandEnergy.data() + std::size_t(i) * kBands;
        double total = 0.0, percussive = 0.0;
        for (int b = 0; b < kBands; ++b) {
            if (s[b] <= 0.0f)
                continue;
            // Before the start the sound is silent: zeros, not copies of the first frame.
            for (int t = 0; t < kHpssTimeFrames; ++t) {
                const int j = i - t;
                timeWindow[std::size_t(t)] = j >= 0 ? bandEnergy[std::size_t(j) * kBands + std::size_t(b)] : 0.0f;
            }
            for (int c = -halfB; c <= halfB; ++c) {
                const int j = b + c;
                bandWindow[std::size_t(c + halfB)] = j >= 0 && j < kBands ? s[j] : 0.0f;
            }
            const double h = median9(timeWindow);
            const double p = median9(bandWindow);
            // Band energies are powers: this is Fitzgerald's mask with exponent 2 on magnitudes.
            const double mask = p / (h + p + 1e-30);
            total += s[b];
            percussive += s[b] * mask;
        }
        if (total > 0.0)
            curves.setValue(DescriptorId::Percussivity, i, static_cast<float>(std::clamp(percussive / total, 0.0, 1.0)));
    }
}

DescriptorCurves DescriptorAnalyzer::analyze(std::span<const float> samples)
{
    const int frames = frameCountFor(samples.size());
    DescriptorCurves curves(frames);
    d->prepare(samples);
    d->loudness(samples, frames, curves.curve(DescriptorId::Loudness));
    d->bandEnergy.assign(std::size_t(frames) * kBands, 0.0f);

    for (int i = 0; i < frames; ++i) {
        d->spectral(i, curves);
        if (curves.value(DescriptorId::Loudness, i) <= kSilenceLufs)
            continue;
        const auto yin = d->yin(i);
        curves.setValue(DescriptorId::Tonality, i, static_cast<float>(1.0 - yin.aperiodicity));
        const bool voiced = yin.frequency > 0.0 && yin.aperiodicity < kYinThreshold
            && curves.value(DescriptorId::Loudness, i) > kVoicingGateLufs;
        if (!voiced)
            continue;
        const double f0 = d->refinePitch(yin.frequency);
        if (descriptor(DescriptorId::Pitch).contains(f0))
            curves.setValue(DescriptorId::Pitch, i, static_cast<float>(f0));
    }
    d->percussivity(frames, curves);
    return curves;
}

} // namespace neurorack
