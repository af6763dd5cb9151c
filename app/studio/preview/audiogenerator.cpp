// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiogenerator.h"

#include "model/framegrid.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace neurorack::studio {

namespace {

/// What bytesAvailable() says while looping: "as much as you want".
constexpr qint64 kEndlessBytes = std::numeric_limits<qint32>::max();

} // namespace

AudioGenerator::AudioGenerator(QObject *parent)
    : QIODevice(parent)
    , m_format(monoFloatFormat())
{
}

QAudioFormat AudioGenerator::monoFloatFormat()
{
    QAudioFormat format;
    format.setSampleRate(grid::kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Float);
    return format;
}

bool AudioGenerator::canProduce(const QAudioFormat &format)
{
    return format.sampleRate() == grid::kSampleRate && format.channelCount() >= 1
        && (format.sampleFormat() == QAudioFormat::Float || format.sampleFormat() == QAudioFormat::Int16);
}

bool AudioGenerator::setFormat(const QAudioFormat &format)
{
    if (!canProduce(format))
        return false;
    const QMutexLocker lock(&m_mutex);
    m_format = format;
    return true;
}

QAudioFormat AudioGenerator::format() const
{
    const QMutexLocker lock(&m_mutex);
    return m_format;
}

void AudioGenerator::setAudio(const QList<float> &samples, bool fadeOutPrevious)
{
    {
        const QMutexLocker lock(&m_mutex);
        const bool somethingToFade = fadeOutPrevious && !m_audio.isEmpty() && (m_looping || m_position < m_audio.size());
        if (somethingToFade) {
            m_fading = m_audio;
            m_fadingPosition = m_position;
            m_fadeLeft = kSwapFadeFrames;
        } else {
            m_fading.clear();
            m_fadeLeft = 0;
        }
        m_audio = samples;
        m_position = 0;
    }
    // A sink that ran dry stopped pulling; this wakes it.
    if (isOpen() && !samples.isEmpty())
        Q_EMIT readyRead();
}

QList<float> AudioGenerator::audio() const
{
    const QMutexLocker lock(&m_mutex);
    return m_audio;
}

void AudioGenerator::setLooping(bool looping)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_looping = looping;
    }
    if (looping && isOpen())
        Q_EMIT readyRead();
}

bool AudioGenerator::isLooping() const
{
    const QMutexLocker lock(&m_mutex);
    return m_looping;
}

void AudioGenerator::rewind()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_position = 0;
        m_fading.clear();
        m_fadeLeft = 0;
        m_levels = {};
    }
    if (isOpen())
        Q_EMIT readyRead();
}

qint64 AudioGenerator::framePosition() const
{
    const QMutexLocker lock(&m_mutex);
    return m_position;
}

qint64 AudioGenerator::frameCount() const
{
    const QMutexLocker lock(&m_mutex);
    return m_audio.size();
}

bool AudioGenerator::isFinished() const
{
    const QMutexLocker lock(&m_mutex);
    if (m_fadeLeft > 0)
        return false;
    return m_audio.isEmpty() || (!m_looping && m_position >= m_audio.size());
}

AudioGenerator::Levels AudioGenerator::takeLevels()
{
    const QMutexLocker lock(&m_mutex);
    return std::exchange(m_levels, Levels{});
}

qint64 AudioGenerator::bytesAvailable() const
{
    qint64 frames = 0;
    int bytesPerFrame = 0;
    {
        const QMutexLocker lock(&m_mutex);
        bytesPerFrame = m_format.bytesPerFrame();
        if (m_looping && !m_audio.isEmpty())
            return kEndlessBytes + QIODevice::bytesAvailable();
        frames = std::max<qint64>(0, m_audio.size() - m_position) + m_fadeLeft;
    }
    return frames * bytesPerFrame + QIODevice::bytesAvailable();
}

qint64 AudioGenerator::renderLocked(float *out, qint64 frames)
{
    qint64 done = 0;
    while (done < frames) {
        if (m_fadeLeft > 0) {
            const qint64 n = std::min<qint64>(frames - done, m_fadeLeft);
            for (qint64 i = 0; i < n; ++i) {
                if (m_fadingPosition >= m_fading.size() && m_looping)
                    m_fadingPosition = 0;
                const float x = m_fadingPosition < m_fading.size() ? m_fading[m_fadingPosition++] : 0.0f;
                const float gain = static_cast<float>(m_fadeLeft - i) / (kSwapFadeFrames + 1);
                out[done + i] = x * gain;
            }
            done += n;
            m_fadeLeft -= static_cast<int>(n);
            if (m_fadeLeft == 0)
                m_fading.clear();
            continue;
        }
        if (m_audio.isEmpty())
            break;
        if (m_position >= m_audio.size()) {
            if (!m_looping)
                break;
            m_position = 0;
        }
        const qint64 n = std::min<qint64>(frames - done, m_audio.size() - m_position);
        std::memcpy(out + done, m_audio.constData() + m_position, std::size_t(n) * sizeof(float));
        m_position += n;
        done += n;
    }
    for (qint64 i = 0; i < done; ++i) {
        const float x = out[i];
        m_levels.peak = std::max(m_levels.peak, std::abs(x));
        m_levels.sumSquares += double(x) * double(x);
    }
    m_levels.frames += done;
    return done;
}

qint64 AudioGenerator::readData(char *data, qint64 maxSize)
{
    const QMutexLocker lock(&m_mutex);
    const int channels = m_format.channelCount();
    const int bytesPerFrame = m_format.bytesPerFrame();
    const qint64 wanted = maxSize / bytesPerFrame;
    if (wanted <= 0)
        return 0;

    m_scratch.resize(std::size_t(wanted));
    const qint64 frames = renderLocked(m_scratch.data(), wanted);
    // memcpy per sample: the output's buffer need not be aligned for floats.
    char *out = data;
    if (m_format.sampleFormat() == QAudioFormat::Float) {
        if (channels == 1) {
            std::memcpy(out, m_scratch.data(), std::size_t(frames) * sizeof(float));
            return frames * bytesPerFrame;
        }
        for (qint64 f = 0; f < frames; ++f) {
            for (int c = 0; c < channels; ++c, out += sizeof(float))
                std::memcpy(out, &m_scratch[std::size_t(f)], sizeof(float));
        }
    } else {
        for (qint64 f = 0; f < frames; ++f) {
            const float clamped = std::clamp(m_scratch[std::size_t(f)], -1.0f, 1.0f);
            const auto value = static_cast<qint16>(std::lround(clamped * 32767.0f));
            for (int c = 0; c < channels; ++c, out += sizeof(qint16))
                std::memcpy(out, &value, sizeof(qint16));
        }
    }
    return frames * bytesPerFrame;
}

qint64 AudioGenerator::writeData(const char *, qint64)
{
    return -1;
}

} // namespace neurorack::studio
