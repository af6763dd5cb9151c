// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"
#include "model/mappingevaluator.h"

#include <QObject>

#include <array>
#include <chrono>

class QTimer;

namespace neurorack::studio {

/// The module's inputs simulated in Studio: four CV voltages and two gates on a bank.
/// Core's MappingEvaluator says what the CVs make of the current slot; this adds what
/// the runtime's voice controller adds around it: the gates' Schmitt triggers and
/// actions, and the slot that a preset-select CV or next/previous changes. Shared by
/// the mapping editor's live simulation and the virtual module's in-process backend.
/// Smoothing is not simulated: a CV acts at once.
class ModuleSimulation : public QObject
{
    Q_OBJECT

public:
    /// While a gate that plays is held, moving CVs plays again at most this often.
    static constexpr std::chrono::milliseconds kReplayInterval{120};

    explicit ModuleSimulation(QObject *parent = nullptr);
    ~ModuleSimulation() override;

    /// The bank to play (nullptr: none; held gates drop) and the current slot.
    /// @p bank must stay valid until the next call.
    void setBank(const Bank *bank, int slot);
    const Bank *bank() const { return m_bank; }
    /// The current slot: the one a preset-select CV points at, else the one set.
    int slot() const;

    /// Sets CV @p input (0..3) to @p volts (−12..12).
    void setCv(int input, double volts);
    /// Keeps CV @p input within [@p low, @p high] (a slider's new range) without telling anyone.
    void clampCv(int input, double low, double high);
    double cv(int input) const { return m_volts[static_cast<std::size_t>(input)]; }
    const MappingEvaluator::Volts &volts() const { return m_volts; }

    /// Puts @p volts on gate @p gate (0..1); a rising edge does the mapping's action.
    void setGate(int gate, double volts);
    /// Whether gate @p gate is high (after threshold and hysteresis).
    bool gateHigh(int gate) const { return m_gateHigh[static_cast<std::size_t>(gate)]; }

    /// What @p source plays now (empty: nothing to play).
    DescriptorCurves curves(ImpactSource source) const;
    /// What CV @p input drives now: a short label and the value with its unit.
    std::pair<QString, QString> cvText(int input) const;
    /// The morph amount the CVs set (0..1).
    double morphAmount() const;
    /// A title for what @p source plays now, for the preview.
    QString title(ImpactSource source) const;

Q_SIGNALS:
    /// A gate played @p curves.
    void auditionRequested(const neurorack::DescriptorCurves &curves, const QString &title);
    /// A gate (next/previous) or a preset-select CV changed the slot.
    void slotRequested(int slot);
    /// The CVs moved: what the current slot sounds like now.
    void cvCurvesChanged(const neurorack::DescriptorCurves &curves);
    /// Something to tell the user ("nothing to play: the slot is empty").
    void message(const QString &text);
    /// Any input or the slot changed (for readouts and screens).
    void changed();

private:
    void perform(GateAction action);
    void play(ImpactSource source);

    const Bank *m_bank = nullptr;
    int m_slot = 0;
    MappingEvaluator::Volts m_volts{};
    std::array<bool, Mapping::kGateCount> m_gateHigh{};
    QTimer *m_replay = nullptr;
};

} // namespace neurorack::studio
