// SPDX-License-Identifier: GPL-3.0-or-later
#include "waveformview.h"

#include "model/framegrid.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace neurorack::studio {

namespace {

// Room for the axes around the plot, pixels. Left and right match the plot of
// SpectrogramImage, so that the waveform's time axis lines up with the spectrogram's
// under it in the preview.
constexpr int kLeftMargin = 78;
constexpr int kRightMargin = 96;
constexpr int kTopMargin = 8;
constexpr int kBottomMargin = 24;
constexpr int kTickLength = 4;
constexpr int kPixelsPerTimeTick = 90;
constexpr int kFontPixels = 11;
/// Below this duration the time axis counts milliseconds.
constexpr double kMillisecondAxisBelow = 2.0;

const QColor kBackground(0x20, 0x22, 0x26);
const QColor kPlotBackground(0x16, 0x18, 0x1b);
const QColor kGrid(0x3a, 0x3d, 0x44);
const QColor kInk(0xe8, 0xe8, 0xe8);
const QColor kWave(0x4f, 0xc3, 0xf7);
const QColor kPlayhead(0xff, 0xd5, 0x4f);

double niceStep(double span, int targetTicks)
{
    const double raw = span / std::max(1, targetTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0}) {
        if (raw <= m * magnitude)
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace

WaveformView::WaveformView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Waveform"));
    setFocusPolicy(Qt::ClickFocus); // so that the panel's Space shortcut works after a click
}

QSize WaveformView::sizeHint() const
{
    return {640, 160};
}

QSize WaveformView::minimumSizeHint() const
{
    return {kLeftMargin + kRightMargin + 80, kTopMargin + kBottomMargin + 48};
}

QList<WaveformView::ColumnRange> WaveformView::columnRanges(std::span<const float> samples, int count)
{
    QList<ColumnRange> out;
    if (samples.empty() || count <= 0)
        return out;
    out.resize(count);
    const auto n = static_cast<qint64>(samples.size());
    for (int c = 0; c < count; ++c) {
        const qint64 begin = std::min(n - 1, c * n / count);
        const qint64 end = std::clamp((c + 1) * n / count, begin + 1, n);
        const auto [lo, hi] = std::minmax_element(samples.begin() + begin, samples.begin() + end);
        out[c] = {*lo, *hi};
    }
    return out;
}

void WaveformView::setAudio(const QList<float> &samples)
{
    m_samples = samples;
    m_playhead = -1.0;
    updateColumns();
    update();
}

double WaveformView::durationSeconds() const
{
    return static_cast<double>(m_samples.size()) / grid::kSampleRate;
}

QRect WaveformView::plotRect() const
{
    return rect().adjusted(kLeftMargin, kTopMargin, -kRightMargin, -kBottomMargin);
}

void WaveformView::updateColumns()
{
    m_columns = columnRanges(std::span(m_samples.constData(), std::size_t(m_samples.size())), std::max(0, plotRect().width()));
}

int WaveformView::playheadX(double seconds) const
{
    const QRect plot = plotRect();
    const double duration = durationSeconds();
    const double t = duration > 0.0 ? std::clamp(seconds / duration, 0.0, 1.0) : 0.0;
    return plot.left() + static_cast<int>(std::lround(t * (plot.width() - 1)));
}

void WaveformView::setPlayhead(double seconds)
{
    if (seconds == m_playhead)
        return;
    // Repaint only the strips under the old and the new line.
    const QRect plot = plotRect();
    auto strip = [&](double at) { return QRect(playheadX(at) - 2, plot.top(), 5, plot.height()); };
    if (m_playhead >= 0.0)
        update(strip(m_playhead));
    m_playhead = seconds;
    if (m_playhead >= 0.0)
        update(strip(m_playhead));
}

void WaveformView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateColumns();
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    const QRect plot = plotRect();
    if (plot.width() <= 0 || plot.height() <= 0)
        return;
    p.fillRect(plot, kPlotBackground);
    QFont font = p.font();
    font.setPixelSize(kFontPixels);
    p.setFont(font);

    auto yOf = [&](double amplitude) {
        return plot.top() + static_cast<int>(std::lround((1.0 - amplitude) / 2.0 * (plot.height() - 1)));
    };

    // Amplitude axis: linear ±1, labelled with each line's level in dBFS.
    for (const double a : {1.0, 0.5, 0.25, 0.0, -0.25, -0.5, -1.0}) {
        const int y = yOf(a);
        p.setPen(a == 0.0 ? kInk.darker(180) : kGrid);
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(kInk);
        p.drawLine(plot.left() - kTickLength, y, plot.left() - 1, y);
        const QString label = a == 0.0 ? tr("−∞ dB") : tr("%1 dB").arg(20.0 * std::log10(std::abs(a)), 0, 'f', 0);
        p.drawText(QRect(0, y - kFontPixels, plot.left() - kTickLength - 3, 2 * kFontPixels),
                   Qt::AlignRight | Qt::AlignVCenter, label);
    }

    // Time axis.
    const double duration = durationSeconds();
    p.setPen(kInk);
    p.drawLine(plot.left(), plot.bottom() + 1, plot.right(), plot.bottom() + 1);
    if (duration > 0.0) {
        const bool milliseconds = duration < kMillisecondAxisBelow;
        const double step = niceStep(duration, std::max(2, plot.width() / kPixelsPerTimeTick));
        const int ticks = static_cast<int>(std::floor(duration / step + 1e-9));
        for (int i = 0; i <= ticks; ++i) {
            const double t = i * step;
            const int x = playheadX(t);
            p.setPen(kGrid);
            if (i > 0)
                p.drawLine(x, plot.top(), x, plot.bottom());
            p.setPen(kInk);
            p.drawLine(x, plot.bottom() + 1, x, plot.bottom() + 1 + kTickLength);
            const QString label = milliseconds ? tr("%1 ms").arg(std::lround(t * 1000.0))
                                               : tr("%1 s").arg(t, 0, 'g', 4);
            const Qt::Alignment align = i == 0 ? Qt::AlignLeft : Qt::AlignHCenter;
            const int left = i == 0 ? x : x - kPixelsPerTimeTick / 2;
            p.drawText(QRect(left, plot.bottom() + kTickLength + 2, kPixelsPerTimeTick, kFontPixels + 4), align | Qt::AlignTop, label);
        }
    }

    if (m_columns.isEmpty()) {
        p.setPen(kInk.darker(150));
        p.drawText(plot, Qt::AlignCenter, tr("No audio yet"));
        return;
    }

    // One vertical stroke per column, joined to its neighbours so that the trace is
    // continuous where a column holds a single sample.
    p.setPen(kWave);
    const int count = std::min<int>(int(m_columns.size()), plot.width());
    for (int c = 0; c < count; ++c) {
        ColumnRange r = m_columns[c];
        if (c > 0) {
            const ColumnRange &previous = m_columns[c - 1];
            r.min = std::min(r.min, previous.max);
            r.max = std::max(r.max, previous.min);
        }
        const int x = plot.left() + c;
        p.drawLine(x, yOf(std::clamp(double(r.max), -1.0, 1.0)), x, yOf(std::clamp(double(r.min), -1.0, 1.0)));
    }

    if (m_playhead >= 0.0) {
        const int x = playheadX(m_playhead);
        p.setPen(QPen(kPlayhead, 2));
        p.drawLine(x, plot.top(), x, plot.bottom());
    }
}

} // namespace neurorack::studio
