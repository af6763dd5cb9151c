// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <chrono>
#include <vector>

class QAudioSink;
class QMediaDevices;
class QTimer;

namespace neurorack::studio {

class AudioGenerator;

/// Plays 48 kHz mono float audio through Qt Multimedia: a QAudioSink on the default
/// output pulls from an AudioGenerator (Float or Int16, mono or copied to every channel,
/// whichever the device takes). Without an output device (CI, a headless box) playback
/// runs on a virtual clock: a timer pulls the generator at the real-time rate, so the
/// position, the loop and the meters behave exactly as with sound.
class AudioPlayer : public QObject
{
    Q_OBJECT

public:
    /// Where the audio goes.
    enum class Output {
        DefaultDevice, ///< the system's default output; the virtual clock when there is none
        VirtualClock,  ///< never a device (tests, benchmarks): silent, same timing
    };
    Q_ENUM(Output)

    /// Level reported for silence, dBFS (the meters' floor is far above it).
    static constexpr double kSilenceDb = -120.0;
    /// How often levels and position are reported while playing (about 30 Hz).
    static constexpr std::chrono::milliseconds kReportInterval{33};
    /// Levels are measured over at least this many frames (10 ms), so that a short
    /// timer step never reports the RMS of a fraction of a period.
    static constexpr qint64 kMinLevelFrames = 480;
    /// Audio buffered in the device: the latency of an edit being heard. Qt's PulseAudio
    /// sink pulls in 20 ms periods and needs two of them of room to play smoothly.
    static constexpr std::chrono::milliseconds kDeviceBuffer{60};

    explicit AudioPlayer(QObject *parent = nullptr, Output output = Output::DefaultDevice);
    ~AudioPlayer() override;

    /// Replaces the audio (48 kHz mono). While playing, the new audio starts from its
    /// beginning after a short fade of the old one; the device is not reopened.
    void setAudio(const QList<float> &samples);
    QList<float> audio() const;
    double durationSeconds() const;

    void setLooping(bool looping);
    bool isLooping() const;
    bool isPlaying() const { return m_playing; }
    /// Where in the audio playback is, seconds (as heard: the device's buffer counted).
    double positionSeconds() const;

    /// Whether an output device is there to play through (false: the virtual clock).
    bool isAvailable() const;
    /// Why playback is silent when isAvailable() is false; empty otherwise.
    QString unavailableReason() const;
    /// The device format in use (the generator's format).
    QAudioFormat format() const;
    /// The read path: what the sink, or the virtual clock, pulls.
    AudioGenerator *generator() const { return m_generator; }

public Q_SLOTS:
    /// Plays from the beginning (does nothing without audio).
    void play();
    /// Stops and goes back to the beginning.
    void stop();
    /// play() or stop().
    void toggle();

Q_SIGNALS:
    void playingChanged(bool playing);
    /// Peak and RMS of what was played since the last report, dBFS (kSilenceDb for none);
    /// about every kReportInterval while playing, and once with kSilenceDb on stop.
    void levelChanged(double peakDbfs, double rmsDbfs);
    void positionChanged(double seconds);
    /// A device that failed (open error, lost mid-play); playback goes on silently.
    void errorOccurred(const QString &message);
    /// isAvailable() changed (a device appeared or went away).
    void availabilityChanged(bool available);

private:
    void report();
    void pullVirtualClock();
    void finish();
    bool startDevice();
    void releaseSink();
    void onSinkStateChanged();
    qint64 bufferedFrames() const;
    void refreshAvailability();
    QAudioFormat chooseFormat(const QAudioDevice &device, QString *why) const;

    Output m_output;
    AudioGenerator *m_generator = nullptr;
    QMediaDevices *m_devices = nullptr;
    QAudioSink *m_sink = nullptr;
    QAudioDevice m_device;
    QTimer *m_reportTimer = nullptr;
    QElapsedTimer m_clock;
    /// Since the generator was found finished while a device still played its buffer.
    QElapsedTimer m_draining;
    qint64 m_virtualFrames = 0;
    std::vector<char> m_virtualBuffer;
    /// What was played since the last level report.
    qint64 m_levelFrames = 0;
    float m_levelPeak = 0.0f;
    double m_levelSumSquares = 0.0;
    bool m_playing = false;
    bool m_usingDevice = false; ///< the sink pulls (else the virtual clock)
    bool m_available = false;
    QString m_unavailableReason;
};

} // namespace neurorack::studio
