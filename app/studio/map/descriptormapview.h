// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mappoint.h"
#include "model/bank.h"
#include "samplelibrary.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QAbstractAxis;
class QAbstractGraphicsShapeItem;
class QChartView;
class QComboBox;
class QLabel;
class QScatterSeries;
class QSlider;

namespace neurorack::studio {

/// Names one point of the descriptor map: a preset of the bank by its slot, or an
/// imported sample by its path.
struct PointRef {
    enum class Kind { Preset, Sample };
    Kind kind = Kind::Preset;
    int slot = -1; ///< for presets: 0..127
    QString path;  ///< for samples: absolute path

    static PointRef preset(int slot) { return {Kind::Preset, slot, {}}; }
    static PointRef sample(const QString &path) { return {Kind::Sample, -1, path}; }
    friend bool operator==(const PointRef &, const PointRef &) = default;
};

/// The descriptor map: every preset of the bank and every imported sample as a point
/// (MapPoint summaries), on two axes chosen among the seven descriptors and the two
/// principal components of all points (Projection), coloured by a third descriptor.
///
/// Presets are large outlined dots, samples small ones. Hovering shows a tooltip with
/// the name and the seven values; a click plays the point (presetActivated() or
/// sampleActivated()); Ctrl+click on a second point selects a pair and asks for their
/// morph (morphRequested()), at the amount of the morph slider. A triangle marks the
/// module's current CV state (setCvMarker()), a ring the current preset
/// (setSelectedSlot()), a small square where the morph of the pair lies.
///
/// Points are drawn by kColourBuckets scatter series per kind (light markers: one image
/// per colour, no graphics item per point), each refilled in bulk with replace() and
/// only when its points changed; markers are separate graphics items, so moving the CV
/// marker repaints a few pixels; hit tests are arithmetic. The map stays smooth with
/// 10 000 samples (bench_descriptormap).
class DescriptorMapView : public QWidget
{
    Q_OBJECT

public:
    /// Axis choices: 0..6 are the descriptors (DescriptorId), then the two components.
    static constexpr int kPcaAxis1 = kDescriptorCount;
    static constexpr int kPcaAxis2 = kDescriptorCount + 1;
    static constexpr int kAxisChoiceCount = kDescriptorCount + 2;
    /// Colours the colour-by descriptor is quantised to (one scatter series each per kind).
    static constexpr int kColourBuckets = 8;
    /// Marker diameters, pixels.
    static constexpr double kPresetMarkerSize = 14.0;
    static constexpr double kSampleMarkerSize = 7.0;
    /// How far from a marker's edge the pointer still hits it, pixels.
    static constexpr double kHitMargin = 3.0;
    static constexpr double kDefaultMorphAmount = 0.5;
    /// Steps of the morph slider (0 % … 100 %).
    static constexpr int kMorphSteps = 100;

    explicit DescriptorMapView(QWidget *parent = nullptr);
    ~DescriptorMapView() override;

    /// Shows every preset of @p bank (the bank is copied).
    void setBank(const Bank &bank);
    /// Shows @p samples (implicitly shared with SampleLibrary::samples()); an empty
    /// list removes them.
    void setSamples(const QList<SampleEntry> &samples);
    /// Rings the preset in @p slot as the current one; −1 for none.
    void setSelectedSlot(int slot);
    int selectedSlot() const { return m_selectedSlot; }
    /// Places the CV marker at the summary of @p curves (the module's current CV state).
    void setCvMarker(const neurorack::DescriptorCurves &curves);
    void clearCvMarker();
    bool hasCvMarker() const { return m_cvPoint.has_value(); }

    /// Axis choice (0..kAxisChoiceCount−1) of the horizontal and vertical axes.
    void setXAxis(int choice);
    int xAxis() const { return m_axisChoice[0]; }
    void setYAxis(int choice);
    int yAxis() const { return m_axisChoice[1]; }
    /// The descriptor that colours the points.
    void setColourBy(DescriptorId id);
    DescriptorId colourBy() const { return m_colourBy; }
    /// Morph amount of the selected pair, 0..1 (0 = first point).
    void setMorphAmount(double amount);
    double morphAmount() const;

    /// Name of axis choice @p choice: the descriptor's name, or "PCA 1" / "PCA 2".
    static QString axisName(int choice);

    int presetPointCount() const { return m_presetCount; }
    int samplePointCount() const { return static_cast<int>(m_points.size()) - m_presetCount; }
    /// The summary of a point, if it is on the map.
    std::optional<MapPoint> summary(const PointRef &point) const;
    /// Where a point is drawn, in chartView()->viewport() coordinates (for QTest clicks).
    std::optional<QPointF> pointPosition(const PointRef &point) const;
    /// A point's coordinates on the current axes (physical units, or PCA units).
    std::optional<QPointF> plotValue(const PointRef &point) const;
    /// The point under @p viewportPos (chartView()->viewport() coordinates), if any.
    std::optional<PointRef> pointAt(const QPointF &viewportPos) const;
    /// The CV marker's coordinates on the current axes.
    std::optional<QPointF> cvMarkerValue() const;
    /// Where the CV marker is drawn (chartView()->viewport() coordinates); nullopt when
    /// there is none or it lies off the plot.
    std::optional<QPointF> cvMarkerPosition() const;
    /// The points selected for the morph: none, the first, or both.
    QList<PointRef> morphSelection() const;
    /// The tooltip text of the hovered point (name and seven values), empty when none.
    QString hoverText() const { return m_hoverText; }
    /// The projection behind the PCA axes, fitted to all points.
    const Projection &projection() const { return m_projection; }
    QChartView *chartView() const { return m_chartView; }

Q_SIGNALS:
    /// A preset's point was clicked: play it.
    void presetActivated(int slot);
    /// A sample's point was clicked: play it.
    void sampleActivated(const QString &path);
    /// A pair of points is selected (Ctrl+click) or its morph amount moved: play
    /// DescriptorCurves::morph(first, second, amount). @p title names the pair.
    void morphRequested(const neurorack::DescriptorCurves &curves, const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Point {
        PointRef::Kind kind = PointRef::Kind::Preset;
        int index = 0; ///< slot, or index into m_samples
        MapPoint summary;
        QPointF value; ///< on the current axes
        double u = 0.0; ///< 0..1 across the horizontal axis range
        double v = 0.0; ///< 0..1 up the vertical axis range
        int bucket = 0;
    };
    struct AxisRange {
        double low = 0.0;
        double high = 1.0;
        bool logarithmic = false;
        double position(double value) const; ///< 0..1 (outside when out of range)
    };

    void rebuildPoints();
    void layoutPoints();
    void computeLayout();
    void publishPoints();
    void recolour();
    void fillSeries();
    void updateMarkers();
    void updateLegend();
    void setAxis(int dimension, int choice);
    void replaceAxis(int dimension);
    void applyAxis(int dimension);
    double axisValue(int choice, const MapPoint &summary) const;
    QPointF plotOf(const MapPoint &summary) const;
    int indexOf(const PointRef &point) const;
    PointRef refOf(const Point &point) const;
    QString nameOf(const Point &point) const;
    const DescriptorCurves &curvesOf(const Point &point) const;
    QString describe(const Point &point) const;
    QPointF viewportPosition(double u, double v) const;
    std::optional<int> hitTest(const QPointF &viewportPos) const;
    void hover(const QPointF &viewportPos);
    void click(const QPointF &viewportPos, Qt::KeyboardModifiers modifiers);
    void emitMorph();

    QChartView *m_chartView = nullptr;
    QComboBox *m_xCombo = nullptr;
    QComboBox *m_yCombo = nullptr;
    QComboBox *m_colourCombo = nullptr;
    QSlider *m_morphSlider = nullptr;
    QLabel *m_morphLabel = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_gradient = nullptr;
    std::array<QAbstractAxis *, 2> m_axes{};
    std::array<AxisRange, 2> m_ranges{};
    std::array<int, 2> m_axisChoice{static_cast<int>(DescriptorId::Brightness), static_cast<int>(DescriptorId::Noisiness)};
    DescriptorId m_colourBy = DescriptorId::Percussivity;
    std::array<double, 2> m_colourRange{0.0, 1.0}; ///< slider-space range of the colour descriptor

    std::array<QScatterSeries *, kColourBuckets> m_sampleSeries{};
    std::array<QScatterSeries *, kColourBuckets> m_presetSeries{};
    QAbstractGraphicsShapeItem *m_currentItem = nullptr;
    std::array<QAbstractGraphicsShapeItem *, 2> m_selectionItems{};
    QAbstractGraphicsShapeItem *m_morphItem = nullptr;
    QAbstractGraphicsShapeItem *m_cvItem = nullptr;

    Bank m_bank;
    QList<SampleEntry> m_samples;
    std::vector<Point> m_points; ///< the bank's presets by slot, then the samples in order (index m_presetCount + i)
    int m_presetCount = 0;
    std::array<int, Bank::kSlotCount> m_slotToPoint{}; ///< index into m_points, or −1
    QHash<QString, int> m_pathToSample; ///< index into m_samples
    /// What each series shows, to skip replace() when nothing changed.
    std::array<QList<QPointF>, kColourBuckets> m_shownPresets;
    std::array<QList<QPointF>, kColourBuckets> m_shownSamples;
    Projection m_projection;

    int m_selectedSlot = -1;
    std::optional<PointRef> m_first;  ///< morph pair: the point clicked
    std::optional<PointRef> m_second; ///< morph pair: the point Ctrl+clicked
    std::optional<MapPoint> m_morphPoint;
    std::optional<MapPoint> m_cvPoint;
    std::optional<int> m_hovered;
    QString m_hoverText;
};

} // namespace neurorack::studio
