// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audiosink.h"

#include <atomic>
#include <thread>
#include <vector>

struct _snd_pcm; // alsa-lib's snd_pcm_t: its header stays in alsasink.cpp

namespace neurorack::runtime {

/// Plays the runtime's audio through ALSA: the PCM5102 DAC on the module (I²S), or any
/// ALSA device. 48 kHz, 2 channels interleaved (the mono block on both), S32_LE or S16_LE,
/// whichever the device takes, with periods of at most 64 frames and a buffer of
/// kPeriods periods.
///
/// The audio thread is its own std::thread, raised to SCHED_FIFO (a warning in the log,
/// once, when that is not permitted; it plays on at normal priority). Its loop neither
/// allocates nor locks: buffers are sized in start(). Underruns (-EPIPE) are counted
/// and recovered with snd_pcm_prepare(). On ALSA's "null" device, which takes samples as
/// fast as they come, the thread paces itself by the steady clock instead.
class AlsaSink final : public AudioSink
{
public:
    /// Periods in the device buffer: the latency from a block to the DAC is at most this many blocks.
    static constexpr int kPeriods = 3;
    static constexpr int kChannels = 2;
    static constexpr int kRealtimePriority = 70;
    /// How long the audio thread waits for the device before it looks at stop() again.
    static constexpr int kWaitTimeoutMs = 100;

    /// @p device is an ALSA PCM name ("hw:CARD=sndrpihifiberry,DEV=0", "default", "null");
    /// @p periodFrames the block size asked for (the device may round it).
    AlsaSink(const QString &device, int periodFrames);
    ~AlsaSink() override;
    AlsaSink(const AlsaSink &) = delete;
    AlsaSink &operator=(const AlsaSink &) = delete;

    /// Opens and configures the device and starts the audio thread. Errors name the device
    /// ("alsa:hw:7: cannot be opened: No such file or directory").
    Status start(AudioSource *source) override;
    void stop() override;
    /// The period the device accepted after start(); the one asked for before.
    int blockFrames() const override { return m_periodFrames; }
    std::uint64_t xruns() const override { return m_xruns.load(std::memory_order_relaxed); }
    QString description() const override { return QStringLiteral("alsa:") + m_device; }

    /// The sample format in use after start() ("S32_LE" or "S16_LE").
    QString sampleFormat() const;
    /// The device buffer in frames, after start().
    int bufferFrames() const { return m_bufferFrames; }
    /// Blocks rendered and written since start().
    std::uint64_t blocks() const { return m_blocks.load(std::memory_order_relaxed); }
    /// The ALSA error that stopped the audio thread (a negative errno), or 0 while it plays.
    int fatalError() const { return m_fatalError.load(std::memory_order_relaxed); }

private:
    void run() noexcept;
    /// Recovers from a write or wait error; false when the stream cannot go on.
    bool recover(int err) noexcept;
    void convert(int frames) noexcept;

    QString m_device;
    int m_requestedPeriod = 0;
    int m_periodFrames = 0;
    int m_bufferFrames = 0;
    bool m_s32 = true;
    bool m_paceByClock = false;
    _snd_pcm *m_pcm = nullptr;
    AudioSource *m_source = nullptr;
    std::vector<float> m_mono;
    std::vector<std::int32_t> m_out32;
    std::vector<std::int16_t> m_out16;
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<std::uint64_t> m_xruns{0};
    std::atomic<std::uint64_t> m_blocks{0};
    std::atomic<int> m_fatalError{0};
};

} // namespace neurorack::runtime
