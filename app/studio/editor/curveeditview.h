// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptorcurves.h"

#include <QChartView>
#include <QList>

#include <array>
#include <span>
#include <vector>

class QAbstractAxis;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace neurorack::studio {

/// One descriptor curve of a preset over time, editable by dragging breakpoints, with
/// the other six faint in the background (each on its 0..1 slider scale).
///
/// The selected curve is drawn in its physical unit: loudness in LUFS (dB), pitch as
/// notes (a MIDI scale labelled C1, C2, …; unvoiced frames are gaps), richness and
/// brightness in Hz, the others 0..1. Handles sit on evenly spaced frames (about every
/// 50 ms, fewer when zoomed out, more when zoomed in). Dragging one moves the curve by a
/// tent-shaped delta that is zero at the neighbouring handles, so the curve keeps its
/// detail; values are clamped to the descriptor's range, pitch moves in semitones.
/// The wheel zooms in time around the cursor, a double click shows the whole preset,
/// Escape during a drag puts the curve back.
///
/// The view never changes its curves by itself: a drag emits curveDragged() with the
/// new values and the owner calls setCurves() (possibly with the very same values, at
/// any time during the drag: the drag keeps its own copy of where it started).
class CurveEditView : public QChartView
{
    Q_OBJECT

public:
    static constexpr int kMaxHandles = 24;          ///< at most this many handles across the visible time
    static constexpr int kHandleGrabRadius = 10;    ///< pixels around a handle that grab it
    static constexpr int kMinVisibleFrames = 20;    ///< the deepest zoom shows 100 ms
    static constexpr double kWheelZoomFactor = 1.25; ///< per wheel notch (120 units)
    static constexpr double kPitchPaddingSemitones = 5.0; ///< room above and below a pitch curve
    static constexpr double kMinPitchSpanSemitones = 24.0;
    static constexpr double kHzHeadroom = 1.25;     ///< Hz axes reach this far above the curve's peak
    static constexpr double kMinHzAxis = 500.0;

    explicit CurveEditView(QWidget *parent = nullptr);
    ~CurveEditView() override;

    /// The descriptor to edit; fits the value axis to it.
    void setDescriptor(DescriptorId id);
    DescriptorId descriptorId() const { return m_id; }

    /// Shows @p curves. Keeps the zoom (clamped to the new duration), the value axis
    /// (grown if the curve leaves it) and any drag in progress (cancelled only when the
    /// frame count changes under it).
    void setCurves(const DescriptorCurves &curves);
    const DescriptorCurves &curves() const { return m_curves; }

    /// Shows the whole duration and fits the value axis to the curve.
    void resetView();
    /// Zooms to @p from … @p to seconds (clamped to the curves).
    void setTimeRange(double from, double to);
    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    bool isZoomed() const { return m_zoomed; }

    /// Ends a drag in progress without putting the curve back (another preset is coming).
    void abortDrag();
    /// Whether a handle is being dragged.
    bool isDragging() const { return m_drag.active; }
    /// Frames between handles at the current zoom.
    int handleSpacing() const;
    /// Frames that carry a handle, visible ones only, ascending.
    QList<int> handleFrames() const;
    /// Where the handle of @p frame is drawn, in viewport coordinates.
    QPoint handlePosition(int frame) const;
    /// Viewport position of @p seconds and @p displayValue (see toDisplay()).
    QPoint viewportPosition(double seconds, double displayValue) const;

    /// The selected curve as drawn: one series per voiced stretch for pitch, one for the rest.
    QList<QLineSeries *> curveSeries() const;
    QScatterSeries *handleSeries() const { return m_handles; }
    /// The y axis of the selected curve: a QValueAxis, or the note axis (a QCategoryAxis) for pitch.
    QValueAxis *valueAxis() const;
    QValueAxis *timeAxis() const { return m_timeAxis; }

    /// A value in the unit the view draws: LUFS, MIDI note number for pitch (NaN when
    /// unvoiced), Hz, 0..1.
    static double toDisplay(DescriptorId id, double value);
    static double fromDisplay(DescriptorId id, double display);
    /// Moves @p values by @p displayDelta (display units) at @p centre, tapering linearly
    /// to nothing at @p left and @p right; leaves unvoiced frames alone and clamps.
    static void applyTent(std::span<float> values, DescriptorId id, int centre, int left, int right, double displayDelta);

Q_SIGNALS:
    /// A drag of the @p id curve began.
    void dragStarted(neurorack::DescriptorId id);
    /// The dragged curve's new values (one per frame).
    void curveDragged(neurorack::DescriptorId id, const std::vector<float> &values);
    /// The drag ended (released or cancelled).
    void dragFinished(neurorack::DescriptorId id);
    /// What is under the mouse or being dragged: "0.250 s · −12.3 LUFS"; empty when nothing.
    void readoutChanged(const QString &text);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Drag {
        bool active = false;
        int centre = 0;
        int left = 0;
        int right = 0;
        std::vector<float> base; ///< the curve when the drag began
    };

    void refresh();
    void fitValueRange(bool allowShrink);
    void applyValueRange(double lo, double hi);
    void updateNoteLabels();
    QValueAxis *activeAxis() const;
    QLineSeries *addLineSeries(QAbstractAxis *axis);
    void ensurePool(QList<QLineSeries *> &pool, qsizetype size, QAbstractAxis *axis);
    void raiseForeground();
    void styleSeries();
    QList<int> allHandleFrames(int spacing) const;
    int handleAt(QPointF viewportPos) const;
    QPointF valueAt(QPointF viewportPos) const;
    QString readout(int frame) const;
    void finishDrag(bool cancel);

    DescriptorId m_id = DescriptorId::Loudness;
    DescriptorCurves m_curves;
    double m_from = 0.0;
    double m_to = 1.0;
    bool m_zoomed = false;
    double m_valueLo = 0.0;
    double m_valueHi = 1.0;
    Drag m_drag;

    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_linearAxis = nullptr;
    QCategoryAxis *m_noteAxis = nullptr;
    QValueAxis *m_backgroundAxis = nullptr;
    QList<QLineSeries *> m_segments;
    std::array<QList<QLineSeries *>, kDescriptorCount> m_background;
    QScatterSeries *m_handles = nullptr;
};

} // namespace neurorack::studio
