// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bank.h"

#include <array>

namespace neurorack {

/// Which impact a gate plays: the current preset, or the morph of the bank's two
/// morph presets.
enum class ImpactSource { Preset = 0, Morph = 1 };
inline constexpr int kSourceCount = 2;

/// What a bank's mapping makes of the four CV voltages: the one definition of "what the
/// module would play", shared by neurorack-runtime's voice controller and Neurorack
/// Studio's mapping simulation and virtual module. Stateless and cheap: smoothing and
/// gate edges belong to the caller.
class MappingEvaluator
{
public:
    static constexpr int kCvCount = Mapping::kCvCount;
    /// The morph amount when no CV drives it.
    static constexpr double kDefaultMorph = 0.5;
    using Volts = std::array<double, kCvCount>;

    /// @p bank must outlive the evaluator.
    explicit MappingEvaluator(const Bank &bank)
        : m_bank(bank)
    {
    }

    /// The morph amount (0..1) that the CVs set, or kDefaultMorph when none drives it.
    double morphAmount(const Volts &volts) const;
    /// The slot the preset-select CV points at, or −1 when no CV selects (or the bank is empty).
    int selectedSlot(const Volts &volts) const;
    /// The curves @p source plays from @p slot with the CVs at @p volts: the preset (or the
    /// bank-scan morph, or the morph pair) with every offset, scale and V/oct applied.
    /// Empty when there is nothing to play (an empty slot or bank).
    DescriptorCurves curvesFor(ImpactSource source, int slot, const Volts &volts) const;
    /// Whether some gate of the mapping plays @p source.
    bool sourceUsed(ImpactSource source) const;
    /// What CV @p input drives at @p volts, for a screen: a short label and the value with
    /// its unit ("Richness", "+1200 Hz"). @p slot is the current slot (for preset select).
    std::pair<QString, QString> cvText(int input, double volts, int slot) const;
    /// What a gate does, as the module's screen says it ("play", "play morph", "next", …).
    static QString gateActionText(GateAction action);

private:
    DescriptorCurves baseCurves(ImpactSource source, int slot, const Volts &volts) const;
    void applyCvs(DescriptorCurves &curves, const Volts &volts) const;
    const CvInput &cv(int input) const { return m_bank.mapping().cv[static_cast<std::size_t>(input)]; }

    const Bank &m_bank;
};

} // namespace neurorack
