// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"
#include "model/mappingevaluator.h"
#include "modulesimulation.h"

#include <QElapsedTimer>
#include <QWidget>

#include <array>
#include <chrono>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;

namespace neurorack::studio {

/// The mapping editor: the module's 4 CV inputs and 2 gates as the panel shows them
/// (CV 1–4 left to right, gate 1–2 below), each with its settings, and a live
/// simulation: a slider per CV in volts and a press-and-hold button per gate that make
/// Studio play what the module would play (core's MappingEvaluator decides what that is).
///
/// The editor never changes a bank: every edit is reported through mappingEdited(), and
/// the main window applies it (one undo command) and calls setBank() again.
class MappingEditor : public QWidget
{
    Q_OBJECT

public:
    /// Slider resolution: steps per volt.
    static constexpr int kSliderStepsPerVolt = 100;
    /// A gate button held down puts this on the gate, like the runtime's simulator.
    static constexpr double kGateHighVolts = 5.0;
    /// Spin-box steps of one field closer together than this belong to one gesture
    /// (one undo command).
    static constexpr std::chrono::milliseconds kGestureGap{1000};

    explicit MappingEditor(QWidget *parent = nullptr);
    ~MappingEditor() override;

    /// Shows @p bank's mapping (nullptr: nothing, all disabled); @p slot is the current
    /// slot, the one a gate plays. Called again after every edit, undo and redo: it
    /// updates the fields in place (no signal, no focus change). @p bank must stay
    /// valid until the next call.
    void setBank(const Bank *bank, int slot);

    /// The volts the simulation's sliders set now, CV 1–4.
    MappingEvaluator::Volts simulatedVolts() const { return m_sim->volts(); }
    /// Moves CV @p input's slider (0..3) to @p volts (clamped to its input range).
    void setSimulatedVolts(int input, double volts);
    /// What the module plays now from the current slot with the sliders' volts.
    DescriptorCurves simulatedCurves(ImpactSource source) const { return m_sim->curves(source); }
    /// The slot the simulation plays: the one a preset-select CV points at, else the
    /// current slot.
    int simulatedSlot() const { return m_sim->slot(); }

Q_SIGNALS:
    /// The user changed the mapping to @p mapping (a complete, valid mapping).
    /// @p actionText names the edit for the undo history; @p mergeId is −1, or the same
    /// value for the consecutive steps of one spin-box gesture on one field.
    void mappingEdited(const neurorack::Mapping &mapping, const QString &actionText, int mergeId);
    /// A simulated gate played @p curves (what the module would play); @p title names it.
    void auditionRequested(const neurorack::DescriptorCurves &curves, const QString &title);
    /// A simulated gate (next/previous preset) or a preset-select CV changed the slot.
    void slotRequested(int slot);
    /// The simulated CVs moved: what the current slot sounds like at their volts.
    void cvCurvesChanged(const neurorack::DescriptorCurves &curves);

private:
    /// Editable fields, for merge ids and action texts.
    enum Field { Target, Descriptor, VoltsLow, VoltsHigh, RangeLow, RangeHigh, Curve, Smoothing, Action, Threshold, Hysteresis, FieldCount };

    struct CvWidgets {
        QGroupBox *box = nullptr;
        QComboBox *target = nullptr;
        QComboBox *descriptor = nullptr;
        QDoubleSpinBox *voltsLow = nullptr;
        QDoubleSpinBox *voltsHigh = nullptr;
        QDoubleSpinBox *rangeLow = nullptr;
        QDoubleSpinBox *rangeHigh = nullptr;
        QLabel *rangeUnit = nullptr;
        QComboBox *curve = nullptr;
        QDoubleSpinBox *smoothing = nullptr;
        QSlider *slider = nullptr;
        QLabel *readout = nullptr;
    };
    struct GateWidgets {
        QGroupBox *box = nullptr;
        QComboBox *action = nullptr;
        QDoubleSpinBox *threshold = nullptr;
        QDoubleSpinBox *hysteresis = nullptr;
        QPushButton *button = nullptr;
        QLabel *state = nullptr;
    };

    QGroupBox *createCv(int input);
    QGroupBox *createGate(int gate);
    /// Puts m_mapping into the widgets without emitting anything.
    void showMapping();
    void showCv(int input);
    void showGate(int gate);
    void updateSlider(int input);
    void updateReadouts();

    /// Reports @p next as an edit of @p field of input @p input (0..3 CVs, 4..5 gates).
    void commit(const Mapping &next, int input, Field field, bool gesture);
    int mergeIdFor(int input, Field field);
    void editCv(int input, Field field, bool gesture);
    void editGate(int gate, Field field, bool gesture);
    void editName();
    void loadFactory(int index);


    const Bank *m_bank = nullptr;
    Mapping m_mapping;
    ModuleSimulation *m_sim = nullptr;
    int m_updating = 0; ///< > 0 while showMapping() fills the widgets

    QLineEdit *m_name = nullptr;
    QComboBox *m_factory = nullptr;
    QLabel *m_simulationNote = nullptr;
    std::array<CvWidgets, Mapping::kCvCount> m_cv{};
    std::array<GateWidgets, Mapping::kGateCount> m_gates{};

    // The spin-box gesture in progress.
    int m_gestureInput = -1;
    Field m_gestureField = FieldCount;
    int m_gestureSerial = 0;
    QElapsedTimer m_gestureClock;
};

} // namespace neurorack::studio
