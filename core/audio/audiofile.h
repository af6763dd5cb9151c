// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QString>

#include <span>
#include <vector>

namespace neurorack {

/// Audio as the product uses it: 48 kHz mono floats, and where it came from.
struct AudioClip {
    std::vector<float> samples; ///< grid::kSampleRate Hz, mono, nominally −1..1
    int sourceSampleRate = 0;   ///< the file's own rate
    int sourceChannels = 0;     ///< the file's own channel count
    QString sourceFormat;       ///< "WAV 24-bit", "FLAC 16-bit", …

    double duration() const;
};

/// Sample formats for writing.
enum class SampleFormat {
    Pcm16,
    Pcm24,
    Float32, ///< WAV only: FLAC stores integers
};

/// Reads any audio file libsndfile understands (WAV, FLAC, AIFF, OGG, …), in any rate,
/// bit depth and channel count, and converts it to 48 kHz mono (channels averaged,
/// rate converted with libsamplerate). Writes WAV and FLAC atomically.
class AudioFile
{
public:
    static constexpr int kMaxChannels = 64;
    static constexpr int kMinSampleRate = 1000;
    static constexpr int kMaxSampleRate = 768000;
    static constexpr double kMaxDurationSeconds = 600.0;
    /// Float files louder than this (+60 dB above full scale) are refused as not audio.
    static constexpr float kMaxLevel = 1000.0f;

    /// The file's audio at 48 kHz mono, or a message naming the file and the problem.
    static Result<AudioClip> read(const QString &path);
    /// Converts interleaved audio to 48 kHz mono (exported for tests and generators).
    static std::vector<float> toProductFormat(std::span<const float> interleaved, int channels, int sampleRate);

    /// Writes mono 48 kHz @p samples; the extension picks the container (.wav or .flac).
    /// Returns an error message, or an empty string on success.
    static QString write(const QString &path, std::span<const float> samples, SampleFormat format = SampleFormat::Pcm24,
                         int sampleRate = 48000);
};

} // namespace neurorack
