// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <vector>

namespace neurorack {

/// How spectrogram rows are spaced in frequency.
enum class FrequencyScale {
    Linear,      ///< rows evenly from 0 Hz to Nyquist
    Logarithmic, ///< rows evenly in log frequency from minHz to Nyquist
};

/// A magnitude spectrogram in dB, already sized for display: columns are time, rows
/// frequency (row 0 is the lowest), values in dB relative to the loudest cell (0 dB at
/// the top, floorDb at the bottom).
struct Spectrogram {
    struct Options {
        int maxColumns = 1200;   ///< at most this many time columns
        int rows = 400;          ///< frequency rows
        FrequencyScale scale = FrequencyScale::Logarithmic;
        double minHz = 20.0;     ///< lowest row for the logarithmic scale
        double floorDb = -100.0; ///< values below are clamped here
        int fftSize = 2048;      ///< STFT window (Hann)
    };

    int columns = 0;
    int rows = 0;
    double duration = 0.0; ///< seconds covered by the columns
    double minHz = 0.0;    ///< frequency of row 0
    double maxHz = 0.0;    ///< frequency of the last row
    double floorDb = -100.0;
    FrequencyScale scale = FrequencyScale::Logarithmic;
    std::vector<float> db; ///< [column × rows + row]

    float at(int column, int row) const { return db[std::size_t(column) * std::size_t(rows) + std::size_t(row)]; }
    /// Frequency in Hz of @p row (fractional rows interpolate).
    double frequencyOfRow(double row) const;
    /// Row (fractional) that shows @p hz.
    double rowOfFrequency(double hz) const;

    /// Computes the spectrogram of 48 kHz mono @p samples.
    static Spectrogram compute(std::span<const float> samples, const Options &options);
    static Spectrogram compute(std::span<const float> samples) { return compute(samples, Options{}); }
};

} // namespace neurorack
