// SPDX-License-Identifier: GPL-3.0-or-later
#include "levelmeter.h"

#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace neurorack::studio {

namespace {

constexpr int kBarHeight = 12;
constexpr int kReadoutWidth = 64;
constexpr int kSpacing = 6;
constexpr int kFontPixels = 10;
constexpr double kWarnDb = -12.0;
constexpr double kHotDb = -3.0;

const QColor kTrack(0x16, 0x18, 0x1b);
const QColor kInk(0xe8, 0xe8, 0xe8);
const QColor kGreen(0x43, 0xa0, 0x47);
const QColor kYellow(0xfd, 0xd8, 0x35);
const QColor kRed(0xe5, 0x39, 0x35);

double clampDb(double db)
{
    return std::isnan(db) ? LevelMeter::kMinDb : std::clamp(db, LevelMeter::kMinDb, LevelMeter::kMaxDb);
}

} // namespace

LevelMeter::LevelMeter(QWidget *parent)
    : QWidget(parent)
    , m_timer(new QTimer(this))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Level meter"));
    setToolTip(tr("Output level in dBFS: RMS, peak and held peak. Click to clear the clip light."));
    m_timer->setInterval(kFrameInterval);
    connect(m_timer, &QTimer::timeout, this, &LevelMeter::tick);
}

QSize LevelMeter::sizeHint() const
{
    return {260, kBarHeight + kFontPixels + 8};
}

QSize LevelMeter::minimumSizeHint() const
{
    return {kReadoutWidth + 120, kBarHeight + kFontPixels + 8};
}

void LevelMeter::setLevels(double peakDbfs, double rmsDbfs)
{
    const double peak = clampDb(peakDbfs);
    const double rms = clampDb(rmsDbfs);
    // Rise at once, fall with the ballistics.
    m_peak = std::max(m_peak, peak);
    m_rms = std::max(m_rms, rms);
    if (peak >= m_hold) {
        m_hold = peak;
        m_holdAge = std::chrono::milliseconds(0);
    }
    if (peakDbfs >= kClipDb && !m_clipped) {
        m_clipped = true;
        Q_EMIT clippedChanged(true);
    }
    ensureAnimating();
    update();
}

void LevelMeter::reset()
{
    m_peak = m_rms = m_hold = kMinDb;
    m_holdAge = std::chrono::milliseconds(0);
    m_timer->stop();
    resetClip();
    update();
}

void LevelMeter::resetClip()
{
    if (!m_clipped)
        return;
    m_clipped = false;
    Q_EMIT clippedChanged(false);
    update();
}

void LevelMeter::advance(std::chrono::milliseconds elapsed)
{
    const double fall = kDecayDbPerSecond * std::chrono::duration<double>(elapsed).count();
    m_peak = std::max(kMinDb, m_peak - fall);
    m_rms = std::max(kMinDb, m_rms - fall);
    m_holdAge += elapsed;
    if (m_holdAge > kPeakHold) {
        // The hold falls for the time past its expiry only.
        const auto over = std::min(elapsed, m_holdAge - kPeakHold);
        m_hold = std::max(kMinDb, m_hold - kDecayDbPerSecond * std::chrono::duration<double>(over).count());
    }
    // The peak bar never drops below the RMS bar, nor the hold below the peak.
    m_peak = std::max(m_peak, m_rms);
    m_hold = std::max(m_hold, m_peak);
    update();
}

void LevelMeter::ensureAnimating()
{
    if (!m_timer->isActive()) {
        m_sinceTick.start();
        m_timer->start();
    }
}

void LevelMeter::tick()
{
    advance(std::chrono::milliseconds(m_sinceTick.restart()));
    if (m_peak <= kMinDb && m_rms <= kMinDb && m_hold <= kMinDb)
        m_timer->stop();
}

int LevelMeter::xOf(double db, const QRect &bar) const
{
    const double t = (clampDb(db) - kMinDb) / (kMaxDb - kMinDb);
    return bar.left() + static_cast<int>(std::lround(t * bar.width()));
}

void LevelMeter::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetClip();
        m_hold = m_peak;
        m_holdAge = std::chrono::milliseconds(0);
        update();
    }
    QWidget::mousePressEvent(event);
}

void LevelMeter::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QFont font = p.font();
    font.setPixelSize(kFontPixels);
    p.setFont(font);

    const QRect bar(0, 1, width() - kReadoutWidth - kSpacing, kBarHeight);
    const QRect readout(bar.right() + kSpacing, 0, kReadoutWidth, kBarHeight + 2);
    if (bar.width() <= 0)
        return;
    p.fillRect(bar, kTrack);

    // Colours by zone over the whole scale; each bar shows its part of it.
    QLinearGradient zones(bar.left(), 0, bar.right(), 0);
    const auto stop = [&](double db) { return (db - kMinDb) / (kMaxDb - kMinDb); };
    zones.setColorAt(0.0, kGreen);
    zones.setColorAt(stop(kWarnDb) - 0.001, kGreen);
    zones.setColorAt(stop(kWarnDb), kYellow);
    zones.setColorAt(stop(kHotDb) - 0.001, kYellow);
    zones.setColorAt(stop(kHotDb), kRed);
    zones.setColorAt(1.0, kRed);

    const int peakX = xOf(m_peak, bar);
    const int rmsX = xOf(m_rms, bar);
    p.setOpacity(0.45);
    p.fillRect(QRect(QPoint(bar.left(), bar.top()), QPoint(peakX, bar.bottom())), zones);
    p.setOpacity(1.0);
    p.fillRect(QRect(QPoint(bar.left(), bar.top() + 2), QPoint(rmsX, bar.bottom() - 2)), zones);
    if (m_hold > kMinDb) {
        const int holdX = std::min(xOf(m_hold, bar), bar.right() - 1);
        p.fillRect(QRect(holdX - 1, bar.top(), 2, bar.height()), m_hold >= kHotDb ? kRed : kInk);
    }

    // Scale under the bar.
    p.setPen(kInk.darker(130));
    for (const double db : {-60.0, -48.0, -36.0, -24.0, -12.0, -6.0, -3.0, 0.0}) {
        const int x = xOf(db, bar);
        p.drawLine(x, bar.bottom() + 1, x, bar.bottom() + 3);
        const Qt::Alignment align = db == kMinDb ? Qt::AlignLeft : db == kMaxDb ? Qt::AlignRight : Qt::AlignHCenter;
        const int left = db == kMinDb ? x : db == kMaxDb ? x - 40 : x - 20;
        p.drawText(QRect(left, bar.bottom() + 3, 40, kFontPixels + 3), align | Qt::AlignTop, QString::number(db, 'f', 0));
    }

    // The held peak in numbers; the box lights red on a clip.
    p.fillRect(readout, m_clipped ? kRed : kTrack);
    p.setPen(kInk);
    const QString value = m_clipped ? tr("CLIP") : m_hold <= kMinDb ? tr("−∞ dB") : tr("%1 dB").arg(m_hold, 0, 'f', 1);
    p.drawText(readout, Qt::AlignCenter, value);
}

} // namespace neurorack::studio
