// SPDX-License-Identifier: GPL-3.0-or-later
#include "curvechartview.h"

#include "descriptorcolours.h"
#include "model/framegrid.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace neurorack::studio {

CurveChartView::CurveChartView(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis = new QValueAxis(chart);
    m_timeAxis->setTitleText(tr("Time (s)"));
    m_valueAxis = new QValueAxis(chart);
    m_valueAxis->setRange(0.0, 1.0);
    m_valueAxis->setTitleText(tr("Position in range"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    for (const auto id : kAllDescriptors) {
        auto *series = new QLineSeries(chart);
        series->setName(descriptor(id).translatedName());
        QPen pen(descriptorColour(id));
        pen.setWidthF(id == DescriptorId::Loudness ? 2.5 : 1.6);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        m_series[std::size_t(id)] = series;
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(480, 320);
}

void CurveChartView::setPreset(const Preset *preset)
{
    const int frames = preset ? preset->curves.frameCount() : 0;
    m_timeAxis->setRange(0.0, frames > 0 ? preset->duration() : 1.0);
    chart()->setTitle(preset ? preset->name : tr("Empty slot"));
    for (const auto id : kAllDescriptors) {
        QList<QPointF> points;
        if (preset) {
            const auto &info = descriptor(id);
            const auto values = preset->curves.curve(id);
            points.reserve(frames);
            for (int i = 0; i < frames; ++i) {
                // Unvoiced pitch frames are left out, so the line breaks into voiced stretches at most.
                if (std::isnan(values[i]))
                    continue;
                points.append({grid::durationOfFrames(i), info.toNormalized(values[i])});
            }
        }
        m_series[std::size_t(id)]->replace(points); // in bulk, never point by point
    }
}

} // namespace neurorack::studio
