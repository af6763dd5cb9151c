// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor map: point summaries of known curves, the PCA on data with a known
// answer, the folder importer on real files (and a broken one), and the widget driven
// with the mouse as a musician would: axes, hover, click to play, Ctrl+click to morph.
#include "descriptormapview.h"
#include "mappoint.h"
#include "samplelibrary.h"

#include "audio/audiofile.h"
#include "model/factory.h"
#include "model/framegrid.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kImportTimeoutMs = 60000;

/// Curves of as many frames as @p loudness has, with the given loudness, brightness and
/// pitch (NaN = unvoiced), and fixed values for the rest.
DescriptorCurves makeCurves(const QList<double> &loudness, const QList<double> &brightness, const QList<double> &pitch)
{
    DescriptorCurves curves(static_cast<int>(loudness.size()));
    for (int i = 0; i < curves.frameCount(); ++i) {
        curves.setValue(DescriptorId::Loudness, i, float(loudness[i]));
        curves.setValue(DescriptorId::Brightness, i, float(brightness[i]));
        curves.setValue(DescriptorId::Pitch, i, float(pitch[i]));
        curves.setValue(DescriptorId::Percussivity, i, 0.25f);
        curves.setValue(DescriptorId::Noisiness, i, 0.5f);
        curves.setValue(DescriptorId::Tonality, i, 0.75f);
        curves.setValue(DescriptorId::Richness, i, 800.0f);
    }
    return curves;
}

/// Constant curves with the given per-descriptor values (pitch NaN = unvoiced).
DescriptorCurves constantCurves(const std::array<double, kDescriptorCount> &values, int frames = 40)
{
    DescriptorCurves curves(frames);
    for (const auto id : kAllDescriptors)
        for (int i = 0; i < frames; ++i)
            curves.setValue(id, i, float(values[std::size_t(id)]));
    return curves;
}

MapPoint pointFromNormalized(const std::array<double, kDescriptorCount> &positions)
{
    MapPoint p;
    for (const auto id : kAllDescriptors)
        p.setValue(id, descriptor(id).fromNormalized(positions[std::size_t(id)]));
    return p;
}

SampleEntry syntheticSample(const QString &name, const std::array<double, kDescriptorCount> &values)
{
    SampleEntry entry;
    entry.name = name;
    entry.path = QStringLiteral("/samples/%1.wav").arg(name);
    entry.curves = constantCurves(values);
    entry.duration = entry.curves.duration();
    entry.summary = MapPoint::summarize(entry.curves);
    return entry;
}

std::vector<float> sine(double hz, double seconds, double decayPerSecond = 6.0)
{
    std::vector<float> x(static_cast<std::size_t>(seconds * grid::kSampleRate));
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = double(i) / grid::kSampleRate;
        x[i] = float(0.5 * std::exp(-decayPerSecond * t) * std::sin(2.0 * std::numbers::pi * hz * t));
    }
    return x;
}

std::vector<float> noise(double seconds, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0.0f, 0.2f);
    std::vector<float> x(static_cast<std::size_t>(seconds * grid::kSampleRate));
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = g(rng) * float(std::exp(-8.0 * double(i) / grid::kSampleRate));
    return x;
}

/// Lets the chart lay itself out after a change (axes and plot area are updated by posted events).
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

QPoint toPoint(const QPointF &p)
{
    return QPoint(qRound(p.x()), qRound(p.y()));
}

} // namespace

class TestDescriptorMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void summarize_data();
    void summarize();
    void summarizeEmpty();
    void symmetricEigen();
    void pcaOnLine();
    void pcaOnPlane();
    void pcaDegenerate();

    void factoryBankPoints();
    void pointPositionMatchesChart();
    void axisSwitchMovesPoints_data();
    void axisSwitchMovesPoints();
    void colourByCombo();
    void hoverText();
    void clickPlays();
    void ctrlClickMorphs();
    void cvMarkerAndCurrentSlot();

    void importFolder();
    void importRefusals();
    void cancelImport();
    void screenshot();

private:
    void showMap(DescriptorMapView &view);
    Bank m_factory;
};

void TestDescriptorMap::initTestCase()
{
    auto bank = Factory::bank();
    QVERIFY2(bank.ok(), qPrintable(bank.errorString()));
    m_factory = bank.value();
    qRegisterMetaType<DescriptorCurves>(); // for QSignalSpy on morphRequested()
    QVERIFY(m_factory.presetCount() >= 4);
}

void TestDescriptorMap::showMap(DescriptorMapView &view)
{
    view.resize(960, 640);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    settle();
}

void TestDescriptorMap::summarize_data()
{
    QTest::addColumn<QList<double>>("loudness");
    QTest::addColumn<QList<double>>("brightness");
    QTest::addColumn<QList<double>>("pitch");
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("meanBrightness");
    QTest::addColumn<double>("medianPitch");

    QTest::addRow("constant") << QList<double>{-20, -20, -20} << QList<double>{1500, 1500, 1500} << QList<double>{440, 440, 440}
                              << -20.0 << 1500.0 << 440.0;
    // −30 dB is 20 dB under the peak: amplitude weight 0.1.
    QTest::addRow("loudness weighted") << QList<double>{-10, -30} << QList<double>{1000, 5000} << QList<double>{kNaN, kNaN}
                                       << -10.0 << (1000.0 + 0.1 * 5000.0) / 1.1 << kNaN;
    // −60 LUFS is 50 dB under the peak: not audible, so its 20 kHz does not count.
    QTest::addRow("inaudible tail") << QList<double>{-10, -10, -60} << QList<double>{2000, 4000, 20000}
                                    << QList<double>{100, kNaN, kNaN} << -10.0 << 3000.0 << 100.0;
    QTest::addRow("median of odd voiced") << QList<double>{-6, -6, -6, -6, -6} << QList<double>{500, 500, 500, 500, 500}
                                          << QList<double>{300, kNaN, 100, 200, kNaN} << -6.0 << 500.0 << 200.0;
    QTest::addRow("median of even voiced") << QList<double>{-6, -6, -6, -6} << QList<double>{500, 500, 500, 500}
                                           << QList<double>{400, 100, 300, 200} << -6.0 << 500.0 << 250.0;
    QTest::addRow("silence: plain mean") << QList<double>{-70, -70} << QList<double>{100, 300} << QList<double>{kNaN, kNaN}
                                         << -70.0 << 200.0 << kNaN;
}

void TestDescriptorMap::summarize()
{
    QFETCH(QList<double>, loudness);
    QFETCH(QList<double>, brightness);
    QFETCH(QList<double>, pitch);
    QFETCH(double, peak);
    QFETCH(double, meanBrightness);
    QFETCH(double, medianPitch);

    const MapPoint p = MapPoint::summarize(makeCurves(loudness, brightness, pitch));
    QCOMPARE(p.value(DescriptorId::Loudness), peak);
    QVERIFY2(std::abs(p.value(DescriptorId::Brightness) - meanBrightness) < 1e-3 * meanBrightness,
             qPrintable(QString::number(p.value(DescriptorId::Brightness))));
    // Descriptors that do not vary keep their value whatever the weights.
    QVERIFY(std::abs(p.value(DescriptorId::Percussivity) - 0.25) < 1e-6);
    QVERIFY(std::abs(p.value(DescriptorId::Tonality) - 0.75) < 1e-6);
    QVERIFY(std::abs(p.value(DescriptorId::Richness) - 800.0) < 1e-3);
    if (std::isnan(medianPitch)) {
        QVERIFY(!p.isVoiced());
        QCOMPARE(p.normalized(DescriptorId::Pitch), 0.0);
    } else {
        QVERIFY(p.isVoiced());
        QCOMPARE(p.value(DescriptorId::Pitch), medianPitch);
    }
}

void TestDescriptorMap::summarizeEmpty()
{
    const MapPoint p = MapPoint::summarize(DescriptorCurves());
    QVERIFY(!p.isVoiced());
    for (const auto id : kAllDescriptors) {
        if (id != DescriptorId::Pitch)
            QCOMPARE(p.value(id), descriptor(id).neutral);
    }
}

void TestDescriptorMap::symmetricEigen()
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    for (int trial = 0; trial < 20; ++trial) {
        Projection::Matrix m{};
        for (int i = 0; i < kDescriptorCount; ++i)
            for (int j = i; j < kDescriptorCount; ++j)
                m[i][j] = m[j][i] = u(rng);
        const auto eigen = Projection::symmetricEigen(m);
        for (int k = 1; k < kDescriptorCount; ++k)
            QVERIFY(eigen.values[k - 1] >= eigen.values[k]);
        // Orthonormal vectors, and M v = λ v for each.
        for (int a = 0; a < kDescriptorCount; ++a) {
            for (int b = 0; b < kDescriptorCount; ++b) {
                double dot = 0.0;
                for (int i = 0; i < kDescriptorCount; ++i)
                    dot += eigen.vectors[a][i] * eigen.vectors[b][i];
                QVERIFY(std::abs(dot - (a == b ? 1.0 : 0.0)) < 1e-9);
            }
            for (int i = 0; i < kDescriptorCount; ++i) {
                double mv = 0.0;
                for (int j = 0; j < kDescriptorCount; ++j)
                    mv += m[i][j] * eigen.vectors[a][j];
                QVERIFY2(std::abs(mv - eigen.values[a] * eigen.vectors[a][i]) < 1e-9, qPrintable(QString::number(trial)));
            }
        }
    }
    // A diagonal matrix: its diagonal, sorted.
    Projection::Matrix d{};
    const std::array<double, kDescriptorCount> diagonal{3, -1, 7, 0, 2, 5, 1};
    for (int i = 0; i < kDescriptorCount; ++i)
        d[i][i] = diagonal[std::size_t(i)];
    const auto eigen = Projection::symmetricEigen(d);
    QCOMPARE(eigen.values[0], 7.0);
    QCOMPARE(eigen.values[1], 5.0);
    QCOMPARE(eigen.values[6], -1.0);
    QCOMPARE(std::abs(eigen.vectors[0][2]), 1.0);
}

void TestDescriptorMap::pcaOnLine()
{
    // Points on a line in slider space: percussivity rises as noisiness falls; the rest
    // is constant, and unvoiced pitch adds nothing. All the variance is on PC 1.
    std::vector<MapPoint> points;
    for (int i = 0; i <= 20; ++i) {
        const double t = i / 20.0;
        MapPoint p = pointFromNormalized({0.6, t, 1.0 - t, 0.3, 0.5, 0.5, 0.4});
        if (i % 3 == 0)
            p.setValue(DescriptorId::Pitch, kNaN);
        else
            p.setValue(DescriptorId::Pitch, 220.0);
        points.push_back(p);
    }
    Projection projection;
    projection.fit(points);
    QVERIFY(projection.isValid());
    QVERIFY(std::abs(projection.variance(0) - 2.0) < 1e-9); // two standardised descriptors, perfectly correlated
    QVERIFY(projection.variance(1) < 1e-9);
    QVERIFY(std::abs(projection.varianceRatio(0) - 1.0) < 1e-9);
    const auto &pc1 = projection.component(0);
    const double h = 1.0 / std::sqrt(2.0);
    // Sign convention: the first of the two equal largest loadings is positive.
    QVERIFY(std::abs(pc1[1] - h) < 1e-9);
    QVERIFY(std::abs(pc1[2] + h) < 1e-9);
    for (const int d : {0, 3, 4, 5, 6})
        QVERIFY(std::abs(pc1[std::size_t(d)]) < 1e-9);
    // Projections rise along the line, stay on the axis, and their variance is PC 1's.
    double previous = -1e9;
    double sum = 0.0;
    double squares = 0.0;
    for (const MapPoint &p : points) {
        const QPointF xy = projection.project(p);
        QVERIFY(xy.x() > previous);
        QVERIFY(std::abs(xy.y()) < 1e-9);
        previous = xy.x();
        sum += xy.x();
        squares += xy.x() * xy.x();
    }
    const double n = double(points.size());
    QVERIFY(std::abs(sum / n) < 1e-9);
    QVERIFY(std::abs(squares / n - projection.variance(0)) < 1e-9);
}

void TestDescriptorMap::pcaOnPlane()
{
    // Tonality and brightness move together (plus a little noise), richness on its own:
    // PC 1 ≈ the pair (variance ≈ 2), PC 2 ≈ richness (variance ≈ 1).
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(0.1, 0.9);
    std::normal_distribution<double> wobble(0.0, 0.005);
    std::vector<MapPoint> points;
    for (int i = 0; i < 400; ++i) {
        const double s = u(rng);
        points.push_back(pointFromNormalized({0.5, 0.5, 0.5, s, u(rng), s + wobble(rng), 0.5}));
    }
    Projection projection;
    projection.fit(points);
    QVERIFY(std::abs(projection.variance(0) - 2.0) < 0.02);
    QVERIFY(std::abs(projection.variance(1) - 1.0) < 0.1);
    QVERIFY(std::abs(projection.varianceRatio(0) - 2.0 / 3.0) < 0.02);
    const auto &pc1 = projection.component(0);
    const auto &pc2 = projection.component(1);
    QVERIFY(std::abs(std::abs(pc1[3]) - std::sqrt(0.5)) < 0.01);
    QVERIFY(std::abs(std::abs(pc1[5]) - std::sqrt(0.5)) < 0.01);
    QVERIFY(pc2[4] > 0.99); // signed so that the largest loading is positive

    // The same data in another order give the same picture.
    std::vector<MapPoint> reversed(points.rbegin(), points.rend());
    Projection again;
    again.fit(reversed);
    for (int d = 0; d < kDescriptorCount; ++d) {
        QVERIFY(std::abs(again.component(0)[std::size_t(d)] - pc1[std::size_t(d)]) < 1e-9);
        QVERIFY(std::abs(again.component(1)[std::size_t(d)] - pc2[std::size_t(d)]) < 1e-9);
    }
}

void TestDescriptorMap::pcaDegenerate()
{
    Projection projection;
    const std::vector<MapPoint> one{pointFromNormalized({0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7})};
    projection.fit(one);
    QVERIFY(!projection.isValid());
    QCOMPARE(projection.project(one.front()), QPointF());
    // Identical points: valid, but every point at the origin.
    const std::vector<MapPoint> same(5, one.front());
    projection.fit(same);
    QVERIFY(projection.isValid());
    QCOMPARE(projection.project(one.front()), QPointF());
    QCOMPARE(projection.varianceRatio(0), 0.0);
}

void TestDescriptorMap::factoryBankPoints()
{
    DescriptorMapView view;
    showMap(view);
    QCOMPARE(view.presetPointCount(), 0);
    view.setBank(m_factory);
    settle();
    QCOMPARE(view.presetPointCount(), m_factory.presetCount());
    QCOMPARE(view.samplePointCount(), 0);
    QChart *chart = view.chartView()->chart();
    const QRectF plotInViewport = view.chartView()->viewportTransform().mapRect(chart->mapRectToScene(chart->plotArea()));
    const QList<int> slots = m_factory.filledSlots();
    for (const int slot : slots) {
        const auto summary = view.summary(PointRef::preset(slot));
        QVERIFY(summary);
        QCOMPARE(summary->value(DescriptorId::Loudness), MapPoint::summarize(m_factory.preset(slot)->curves).value(DescriptorId::Loudness));
        const auto pos = view.pointPosition(PointRef::preset(slot));
        QVERIFY(pos);
        QVERIFY2(plotInViewport.adjusted(-1, -1, 1, 1).contains(*pos), qPrintable(m_factory.preset(slot)->name));
    }
    // An edited preset moves: louder is further right on a loudness axis.
    view.setXAxis(int(DescriptorId::Loudness));
    Bank edited = m_factory;
    Preset preset = *edited.preset(slots.first());
    preset.curves.applyOffsetScale(DescriptorId::Loudness, -6.0, 1.0);
    edited.setPreset(slots.first(), preset);
    const double before = view.plotValue(PointRef::preset(slots.first()))->x();
    view.setBank(edited);
    QVERIFY(std::abs(view.plotValue(PointRef::preset(slots.first()))->x() - (before - 6.0)) < 1e-3);

    // An empty slot is not on the map.
    Bank smaller = m_factory;
    smaller.clearSlot(slots.first());
    view.setBank(smaller);
    QCOMPARE(view.presetPointCount(), m_factory.presetCount() - 1);
    QVERIFY(!view.pointPosition(PointRef::preset(slots.first())));
}

void TestDescriptorMap::pointPositionMatchesChart()
{
    // pointPosition() and the hit test must agree with where Qt Charts draws the points.
    DescriptorMapView view;
    view.setBank(m_factory);
    showMap(view);
    QChart *chart = view.chartView()->chart();
    QAbstractSeries *series = chart->series().first();
    for (const int x : {int(DescriptorId::Brightness), int(DescriptorId::Loudness), DescriptorMapView::kPcaAxis1}) {
        view.setXAxis(x);
        settle();
        const QList<int> slots = m_factory.filledSlots();
        for (const int slot : slots) {
            const QPointF value = *view.plotValue(PointRef::preset(slot));
            const QPointF drawn = view.chartView()->viewportTransform().map(chart->mapToScene(chart->mapToPosition(value, series)));
            const QPointF ours = *view.pointPosition(PointRef::preset(slot));
            QVERIFY2(QLineF(drawn, ours).length() < 0.5,
                     qPrintable(QStringLiteral("%1: (%2, %3) vs (%4, %5)").arg(x).arg(drawn.x()).arg(drawn.y()).arg(ours.x()).arg(ours.y())));
        }
    }
}

void TestDescriptorMap::axisSwitchMovesPoints_data()
{
    QTest::addColumn<int>("choice");
    QTest::addRow("loudness") << int(DescriptorId::Loudness);
    QTest::addRow("pitch") << int(DescriptorId::Pitch);
    QTest::addRow("tonality") << int(DescriptorId::Tonality);
    QTest::addRow("pca 1") << DescriptorMapView::kPcaAxis1;
    QTest::addRow("pca 2") << DescriptorMapView::kPcaAxis2;
}

void TestDescriptorMap::axisSwitchMovesPoints()
{
    QFETCH(int, choice);
    DescriptorMapView view;
    view.setBank(m_factory);
    showMap(view);
    QCOMPARE(view.xAxis(), int(DescriptorId::Brightness));
    QCOMPARE(view.yAxis(), int(DescriptorId::Noisiness));
    const QList<int> slots = m_factory.filledSlots();
    QList<QPointF> before;
    QList<QPointF> beforeValues;
    for (const int slot : slots) {
        before << *view.pointPosition(PointRef::preset(slot));
        beforeValues << *view.plotValue(PointRef::preset(slot));
    }
    // Through the combo, as a user would.
    auto *combo = view.findChild<QComboBox *>(QStringLiteral("xAxisCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), DescriptorMapView::kAxisChoiceCount);
    combo->setCurrentIndex(choice);
    QCOMPARE(view.xAxis(), choice);
    settle();
    int moved = 0;
    for (qsizetype i = 0; i < slots.size(); ++i) {
        const PointRef ref = PointRef::preset(slots[i]);
        const QPointF value = *view.plotValue(ref);
        const MapPoint summary = *view.summary(ref);
        double expected = 0.0;
        if (choice == DescriptorMapView::kPcaAxis1)
            expected = view.projection().project(summary).x();
        else if (choice == DescriptorMapView::kPcaAxis2)
            expected = view.projection().project(summary).y();
        else if (choice == int(DescriptorId::Pitch) && !summary.isVoiced())
            expected = descriptor(DescriptorId::Pitch).minimum; // unvoiced: on the floor
        else
            expected = summary.value(static_cast<DescriptorId>(choice));
        QCOMPARE(value.x(), expected);
        QCOMPARE(value.y(), beforeValues[i].y()); // the other axis is untouched
        if (std::abs(view.pointPosition(ref)->x() - before[i].x()) > 1.0)
            ++moved;
    }
    QVERIFY2(moved >= slots.size() / 2, qPrintable(QString::number(moved)));
    QVERIFY(view.chartView()->chart()->axes(Qt::Horizontal).first()->titleText().startsWith(DescriptorMapView::axisName(choice)));
}

void TestDescriptorMap::colourByCombo()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    auto *combo = view.findChild<QComboBox *>(QStringLiteral("colourCombo"));
    auto *legend = view.findChild<QLabel *>(QStringLiteral("colourLegend"));
    QVERIFY(combo && legend);
    combo->setCurrentIndex(int(DescriptorId::Brightness));
    QCOMPARE(view.colourBy(), DescriptorId::Brightness);
    QVERIFY(legend->text().startsWith(descriptor(DescriptorId::Brightness).translatedName()));
    QVERIFY(legend->text().contains(QStringLiteral("Hz")));
    // Every point is in exactly one colour series, whatever colours them.
    int total = 0;
    const QList<QAbstractSeries *> series = view.chartView()->chart()->series();
    for (QAbstractSeries *s : series) {
        auto *scatter = qobject_cast<QScatterSeries *>(s);
        if (scatter->markerSize() == DescriptorMapView::kPresetMarkerSize)
            total += scatter->count();
    }
    QCOMPARE(total, m_factory.presetCount());
}

void TestDescriptorMap::hoverText()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    showMap(view);
    QWidget *viewport = view.chartView()->viewport();
    const int slot = m_factory.filledSlots().first();
    const QPointF pos = *view.pointPosition(PointRef::preset(slot));
    const auto hit = view.pointAt(pos); // this preset, or one drawn over it
    QVERIFY(hit && hit->kind == PointRef::Kind::Preset);
    QTest::mouseMove(viewport, toPoint(pos));
    settle();
    const QString text = view.hoverText();
    QVERIFY2(!text.isEmpty(), "no hover text over a preset");
    const Preset *preset = m_factory.preset(hit->slot);
    QVERIFY(text.startsWith(preset->name));
    const MapPoint summary = *view.summary(*hit);
    for (const auto id : kAllDescriptors) {
        const Descriptor &d = descriptor(id);
        QVERIFY2(text.contains(d.translatedName() + QStringLiteral(": ") + d.formatValue(summary.value(id))), qPrintable(text));
    }
    // Off every point: no text.
    QTest::mouseMove(viewport, QPoint(2, 2));
    settle();
    QVERIFY(view.hoverText().isEmpty());
}

void TestDescriptorMap::clickPlays()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    // A sample far from every preset: bright and noisy, top right.
    const SampleEntry corner = syntheticSample(QStringLiteral("hiss"), {-12, 0.1, 0.98, 0.05, 9000, 20000, kNaN});
    view.setSamples({corner});
    showMap(view);
    QCOMPARE(view.samplePointCount(), 1);
    QSignalSpy presets(&view, &DescriptorMapView::presetActivated);
    QSignalSpy samples(&view, &DescriptorMapView::sampleActivated);
    QWidget *viewport = view.chartView()->viewport();

    const QList<int> slots = m_factory.filledSlots();
    int clicked = -1;
    for (const int slot : slots) {
        const QPointF pos = *view.pointPosition(PointRef::preset(slot));
        if (view.pointAt(pos) == PointRef::preset(slot)) { // not hidden under another preset
            clicked = slot;
            QTest::mouseClick(viewport, Qt::LeftButton, {}, toPoint(pos));
            break;
        }
    }
    QVERIFY(clicked >= 0);
    QCOMPARE(presets.count(), 1);
    QCOMPARE(presets.first().first().toInt(), clicked);
    QCOMPARE(view.morphSelection(), QList<PointRef>{PointRef::preset(clicked)});

    QTest::mouseClick(viewport, Qt::LeftButton, {}, toPoint(*view.pointPosition(PointRef::sample(corner.path))));
    QCOMPARE(samples.count(), 1);
    QCOMPARE(samples.first().first().toString(), corner.path);
    QCOMPARE(presets.count(), 1);

    // Empty space: nothing plays and the selection is cleared.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, QPoint(3, 3));
    QCOMPARE(presets.count() + samples.count(), 2);
    QVERIFY(view.morphSelection().isEmpty());
}

void TestDescriptorMap::ctrlClickMorphs()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    showMap(view);
    QWidget *viewport = view.chartView()->viewport();
    QSignalSpy morphs(&view, &DescriptorMapView::morphRequested);
    QSignalSpy presets(&view, &DescriptorMapView::presetActivated);

    // Two presets that the pointer can reach, far apart.
    QList<int> reachable;
    const QList<int> slots = m_factory.filledSlots();
    for (const int slot : slots) {
        if (view.pointAt(*view.pointPosition(PointRef::preset(slot))) == PointRef::preset(slot))
            reachable << slot;
    }
    QVERIFY(reachable.size() >= 2);
    const int a = reachable.first();
    int b = reachable.last();
    double farthest = 0.0;
    for (const int slot : reachable) {
        const double distance = QLineF(*view.pointPosition(PointRef::preset(a)), *view.pointPosition(PointRef::preset(slot))).length();
        if (distance > farthest) {
            farthest = distance;
            b = slot;
        }
    }
    QCOMPARE(view.morphAmount(), DescriptorMapView::kDefaultMorphAmount);

    QTest::mouseClick(viewport, Qt::LeftButton, {}, toPoint(*view.pointPosition(PointRef::preset(a))));
    QCOMPARE(morphs.count(), 0);
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, toPoint(*view.pointPosition(PointRef::preset(b))));
    QCOMPARE(presets.count(), 1); // the Ctrl+click does not play the second point alone
    QCOMPARE(morphs.count(), 1);
    const auto &curvesA = m_factory.preset(a)->curves;
    const auto &curvesB = m_factory.preset(b)->curves;
    QCOMPARE(morphs.first().at(0).value<DescriptorCurves>(), DescriptorCurves::morph(curvesA, curvesB, 0.5));
    const QString title = morphs.first().at(1).toString();
    QVERIFY2(title.contains(m_factory.preset(a)->name) && title.contains(m_factory.preset(b)->name), qPrintable(title));
    QCOMPARE(view.morphSelection(), (QList<PointRef>{PointRef::preset(a), PointRef::preset(b)}));

    // The slider re-auditions the pair at its amount.
    auto *slider = view.findChild<QSlider *>(QStringLiteral("morphSlider"));
    QVERIFY(slider);
    slider->setValue(slider->maximum() / 4);
    QCOMPARE(morphs.count(), 2);
    QCOMPARE(morphs.last().at(0).value<DescriptorCurves>(), DescriptorCurves::morph(curvesA, curvesB, 0.25));
    QVERIFY(morphs.last().at(0).value<DescriptorCurves>() != morphs.first().at(0).value<DescriptorCurves>());

    // A plain click starts a new pair: no morph until a second Ctrl+click.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, toPoint(*view.pointPosition(PointRef::preset(b))));
    QCOMPARE(presets.count(), 2);
    slider->setValue(slider->maximum());
    QCOMPARE(morphs.count(), 2);
    QCOMPARE(view.morphSelection(), QList<PointRef>{PointRef::preset(b)});
}

void TestDescriptorMap::cvMarkerAndCurrentSlot()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    showMap(view);
    QVERIFY(!view.hasCvMarker());
    QVERIFY(!view.cvMarkerValue());
    const int slot = m_factory.filledSlots().at(1);
    view.setCvMarker(m_factory.preset(slot)->curves);
    QVERIFY(view.hasCvMarker());
    QCOMPARE(*view.cvMarkerValue(), *view.plotValue(PointRef::preset(slot)));
    QVERIFY(view.cvMarkerPosition());
    QVERIFY(QLineF(*view.cvMarkerPosition(), *view.pointPosition(PointRef::preset(slot))).length() < 0.5);
    // It stays on its point when the widget is resized.
    view.resize(700, 500);
    settle();
    QVERIFY(QLineF(*view.cvMarkerPosition(), *view.pointPosition(PointRef::preset(slot))).length() < 0.5);
    // The marker follows the axes.
    view.setYAxis(DescriptorMapView::kPcaAxis2);
    QCOMPARE(*view.cvMarkerValue(), *view.plotValue(PointRef::preset(slot)));
    // A CV state brighter than the preset moves the marker right on the brightness axis.
    DescriptorCurves brighter = m_factory.preset(slot)->curves;
    brighter.applyOffsetScale(DescriptorId::Brightness, 0.0, 1.5);
    view.setCvMarker(brighter);
    QVERIFY(view.cvMarkerValue()->x() > view.plotValue(PointRef::preset(slot))->x());
    view.clearCvMarker();
    QVERIFY(!view.hasCvMarker());
    QVERIFY(!view.cvMarkerPosition());

    view.setSelectedSlot(slot);
    QCOMPARE(view.selectedSlot(), slot);
    view.setSelectedSlot(Bank::kSlotCount);
    QCOMPARE(view.selectedSlot(), -1);
}

void TestDescriptorMap::importFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("deeper/still")));
    struct File {
        QString name;
        std::vector<float> samples;
    };
    const QList<File> files{
        {QStringLiteral("low.wav"), sine(110.0, 0.6)},
        {QStringLiteral("mid.flac"), sine(440.0, 0.6)},
        {QStringLiteral("deeper/high.wav"), sine(1760.0, 0.6)},
        {QStringLiteral("deeper/still/hiss.wav"), noise(0.5, 3)},
    };
    for (const File &file : files)
        QVERIFY2(AudioFile::write(dir.filePath(file.name), file.samples).isEmpty(), qPrintable(file.name));
    {
        QFile broken(dir.filePath(QStringLiteral("deeper/broken.wav")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("RIFF\x10\x00\x00\x00WAVEjunk that is not audio at all");
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an audio file, not even looked at");
    }

    SampleLibrary library;
    QSignalSpy finished(&library, &SampleLibrary::finished);
    QSignalSpy progress(&library, &SampleLibrary::progress);
    QSignalSpy failed(&library, &SampleLibrary::failed);
    QVERIFY(library.importFolder(dir.path()));
    QVERIFY(library.isRunning());
    QVERIFY(!library.importFolder(dir.path())); // one import at a time
    QCOMPARE(failed.count(), 1);
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!library.isRunning());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 5);
    QCOMPARE(progress.last().at(1).toInt(), 5);

    QCOMPARE(library.samples().size(), 4);
    QCOMPARE(library.errors().size(), 1);
    QCOMPARE(library.errors().first().path, dir.filePath(QStringLiteral("deeper/broken.wav")));
    QVERIFY(library.errors().first().message.contains(QStringLiteral("broken.wav")));
    QCOMPARE(library.folder(), QFileInfo(dir.path()).absoluteFilePath());

    QHash<QString, SampleEntry> byName;
    QStringList paths;
    for (const SampleEntry &entry : library.samples()) {
        byName.insert(entry.name, entry);
        paths << entry.path;
        QCOMPARE(entry.summary.value(DescriptorId::Loudness), MapPoint::summarize(entry.curves).value(DescriptorId::Loudness));
        QCOMPARE(entry.curves.frameCount(), grid::framesForDuration(entry.duration));
    }
    QStringList sorted = paths;
    sorted.sort();
    QCOMPARE(paths, sorted);
    QCOMPARE(byName.size(), 4);
    const auto pitchOf = [&](const QString &name) { return byName.value(name).summary.value(DescriptorId::Pitch); };
    QVERIFY2(std::abs(pitchOf(QStringLiteral("low")) / 110.0 - 1.0) < 0.02, qPrintable(QString::number(pitchOf(QStringLiteral("low")))));
    QVERIFY2(std::abs(pitchOf(QStringLiteral("mid")) / 440.0 - 1.0) < 0.02, qPrintable(QString::number(pitchOf(QStringLiteral("mid")))));
    QVERIFY2(std::abs(pitchOf(QStringLiteral("high")) / 1760.0 - 1.0) < 0.02, qPrintable(QString::number(pitchOf(QStringLiteral("high")))));
    const auto brightnessOf = [&](const QString &name) { return byName.value(name).summary.value(DescriptorId::Brightness); };
    QVERIFY(brightnessOf(QStringLiteral("low")) < brightnessOf(QStringLiteral("mid")));
    QVERIFY(brightnessOf(QStringLiteral("mid")) < brightnessOf(QStringLiteral("high")));
    QVERIFY(byName.value(QStringLiteral("hiss")).summary.value(DescriptorId::Noisiness)
            > 2.0 * byName.value(QStringLiteral("mid")).summary.value(DescriptorId::Noisiness));

    // On the map: one point per sample; a click on one plays that file.
    DescriptorMapView view;
    view.setBank(m_factory);
    view.setSamples(library.samples());
    QCOMPARE(view.samplePointCount(), 4);
    view.setXAxis(int(DescriptorId::Pitch));
    view.setYAxis(int(DescriptorId::Noisiness));
    showMap(view);
    QSignalSpy activated(&view, &DescriptorMapView::sampleActivated);
    const QString high = byName.value(QStringLiteral("high")).path;
    const QPointF pos = *view.pointPosition(PointRef::sample(high));
    QVERIFY(view.pointAt(pos) == PointRef::sample(high));
    QTest::mouseClick(view.chartView()->viewport(), Qt::LeftButton, {}, toPoint(pos));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), high);
    QVERIFY(library.clear());
    QVERIFY(library.samples().isEmpty());
    QCOMPARE(view.samplePointCount(), 4); // the view keeps its (shared) copy
}

void TestDescriptorMap::importRefusals()
{
    SampleLibrary library;
    QSignalSpy failed(&library, &SampleLibrary::failed);
    QSignalSpy finished(&library, &SampleLibrary::finished);
    QVERIFY(!library.importFolder(QStringLiteral("/no/such/folder")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("/no/such/folder")));

    // More audio files than the map takes: refused before any is read (they are empty).
    QTemporaryDir dir;
    for (int i = 0; i <= SampleLibrary::kMaxFiles; ++i) {
        QFile file(dir.filePath(QStringLiteral("s%1.wav").arg(i, 5, 10, QLatin1Char('0'))));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(library.importFolder(dir.path()));
    QVERIFY(failed.wait(kImportTimeoutMs));
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.last().first().toString().contains(QString::number(SampleLibrary::kMaxFiles)));
    QCOMPARE(finished.count(), 0);
    QVERIFY(!library.isRunning());
    QVERIFY(library.samples().isEmpty());
}

void TestDescriptorMap::cancelImport()
{
    QTemporaryDir dir;
    const std::vector<float> tone = sine(330.0, 0.25);
    QVERIFY(AudioFile::write(dir.filePath(QStringLiteral("keep.wav")), tone).isEmpty());
    SampleLibrary library;
    QSignalSpy finished(&library, &SampleLibrary::finished);
    QVERIFY(library.importFolder(dir.path()));
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(library.samples().size(), 1);

    QTemporaryDir big;
    constexpr int kFiles = 300;
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(AudioFile::write(big.filePath(QStringLiteral("t%1.wav").arg(i, 3, 10, QLatin1Char('0'))), tone).isEmpty());
    QSignalSpy progress(&library, &SampleLibrary::progress);
    QVERIFY(library.importFolder(big.path()));
    library.cancel();
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().first().toBool(), true);
    // A cancelled import leaves the previous results as they were.
    QCOMPARE(library.samples().size(), 1);
    QCOMPARE(library.samples().first().name, QStringLiteral("keep"));
    QCOMPARE(library.folder(), QFileInfo(dir.path()).absoluteFilePath());
    if (!progress.isEmpty())
        QVERIFY(progress.last().at(0).toInt() < kFiles); // stopped early

    // And the library can import again.
    QVERIFY(library.importFolder(big.path()));
    QVERIFY(finished.wait(kImportTimeoutMs));
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(library.samples().size(), kFiles);
}

void TestDescriptorMap::screenshot()
{
    DescriptorMapView view;
    view.setBank(m_factory);
    QList<SampleEntry> samples;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int i = 0; i < 400; ++i) {
        std::array<double, kDescriptorCount> positions{};
        for (double &p : positions)
            p = u(rng);
        const MapPoint p = pointFromNormalized(positions);
        samples << syntheticSample(QStringLiteral("s%1").arg(i), p.values);
    }
    view.setSamples(samples);
    const QList<int> slots = m_factory.filledSlots();
    view.setSelectedSlot(slots.first());
    view.setCvMarker(m_factory.preset(slots.at(2))->curves);
    showMap(view);
    QTest::mouseClick(view.chartView()->viewport(), Qt::LeftButton, {}, toPoint(*view.pointPosition(PointRef::preset(slots.at(3)))));
    QTest::mouseClick(view.chartView()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      toPoint(*view.pointPosition(PointRef::preset(slots.last()))));
    settle();
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    // Something is drawn where a preset is: its colour differs from the plot background.
    QWidget *viewport = view.chartView()->viewport();
    const QPoint preset = viewport->mapTo(&view, toPoint(*view.pointPosition(PointRef::preset(slots.at(1)))));
    const QColor background = image.pixelColor(viewport->mapTo(&view, QPoint(viewport->width() / 2, 2)));
    QVERIFY(image.pixelColor(preset) != background);
    const QString dirPath = QStringLiteral(NEURORACK_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dirPath));
    QVERIFY(image.save(dirPath + QStringLiteral("/descriptormap.png")));
}

QTEST_MAIN(TestDescriptorMap)
#include "tst_descriptormap.moc"
