// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectrogramimage.h"

#include <QPainter>

#include <array>
#include <cmath>

namespace neurorack {

namespace {

// Control points of a magma-like map: perceptually ordered, readable in grey too.
constexpr std::array<QRgb, 7> kMap{0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xfb8761, 0xfcfdbf};

double niceStep(double span, int targetTicks)
{
    const double raw = span / std::max(1, targetTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (raw <= m * magnitude)
            return m * magnitude;
    }
    return 10.0 * magnitude;
}

QString hzLabel(double hz)
{
    if (hz >= 1000.0)
        return QString::number(hz / 1000.0, 'g', 3) + QStringLiteral(" k");
    return QString::number(hz, 'g', 3);
}

} // namespace

QRgb SpectrogramImage::colour(double position)
{
    const double x = std::clamp(position, 0.0, 1.0) * (kMap.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(x), kMap.size() - 2);
    const double t = x - static_cast<double>(i);
    auto mix = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    const QRgb a = kMap[i];
    const QRgb b = kMap[i + 1];
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QImage SpectrogramImage::render(const Spectrogram &s, const QString &title, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0x20, 0x22, 0x26));
    const QRect plot(78, 42, size.width() - 78 - 96, size.height() - 42 - 52);
    if (plot.width() < 16 || plot.height() < 16 || s.columns == 0)
        return image;

    // The cells, stretched to the plot area (nearest cell: honest about resolution).
    QImage cells(s.columns, s.rows, QImage::Format_RGB32);
    for (int c = 0; c < s.columns; ++c) {
        for (int r = 0; r < s.rows; ++r)
            cells.setPixel(c, s.rows - 1 - r, colour(1.0 - s.at(c, r) / s.floorDb));
    }
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(plot, cells);

    const QColor ink(0xe8, 0xe8, 0xe8);
    QFont font = p.font();
    font.setPixelSize(12);
    p.setFont(font);
    p.setPen(ink);
    p.drawRect(plot.adjusted(0, 0, -1, -1));

    // Time axis.
    const double step = niceStep(std::max(s.duration, 1e-3), std::max(2, plot.width() / 110));
    for (double t = 0.0; t <= s.duration + 1e-9; t += step) {
        const int x = plot.left() + static_cast<int>(std::lround(t / s.duration * (plot.width() - 1)));
        p.drawLine(x, plot.bottom(), x, plot.bottom() + 5);
        p.drawText(QRect(x - 40, plot.bottom() + 7, 80, 16), Qt::AlignHCenter | Qt::AlignTop,
                   QString::number(t, 'g', step < 0.1 ? 3 : 4));
    }
    p.drawText(QRect(plot.left(), plot.bottom() + 24, plot.width(), 18), Qt::AlignHCenter, QStringLiteral("Time (s)"));

    // Frequency axis.
    QList<double> ticks;
    if (s.scale == FrequencyScale::Logarithmic) {
        for (double decade = 10.0; decade <= s.maxHz; decade *= 10.0) {
            for (const double m : {1.0, 2.0, 5.0}) {
                if (m * decade >= s.minHz && m * decade <= s.maxHz)
                    ticks << m * decade;
            }
        }
    } else {
        const double fstep = niceStep(s.maxHz - s.minHz, std::max(2, plot.height() / 50));
        for (double f = s.minHz; f <= s.maxHz + 1e-6; f += fstep)
            ticks << f;
    }
    for (const double hz : ticks) {
        const double row = s.rowOfFrequency(hz) / (s.rows - 1);
        const int y = plot.bottom() - static_cast<int>(std::lround(row * (plot.height() - 1)));
        p.drawLine(plot.left() - 5, y, plot.left(), y);
        p.drawText(QRect(0, y - 8, plot.left() - 8, 16), Qt::AlignRight | Qt::AlignVCenter, hzLabel(hz));
    }
    p.save();
    p.translate(14, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-80, -8, 160, 16), Qt::AlignCenter, QStringLiteral("Frequency (Hz)"));
    p.restore();

    // Colour bar in dB.
    const QRect bar(plot.right() + 22, plot.top(), 16, plot.height());
    for (int y = 0; y < bar.height(); ++y) {
        p.setPen(QColor(colour(1.0 - double(y) / (bar.height() - 1))));
        p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    }
    p.setPen(ink);
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    for (double dbValue = 0.0; dbValue >= s.floorDb - 1e-9; dbValue -= 20.0) {
        const int y = bar.top() + static_cast<int>(std::lround(dbValue / s.floorDb * (bar.height() - 1)));
        p.drawLine(bar.right(), y, bar.right() + 4, y);
        p.drawText(QRect(bar.right() + 6, y - 8, 50, 16), Qt::AlignLeft | Qt::AlignVCenter, QString::number(dbValue, 'f', 0));
    }
    p.drawText(QRect(bar.left() - 10, bar.top() - 22, 60, 16), Qt::AlignLeft, QStringLiteral("dB"));

    // Title.
    font.setPixelSize(15);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRect(plot.left(), 8, plot.width(), 26), Qt::AlignLeft | Qt::AlignVCenter, title);
    return image;
}

} // namespace neurorack
