// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/preset.h"

#include <QChartView>

#include <array>

class QLineSeries;
class QValueAxis;

namespace neurorack::studio {

/// Shows a preset's seven descriptor curves over time, each on its slider scale
/// (0..1) so that they share one axis, with a legend naming them.
class CurveChartView : public QChartView
{
    Q_OBJECT

public:
    explicit CurveChartView(QWidget *parent = nullptr);

    /// Shows @p preset, or clears the chart for nullptr.
    void setPreset(const Preset *preset);

private:
    std::array<QLineSeries *, kDescriptorCount> m_series{};
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
};

} // namespace neurorack::studio
