// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectrogram.h"

#include "analysis/realfft.h"
#include "model/framegrid.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace neurorack {

double Spectrogram::frequencyOfRow(double row) const
{
    const double t = rows > 1 ? row / (rows - 1) : 0.0;
    if (scale == FrequencyScale::Linear)
        return minHz + t * (maxHz - minHz);
    return minHz * std::pow(maxHz / minHz, t);
}

double Spectrogram::rowOfFrequency(double hz) const
{
    double t = 0.0;
    if (scale == FrequencyScale::Linear)
        t = (hz - minHz) / (maxHz - minHz);
    else if (hz > 0.0)
        t = std::log(hz / minHz) / std::log(maxHz / minHz);
    return t * (rows - 1);
}

Spectrogram Spectrogram::compute(std::span<const float> samples, const Options &options)
{
    Spectrogram out;
    out.rows = std::max(2, options.rows);
    out.scale = options.scale;
    out.floorDb = options.floorDb;
    out.maxHz = grid::kSampleRate / 2.0;
    out.minHz = options.scale == FrequencyScale::Linear ? 0.0 : std::clamp(options.minHz, 1.0, out.maxHz / 2);
    out.duration = static_cast<double>(samples.size()) / grid::kSampleRate;

    const int fftSize = std::max(64, options.fftSize);
    // At least one column per 5 ms frame of audio, at most maxColumns.
    out.columns = std::clamp(static_cast<int>(std::ceil(samples.size() / double(grid::kHopLength))), 1,
                             std::max(1, options.maxColumns));
    const double hop = static_cast<double>(samples.size()) / out.columns;

    RealFft fft(fftSize);
    const std::vector<float> window = hannWindow(fftSize);
    const int bins = fftSize / 2 + 1;
    const double binHz = double(grid::kSampleRate) / fftSize;
    std::vector<float> power(static_cast<std::size_t>(bins));
    out.db.assign(std::size_t(out.columns) * std::size_t(out.rows), 0.0f);

    // Which FFT bins feed each row: rows narrower than a bin interpolate, wider rows take
    // the strongest bin they cover (so that partials stay visible when squeezed).
    std::vector<std::pair<double, double>> rowBins(std::size_t(out.rows));
    for (int r = 0; r < out.rows; ++r) {
        const double lo = out.frequencyOfRow(r - 0.5) / binHz;
        const double hi = out.frequencyOfRow(r + 0.5) / binHz;
        rowBins[std::size_t(r)] = {std::clamp(lo, 0.0, double(bins - 1)), std::clamp(hi, 0.0, double(bins - 1))};
    }

    float peak = 1e-30f;
    for (int c = 0; c < out.columns; ++c) {
        const auto centre = static_cast<std::ptrdiff_t>((c + 0.5) * hop);
        auto in = fft.input();
        for (int i = 0; i < fftSize; ++i) {
            const std::ptrdiff_t s = centre - fftSize / 2 + i;
            in[std::size_t(i)] = s >= 0 && s < std::ptrdiff_t(samples.size()) ? samples[std::size_t(s)] * window[std::size_t(i)] : 0.0f;
        }
        fft.forward();
        const auto spectrum = fft.spectrum();
        for (int k = 0; k < bins; ++k)
            power[std::size_t(k)] = std::norm(spectrum[std::size_t(k)]);
        float *column = out.db.data() + std::size_t(c) * std::size_t(out.rows);
        for (int r = 0; r < out.rows; ++r) {
            const auto [lo, hi] = rowBins[std::size_t(r)];
            float value = 0.0f;
            if (hi - lo < 1.0) {
                const double centreBin = (lo + hi) / 2;
                const int k = std::min(static_cast<int>(centreBin), bins - 2);
                const double t = centreBin - k;
                value = static_cast<float>(power[std::size_t(k)] * (1 - t) + power[std::size_t(k + 1)] * t);
            } else {
                for (int k = static_cast<int>(std::ceil(lo)); k <= static_cast<int>(hi); ++k)
                    value = std::max(value, power[std::size_t(k)]);
            }
            column[r] = value;
            peak = std::max(peak, value);
        }
    }
    for (float &v : out.db)
        v = std::max(static_cast<float>(options.floorDb), 10.0f * std::log10(v / peak + 1e-30f));
    return out;
}

} // namespace neurorack
