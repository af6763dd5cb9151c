// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAudioFormat>
#include <QIODevice>
#include <QList>
#include <QMutex>

#include <vector>

namespace neurorack::studio {

/// The pull-mode source of AudioPlayer: a read-only, sequential QIODevice that serves
/// 48 kHz mono float audio in the output's format (Float or Int16 samples, the mono
/// signal copied to every channel), once or looping. When new audio replaces the current
/// one mid-read, the old audio fades out over kSwapFadeFrames before the new one starts
/// at its first sample, so that an edit never clicks.
///
/// read() is the whole read path: the audio sink pulls through it, the player's virtual
/// clock pulls through it when there is no output device, and tests pull through it.
/// Thread-safe: the audio backend may read from its own thread.
class AudioGenerator : public QIODevice
{
    Q_OBJECT

public:
    /// Frames of the old audio's fade when new audio replaces it while reading (2.5 ms).
    static constexpr int kSwapFadeFrames = 120;

    /// What was read since the last takeLevels(): the meters' input.
    struct Levels {
        float peak = 0.0f;       ///< largest |sample|, linear
        double sumSquares = 0.0; ///< of the mono samples
        qint64 frames = 0;       ///< how many frames were read
    };

    explicit AudioGenerator(QObject *parent = nullptr);

    /// The byte layout read() produces: 48 kHz, Float or Int16, any channel count.
    /// Returns false (and keeps the current format) for anything else.
    bool setFormat(const QAudioFormat &format);
    QAudioFormat format() const;
    /// The format every output can be asked for first: 48 kHz mono Float.
    static QAudioFormat monoFloatFormat();
    /// Whether setFormat() accepts @p format.
    static bool canProduce(const QAudioFormat &format);

    /// Replaces the audio (48 kHz mono, shared, not copied) and starts it from its first
    /// sample. With @p fadeOutPrevious, the audio being read fades out first.
    void setAudio(const QList<float> &samples, bool fadeOutPrevious = false);
    QList<float> audio() const;
    /// At the end, start again from the first sample instead of finishing.
    void setLooping(bool looping);
    bool isLooping() const;
    /// Back to the first sample; drops a pending fade.
    void rewind();

    /// The frame of the audio that the next read() starts at.
    qint64 framePosition() const;
    /// Frames in the audio.
    qint64 frameCount() const;
    /// Whether everything has been read (never while looping with audio).
    bool isFinished() const;
    /// Returns and resets what was read since the previous call.
    Levels takeLevels();

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    /// Fills @p out with up to @p frames mono frames; returns how many. m_mutex is held.
    qint64 renderLocked(float *out, qint64 frames);

    mutable QMutex m_mutex;
    QAudioFormat m_format;
    QList<float> m_audio;
    qint64 m_position = 0;
    bool m_looping = false;
    // The fade-out of the replaced audio.
    QList<float> m_fading;
    qint64 m_fadingPosition = 0;
    int m_fadeLeft = 0;
    Levels m_levels;
    std::vector<float> m_scratch;
};

} // namespace neurorack::studio
