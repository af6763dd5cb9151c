// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QString>

#include <cstdint>

namespace neurorack::runtime {

/// Produces the runtime's audio, one block at a time, on the audio thread.
class AudioSource
{
public:
    virtual ~AudioSource() = default;
    /// Fills @p out with @p frames mono samples at 48 kHz. Called on the audio thread:
    /// it must not block, lock or allocate.
    virtual void renderBlock(float *out, int frames) noexcept = 0;
};

/// Where the audio goes: the DAC through ALSA, a WAV file, or nowhere. A sink owns the
/// audio thread, pulls blocks of blockFrames() from its source and counts xruns (blocks
/// that were not delivered in time).
class AudioSink
{
public:
    static constexpr int kSampleRate = 48000;

    virtual ~AudioSink() = default;
    /// Opens the device or file and starts the audio thread. @p source must outlive stop().
    virtual Status start(AudioSource *source) = 0;
    /// Stops the thread and closes the device; the source is no longer called after it.
    virtual void stop() = 0;
    /// Frames per block (the ALSA period): the latency from a gate to sound is one block.
    virtual int blockFrames() const = 0;
    /// Blocks late or lost since start().
    virtual std::uint64_t xruns() const = 0;
    /// For logs and the system page ("alsa:hw:0", "wav:/tmp/out.wav", "null").
    virtual QString description() const = 0;
};

} // namespace neurorack::runtime
