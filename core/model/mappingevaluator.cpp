// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappingevaluator.h"

#include <algorithm>
#include <cmath>

namespace neurorack {

double MappingEvaluator::morphAmount(const Volts &volts) const
{
    for (int i = 0; i < kCvCount; ++i) {
        if (cv(i).target == CvTarget::MorphAmount)
            return std::clamp(cv(i).valueAt(volts[static_cast<std::size_t>(i)]), 0.0, 1.0);
    }
    return kDefaultMorph;
}

int MappingEvaluator::selectedSlot(const Volts &volts) const
{
    for (int i = 0; i < kCvCount; ++i) {
        if (cv(i).target != CvTarget::PresetSelect)
            continue;
        const auto filled = m_bank.filledSlots();
        if (filled.isEmpty())
            return -1;
        const double position = std::clamp(cv(i).valueAt(volts[static_cast<std::size_t>(i)]), 0.0, 1.0);
        return filled[static_cast<int>(std::lround(position * static_cast<double>(filled.size() - 1)))];
    }
    return -1;
}

DescriptorCurves MappingEvaluator::baseCurves(ImpactSource source, int slot, const Volts &volts) const
{
    if (source == ImpactSource::Morph) {
        const auto pair = m_bank.morphPair();
        if (!pair)
            return {};
        return DescriptorCurves::morph(m_bank.preset(pair->a)->curves, m_bank.preset(pair->b)->curves,
                                       morphAmount(volts));
    }
    for (int i = 0; i < kCvCount; ++i) {
        if (cv(i).target != CvTarget::BankScan)
            continue;
        // A continuous path through the filled slots: between two neighbours, their morph.
        const auto filled = m_bank.filledSlots();
        if (filled.isEmpty())
            return {};
        const double position = std::clamp(cv(i).valueAt(volts[static_cast<std::size_t>(i)]), 0.0, 1.0)
                                * static_cast<double>(filled.size() - 1);
        const int from = std::min(static_cast<int>(position), static_cast<int>(filled.size()) - 1);
        const int to = std::min(from + 1, static_cast<int>(filled.size()) - 1);
        return DescriptorCurves::morph(m_bank.preset(filled[from])->curves, m_bank.preset(filled[to])->curves,
                                       position - from);
    }
    const Preset *preset = m_bank.preset(slot);
    return preset ? preset->curves : DescriptorCurves{};
}

void MappingEvaluator::applyCvs(DescriptorCurves &curves, const Volts &volts) const
{
    std::array<double, kDescriptorCount> offset{};
    std::array<double, kDescriptorCount> scale;
    scale.fill(1.0);
    for (int i = 0; i < kCvCount; ++i) {
        const auto &input = cv(i);
        const double value = input.valueAt(volts[static_cast<std::size_t>(i)]);
        const auto d = static_cast<std::size_t>(input.descriptor);
        switch (input.target) {
        case CvTarget::DescriptorOffset:
            offset[d] += value;
            break;
        case CvTarget::DescriptorScale:
            scale[d] *= value;
            break;
        case CvTarget::PitchVoct:
            offset[static_cast<std::size_t>(DescriptorId::Pitch)] += value;
            break;
        default:
            break;
        }
    }
    for (std::size_t d = 0; d < kDescriptorCount; ++d) {
        if (offset[d] != 0.0 || scale[d] != 1.0)
            curves.applyOffsetScale(static_cast<DescriptorId>(d), offset[d], scale[d]);
    }
}

DescriptorCurves MappingEvaluator::curvesFor(ImpactSource source, int slot, const Volts &volts) const
{
    DescriptorCurves curves = baseCurves(source, slot, volts);
    if (!curves.isEmpty())
        applyCvs(curves, volts);
    return curves;
}

bool MappingEvaluator::sourceUsed(ImpactSource source) const
{
    const auto action = source == ImpactSource::Morph ? GateAction::TriggerMorph : GateAction::Trigger;
    const auto &gates = m_bank.mapping().gates;
    return std::any_of(gates.begin(), gates.end(), [action](const GateInput &gate) { return gate.action == action; });
}

std::pair<QString, QString> MappingEvaluator::cvText(int input, double volts, int slot) const
{
    const auto &in = cv(input);
    const double value = in.valueAt(volts);
    const auto &info = descriptor(in.descriptor);
    const QString sign = value >= 0 ? QStringLiteral("+") : QString();
    switch (in.target) {
    case CvTarget::None:
        return {QStringLiteral("—"), QString()};
    case CvTarget::DescriptorOffset: {
        const bool pitch = in.descriptor == DescriptorId::Pitch;
        const int decimals = info.unitString().isEmpty() ? 2 : (pitch ? 1 : 0);
        const QString unit = pitch ? QStringLiteral("st") : info.unitString();
        return {info.translatedName(), QStringLiteral("%1%2 %3").arg(sign).arg(value, 0, 'f', decimals).arg(unit).trimmed()};
    }
    case CvTarget::DescriptorScale:
        return {info.translatedName(), QStringLiteral("×%1").arg(value, 0, 'f', 2)};
    case CvTarget::MorphAmount:
        return {QStringLiteral("morph"), QStringLiteral("%1 %").arg(std::lround(value * 100.0))};
    case CvTarget::PresetSelect:
        return {QStringLiteral("preset"), QString::number(slot + 1)};
    case CvTarget::BankScan:
        return {QStringLiteral("bank scan"), QStringLiteral("%1 %").arg(std::lround(value * 100.0))};
    case CvTarget::PitchVoct:
        return {QStringLiteral("pitch V/oct"), QStringLiteral("%1%2 st").arg(sign).arg(value, 0, 'f', 1)};
    }
    return {};
}

QString MappingEvaluator::gateActionText(GateAction action)
{
    switch (action) {
    case GateAction::Trigger:
        return QStringLiteral("play");
    case GateAction::TriggerMorph:
        return QStringLiteral("play morph");
    case GateAction::NextPreset:
        return QStringLiteral("next");
    case GateAction::PreviousPreset:
        return QStringLiteral("previous");
    case GateAction::None:
        break;
    }
    return QStringLiteral("—");
}

} // namespace neurorack
