// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/spectrogram.h"

#include <QImage>
#include <QString>

namespace neurorack {

/// Paints a spectrogram as a picture people want to look at: a perceptual colour map
/// (dark blue → magenta → yellow), time and frequency axes with labelled ticks, a title
/// and a dB colour bar. Needs a QGuiApplication (fonts).
class SpectrogramImage
{
public:
    static QImage render(const Spectrogram &spectrogram, const QString &title, QSize size = QSize(1200, 600));
    /// The colour of @p position (0 = floor, 1 = loudest).
    static QRgb colour(double position);
};

} // namespace neurorack
