// SPDX-License-Identifier: GPL-3.0-or-later
#include "curveeditview.h"

#include "descriptorcolours.h"
#include "model/framegrid.h"

#include <QCategoryAxis>
#include <QChart>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>

namespace neurorack::studio {

namespace {

constexpr std::array<int, 10> kHandleSpacings{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
constexpr qreal kCurveWidth = 2.5;
constexpr qreal kBackgroundWidth = 1.2;
constexpr int kBackgroundAlpha = 80;
constexpr qreal kHandleSize = 9.0;
constexpr int kWheelNotch = 120;
constexpr double kUnitTickInterval = 0.2;
constexpr double kLoudnessTickInterval = 10.0;
constexpr int kValueTicks = 5;
constexpr int kTimeTicks = 6;
// Pitch shown when nothing is voiced: C2 … C6.
constexpr double kDefaultPitchLo = 36.0;
constexpr double kDefaultPitchHi = 84.0;

double frameTime(int frame)
{
    return grid::durationOfFrames(frame);
}

// 1, 2 or 5 times a power of ten, at least @p x.
double niceStep(double x)
{
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= x)
            return m * power;
    }
    return 10.0 * power;
}

// Rounds up to a half power of ten step (3750 → 4000, 1210 → 1500).
double niceCeil(double x)
{
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    return std::ceil(x / power * 2.0) / 2.0 * power;
}

// Contiguous stretches of finite values as chart points.
QList<QList<QPointF>> runsOf(std::span<const float> values, const std::function<double(double)> &map)
{
    QList<QList<QPointF>> runs;
    QList<QPointF> run;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            if (!run.isEmpty())
                runs.append(std::move(run));
            run = {};
            continue;
        }
        run.append(QPointF(frameTime(static_cast<int>(i)), map(values[i])));
    }
    if (!run.isEmpty())
        runs.append(std::move(run));
    return runs;
}

void showRuns(const QList<QLineSeries *> &pool, const QList<QList<QPointF>> &runs)
{
    for (qsizetype i = 0; i < pool.size(); ++i)
        pool[i]->replace(i < runs.size() ? runs[i] : QList<QPointF>{}); // in bulk, never point by point
}

} // namespace

CurveEditView::CurveEditView(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);

    m_timeAxis = new QValueAxis(chart);
    m_timeAxis->setTitleText(tr("Time (s)"));
    m_timeAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_timeAxis->setTickType(QValueAxis::TicksDynamic);
    m_timeAxis->setTickAnchor(0.0);
    m_linearAxis = new QValueAxis(chart);
    m_linearAxis->setTickType(QValueAxis::TicksDynamic);
    m_noteAxis = new QCategoryAxis(chart);
    m_noteAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_noteAxis->setTitleText(tr("Pitch (note)"));
    m_backgroundAxis = new QValueAxis(chart);
    m_backgroundAxis->setRange(0.0, 1.0);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_linearAxis, Qt::AlignLeft);
    chart->addAxis(m_noteAxis, Qt::AlignLeft);
    chart->addAxis(m_backgroundAxis, Qt::AlignRight);
    m_backgroundAxis->setVisible(false);
    m_noteAxis->setVisible(false);

    setChart(chart);
    m_handles = new QScatterSeries(chart);
    m_handles->setMarkerSize(kHandleSize);
    chart->addSeries(m_handles);
    m_handles->attachAxis(m_timeAxis);
    m_handles->attachAxis(m_linearAxis);

    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    // Files are dropped on the editor around the view, never on the chart's scene.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    viewport()->setMouseTracking(true);
    setMinimumSize(480, 260);
    setDescriptor(DescriptorId::Loudness);
}

CurveEditView::~CurveEditView() = default;

QValueAxis *CurveEditView::activeAxis() const
{
    return m_id == DescriptorId::Pitch ? m_noteAxis : m_linearAxis;
}

QValueAxis *CurveEditView::valueAxis() const
{
    return activeAxis();
}

QList<QLineSeries *> CurveEditView::curveSeries() const
{
    return m_segments;
}

QLineSeries *CurveEditView::addLineSeries(QAbstractAxis *axis)
{
    auto *series = new QLineSeries(chart());
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(axis);
    return series;
}

void CurveEditView::ensurePool(QList<QLineSeries *> &pool, qsizetype size, QAbstractAxis *axis)
{
    if (pool.size() >= size)
        return;
    while (pool.size() < size)
        pool.append(addLineSeries(axis));
    raiseForeground();
    styleSeries();
}

// Series draw in the order they were added: the selected curve and its handles go back
// on top after a background pool grew.
void CurveEditView::raiseForeground()
{
    for (QXYSeries *series : m_segments) {
        const QList<QPointF> points = series->points();
        chart()->removeSeries(series);
        chart()->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(activeAxis());
        series->replace(points);
    }
    const QList<QPointF> handles = m_handles->points();
    chart()->removeSeries(m_handles);
    chart()->addSeries(m_handles);
    m_handles->attachAxis(m_timeAxis);
    m_handles->attachAxis(activeAxis());
    m_handles->replace(handles);
}

void CurveEditView::styleSeries()
{
    const QColor colour = descriptorColour(m_id);
    QPen pen(colour);
    pen.setWidthF(kCurveWidth);
    for (QLineSeries *series : std::as_const(m_segments))
        series->setPen(pen);
    for (const auto id : kAllDescriptors) {
        QColor faint = descriptorColour(id);
        faint.setAlpha(kBackgroundAlpha);
        QPen backgroundPen(faint);
        backgroundPen.setWidthF(kBackgroundWidth);
        for (QLineSeries *series : std::as_const(m_background[std::size_t(id)]))
            series->setPen(backgroundPen);
    }
    m_handles->setColor(colour);
    m_handles->setBorderColor(Qt::white);
}

void CurveEditView::setDescriptor(DescriptorId id)
{
    if (m_drag.active)
        finishDrag(true);
    QValueAxis *previous = activeAxis();
    m_id = id;
    QValueAxis *axis = activeAxis();
    if (axis != previous) {
        for (QXYSeries *series : std::as_const(m_segments)) {
            series->detachAxis(previous);
            series->attachAxis(axis);
        }
        m_handles->detachAxis(previous);
        m_handles->attachAxis(axis);
        previous->setVisible(false);
        axis->setVisible(true);
    }
    const auto &info = descriptor(id);
    if (id != DescriptorId::Pitch) {
        m_linearAxis->setTitleText(info.unitString().isEmpty()
                                       ? info.translatedName()
                                       : tr("%1 (%2)").arg(info.translatedName(), info.unitString()));
        m_linearAxis->setLabelFormat(info.unitString().isEmpty() ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    }
    styleSeries();
    fitValueRange(true);
    refresh();
}

void CurveEditView::setCurves(const DescriptorCurves &curves)
{
    const bool framesChanged = curves.frameCount() != m_curves.frameCount();
    const bool wasEmpty = m_curves.isEmpty();
    m_curves = curves;
    if (framesChanged && m_drag.active)
        finishDrag(false); // the frames it held on to are gone
    if (framesChanged) {
        if (m_zoomed)
            setTimeRange(m_from, m_to);
        else
            setTimeRange(0.0, frameTime(std::max(m_curves.frameCount() - 1, 1)));
    }
    if (!m_drag.active)
        fitValueRange(wasEmpty);
    refresh();
}

void CurveEditView::resetView()
{
    if (m_drag.active)
        finishDrag(true);
    m_zoomed = false;
    setTimeRange(0.0, frameTime(std::max(m_curves.frameCount() - 1, 1)));
    fitValueRange(true);
    refresh();
}

void CurveEditView::setTimeRange(double from, double to)
{
    const double whole = frameTime(std::max(m_curves.frameCount() - 1, 1));
    const double minSpan = std::min(whole, frameTime(kMinVisibleFrames));
    const double span = std::clamp(to - from, minSpan, whole);
    m_from = std::clamp(from, 0.0, whole - span);
    m_to = m_from + span;
    m_zoomed = span < whole - frameTime(1) / 2;
    m_timeAxis->setRange(m_from, m_to);
    m_timeAxis->setTickInterval(niceStep(span / kTimeTicks));
    m_timeAxis->setLabelFormat(m_timeAxis->tickInterval() < 0.01 ? QStringLiteral("%.3f") : QStringLiteral("%.2f"));
    refresh();
}

void CurveEditView::fitValueRange(bool allowShrink)
{
    const auto &info = descriptor(m_id);
    const auto values = m_curves.curve(m_id);
    double lo = info.minimum;
    double hi = info.maximum;
    switch (m_id) {
    case DescriptorId::Pitch: {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (const float v : values) {
            if (!std::isnan(v)) {
                low = std::min(low, toDisplay(m_id, v));
                high = std::max(high, toDisplay(m_id, v));
            }
        }
        if (low > high) {
            lo = kDefaultPitchLo;
            hi = kDefaultPitchHi;
        } else {
            lo = std::floor(low - kPitchPaddingSemitones);
            hi = std::ceil(high + kPitchPaddingSemitones);
            if (hi - lo < kMinPitchSpanSemitones) {
                const double centre = std::round((lo + hi) / 2);
                lo = centre - kMinPitchSpanSemitones / 2;
                hi = centre + kMinPitchSpanSemitones / 2;
            }
        }
        lo = std::max(lo, toDisplay(m_id, info.minimum));
        hi = std::min(hi, toDisplay(m_id, info.maximum));
        break;
    }
    case DescriptorId::Richness:
    case DescriptorId::Brightness: {
        const double peak = values.empty() ? 0.0 : *std::ranges::max_element(values);
        lo = 0.0;
        hi = std::min(niceCeil(std::max(kMinHzAxis, peak * kHzHeadroom)), info.maximum);
        break;
    }
    default:
        break;
    }
    if (!allowShrink) {
        lo = std::min(lo, m_valueLo);
        hi = std::max(hi, m_valueHi);
    }
    applyValueRange(lo, hi);
}

void CurveEditView::applyValueRange(double lo, double hi)
{
    m_valueLo = lo;
    m_valueHi = hi;
    if (m_id == DescriptorId::Pitch) {
        m_noteAxis->setRange(lo, hi);
        updateNoteLabels();
        return;
    }
    m_linearAxis->setRange(lo, hi);
    double interval = niceStep((hi - lo) / kValueTicks);
    if (m_id == DescriptorId::Loudness)
        interval = kLoudnessTickInterval;
    else if (descriptor(m_id).unitString().isEmpty())
        interval = kUnitTickInterval;
    m_linearAxis->setTickAnchor(0.0);
    m_linearAxis->setTickInterval(interval);
}

void CurveEditView::updateNoteLabels()
{
    const QStringList old = m_noteAxis->categoriesLabels();
    for (const QString &label : old)
        m_noteAxis->remove(label);
    m_noteAxis->setStartValue(m_valueLo);
    // Every C on a wide range, then tritones, whole tones and every note as it narrows.
    const double span = m_valueHi - m_valueLo;
    const int step = span > 48 ? 12 : span > 24 ? 6 : span > 12 ? 2 : 1;
    for (int midi = static_cast<int>(std::ceil(m_valueLo)); midi <= static_cast<int>(std::floor(m_valueHi)); ++midi) {
        if (midi % step == 0)
            m_noteAxis->append(convert::midiNoteName(midi), midi);
    }
}

double CurveEditView::toDisplay(DescriptorId id, double value)
{
    if (id == DescriptorId::Pitch)
        return std::isnan(value) ? value : convert::hzToMidi(value);
    return value;
}

double CurveEditView::fromDisplay(DescriptorId id, double display)
{
    return id == DescriptorId::Pitch ? convert::midiToHz(display) : display;
}

void CurveEditView::applyTent(std::span<float> values, DescriptorId id, int centre, int left, int right,
                              double displayDelta)
{
    const auto &info = descriptor(id);
    left = std::max(left, 0);
    right = std::min(right, static_cast<int>(values.size()) - 1);
    for (int i = left; i <= right; ++i) {
        double weight = 1.0;
        if (i < centre)
            weight = double(i - left) / (centre - left);
        else if (i > centre)
            weight = double(right - i) / (right - centre);
        float &v = values[std::size_t(i)];
        if (weight <= 0.0 || std::isnan(v))
            continue;
        v = static_cast<float>(info.clamp(fromDisplay(id, toDisplay(id, v) + displayDelta * weight)));
    }
}

int CurveEditView::handleSpacing() const
{
    const double visibleFrames = (m_to - m_from) * grid::kFrameRate;
    for (const int spacing : kHandleSpacings) {
        if (spacing * kMaxHandles >= visibleFrames)
            return spacing;
    }
    return kHandleSpacings.back();
}

QList<int> CurveEditView::allHandleFrames(int spacing) const
{
    QList<int> frames;
    const int last = m_curves.frameCount() - 1;
    if (last < 0)
        return frames;
    for (int f = 0; f < last; f += spacing)
        frames.append(f);
    // The last frame always has a handle; a regular one too close to it makes way.
    if (!frames.isEmpty() && frames.constLast() != 0 && last - frames.constLast() < spacing / 2)
        frames.removeLast();
    frames.append(last);
    return frames;
}

QList<int> CurveEditView::handleFrames() const
{
    QList<int> frames;
    const double first = m_from * grid::kFrameRate - 0.5;
    const double end = m_to * grid::kFrameRate + 0.5;
    const auto values = m_curves.curve(m_id);
    for (const int f : allHandleFrames(handleSpacing())) {
        if (f >= first && f <= end && !std::isnan(values[std::size_t(f)]))
            frames.append(f);
    }
    return frames;
}

QPoint CurveEditView::viewportPosition(double seconds, double displayValue) const
{
    const QPointF inChart = chart()->mapToPosition(QPointF(seconds, displayValue), m_handles);
    return mapFromScene(chart()->mapToScene(inChart));
}

QPoint CurveEditView::handlePosition(int frame) const
{
    return viewportPosition(frameTime(frame), toDisplay(m_id, m_curves.value(m_id, frame)));
}

QPointF CurveEditView::valueAt(QPointF viewportPos) const
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(viewportPos.toPoint()));
    return chart()->mapToValue(inChart, m_handles);
}

int CurveEditView::handleAt(QPointF viewportPos) const
{
    int best = -1;
    double bestDistance = kHandleGrabRadius;
    for (const int f : handleFrames()) {
        const QPointF d = QPointF(handlePosition(f)) - viewportPos;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance) {
            best = f;
            bestDistance = distance;
        }
    }
    return best;
}

QString CurveEditView::readout(int frame) const
{
    const double value = m_curves.value(m_id, frame);
    return tr("%1 s  ·  %2").arg(frameTime(frame), 0, 'f', 3).arg(descriptor(m_id).formatValue(value));
}

void CurveEditView::refresh()
{
    const int frames = m_curves.frameCount();
    // The selected curve, in its unit; pitch breaks into voiced stretches.
    const DescriptorId id = m_id;
    const auto runs = runsOf(m_curves.curve(id), [id](double v) { return toDisplay(id, v); });
    ensurePool(m_segments, std::max<qsizetype>(runs.size(), 1), activeAxis());
    showRuns(m_segments, runs);

    for (const auto other : kAllDescriptors) {
        auto &pool = m_background[std::size_t(other)];
        if (other == id || frames == 0) {
            showRuns(pool, {});
            continue;
        }
        const auto &info = descriptor(other);
        const auto backgroundRuns = runsOf(m_curves.curve(other), [&info](double v) { return info.toNormalized(v); });
        ensurePool(pool, backgroundRuns.size(), m_backgroundAxis);
        showRuns(pool, backgroundRuns);
    }

    QList<QPointF> handles;
    for (const int f : handleFrames())
        handles.append(QPointF(frameTime(f), toDisplay(id, m_curves.value(id, f))));
    m_handles->replace(handles);
}

void CurveEditView::mousePressEvent(QMouseEvent *event)
{
    const int frame = event->button() == Qt::LeftButton ? handleAt(event->position()) : -1;
    if (frame < 0) {
        QChartView::mousePressEvent(event);
        return;
    }
    const QList<int> all = allHandleFrames(handleSpacing());
    const qsizetype at = all.indexOf(frame);
    m_drag.active = true;
    m_drag.centre = frame;
    m_drag.left = at > 0 ? all[at - 1] : frame;
    m_drag.right = at + 1 < all.size() ? all[at + 1] : frame;
    const auto values = m_curves.curve(m_id);
    m_drag.base.assign(values.begin(), values.end());
    setFocus(Qt::MouseFocusReason);
    viewport()->setCursor(Qt::ClosedHandCursor);
    Q_EMIT dragStarted(m_id);
    Q_EMIT readoutChanged(readout(frame));
    event->accept();
}

void CurveEditView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drag.active) {
        const int handle = handleAt(event->position());
        viewport()->setCursor(handle >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
        if (m_curves.frameCount() > 0) {
            const double t = valueAt(event->position()).x();
            const int frame = std::clamp(static_cast<int>(std::lround(t * grid::kFrameRate)), 0,
                                         m_curves.frameCount() - 1);
            Q_EMIT readoutChanged(readout(handle >= 0 ? handle : frame));
        }
        QChartView::mouseMoveEvent(event);
        return;
    }
    const double target = valueAt(event->position()).y();
    const double start = toDisplay(m_id, m_drag.base[std::size_t(m_drag.centre)]);
    std::vector<float> values = m_drag.base;
    applyTent(values, m_id, m_drag.centre, m_drag.left, m_drag.right, target - start);
    Q_EMIT curveDragged(m_id, values);
    if (m_drag.active && m_curves.frameCount() == static_cast<int>(values.size()))
        Q_EMIT readoutChanged(tr("%1 s  ·  %2")
                                  .arg(frameTime(m_drag.centre), 0, 'f', 3)
                                  .arg(descriptor(m_id).formatValue(values[std::size_t(m_drag.centre)])));
    event->accept();
}

void CurveEditView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag.active && event->button() == Qt::LeftButton) {
        finishDrag(false);
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void CurveEditView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_drag.active) {
        m_zoomed = false;
        setTimeRange(0.0, frameTime(std::max(m_curves.frameCount() - 1, 1)));
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void CurveEditView::wheelEvent(QWheelEvent *event)
{
    const double steps = double(event->angleDelta().y()) / kWheelNotch;
    if (steps == 0.0 || m_curves.isEmpty()) {
        QChartView::wheelEvent(event);
        return;
    }
    const double t = std::clamp(valueAt(event->position()).x(), m_from, m_to);
    const double span = m_to - m_from;
    const double newSpan = span * std::pow(kWheelZoomFactor, -steps);
    const double from = t - (t - m_from) * newSpan / span;
    setTimeRange(from, from + newSpan);
    event->accept();
}

void CurveEditView::keyPressEvent(QKeyEvent *event)
{
    if (m_drag.active && event->key() == Qt::Key_Escape) {
        finishDrag(true);
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

void CurveEditView::leaveEvent(QEvent *event)
{
    if (!m_drag.active)
        Q_EMIT readoutChanged(QString());
    QChartView::leaveEvent(event);
}

void CurveEditView::abortDrag()
{
    if (!m_drag.active)
        return;
    m_drag = {};
    viewport()->setCursor(Qt::ArrowCursor);
    Q_EMIT dragFinished(m_id);
}

void CurveEditView::finishDrag(bool cancel)
{
    if (!m_drag.active)
        return;
    std::vector<float> base = std::move(m_drag.base);
    m_drag = {};
    viewport()->setCursor(Qt::ArrowCursor);
    if (cancel && static_cast<int>(base.size()) == m_curves.frameCount())
        Q_EMIT curveDragged(m_id, base);
    Q_EMIT dragFinished(m_id);
    fitValueRange(false);
    refresh();
}

} // namespace neurorack::studio
