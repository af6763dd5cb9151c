// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <chrono>

class QTimer;

namespace neurorack::studio {

/// A horizontal dBFS meter from kMinDb to kMaxDb: the RMS level as a solid bar, the peak
/// as a lighter bar in front of it, a peak-hold line with its value written at the right,
/// and a clip light that stays on (click the meter to clear it). Levels fall at
/// kDecayDbPerSecond when the input drops; the hold waits kPeakHold first.
class LevelMeter : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kMinDb = -60.0;
    static constexpr double kMaxDb = 0.0;
    /// A peak at or above this is a clip (a sample at full scale, to rounding).
    static constexpr double kClipDb = -0.1;
    static constexpr double kDecayDbPerSecond = 24.0;
    static constexpr std::chrono::milliseconds kPeakHold{1500};
    /// Animation step while something is falling.
    static constexpr std::chrono::milliseconds kFrameInterval{33};

    explicit LevelMeter(QWidget *parent = nullptr);

    /// Levels shown now, dBFS (kMinDb when at the floor).
    double peakDbfs() const { return m_peak; }
    double rmsDbfs() const { return m_rms; }
    /// The held peak, dBFS.
    double peakHoldDbfs() const { return m_hold; }
    bool isClipped() const { return m_clipped; }

    /// Lets @p elapsed pass: levels fall, the hold expires. The meter's timer calls it.
    void advance(std::chrono::milliseconds elapsed);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    /// A new measurement (AudioPlayer::levelChanged fits). Values under the scale are
    /// fine (−inf or AudioPlayer::kSilenceDb for silence).
    void setLevels(double peakDbfs, double rmsDbfs);
    /// Everything back to the floor, clip light off.
    void reset();
    /// Clip light off.
    void resetClip();

Q_SIGNALS:
    void clippedChanged(bool clipped);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void tick();
    void ensureAnimating();
    int xOf(double db, const QRect &bar) const;

    double m_peak = kMinDb;
    double m_rms = kMinDb;
    double m_hold = kMinDb;
    std::chrono::milliseconds m_holdAge{0};
    bool m_clipped = false;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceTick;
};

} // namespace neurorack::studio
