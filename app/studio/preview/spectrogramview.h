// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/spectrogram.h"

#include <QImage>
#include <QList>
#include <QWidget>

#include <chrono>

class QTimer;

namespace neurorack::studio {

/// Shows the spectrogram of 48 kHz mono audio as SpectrogramImage paints it for the CLI:
/// log-frequency rows with a Hz/kHz axis, a time axis and a dB colour bar. The STFT and
/// the picture are made on a worker thread at the widget's size; while one is being
/// made the previous picture stays, and audio set meanwhile is coalesced to the latest.
class SpectrogramView : public QWidget
{
    Q_OBJECT

public:
    /// How long a resize settles before the picture is remade at the new size.
    static constexpr std::chrono::milliseconds kResizeSettle{80};

    explicit SpectrogramView(QWidget *parent = nullptr);
    ~SpectrogramView() override;

    /// Computes and shows the spectrogram of @p samples (shared, not copied); returns at
    /// once. spectrogramReady() says when it is shown.
    void setAudio(const QList<float> &samples);
    /// The spectrogram shown (empty before the first one is ready).
    const Spectrogram &spectrogram() const { return m_spectrogram; }
    /// The picture shown, at the size it was made for.
    QImage image() const { return m_image; }
    /// Whether a spectrogram is being computed.
    bool isComputing() const { return m_running; }
    /// STFT settings for a picture of @p size (about one column and one row per pixel).
    static Spectrogram::Options optionsFor(QSize size);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The spectrogram of the latest audio is computed and shown.
    void spectrogramReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Result;
    void start();
    QSize pictureSize() const;
    void finished(const Result &result);

    QList<float> m_samples;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_again = false; ///< audio or size changed while computing
    Spectrogram m_spectrogram;
    QImage m_image;
    QTimer *m_resizeTimer = nullptr;
};

} // namespace neurorack::studio
