// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacedsink.h"

#include <QFile>
#include <QLoggingCategory>

#include <sndfile.h>

#include <pthread.h>
#include <sched.h>

Q_LOGGING_CATEGORY(lcSink, "neurorack.sink")

namespace neurorack::runtime {

namespace {
constexpr std::chrono::nanoseconds kBlockPeriod{1'000'000'000LL * PacedSink::kBlockFrames / AudioSink::kSampleRate};
/// How often the writer thread empties the queue into the file.
constexpr std::chrono::milliseconds kWriterPeriod{10};
/// SCHED_FIFO priority of the audio thread: above the render worker, below the kernel's own.
constexpr int kRealtimePriority = 70;
}

PacedSink::PacedSink(QString wavPath)
    : m_wavPath(std::move(wavPath))
{
}

PacedSink::~PacedSink()
{
    stop();
}

QString PacedSink::description() const
{
    return m_wavPath.isEmpty() ? QStringLiteral("null") : QStringLiteral("wav:") + m_wavPath;
}

Status PacedSink::start(AudioSource *source)
{
    if (m_running)
        return done();
    if (!m_wavPath.isEmpty()) {
        SF_INFO info{};
        info.samplerate = kSampleRate;
        info.channels = 1;
        info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
        m_file = sf_open(QFile::encodeName(m_wavPath).constData(), SFM_WRITE, &info);
        if (!m_file)
            return Status::failure(m_wavPath, QStringLiteral("cannot write the audio file: %1").arg(QString::fromLocal8Bit(sf_strerror(nullptr))));
        // The header is brought up to date with every write: the file stays playable
        // even if the runtime is killed.
        sf_command(m_file, SFC_SET_UPDATE_HEADER_AUTO, nullptr, SF_TRUE);
    }
    m_source = source;
    m_running = true;
    m_audio = std::thread([this] { runAudio(); });
    if (m_file)
        m_writer = std::thread([this] { runWriter(); });
    qCInfo(lcSink).noquote() << "audio to" << description() << "in blocks of" << kBlockFrames << "frames";
    return done();
}

void PacedSink::stop()
{
    if (!m_running.exchange(false))
        return;
    m_audio.join();
    if (m_writer.joinable())
        m_writer.join();
    if (m_file) {
        sf_close(m_file);
        m_file = nullptr;
    }
}

void PacedSink::runAudio()
{
    // Real-time priority when allowed (root, or CAP_SYS_NICE under systemd), as the
    // ALSA sink does; a sim on a laptop without it simply runs at normal priority.
    sched_param param{};
    param.sched_priority = kRealtimePriority;
    if (pthread_setschedparam(pthread_self(), SCHED_FIFO, &param) != 0)
        qCInfo(lcSink) << "no real-time priority for the audio thread; running at normal priority";
    Block block{};
    auto due = std::chrono::steady_clock::now();
    while (m_running.load(std::memory_order_relaxed)) {
        m_source->renderBlock(block.data(), kBlockFrames);
        if (m_file && !m_blocks.push(block))
            m_xruns.fetch_add(1, std::memory_order_relaxed); // the disk fell behind: a block is lost
        due += kBlockPeriod;
        const auto now = std::chrono::steady_clock::now();
        if (now > due + kBlockPeriod) {
            // Late by more than a block: a real DAC would have run dry.
            m_xruns.fetch_add(1, std::memory_order_relaxed);
            due = now;
        }
        std::this_thread::sleep_until(due);
    }
}

void PacedSink::runWriter()
{
    bool last = false;
    while (!last) {
        last = !m_running.load(std::memory_order_acquire);
        while (auto block = m_blocks.pop())
            sf_writef_float(m_file, block->data(), kBlockFrames);
        if (!last)
            std::this_thread::sleep_for(kWriterPeriod);
    }
}

} // namespace neurorack::runtime
