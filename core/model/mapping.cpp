// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapping.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace neurorack {

namespace {

template<typename Enum, std::size_t N>
struct KeyTable {
    std::array<std::pair<Enum, const char *>, N> entries;

    QString key(Enum value) const
    {
        for (const auto &[e, k] : entries) {
            if (e == value)
                return QString::fromLatin1(k);
        }
        return {};
    }
    std::optional<Enum> find(QStringView key) const
    {
        for (const auto &[e, k] : entries) {
            if (key == QLatin1String(k))
                return e;
        }
        return std::nullopt;
    }
    QStringList keys() const
    {
        QStringList out;
        for (const auto &entry : entries)
            out << QString::fromLatin1(entry.second);
        return out;
    }
};

constexpr KeyTable<CvTarget, 7> kTargets{{{
    {CvTarget::None, "none"},
    {CvTarget::DescriptorOffset, "descriptor_offset"},
    {CvTarget::DescriptorScale, "descriptor_scale"},
    {CvTarget::MorphAmount, "morph_amount"},
    {CvTarget::PresetSelect, "preset_select"},
    {CvTarget::BankScan, "bank_scan"},
    {CvTarget::PitchVoct, "pitch_voct"},
}}};

constexpr KeyTable<ResponseCurve, 4> kCurves{{{
    {ResponseCurve::Linear, "linear"},
    {ResponseCurve::Exponential, "exponential"},
    {ResponseCurve::Logarithmic, "logarithmic"},
    {ResponseCurve::SCurve, "s_curve"},
}}};

constexpr KeyTable<GateAction, 5> kActions{{{
    {GateAction::None, "none"},
    {GateAction::Trigger, "trigger"},
    {GateAction::TriggerMorph, "trigger_morph"},
    {GateAction::NextPreset, "next_preset"},
    {GateAction::PreviousPreset, "previous_preset"},
}}};

double shape(ResponseCurve curve, double x)
{
    switch (curve) {
    case ResponseCurve::Linear:
        return x;
    case ResponseCurve::Exponential:
        return x * x;
    case ResponseCurve::Logarithmic:
        return std::sqrt(x);
    case ResponseCurve::SCurve:
        return x * x * (3.0 - 2.0 * x);
    }
    return x;
}

} // namespace

QString cvTargetKey(CvTarget target) { return kTargets.key(target); }
std::optional<CvTarget> cvTargetFromKey(QStringView key) { return kTargets.find(key); }
QStringList cvTargetKeys() { return kTargets.keys(); }
QString responseCurveKey(ResponseCurve curve) { return kCurves.key(curve); }
std::optional<ResponseCurve> responseCurveFromKey(QStringView key) { return kCurves.find(key); }
QStringList responseCurveKeys() { return kCurves.keys(); }
QString gateActionKey(GateAction action) { return kActions.key(action); }
std::optional<GateAction> gateActionFromKey(QStringView key) { return kActions.find(key); }
QStringList gateActionKeys() { return kActions.keys(); }

bool cvTargetHasDescriptor(CvTarget target)
{
    return target == CvTarget::DescriptorOffset || target == CvTarget::DescriptorScale;
}

bool cvTargetHasRange(CvTarget target)
{
    return target != CvTarget::None && target != CvTarget::PitchVoct;
}

std::pair<double, double> cvTargetRangeLimits(CvTarget target, DescriptorId id)
{
    switch (target) {
    case CvTarget::DescriptorOffset: {
        // Pitch offsets are in semitones: eight octaves either way covers the whole range.
        const double span = id == DescriptorId::Pitch ? 96.0 : descriptor(id).span();
        return {-span, span};
    }
    case CvTarget::DescriptorScale:
        return {0.0, 10.0};
    case CvTarget::MorphAmount:
    case CvTarget::PresetSelect:
    case CvTarget::BankScan:
        return {0.0, 1.0};
    case CvTarget::None:
    case CvTarget::PitchVoct:
        break;
    }
    return {0.0, 0.0};
}

double CvInput::valueAt(double volts) const
{
    const double v = std::clamp(volts, voltsLow, voltsHigh);
    if (target == CvTarget::PitchVoct)
        return 12.0 * v;
    if (target == CvTarget::None)
        return 0.0;
    const double x = voltsHigh > voltsLow ? (v - voltsLow) / (voltsHigh - voltsLow) : 0.0;
    return rangeLow + shape(curve, x) * (rangeHigh - rangeLow);
}

bool operator==(const CvInput &a, const CvInput &b)
{
    if (a.target != b.target || a.voltsLow != b.voltsLow || a.voltsHigh != b.voltsHigh || a.curve != b.curve
        || a.smoothingMs != b.smoothingMs)
        return false;
    if (cvTargetHasDescriptor(a.target) && a.descriptor != b.descriptor)
        return false;
    return !cvTargetHasRange(a.target) || (a.rangeLow == b.rangeLow && a.rangeHigh == b.rangeHigh);
}

} // namespace neurorack
