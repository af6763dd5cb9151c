// SPDX-License-Identifier: GPL-3.0-or-later
#include "modulesimulation.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace neurorack::studio {

ModuleSimulation::ModuleSimulation(QObject *parent)
    : QObject(parent)
{
    m_replay = new QTimer(this);
    m_replay->setSingleShot(true);
    m_replay->setInterval(kReplayInterval);
    connect(m_replay, &QTimer::timeout, this, [this] {
        if (!m_bank)
            return;
        for (int g = 0; g < Mapping::kGateCount; ++g) {
            const GateAction action = m_bank->mapping().gates[static_cast<std::size_t>(g)].action;
            if (m_gateHigh[static_cast<std::size_t>(g)] && (action == GateAction::Trigger || action == GateAction::TriggerMorph))
                play(action == GateAction::Trigger ? ImpactSource::Preset : ImpactSource::Morph);
        }
    });
}

ModuleSimulation::~ModuleSimulation() = default;

void ModuleSimulation::setBank(const Bank *bank, int slot)
{
    m_bank = bank;
    m_slot = slot;
    if (!bank) {
        // A gate held while the bank goes away must not fire later.
        m_gateHigh.fill(false);
        m_replay->stop();
    }
    Q_EMIT changed();
}

int ModuleSimulation::slot() const
{
    if (!m_bank)
        return m_slot;
    const int selected = MappingEvaluator(*m_bank).selectedSlot(m_volts);
    return selected >= 0 ? selected : m_slot;
}

void ModuleSimulation::setCv(int input, double volts)
{
    if (input < 0 || input >= Mapping::kCvCount)
        return;
    m_volts[static_cast<std::size_t>(input)] = std::clamp(volts, CvInput::kMinVolts, CvInput::kMaxVolts);
    if (!m_bank) {
        Q_EMIT changed();
        return;
    }
    // A preset-select CV changes the slot, as on the module.
    const int selected = MappingEvaluator(*m_bank).selectedSlot(m_volts);
    if (selected >= 0 && selected != m_slot) {
        m_slot = selected;
        Q_EMIT slotRequested(selected);
    }
    Q_EMIT changed();
    Q_EMIT cvCurvesChanged(curves(ImpactSource::Preset));
    if (std::any_of(m_gateHigh.begin(), m_gateHigh.end(), [](bool high) { return high; }) && !m_replay->isActive())
        m_replay->start();
}

void ModuleSimulation::clampCv(int input, double low, double high)
{
    if (input >= 0 && input < Mapping::kCvCount && low <= high)
        m_volts[static_cast<std::size_t>(input)] = std::clamp(m_volts[static_cast<std::size_t>(input)], low, high);
}

void ModuleSimulation::setGate(int gate, double volts)
{
    if (!m_bank || gate < 0 || gate >= Mapping::kGateCount)
        return;
    const GateInput &in = m_bank->mapping().gates[static_cast<std::size_t>(gate)];
    bool &high = m_gateHigh[static_cast<std::size_t>(gate)];
    // The runtime's Schmitt trigger, so that the threshold and hysteresis behave the same.
    const bool rising = !high && volts > in.threshold;
    const bool falling = high && volts < in.threshold - in.hysteresis;
    if (!rising && !falling) {
        if (!high && volts > 0.0)
            Q_EMIT message(tr("%1 V does not reach gate %2's threshold of %3 V").arg(volts).arg(gate + 1).arg(in.threshold));
        return;
    }
    high = rising;
    Q_EMIT changed();
    if (rising)
        perform(in.action);
}

void ModuleSimulation::perform(GateAction action)
{
    switch (action) {
    case GateAction::Trigger:
        play(ImpactSource::Preset);
        break;
    case GateAction::TriggerMorph:
        play(ImpactSource::Morph);
        break;
    case GateAction::NextPreset:
    case GateAction::PreviousPreset: {
        // As the runtime's voice controller: through the filled slots, wrapping around.
        const auto filled = m_bank->filledSlots();
        if (filled.isEmpty())
            break;
        const auto n = static_cast<int>(filled.size());
        const int at = std::max<int>(0, static_cast<int>(filled.indexOf(m_slot)));
        const int step = action == GateAction::NextPreset ? 1 : -1;
        m_slot = filled[((at + step) % n + n) % n];
        Q_EMIT slotRequested(m_slot);
        Q_EMIT changed();
        break;
    }
    case GateAction::None:
        break;
    }
}

void ModuleSimulation::play(ImpactSource source)
{
    const DescriptorCurves played = curves(source);
    if (played.isEmpty()) {
        Q_EMIT message(source == ImpactSource::Morph ? tr("Nothing to play: the bank has no presets to morph.")
                                                     : tr("Nothing to play: the slot is empty."));
        return;
    }
    Q_EMIT auditionRequested(played, title(source));
}

DescriptorCurves ModuleSimulation::curves(ImpactSource source) const
{
    if (!m_bank)
        return {};
    return MappingEvaluator(*m_bank).curvesFor(source, slot(), m_volts);
}

std::pair<QString, QString> ModuleSimulation::cvText(int input) const
{
    if (!m_bank)
        return {};
    return MappingEvaluator(*m_bank).cvText(input, m_volts[static_cast<std::size_t>(input)], slot());
}

double ModuleSimulation::morphAmount() const
{
    return m_bank ? MappingEvaluator(*m_bank).morphAmount(m_volts) : MappingEvaluator::kDefaultMorph;
}

QString ModuleSimulation::title(ImpactSource source) const
{
    if (!m_bank)
        return {};
    if (source == ImpactSource::Morph) {
        const auto pair = m_bank->morphPair();
        if (!pair)
            return {};
        return tr("Morph %1 ↔ %2 at %3 % (simulated CVs)")
            .arg(m_bank->preset(pair->a)->name, m_bank->preset(pair->b)->name)
            .arg(std::lround(morphAmount() * 100.0));
    }
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        if (m_bank->mapping().cv[static_cast<std::size_t>(i)].target == CvTarget::BankScan)
            return tr("Bank scan at %1 (simulated CVs)").arg(cvText(i).second);
    }
    const Preset *preset = m_bank->preset(slot());
    return preset ? tr("%1 (simulated CVs)").arg(preset->name) : QString();
}

} // namespace neurorack::studio
