// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptorcurves.h"

#include <memory>
#include <span>

namespace neurorack {

/// The single definition of the seven descriptors (docs/descriptors.md). Turns 48 kHz
/// mono audio into DescriptorCurves on the product's frame grid: frame i describes the
/// sound centred on sample i × 240, and a clip of n samples has max(1, round(n / 240))
/// frames. Deterministic; never produces NaN except for unvoiced pitch frames.
///
/// An analyzer keeps its FFT plans and buffers between calls: reuse one per thread.
class DescriptorAnalyzer
{
public:
    static constexpr int kSpectrumWindow = 1024;   ///< STFT window at 48 kHz (21.3 ms, Hann)
    static constexpr int kLoudnessWindowMs = 20;   ///< BS.1770 K-weighted mean-square window
    static constexpr int kPitchDecimation = 2;     ///< YIN runs at 24 kHz
    static constexpr int kYinSpan = 1248;          ///< YIN compares span − τ samples at 24 kHz (52 ms down to 18.7 ms)
    static constexpr int kYinMaxLag = 800;         ///< longest period at 24 kHz: 30 Hz
    static constexpr int kYinMinLag = 3;           ///< shortest period at 24 kHz: 8 kHz
    static constexpr double kYinThreshold = 0.15;  ///< aperiodicity below which a frame is voiced
    static constexpr double kVoicingGateLufs = -60.0; ///< quieter frames are never voiced
    static constexpr int kFlatnessBandBins = 8;    ///< bins per noisiness band (375 Hz)
    static constexpr int kFlatnessBands = kSpectrumWindow / 2 / kFlatnessBandBins; ///< 64
    static constexpr int kBandWidthBins = 16;      ///< bins per percussivity band (750 Hz)
    static constexpr int kBands = kSpectrumWindow / 2 / kBandWidthBins; ///< 32
    static constexpr int kHpssTimeFrames = 9;      ///< harmonic median over this frame and the 8 before (45 ms)
    static constexpr int kHpssBands = 9;           ///< percussive median over 9 bands

    DescriptorAnalyzer();
    ~DescriptorAnalyzer();
    DescriptorAnalyzer(const DescriptorAnalyzer &) = delete;
    DescriptorAnalyzer &operator=(const DescriptorAnalyzer &) = delete;

    /// The seven curves of @p samples (48 kHz mono).
    DescriptorCurves analyze(std::span<const float> samples);

    /// Number of frames analyze() returns for @p sampleCount samples.
    static int frameCountFor(std::size_t sampleCount);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace neurorack
