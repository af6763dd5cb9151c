// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>

/// The one time grid of the product: audio at 48 kHz mono, descriptor frames every
/// 240 samples (5 ms, 200 frames per second). The analyzer, presets, the model and
/// the runtime all use it; docs/file-formats.md documents it for file readers.
namespace neurorack::grid {

inline constexpr int kSampleRate = 48000;            ///< audio samples per second
inline constexpr int kHopLength = 240;               ///< audio samples per descriptor frame
inline constexpr int kFrameRate = kSampleRate / kHopLength; ///< frames per second (200)
static_assert(kSampleRate % kHopLength == 0, "the frame rate must be a whole number");

/// Shortest and longest preset, in seconds.
inline constexpr double kMinDuration = 0.02;
inline constexpr double kMaxDuration = 10.0;
inline constexpr int kMaxFrames = static_cast<int>(kMaxDuration * kFrameRate);

/// Number of frames that describe @p seconds of sound.
inline int framesForDuration(double seconds) { return static_cast<int>(std::lround(seconds * kFrameRate)); }
/// Duration in seconds of @p frames frames.
inline double durationOfFrames(int frames) { return static_cast<double>(frames) / kFrameRate; }

} // namespace neurorack::grid
