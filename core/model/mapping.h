// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "descriptor.h"

#include <QString>

#include <array>
#include <optional>

namespace neurorack {

/// What a CV input drives (docs/file-formats.md, "CV inputs").
enum class CvTarget {
    None,             ///< ignored
    DescriptorOffset, ///< added to one descriptor, in its control unit
    DescriptorScale,  ///< multiplies one descriptor
    MorphAmount,      ///< position between the bank's morph presets, 0..1
    PresetSelect,     ///< position across the filled slots, 0..1
    BankScan,         ///< continuous morph across the filled slots, 0..1
    PitchVoct,        ///< 1 V/octave transposition
};

/// How the normalised voltage is shaped before it is mapped onto the range.
enum class ResponseCurve {
    Linear,      ///< x
    Exponential, ///< x²
    Logarithmic, ///< √x
    SCurve,      ///< 3x² − 2x³
};

/// What a rising gate edge does.
enum class GateAction {
    None,
    Trigger,        ///< play the current preset
    TriggerMorph,   ///< play the morph of the bank's two morph presets
    NextPreset,     ///< select the next filled slot
    PreviousPreset, ///< select the previous filled slot
};

QString cvTargetKey(CvTarget target);
std::optional<CvTarget> cvTargetFromKey(QStringView key);
QStringList cvTargetKeys();
QString responseCurveKey(ResponseCurve curve);
std::optional<ResponseCurve> responseCurveFromKey(QStringView key);
QStringList responseCurveKeys();
QString gateActionKey(GateAction action);
std::optional<GateAction> gateActionFromKey(QStringView key);
QStringList gateActionKeys();

/// Whether a target names a descriptor, and whether it has a range.
bool cvTargetHasDescriptor(CvTarget target);
bool cvTargetHasRange(CvTarget target);
/// The widest range a target accepts ({−span, span} for offsets, {0, 10} for scales, …).
std::pair<double, double> cvTargetRangeLimits(CvTarget target, DescriptorId descriptor);

/// One of the four CV inputs.
struct CvInput {
    static constexpr double kMinVolts = -12.0; ///< Eurorack rails
    static constexpr double kMaxVolts = 12.0;
    static constexpr double kMaxSmoothingMs = 1000.0;

    CvTarget target = CvTarget::None;
    DescriptorId descriptor = DescriptorId::Loudness; ///< for DescriptorOffset and DescriptorScale
    double voltsLow = -5.0;  ///< input clamped to [voltsLow, voltsHigh], voltsLow < voltsHigh
    double voltsHigh = 5.0;
    double rangeLow = 0.0;   ///< target value at voltsLow
    double rangeHigh = 1.0;  ///< target value at voltsHigh (may be below rangeLow)
    ResponseCurve curve = ResponseCurve::Linear;
    double smoothingMs = 0.0; ///< time constant of the one-pole smoother

    /// The target value for @p volts: semitones for PitchVoct, the range's unit otherwise.
    double valueAt(double volts) const;

    /// Equal when they behave the same: the descriptor and range count only for
    /// targets that use them.
    friend bool operator==(const CvInput &a, const CvInput &b);
};

/// One of the two gate inputs, with a Schmitt trigger.
struct GateInput {
    static constexpr double kMaxHysteresis = 5.0;

    GateAction action = GateAction::None;
    double threshold = 1.0;  ///< volts; high above this
    double hysteresis = 0.2; ///< volts; low again below threshold − hysteresis

    friend bool operator==(const GateInput &, const GateInput &) = default;
};

/// How the panel's 4 CVs and 2 gates drive the instrument.
struct Mapping {
    static constexpr int kCvCount = 4;
    static constexpr int kGateCount = 2;

    QString id;
    QString name;
    std::array<CvInput, kCvCount> cv{};
    std::array<GateInput, kGateCount> gates{};

    friend bool operator==(const Mapping &, const Mapping &) = default;
};

} // namespace neurorack
