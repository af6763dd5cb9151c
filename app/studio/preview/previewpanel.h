// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audioplayer.h"

#include <QList>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace neurorack::studio {

class LevelMeter;
class SpectrogramView;
class WaveformView;

/// Studio's preview: what was rendered last (title, duration, render time), its waveform
/// above its spectrogram, and the transport (Play/Stop on Space, Loop, Auto-play on
/// change) with a level meter. Takes audio through setAudio(); renders nothing itself.
class PreviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewPanel(QWidget *parent = nullptr, AudioPlayer::Output output = AudioPlayer::Output::DefaultDevice);
    ~PreviewPanel() override;

    /// Shows 48 kHz mono @p samples, rendered from @p title in @p renderMs milliseconds
    /// (negative: not rendered, e.g. a file), clears the error, and plays when auto-play
    /// is on (a sound already playing is replaced without a gap). Cheap: the spectrogram
    /// is computed on a worker.
    void setAudio(const QList<float> &samples, const QString &title, double renderMs);
    /// Shows or hides the "rendering" indicator.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// Shows a render error above the views (the last audio stays); empty clears it.
    void setError(const QString &message);
    QString error() const;

    void setAutoPlay(bool autoPlay);
    bool autoPlay() const;
    void setLooping(bool looping);
    bool isLooping() const;

    /// The Play/Stop action (Space while the panel has focus), for menus and toolbars.
    QAction *playAction() const { return m_playAction; }
    AudioPlayer *player() const { return m_player; }

public Q_SLOTS:
    void play();
    void stop();

Q_SIGNALS:
    void autoPlayChanged(bool autoPlay);
    void loopingChanged(bool looping);

private:
    void updateTransport(bool playing);
    void updatePosition(double seconds);
    void updateOutputStatus();

    AudioPlayer *m_player = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_error = nullptr;
    WaveformView *m_waveform = nullptr;
    SpectrogramView *m_spectrogram = nullptr;
    QAction *m_playAction = nullptr;
    QToolButton *m_playButton = nullptr;
    QCheckBox *m_loop = nullptr;
    QCheckBox *m_autoPlay = nullptr;
    QLabel *m_position = nullptr;
    LevelMeter *m_meter = nullptr;
    QLabel *m_outputStatus = nullptr;
    bool m_busy = false;
};

} // namespace neurorack::studio
