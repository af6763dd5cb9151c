// SPDX-License-Identifier: GPL-3.0-or-later
#include "descriptormapview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QGraphicsEllipseItem>
#include <QGraphicsPolygonItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace neurorack::studio {

namespace {

/// The colour buckets, low to high: readable on the dark chart theme.
constexpr std::array<QRgb, DescriptorMapView::kColourBuckets> kBucketColours{
    0x3f51b5, 0x2196f3, 0x00bcd4, 0x4caf50, 0x8bc34a, 0xffeb3b, 0xff9800, 0xf44336};
constexpr int kSampleAlpha = 200;
constexpr QRgb kPresetOutline = 0xffffff;
constexpr double kPresetOutlineWidth = 1.8;
constexpr QRgb kCurrentColour = 0x00e5ff;
constexpr double kCurrentMarkerSize = 24.0;
constexpr QRgb kSelectionColour = 0xffff00;
constexpr double kSelectionMarkerSize = 22.0;
constexpr QRgb kMorphColour = 0xffff00;
constexpr double kMorphMarkerSize = 9.0;
constexpr QRgb kCvColour = 0xff1744;
constexpr double kCvMarkerSize = 18.0;
constexpr double kRingWidth = 2.5;
constexpr double kCvOutlineWidth = 1.5;
/// Above every series of the chart.
constexpr double kMarkerZ = 100.0;
/// Share of the data range added on both sides of a PCA axis.
constexpr double kPcaPadding = 0.05;
constexpr QSize kGradientSize{72, 12};
/// Light markers are rendered at this multiple of their size, for high-density screens.
constexpr double kMarkerOversample = 2.0;
constexpr double kUnitTickInterval = 0.2;
constexpr double kLoudnessTickInterval = 10.0;
/// Data ranges narrower than this are widened (PCA axes) or read as one colour.
constexpr double kDegenerateRange = 1e-9;
/// About how many ticks a PCA axis shows.
constexpr double kPcaTicks = 6.0;
constexpr int kMinorGridAlpha = 60;
constexpr int kComboMinimumWidth = 110;
constexpr QSize kMinimumSize{420, 320};

/// The round step (1, 2 or 5 times a power of ten) nearest above @p step.
double niceStep(double step)
{
    const double power = std::pow(10.0, std::floor(std::log10(step)));
    for (const double m : {1.0, 2.0, 5.0}) {
        if (m * power >= step)
            return m * power;
    }
    return 10.0 * power;
}

/// A round marker of @p size pixels, drawn at kMarkerOversample times the resolution.
QImage markerImage(double size, const QColor &fill, const QPen &outline)
{
    const int pixels = static_cast<int>(std::ceil(size * kMarkerOversample));
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(kMarkerOversample, kMarkerOversample);
    QPen pen = outline;
    const double inset = pen.style() == Qt::NoPen ? 0.0 : pen.widthF() / 2.0;
    painter.setPen(pen);
    painter.setBrush(fill);
    painter.drawEllipse(QRectF(inset, inset, size - 2.0 * inset, size - 2.0 * inset));
    return image;
}

bool isDescriptor(int choice)
{
    return choice >= 0 && choice < kDescriptorCount;
}

bool isLogarithmic(int choice)
{
    return isDescriptor(choice) && descriptorAt(choice).sliderScale == SliderScale::Logarithmic;
}

/// A ring of @p size pixels centred on the item's position, above the points.
QAbstractGraphicsShapeItem *makeRing(QChart *chart, double size, const QPen &pen)
{
    auto *ring = new QGraphicsEllipseItem(-size / 2.0, -size / 2.0, size, size, chart);
    ring->setPen(pen);
    ring->setBrush(Qt::NoBrush);
    ring->setZValue(kMarkerZ);
    ring->setAcceptedMouseButtons(Qt::NoButton);
    ring->setVisible(false);
    return ring;
}

/// A series of round points of @p size pixels, drawn as light markers: one pre-rendered
/// image painted by the series in one pass rather than one graphics item per point,
/// which is what keeps 10 000 points smooth.
QScatterSeries *makePointSeries(QChart *chart, double size, const QColor &fill, const QPen &outline)
{
    auto *series = new QScatterSeries(chart);
    series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    series->setMarkerSize(size);
    series->setBrush(fill);
    series->setPen(outline);
    series->setLightMarker(markerImage(size, fill, outline));
    series->setPointsVisible(false);
    chart->addSeries(series);
    return series;
}

} // namespace

double DescriptorMapView::AxisRange::position(double value) const
{
    if (logarithmic)
        return std::log(value / low) / std::log(high / low);
    return (value - low) / (high - low);
}

DescriptorMapView::DescriptorMapView(QWidget *parent)
    : QWidget(parent)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Samples under presets.
    for (std::size_t b = 0; b < std::size_t(kColourBuckets); ++b) {
        QColor colour = QColor::fromRgb(kBucketColours[b]);
        colour.setAlpha(kSampleAlpha);
        m_sampleSeries[b] = makePointSeries(chart, kSampleMarkerSize, colour, Qt::NoPen);
    }
    for (std::size_t b = 0; b < std::size_t(kColourBuckets); ++b) {
        m_presetSeries[b] = makePointSeries(chart, kPresetMarkerSize, QColor::fromRgb(kBucketColours[b]),
                                            QPen(QColor::fromRgb(kPresetOutline), kPresetOutlineWidth));
    }
    // The markers are plain graphics items over the plot, not series: moving one (the CV
    // marker follows the module) repaints its own few pixels, not the 10 000 points.
    m_currentItem = makeRing(chart, kCurrentMarkerSize, QPen(QColor::fromRgb(kCurrentColour), kRingWidth, Qt::DotLine));
    for (auto &ring : m_selectionItems)
        ring = makeRing(chart, kSelectionMarkerSize, QPen(QColor::fromRgb(kSelectionColour), kRingWidth));
    {
        const double h = kMorphMarkerSize / 2.0;
        auto *square = new QGraphicsRectItem(-h, -h, kMorphMarkerSize, kMorphMarkerSize, chart);
        square->setBrush(QColor::fromRgb(kMorphColour));
        square->setPen(QPen(Qt::black, 1.0));
        m_morphItem = square;
        const double r = kCvMarkerSize / 2.0;
        auto *triangle = new QGraphicsPolygonItem(QPolygonF{{-r, r * 0.8}, {r, r * 0.8}, {0.0, -r}}, chart);
        triangle->setBrush(QColor::fromRgb(kCvColour));
        triangle->setPen(QPen(Qt::white, kCvOutlineWidth));
        m_cvItem = triangle;
    }
    for (QAbstractGraphicsShapeItem *item : {m_morphItem, m_cvItem}) {
        item->setZValue(kMarkerZ + 1.0);
        item->setAcceptedMouseButtons(Qt::NoButton);
        item->setVisible(false);
    }
    m_chartView = new QChartView(chart, this);
    connect(chart, &QChart::plotAreaChanged, this, &DescriptorMapView::updateMarkers);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->viewport()->setMouseTracking(true);
    // Points move in bulk: an index of the scene's items would be rebuilt at every change.
    m_chartView->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_chartView->viewport()->installEventFilter(this);

    m_xCombo = new QComboBox(this);
    m_xCombo->setObjectName(QStringLiteral("xAxisCombo"));
    m_yCombo = new QComboBox(this);
    m_yCombo->setObjectName(QStringLiteral("yAxisCombo"));
    for (int choice = 0; choice < kAxisChoiceCount; ++choice) {
        m_xCombo->addItem(axisName(choice));
        m_yCombo->addItem(axisName(choice));
    }
    m_xCombo->setCurrentIndex(m_axisChoice[0]);
    m_yCombo->setCurrentIndex(m_axisChoice[1]);
    m_xCombo->setToolTip(tr("Horizontal axis"));
    m_yCombo->setToolTip(tr("Vertical axis"));
    m_colourCombo = new QComboBox(this);
    m_colourCombo->setObjectName(QStringLiteral("colourCombo"));
    for (const auto id : kAllDescriptors)
        m_colourCombo->addItem(descriptor(id).translatedName());
    m_colourCombo->setCurrentIndex(static_cast<int>(m_colourBy));
    m_colourCombo->setToolTip(tr("Descriptor that colours the points"));
    for (QComboBox *combo : {m_xCombo, m_yCombo, m_colourCombo})
        combo->setMinimumWidth(kComboMinimumWidth);
    connect(m_xCombo, &QComboBox::currentIndexChanged, this, &DescriptorMapView::setXAxis);
    connect(m_yCombo, &QComboBox::currentIndexChanged, this, &DescriptorMapView::setYAxis);
    connect(m_colourCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setColourBy(static_cast<DescriptorId>(index)); });

    m_morphSlider = new QSlider(Qt::Horizontal, this);
    m_morphSlider->setObjectName(QStringLiteral("morphSlider"));
    m_morphSlider->setRange(0, kMorphSteps);
    m_morphSlider->setValue(static_cast<int>(std::lround(kDefaultMorphAmount * kMorphSteps)));
    m_morphSlider->setToolTip(tr("Morph amount between the two selected points (Ctrl+click selects the second)"));
    m_morphLabel = new QLabel(this);
    connect(m_morphSlider, &QSlider::valueChanged, this, [this] {
        m_morphLabel->setText(tr("Morph %1 %").arg(m_morphSlider->value() * 100 / kMorphSteps));
        emitMorph();
    });
    m_morphLabel->setText(tr("Morph %1 %").arg(m_morphSlider->value() * 100 / kMorphSteps));

    m_gradient = new QLabel(this);
    QPixmap gradient(kGradientSize);
    {
        QPainter painter(&gradient);
        for (int b = 0; b < kColourBuckets; ++b) {
            const int x0 = b * kGradientSize.width() / kColourBuckets;
            const int x1 = (b + 1) * kGradientSize.width() / kColourBuckets;
            painter.fillRect(QRect(x0, 0, x1 - x0, kGradientSize.height()), QColor::fromRgb(kBucketColours[std::size_t(b)]));
        }
    }
    m_gradient->setPixmap(gradient);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("colourLegend"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("X:"), this));
    toolbar->addWidget(m_xCombo);
    toolbar->addWidget(new QLabel(tr("Y:"), this));
    toolbar->addWidget(m_yCombo);
    toolbar->addWidget(new QLabel(tr("Colour:"), this));
    toolbar->addWidget(m_colourCombo);
    toolbar->addStretch(1);
    toolbar->addWidget(m_morphLabel);
    toolbar->addWidget(m_morphSlider);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_gradient);
    footer->addWidget(m_legend);
    auto *hint = new QLabel(tr("Large dots: presets · small dots: samples · triangle: CV state. "
                               "Click plays; Ctrl+click a second point to morph."),
                            this);
    hint->setEnabled(false);
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    footer->addWidget(hint, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(toolbar);
    layout->addWidget(m_chartView, 1);
    layout->addLayout(footer);
    setMinimumSize(kMinimumSize);

    m_slotToPoint.fill(-1);
    rebuildPoints(); // no points yet: sets the ranges that the axes take
    replaceAxis(0);
    replaceAxis(1);
}

DescriptorMapView::~DescriptorMapView() = default;

QString DescriptorMapView::axisName(int choice)
{
    if (isDescriptor(choice))
        return descriptorAt(choice).translatedName();
    return tr("PCA %1").arg(choice - kPcaAxis1 + 1);
}

void DescriptorMapView::setBank(const Bank &bank)
{
    m_bank = bank;
    rebuildPoints();
}

void DescriptorMapView::setSamples(const QList<SampleEntry> &samples)
{
    m_samples = samples;
    m_pathToSample.clear();
    m_pathToSample.reserve(m_samples.size());
    for (qsizetype i = 0; i < m_samples.size(); ++i)
        m_pathToSample.insert(m_samples[i].path, static_cast<int>(i));
    rebuildPoints();
}

void DescriptorMapView::setSelectedSlot(int slot)
{
    m_selectedSlot = slot >= 0 && slot < Bank::kSlotCount ? slot : -1;
    updateMarkers();
}

void DescriptorMapView::setCvMarker(const DescriptorCurves &curves)
{
    m_cvPoint = MapPoint::summarize(curves);
    updateMarkers();
}

void DescriptorMapView::clearCvMarker()
{
    m_cvPoint.reset();
    updateMarkers();
}

void DescriptorMapView::setXAxis(int choice)
{
    setAxis(0, choice);
}

void DescriptorMapView::setYAxis(int choice)
{
    setAxis(1, choice);
}

void DescriptorMapView::setAxis(int dimension, int choice)
{
    if (choice < 0 || choice >= kAxisChoiceCount || choice == m_axisChoice[std::size_t(dimension)])
        return;
    m_axisChoice[std::size_t(dimension)] = choice;
    QComboBox *combo = dimension == 0 ? m_xCombo : m_yCombo;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(choice);
    // A logarithmic axis must never see the previous, possibly negative, values: the
    // series get their new values first. A linear axis takes any, so it comes first.
    computeLayout();
    if (isLogarithmic(choice)) {
        publishPoints();
        replaceAxis(dimension);
    } else {
        replaceAxis(dimension);
        publishPoints();
    }
    applyAxis(1 - dimension);
}

void DescriptorMapView::setColourBy(DescriptorId id)
{
    if (id == m_colourBy)
        return;
    m_colourBy = id;
    const QSignalBlocker blocker(m_colourCombo);
    m_colourCombo->setCurrentIndex(static_cast<int>(id));
    recolour();
    fillSeries();
}

void DescriptorMapView::setMorphAmount(double amount)
{
    m_morphSlider->setValue(static_cast<int>(std::lround(std::clamp(amount, 0.0, 1.0) * kMorphSteps)));
}

double DescriptorMapView::morphAmount() const
{
    return static_cast<double>(m_morphSlider->value()) / kMorphSteps;
}

std::optional<MapPoint> DescriptorMapView::summary(const PointRef &point) const
{
    const int index = indexOf(point);
    if (index < 0)
        return std::nullopt;
    return m_points[std::size_t(index)].summary;
}

std::optional<QPointF> DescriptorMapView::pointPosition(const PointRef &point) const
{
    const int index = indexOf(point);
    if (index < 0)
        return std::nullopt;
    const Point &p = m_points[std::size_t(index)];
    return viewportPosition(p.u, p.v);
}

std::optional<QPointF> DescriptorMapView::plotValue(const PointRef &point) const
{
    const int index = indexOf(point);
    if (index < 0)
        return std::nullopt;
    return m_points[std::size_t(index)].value;
}

std::optional<PointRef> DescriptorMapView::pointAt(const QPointF &viewportPos) const
{
    const auto index = hitTest(viewportPos);
    if (!index)
        return std::nullopt;
    return refOf(m_points[std::size_t(*index)]);
}

std::optional<QPointF> DescriptorMapView::cvMarkerValue() const
{
    if (!m_cvPoint)
        return std::nullopt;
    return plotOf(*m_cvPoint);
}

QList<PointRef> DescriptorMapView::morphSelection() const
{
    QList<PointRef> selection;
    if (m_first)
        selection.append(*m_first);
    if (m_second)
        selection.append(*m_second);
    return selection;
}

bool DescriptorMapView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_chartView->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseMove:
        // Handled here alone: the scene's own hover search over every marker is not needed.
        hover(static_cast<QMouseEvent *>(event)->position());
        return true;
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            click(mouse->position(), mouse->modifiers());
            return true;
        }
        break;
    }
    case QEvent::Leave:
        if (m_hovered) {
            m_hovered.reset();
            m_hoverText.clear();
            QToolTip::hideText();
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void DescriptorMapView::rebuildPoints()
{
    m_points.clear();
    m_points.reserve(std::size_t(m_bank.presetCount()) + std::size_t(m_samples.size()));
    m_slotToPoint.fill(-1);
    const QList<int> slots = m_bank.filledSlots();
    for (const int slot : slots) {
        m_slotToPoint[std::size_t(slot)] = static_cast<int>(m_points.size());
        m_points.push_back({PointRef::Kind::Preset, slot, MapPoint::summarize(m_bank.preset(slot)->curves)});
    }
    m_presetCount = static_cast<int>(m_points.size());
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        m_points.push_back({PointRef::Kind::Sample, static_cast<int>(i), m_samples[i].summary});
    }

    std::vector<MapPoint> summaries;
    summaries.reserve(m_points.size());
    for (const Point &p : m_points)
        summaries.push_back(p.summary);
    m_projection.fit(summaries);

    // A pair whose points left the map is dropped; one that stayed is re-measured.
    if ((m_first && indexOf(*m_first) < 0) || (m_second && indexOf(*m_second) < 0)) {
        m_first.reset();
        m_second.reset();
        m_morphPoint.reset();
    } else if (m_first && m_second) {
        m_morphPoint = MapPoint::summarize(DescriptorCurves::morph(curvesOf(m_points[std::size_t(indexOf(*m_first))]),
                                                                   curvesOf(m_points[std::size_t(indexOf(*m_second))]),
                                                                   morphAmount()));
    }
    m_hovered.reset();
    m_hoverText.clear();
    layoutPoints();
}

double DescriptorMapView::axisValue(int choice, const MapPoint &summary) const
{
    if (choice == kPcaAxis1)
        return m_projection.project(summary).x();
    if (choice == kPcaAxis2)
        return m_projection.project(summary).y();
    const Descriptor &d = descriptorAt(choice);
    double value = summary.value(d.id);
    if (std::isnan(value))
        value = d.neutral; // unvoiced pitch sits on the floor of the axis
    if (d.sliderScale == SliderScale::Logarithmic)
        value = std::max(value, d.sliderFloor);
    return d.clamp(value);
}

QPointF DescriptorMapView::plotOf(const MapPoint &summary) const
{
    return {axisValue(m_axisChoice[0], summary), axisValue(m_axisChoice[1], summary)};
}

void DescriptorMapView::replaceAxis(int dimension)
{
    QChart *chart = m_chartView->chart();
    if (QAbstractAxis *old = m_axes[std::size_t(dimension)]) {
        chart->removeAxis(old);
        delete old;
    }
    const int choice = m_axisChoice[std::size_t(dimension)];
    QAbstractAxis *axis = nullptr;
    if (isLogarithmic(choice)) {
        auto *log = new QLogValueAxis;
        log->setBase(10.0);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        // Ticks on round values: every 10 LUFS, every 0.2 of a 0..1 descriptor (applyAxis()).
        auto *linear = new QValueAxis;
        const bool unitless = isDescriptor(choice) && descriptorAt(choice).unitString().isEmpty();
        linear->setLabelFormat(isDescriptor(choice) && !unitless ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
        linear->setTickType(QValueAxis::TicksDynamic);
        linear->setTickAnchor(0.0);
        axis = linear;
    }
    QColor minorGrid = axis->minorGridLineColor();
    minorGrid.setAlpha(kMinorGridAlpha);
    axis->setMinorGridLineColor(minorGrid);
    m_axes[std::size_t(dimension)] = axis;
    applyAxis(dimension);
    chart->addAxis(axis, dimension == 0 ? Qt::AlignBottom : Qt::AlignLeft);
    const QList<QAbstractSeries *> series = chart->series();
    for (QAbstractSeries *s : series)
        s->attachAxis(axis);
}

void DescriptorMapView::applyAxis(int dimension)
{
    QAbstractAxis *axis = m_axes[std::size_t(dimension)];
    if (!axis)
        return;
    const int choice = m_axisChoice[std::size_t(dimension)];
    const AxisRange &range = m_ranges[std::size_t(dimension)];
    // The tick interval before the range, so that no moment has thousands of ticks.
    if (auto *linear = qobject_cast<QValueAxis *>(axis)) {
        if (!isDescriptor(choice))
            linear->setTickInterval(niceStep((range.high - range.low) / kPcaTicks));
        else
            linear->setTickInterval(descriptorAt(choice).unitString().isEmpty() ? kUnitTickInterval : kLoudnessTickInterval);
    }
    axis->setRange(range.low, range.high);
    if (isDescriptor(choice)) {
        const Descriptor &d = descriptorAt(choice);
        axis->setTitleText(d.unitString().isEmpty() ? d.translatedName() : tr("%1 (%2)").arg(d.translatedName(), d.unitString()));
        return;
    }
    const int component = choice - kPcaAxis1;
    axis->setTitleText(m_projection.isValid() ? tr("PCA %1 (%2 % of the variance)")
                                                    .arg(component + 1)
                                                    .arg(std::lround(100.0 * m_projection.varianceRatio(component)))
                                              : tr("PCA %1").arg(component + 1));
}

void DescriptorMapView::layoutPoints()
{
    computeLayout();
    publishPoints();
    applyAxis(0);
    applyAxis(1);
}

void DescriptorMapView::computeLayout()
{
    for (Point &p : m_points)
        p.value = plotOf(p.summary);

    for (int dimension = 0; dimension < 2; ++dimension) {
        const int choice = m_axisChoice[std::size_t(dimension)];
        AxisRange &range = m_ranges[std::size_t(dimension)];
        range.logarithmic = isLogarithmic(choice);
        if (isDescriptor(choice)) {
            // The whole valid range: the map does not shift when points come and go,
            // and the CV marker is always on it.
            const Descriptor &d = descriptorAt(choice);
            range.low = range.logarithmic ? d.sliderFloor : d.minimum;
            range.high = d.maximum;
            continue;
        }
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (const Point &p : m_points) {
            const double x = dimension == 0 ? p.value.x() : p.value.y();
            low = std::min(low, x);
            high = std::max(high, x);
        }
        if (!(high - low > kDegenerateRange)) {
            const double centre = std::isfinite(low) ? low : 0.0;
            low = centre - 1.0;
            high = centre + 1.0;
        }
        const double pad = (high - low) * kPcaPadding;
        range.low = low - pad;
        range.high = high + pad;
    }
    for (Point &p : m_points) {
        p.u = m_ranges[0].position(p.value.x());
        p.v = m_ranges[1].position(p.value.y());
    }
    recolour();
}

void DescriptorMapView::publishPoints()
{
    fillSeries();
    updateMarkers();
}

void DescriptorMapView::recolour()
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const Point &p : m_points) {
        const double x = p.summary.normalized(m_colourBy);
        low = std::min(low, x);
        high = std::max(high, x);
    }
    const bool spread = high - low > kDegenerateRange;
    for (Point &p : m_points) {
        const double t = spread ? (p.summary.normalized(m_colourBy) - low) / (high - low) : 0.5;
        p.bucket = std::clamp(static_cast<int>(t * kColourBuckets), 0, kColourBuckets - 1);
    }
    m_colourRange = {std::isfinite(low) ? low : 0.0, std::isfinite(high) ? high : 1.0};
    updateLegend();
}

void DescriptorMapView::updateLegend()
{
    const Descriptor &d = descriptor(m_colourBy);
    if (m_points.empty()) {
        m_legend->setText(tr("Colour: %1").arg(d.translatedName()));
        return;
    }
    m_legend->setText(tr("%1: %2 … %3")
                          .arg(d.translatedName(), d.formatValue(d.fromNormalized(m_colourRange[0])),
                               d.formatValue(d.fromNormalized(m_colourRange[1]))));
}

void DescriptorMapView::fillSeries()
{
    std::array<QList<QPointF>, kColourBuckets> presets;
    std::array<QList<QPointF>, kColourBuckets> samples;
    for (const Point &p : m_points)
        (p.kind == PointRef::Kind::Preset ? presets : samples)[std::size_t(p.bucket)].append(p.value);
    // In bulk, never point by point: one replace() per series, and none for a series
    // whose points did not change (a preset edit leaves the samples where they were).
    const auto publish = [](QScatterSeries *series, QList<QPointF> &shown, const QList<QPointF> &points) {
        if (points == shown)
            return;
        series->replace(points);
        shown = points;
    };
    for (std::size_t b = 0; b < std::size_t(kColourBuckets); ++b) {
        publish(m_presetSeries[b], m_shownPresets[b], presets[b]);
        publish(m_sampleSeries[b], m_shownSamples[b], samples[b]);
    }
}

void DescriptorMapView::updateMarkers()
{
    const QRectF plot = m_chartView->chart()->plotArea();
    // Shows @p item at @p value on the current axes, or hides it when off the plot.
    const auto place = [&](QGraphicsItem *item, std::optional<QPointF> value) {
        if (!value) {
            item->setVisible(false);
            return;
        }
        const double u = m_ranges[0].position(value->x());
        const double v = m_ranges[1].position(value->y());
        const bool inside = u >= 0.0 && u <= 1.0 && v >= 0.0 && v <= 1.0;
        item->setVisible(inside);
        if (inside)
            item->setPos(plot.left() + u * plot.width(), plot.bottom() - v * plot.height());
    };
    const auto valueOf = [&](const std::optional<PointRef> &ref) -> std::optional<QPointF> {
        const int index = ref ? indexOf(*ref) : -1;
        if (index < 0)
            return std::nullopt;
        return m_points[std::size_t(index)].value;
    };
    place(m_currentItem, valueOf(m_selectedSlot >= 0 ? std::optional<PointRef>(PointRef::preset(m_selectedSlot)) : std::nullopt));
    place(m_selectionItems[0], valueOf(m_first));
    place(m_selectionItems[1], valueOf(m_second));
    place(m_morphItem, m_morphPoint ? std::optional<QPointF>(plotOf(*m_morphPoint)) : std::nullopt);
    place(m_cvItem, cvMarkerValue());
}

std::optional<QPointF> DescriptorMapView::cvMarkerPosition() const
{
    if (!m_cvItem->isVisible())
        return std::nullopt;
    return m_chartView->viewportTransform().map(m_chartView->chart()->mapToScene(m_cvItem->pos()));
}

int DescriptorMapView::indexOf(const PointRef &point) const
{
    if (point.kind == PointRef::Kind::Preset)
        return point.slot >= 0 && point.slot < Bank::kSlotCount ? m_slotToPoint[std::size_t(point.slot)] : -1;
    const int sample = m_pathToSample.value(point.path, -1);
    return sample < 0 ? -1 : m_presetCount + sample;
}

PointRef DescriptorMapView::refOf(const Point &point) const
{
    if (point.kind == PointRef::Kind::Preset)
        return PointRef::preset(point.index);
    return PointRef::sample(m_samples[point.index].path);
}

QString DescriptorMapView::nameOf(const Point &point) const
{
    if (point.kind == PointRef::Kind::Preset)
        return m_bank.preset(point.index)->name;
    return m_samples[point.index].name;
}

const DescriptorCurves &DescriptorMapView::curvesOf(const Point &point) const
{
    if (point.kind == PointRef::Kind::Preset)
        return m_bank.preset(point.index)->curves;
    return m_samples[point.index].curves;
}

QString DescriptorMapView::describe(const Point &point) const
{
    QStringList lines;
    lines << nameOf(point);
    if (point.kind == PointRef::Kind::Preset)
        lines << tr("Preset in slot %1").arg(point.index); // numbered from 0, as in the bank list
    else
        lines << tr("Sample: %1").arg(QDir::toNativeSeparators(m_samples[point.index].path));
    for (const auto id : kAllDescriptors) {
        const Descriptor &d = descriptor(id);
        lines << tr("%1: %2").arg(d.translatedName(), d.formatValue(point.summary.value(id)));
    }
    return lines.join(QLatin1Char('\n'));
}

QPointF DescriptorMapView::viewportPosition(double u, double v) const
{
    const QChart *chart = m_chartView->chart();
    const QRectF plot = chart->plotArea();
    const QPointF inChart(plot.left() + u * plot.width(), plot.bottom() - v * plot.height());
    return m_chartView->viewportTransform().map(chart->mapToScene(inChart));
}

std::optional<int> DescriptorMapView::hitTest(const QPointF &viewportPos) const
{
    const QChart *chart = m_chartView->chart();
    const QRectF plot = chart->plotArea();
    if (plot.width() <= 0.0 || plot.height() <= 0.0)
        return std::nullopt;
    const QPointF c = chart->mapFromScene(m_chartView->viewportTransform().inverted().map(viewportPos));
    const double width = plot.width();
    const double height = plot.height();
    // Presets are drawn over samples, so a preset under the pointer wins.
    const auto nearest = [&](std::size_t from, std::size_t to, double radius) -> std::optional<int> {
        double best = radius * radius;
        std::optional<int> found;
        for (std::size_t i = from; i < to; ++i) {
            const Point &p = m_points[i];
            const double dx = plot.left() + p.u * width - c.x();
            const double dy = plot.bottom() - p.v * height - c.y();
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best) {
                best = d2;
                found = static_cast<int>(i);
            }
        }
        return found;
    };
    if (auto preset = nearest(0, std::size_t(m_presetCount), kPresetMarkerSize / 2.0 + kHitMargin))
        return preset;
    return nearest(std::size_t(m_presetCount), m_points.size(), kSampleMarkerSize / 2.0 + kHitMargin);
}

void DescriptorMapView::hover(const QPointF &viewportPos)
{
    const auto index = hitTest(viewportPos);
    if (index == m_hovered)
        return;
    m_hovered = index;
    if (!index) {
        m_hoverText.clear();
        QToolTip::hideText();
        return;
    }
    m_hoverText = describe(m_points[std::size_t(*index)]);
    QWidget *viewport = m_chartView->viewport();
    QToolTip::showText(viewport->mapToGlobal(viewportPos.toPoint()), m_hoverText, viewport);
}

void DescriptorMapView::click(const QPointF &viewportPos, Qt::KeyboardModifiers modifiers)
{
    const auto index = hitTest(viewportPos);
    const bool pairing = modifiers.testFlag(Qt::ControlModifier);
    if (!index) {
        if (!pairing) {
            m_first.reset();
            m_second.reset();
            m_morphPoint.reset();
            updateMarkers();
        }
        return;
    }
    const Point &point = m_points[std::size_t(*index)];
    const PointRef ref = refOf(point);
    if (pairing && m_first && ref != *m_first) {
        m_second = ref;
        emitMorph();
        return;
    }
    m_first = ref;
    m_second.reset();
    m_morphPoint.reset();
    updateMarkers();
    if (point.kind == PointRef::Kind::Preset)
        Q_EMIT presetActivated(point.index);
    else
        Q_EMIT sampleActivated(m_samples[point.index].path);
}

void DescriptorMapView::emitMorph()
{
    if (!m_first || !m_second)
        return;
    const int a = indexOf(*m_first);
    const int b = indexOf(*m_second);
    if (a < 0 || b < 0)
        return;
    const double amount = morphAmount();
    const Point &first = m_points[std::size_t(a)];
    const Point &second = m_points[std::size_t(b)];
    const DescriptorCurves curves = DescriptorCurves::morph(curvesOf(first), curvesOf(second), amount);
    m_morphPoint = MapPoint::summarize(curves);
    updateMarkers();
    Q_EMIT morphRequested(curves, tr("Morph %1 → %2, %3 %").arg(nameOf(first), nameOf(second)).arg(std::lround(amount * 100.0)));
}

} // namespace neurorack::studio
