// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audiosink.h"
#include "voice/spscqueue.h"

#include <array>
#include <atomic>
#include <chrono>
#include <thread>

typedef struct sf_private_tag SNDFILE;

namespace neurorack::runtime {

/// A sink with no sound card: its audio thread keeps time with the steady clock, one
/// block every blockFrames() / 48 kHz, exactly as a DAC would pull them. A block that
/// starts later than one block period after its due time counts as an xrun.
/// Optionally the blocks go to a WAV file (`--audio wav:FILE`), written by a second
/// thread so that the audio thread never waits on the disk; otherwise they are dropped
/// (`--audio null`).
class PacedSink : public AudioSink
{
public:
    static constexpr int kBlockFrames = 64;

    /// @p wavPath empty: the null sink.
    explicit PacedSink(QString wavPath = {});
    ~PacedSink() override;

    Status start(AudioSource *source) override;
    void stop() override;
    int blockFrames() const override { return kBlockFrames; }
    std::uint64_t xruns() const override { return m_xruns.load(); }
    QString description() const override;

private:
    using Block = std::array<float, kBlockFrames>;
    /// About 5 s of audio between the audio thread and the file writer.
    static constexpr std::size_t kQueueBlocks = 4096;

    void runAudio();
    void runWriter();

    QString m_wavPath;
    SNDFILE *m_file = nullptr;
    AudioSource *m_source = nullptr;
    std::atomic<bool> m_running{false};
    std::atomic<std::uint64_t> m_xruns{0};
    SpscQueue<Block, kQueueBlocks> m_blocks;
    std::thread m_audio;
    std::thread m_writer;
};

} // namespace neurorack::runtime
