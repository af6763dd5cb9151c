// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioplayer.h"

#include "audiogenerator.h"

#include "model/framegrid.h"

#include <QAudioSink>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace neurorack::studio {

namespace {

Q_LOGGING_CATEGORY(lcPreview, "neurorack.studio.preview")

double toDbfs(double linear)
{
    return linear > 0.0 ? std::max(AudioPlayer::kSilenceDb, 20.0 * std::log10(linear)) : AudioPlayer::kSilenceDb;
}

QAudioFormat formatOf(QAudioFormat::SampleFormat sampleFormat, int channels)
{
    QAudioFormat format;
    format.setSampleRate(grid::kSampleRate);
    format.setChannelCount(channels);
    format.setSampleFormat(sampleFormat);
    return format;
}

} // namespace

AudioPlayer::AudioPlayer(QObject *parent, Output output)
    : QObject(parent)
    , m_output(output)
    , m_generator(new AudioGenerator(this))
    , m_reportTimer(new QTimer(this))
{
    m_generator->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    m_reportTimer->setInterval(kReportInterval);
    m_reportTimer->setTimerType(Qt::PreciseTimer);
    connect(m_reportTimer, &QTimer::timeout, this, &AudioPlayer::report);
    if (m_output == Output::DefaultDevice) {
        m_devices = new QMediaDevices(this);
        connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AudioPlayer::refreshAvailability);
    }
    refreshAvailability();
}

AudioPlayer::~AudioPlayer()
{
    m_playing = false; // the sink's last state change is not ours to handle
    if (m_sink)
        m_sink->stop();
}

void AudioPlayer::setAudio(const QList<float> &samples)
{
    if (samples.isEmpty()) {
        stop();
        m_generator->setAudio(samples);
        return;
    }
    m_generator->setAudio(samples, m_playing);
    if (m_playing) {
        m_clock.restart();
        m_virtualFrames = 0;
        m_draining.invalidate();
        Q_EMIT positionChanged(0.0);
    }
}

QList<float> AudioPlayer::audio() const
{
    return m_generator->audio();
}

double AudioPlayer::durationSeconds() const
{
    return static_cast<double>(m_generator->frameCount()) / grid::kSampleRate;
}

void AudioPlayer::setLooping(bool looping)
{
    m_generator->setLooping(looping);
}

bool AudioPlayer::isLooping() const
{
    return m_generator->isLooping();
}

double AudioPlayer::positionSeconds() const
{
    if (!m_playing)
        return 0.0;
    const qint64 count = m_generator->frameCount();
    qint64 frame = m_generator->framePosition();
    if (m_usingDevice) {
        // What the device holds has been read but not heard yet.
        frame -= bufferedFrames();
        if (frame < 0)
            frame = isLooping() ? std::max<qint64>(0, frame + count) : 0;
    }
    return static_cast<double>(std::clamp<qint64>(frame, 0, count)) / grid::kSampleRate;
}

qint64 AudioPlayer::bufferedFrames() const
{
    if (!m_sink || !m_usingDevice)
        return 0;
    const qint64 bytesPerFrame = std::max(1, m_generator->format().bytesPerFrame());
    return std::max<qint64>(0, m_sink->bufferSize() - m_sink->bytesFree()) / bytesPerFrame;
}

bool AudioPlayer::isAvailable() const
{
    return m_available;
}

QString AudioPlayer::unavailableReason() const
{
    return m_unavailableReason;
}

QAudioFormat AudioPlayer::format() const
{
    return m_generator->format();
}

void AudioPlayer::refreshAvailability()
{
    const bool was = m_available;
    if (m_output == Output::VirtualClock) {
        m_available = false;
        m_unavailableReason = tr("Audio output is off: playback is silent.");
    } else {
        const QAudioDevice device = QMediaDevices::defaultAudioOutput();
        QString why;
        if (device.isNull()) {
            m_available = false;
            m_unavailableReason = tr("No audio output device: playback is silent, the playhead and meter still run.");
        } else if (!chooseFormat(device, &why).isValid()) {
            m_available = false;
            m_unavailableReason = why;
        } else {
            m_available = true;
            m_unavailableReason.clear();
        }
    }
    if (was != m_available)
        Q_EMIT availabilityChanged(m_available);
}

QAudioFormat AudioPlayer::chooseFormat(const QAudioDevice &device, QString *why) const
{
    // Our own samples first (no conversion), then what most cards take.
    const QAudioFormat candidates[] = {
        formatOf(QAudioFormat::Float, 1),
        formatOf(QAudioFormat::Float, 2),
        formatOf(QAudioFormat::Int16, 1),
        formatOf(QAudioFormat::Int16, 2),
    };
    for (const QAudioFormat &format : candidates) {
        if (device.isFormatSupported(format))
            return format;
    }
    const QAudioFormat preferred = device.preferredFormat();
    if (AudioGenerator::canProduce(preferred))
        return preferred;
    if (why) {
        *why = tr("The audio output “%1” cannot play 48 kHz audio (it wants %2 Hz): playback is silent.")
                   .arg(device.description())
                   .arg(preferred.sampleRate());
    }
    return {};
}

bool AudioPlayer::startDevice()
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return false;
    QString why;
    const QAudioFormat format = chooseFormat(device, &why);
    if (!format.isValid()) {
        Q_EMIT errorOccurred(why);
        return false;
    }
    if (m_sink && (device != m_device || m_sink->format() != format))
        releaseSink();
    m_generator->setFormat(format);
    if (!m_sink) {
        m_device = device;
        m_sink = new QAudioSink(device, format, this);
        m_sink->setBufferSize(format.bytesForDuration(std::chrono::microseconds(kDeviceBuffer).count()));
        connect(m_sink, &QAudioSink::stateChanged, this, &AudioPlayer::onSinkStateChanged);
        qCDebug(lcPreview) << "playing through" << device.description() << format;
    }
    m_sink->start(m_generator);
    if (m_sink->error() != QAudio::NoError || m_sink->state() == QAudio::StoppedState) {
        Q_EMIT errorOccurred(tr("Could not open the audio output “%1”: playing silently.").arg(device.description()));
        releaseSink();
        return false;
    }
    return true;
}

void AudioPlayer::releaseSink()
{
    if (!m_sink)
        return;
    m_sink->disconnect(this);
    m_sink->stop();
    // It may be the sender of the signal being handled.
    m_sink->deleteLater();
    m_sink = nullptr;
    m_usingDevice = false;
}

void AudioPlayer::play()
{
    if (m_generator->frameCount() == 0)
        return;
    m_generator->rewind();
    m_clock.start();
    m_virtualFrames = 0;
    m_levelFrames = 0;
    m_levelPeak = 0.0f;
    m_levelSumSquares = 0.0;
    m_draining.invalidate();
    if (m_playing) {
        Q_EMIT positionChanged(0.0);
        return;
    }
    m_usingDevice = m_output == Output::DefaultDevice && startDevice();
    if (!m_usingDevice)
        m_generator->setFormat(AudioGenerator::monoFloatFormat());
    m_playing = true;
    m_reportTimer->start();
    Q_EMIT playingChanged(true);
    Q_EMIT positionChanged(0.0);
}

void AudioPlayer::stop()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_reportTimer->stop();
    if (m_sink && m_usingDevice)
        m_sink->stop();
    m_usingDevice = false;
    m_generator->rewind();
    Q_EMIT levelChanged(kSilenceDb, kSilenceDb);
    Q_EMIT positionChanged(0.0);
    Q_EMIT playingChanged(false);
}

void AudioPlayer::toggle()
{
    if (m_playing)
        stop();
    else
        play();
}

void AudioPlayer::pullVirtualClock()
{
    const qint64 due = m_clock.nsecsElapsed() * grid::kSampleRate / 1'000'000'000;
    const qint64 frames = due - m_virtualFrames;
    if (frames <= 0)
        return;
    const qint64 bytes = frames * m_generator->format().bytesPerFrame();
    m_virtualBuffer.resize(std::size_t(bytes));
    m_generator->read(m_virtualBuffer.data(), bytes);
    m_virtualFrames = due;
}

void AudioPlayer::report()
{
    if (!m_playing)
        return;
    if (!m_usingDevice)
        pullVirtualClock();
    const AudioGenerator::Levels levels = m_generator->takeLevels();
    m_levelPeak = std::max(m_levelPeak, levels.peak);
    m_levelSumSquares += levels.sumSquares;
    m_levelFrames += levels.frames;
    if (m_levelFrames >= kMinLevelFrames) {
        Q_EMIT levelChanged(toDbfs(m_levelPeak), toDbfs(std::sqrt(m_levelSumSquares / double(m_levelFrames))));
        m_levelFrames = 0;
        m_levelPeak = 0.0f;
        m_levelSumSquares = 0.0;
    }
    Q_EMIT positionChanged(positionSeconds());

    if (!m_generator->isFinished()) {
        m_draining.invalidate();
        return;
    }
    if (!m_usingDevice) {
        finish();
        return;
    }
    // Everything is read, the device still plays what it holds: done when it has drained
    // (or, for a backend that never says, after a generous wait).
    if (!m_draining.isValid())
        m_draining.start();
    if (bufferedFrames() == 0 || m_draining.elapsed() >= (4 * kDeviceBuffer + kReportInterval).count())
        finish();
}

void AudioPlayer::onSinkStateChanged()
{
    if (!m_playing || !m_usingDevice || !m_sink)
        return;
    // Idle at the end is handled by report(), once the device's buffer has played.
    const QAudio::State state = m_sink->state();
    if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError) {
        // The device went away mid-play: carry on with the virtual clock from here.
        const QString name = m_device.description();
        releaseSink();
        Q_EMIT errorOccurred(tr("The audio output “%1” stopped: playing on silently.").arg(name));
        m_generator->setFormat(AudioGenerator::monoFloatFormat());
        m_clock.restart();
        m_virtualFrames = 0;
        refreshAvailability();
    }
}

void AudioPlayer::finish()
{
    Q_EMIT positionChanged(durationSeconds());
    stop();
}

} // namespace neurorack::studio
