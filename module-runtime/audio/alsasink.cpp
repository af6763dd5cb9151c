// SPDX-License-Identifier: GPL-3.0-or-later
#include "alsasink.h"

#include "panel/linux/realtime.h"

#include <QLoggingCategory>

#include <alsa/asoundlib.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>

namespace neurorack::runtime {

namespace {

Q_LOGGING_CATEGORY(lcAlsa, "neurorack.alsa")

/// Warn about a refused real-time priority once per process, not once per sink.
std::atomic<bool> g_priorityWarned{false};

constexpr std::chrono::milliseconds kResumeRetry{1};

QString alsaError(int err)
{
    return QString::fromLocal8Bit(snd_strerror(err));
}

/// Float in −1 … 1 to an integer sample; out-of-range values clip and NaN plays as silence.
template<typename T>
inline T toSample(float x, double scale) noexcept
{
    const float clipped = x > 1.0f ? 1.0f : x < -1.0f ? -1.0f : (x == x ? x : 0.0f);
    return T(std::lrint(double(clipped) * scale));
}

} // namespace

AlsaSink::AlsaSink(const QString &device, int periodFrames)
    : m_device(device)
    , m_requestedPeriod(periodFrames)
    , m_periodFrames(periodFrames)
{
}

AlsaSink::~AlsaSink()
{
    stop();
}

QString AlsaSink::sampleFormat() const
{
    return m_s32 ? QStringLiteral("S32_LE") : QStringLiteral("S16_LE");
}

Status AlsaSink::start(AudioSource *source)
{
    if (m_pcm)
        return Status::failure(QString(), QStringLiteral("%1: already started").arg(description()));
    if (!source)
        return Status::failure(QString(), QStringLiteral("%1: no audio source").arg(description()));
    const QByteArray name = m_device.toLocal8Bit();
    snd_pcm_t *pcm = nullptr;
    // Non-blocking: the thread waits with snd_pcm_wait() and a timeout, so stop() is never
    // stuck behind a device that stopped clocking.
    if (const int err = snd_pcm_open(&pcm, name.constData(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK); err < 0)
        return Status::failure(QString(), QStringLiteral("%1: cannot be opened: %2").arg(description(), alsaError(err)));
    const auto fail = [&](const QString &what, int err) {
        snd_pcm_close(pcm);
        return Status::failure(QString(), QStringLiteral("%1: %2: %3").arg(description(), what, alsaError(err)));
    };

    snd_pcm_hw_params_t *hw = nullptr;
    snd_pcm_hw_params_alloca(&hw);
    if (const int err = snd_pcm_hw_params_any(pcm, hw); err < 0)
        return fail(QStringLiteral("no configuration available"), err);
    if (const int err = snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED); err < 0)
        return fail(QStringLiteral("interleaved access refused"), err);
    // 32-bit first: the PCM5102 takes it and the engine's float keeps its resolution.
    m_s32 = snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S32_LE) == 0;
    if (!m_s32) {
        if (const int err = snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16_LE); err < 0)
            return fail(QStringLiteral("neither S32_LE nor S16_LE is accepted"), err);
    }
    if (const int err = snd_pcm_hw_params_set_channels(pcm, hw, kChannels); err < 0)
        return fail(QStringLiteral("stereo refused"), err);
    unsigned int rate = kSampleRate;
    if (const int err = snd_pcm_hw_params_set_rate_near(pcm, hw, &rate, nullptr); err < 0)
        return fail(QStringLiteral("%1 Hz refused").arg(kSampleRate), err);
    if (rate != unsigned(kSampleRate)) {
        snd_pcm_close(pcm);
        return Status::failure(QString(), QStringLiteral("%1: %2 Hz is not supported (nearest: %3 Hz)")
                                              .arg(description())
                                              .arg(kSampleRate)
                                              .arg(rate));
    }
    snd_pcm_uframes_t period = snd_pcm_uframes_t(m_requestedPeriod);
    if (const int err = snd_pcm_hw_params_set_period_size_near(pcm, hw, &period, nullptr); err < 0)
        return fail(QStringLiteral("a %1-frame period refused").arg(m_requestedPeriod), err);
    snd_pcm_uframes_t buffer = period * kPeriods;
    if (const int err = snd_pcm_hw_params_set_buffer_size_near(pcm, hw, &buffer); err < 0)
        return fail(QStringLiteral("a %1-frame buffer refused").arg(period * kPeriods), err);
    if (const int err = snd_pcm_hw_params(pcm, hw); err < 0)
        return fail(QStringLiteral("cannot apply the hardware parameters"), err);
    snd_pcm_hw_params_get_period_size(hw, &period, nullptr);
    snd_pcm_hw_params_get_buffer_size(hw, &buffer);

    snd_pcm_sw_params_t *sw = nullptr;
    snd_pcm_sw_params_alloca(&sw);
    snd_pcm_sw_params_current(pcm, sw);
    // Start once the buffer is full: playback begins with kPeriods blocks of margin.
    snd_pcm_sw_params_set_start_threshold(pcm, sw, buffer);
    snd_pcm_sw_params_set_avail_min(pcm, sw, period);
    if (const int err = snd_pcm_sw_params(pcm, sw); err < 0)
        return fail(QStringLiteral("cannot apply the software parameters"), err);
    if (const int err = snd_pcm_prepare(pcm); err < 0)
        return fail(QStringLiteral("cannot be prepared"), err);

    m_pcm = pcm;
    // The null device swallows samples as fast as they come: pace the thread by the clock
    // there, so that "alsa:null" behaves like a sound card (and does not spin a real-time thread).
    m_paceByClock = snd_pcm_type(pcm) == SND_PCM_TYPE_NULL;
    m_periodFrames = int(period);
    m_bufferFrames = int(buffer);
    if (m_periodFrames > m_requestedPeriod)
        qCWarning(lcAlsa).noquote() << description() << "insists on" << m_periodFrames << "-frame periods instead of"
                                    << m_requestedPeriod << "(gate-to-sound latency grows accordingly)";
    m_mono.assign(std::size_t(m_periodFrames), 0.0f);
    m_out32.assign(m_s32 ? std::size_t(m_periodFrames) * kChannels : 0, 0);
    m_out16.assign(m_s32 ? 0 : std::size_t(m_periodFrames) * kChannels, 0);
    m_source = source;
    m_xruns = 0;
    m_blocks = 0;
    m_fatalError = 0;
    m_running = true;
    m_thread = std::thread([this] { run(); });
    if (const int err = raiseToRealtime(m_thread, kRealtimePriority); err && !g_priorityWarned.exchange(true))
        qCWarning(lcAlsa).noquote() << "the audio thread runs at normal priority: SCHED_FIFO was refused ("
                                    << QString::fromLocal8Bit(std::strerror(err))
                                    << "); see LimitRTPRIO in hardware/neurorack-runtime.service";
    qCInfo(lcAlsa).noquote() << description() << ":" << kSampleRate << "Hz," << sampleFormat() << "stereo, period"
                             << m_periodFrames << "frames, buffer" << m_bufferFrames << "frames";
    return done();
}

void AlsaSink::stop()
{
    if (!m_pcm)
        return;
    m_running = false;
    if (m_thread.joinable())
        m_thread.join();
    snd_pcm_drop(m_pcm);
    snd_pcm_close(m_pcm);
    m_pcm = nullptr;
    m_source = nullptr;
}

void AlsaSink::convert(int frames) noexcept
{
    if (m_s32) {
        for (int i = 0; i < frames; ++i) {
            const auto s = toSample<std::int32_t>(m_mono[std::size_t(i)], 2147483647.0);
            m_out32[std::size_t(2 * i)] = s;
            m_out32[std::size_t(2 * i + 1)] = s;
        }
    } else {
        for (int i = 0; i < frames; ++i) {
            const auto s = toSample<std::int16_t>(m_mono[std::size_t(i)], 32767.0);
            m_out16[std::size_t(2 * i)] = s;
            m_out16[std::size_t(2 * i + 1)] = s;
        }
    }
}

bool AlsaSink::recover(int err) noexcept
{
    if (err == -EPIPE) { // underrun: the device ran dry
        m_xruns.fetch_add(1, std::memory_order_relaxed);
        return snd_pcm_prepare(m_pcm) == 0;
    }
    if (err == -ESTRPIPE) { // suspended
        int rc = 0;
        while ((rc = snd_pcm_resume(m_pcm)) == -EAGAIN && m_running.load(std::memory_order_relaxed))
            std::this_thread::sleep_for(kResumeRetry);
        m_xruns.fetch_add(1, std::memory_order_relaxed);
        return rc == 0 || snd_pcm_prepare(m_pcm) == 0;
    }
    if (err == -EAGAIN || err == -EINTR)
        return true;
    if (snd_pcm_recover(m_pcm, err, 1) == 0) {
        m_xruns.fetch_add(1, std::memory_order_relaxed);
        return true;
    }
    m_fatalError.store(err, std::memory_order_relaxed);
    return false;
}

void AlsaSink::run() noexcept
{
    const snd_pcm_sframes_t period = m_periodFrames;
    const auto blockDuration = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::nanoseconds(std::int64_t(period) * 1'000'000'000 / kSampleRate));
    auto deadline = std::chrono::steady_clock::now();
    while (m_running.load(std::memory_order_relaxed)) {
        if (m_paceByClock) {
            std::this_thread::sleep_until(deadline);
            deadline += blockDuration;
        }
        const snd_pcm_sframes_t avail = snd_pcm_avail_update(m_pcm);
        if (avail < 0) {
            if (!recover(int(avail)))
                break;
            continue;
        }
        if (avail < period) {
            const int rc = snd_pcm_wait(m_pcm, kWaitTimeoutMs);
            if (rc < 0 && !recover(rc))
                break;
            continue; // a timeout too: look at m_running again
        }
        m_source->renderBlock(m_mono.data(), int(period));
        convert(int(period));
        snd_pcm_sframes_t written = 0;
        while (written < period && m_running.load(std::memory_order_relaxed)) {
            const void *data = m_s32 ? static_cast<const void *>(m_out32.data() + written * kChannels)
                                     : static_cast<const void *>(m_out16.data() + written * kChannels);
            const snd_pcm_sframes_t n = snd_pcm_writei(m_pcm, data, snd_pcm_uframes_t(period - written));
            if (n >= 0) {
                written += n;
            } else if (n == -EAGAIN) {
                snd_pcm_wait(m_pcm, kWaitTimeoutMs);
            } else {
                if (!recover(int(n)))
                    m_running.store(false, std::memory_order_relaxed);
                break; // the rest of this block is lost: an xrun already counted it
            }
        }
        m_blocks.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace neurorack::runtime
