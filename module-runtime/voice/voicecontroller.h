// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"
#include "model/mappingevaluator.h"
#include "voiceplayer.h"

#include <QObject>
#include <QTimer>

#include <array>
#include <cstdint>

namespace neurorack::runtime {

class RenderWorker;

/// The voice engine's control side, on the main thread: turns panel inputs into sound.
/// Gates pass a Schmitt trigger (the mapping's threshold and hysteresis); CVs are
/// smoothed (the mapping's time constant) and applied to the current preset and the
/// morph. Whenever what the CVs describe changes, the impacts are rendered again ahead
/// of the next gate, so that a gate only has to start a voice.
class VoiceController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCvCount = Mapping::kCvCount;
    static constexpr int kGateCount = Mapping::kGateCount;
    /// The morph amount when no CV drives it.
    static constexpr double kDefaultMorph = MappingEvaluator::kDefaultMorph;

    VoiceController(VoicePlayer &player, RenderWorker &worker, QObject *parent = nullptr);

    /// Plays @p bank from @p slot (the first filled slot when @p slot is empty).
    void setBank(const Bank &bank, int slot);
    const Bank &bank() const { return m_bank; }
    /// Selects the preset in @p slot (ignored when the slot is empty).
    void selectSlot(int slot);
    /// Moves @p steps filled slots forward or back, wrapping around the bank.
    void stepSlot(int steps);
    int slot() const { return m_slot; }

    /// A CV input in calibrated volts; @p ns: when it was read (steady clock).
    void setCv(int input, double volts, std::int64_t ns);
    /// A gate input in calibrated volts; @p ns: when the edge was seen.
    void setGate(int input, double volts, std::int64_t ns);

    /// The CV after smoothing, in volts.
    double cvVolts(int input) const { return m_cv[static_cast<std::size_t>(input)].smoothed; }
    bool gateHigh(int input) const { return m_gates[static_cast<std::size_t>(input)]; }
    double morphAmount() const;
    /// What CV @p input drives now, for the screen: a short label and the value with
    /// its unit ("richness", "+1200 Hz").
    std::pair<QString, QString> cvText(int input) const;
    /// The curves that @p source plays with the CVs as they are now.
    DescriptorCurves curvesFor(ImpactSource source) const;

Q_SIGNALS:
    /// The current slot changed (encoder, a gate action, or the preset-select CV).
    void slotChanged(int slot);
    /// A gate went high or low, or the CVs moved: the screen may want to repaint.
    void inputsChanged();

private:
    struct Cv {
        double target = 0.0;   ///< volts, as read
        double smoothed = 0.0; ///< volts, after the one-pole smoother
    };

    void smooth();
    void update(std::int64_t ns);
    /// The slot the preset-select CV points at, or −1 when no CV selects.
    int cvSelectedSlot() const;
    /// The smoothed CVs, for the mapping evaluator.
    MappingEvaluator::Volts volts() const;
    bool sourceUsed(ImpactSource source) const;

    VoicePlayer &m_player;
    RenderWorker &m_worker;
    Bank m_bank;
    int m_slot = 0;
    std::uint64_t m_generation = 0; ///< bumped on bank or slot changes
    std::array<Cv, kCvCount> m_cv{};
    std::array<bool, kGateCount> m_gates{};
    QTimer m_smoothing;
    std::int64_t m_lastSmoothNs = 0;
    std::int64_t m_glideStartNs = 0; ///< the CV event that started the glide, until its first render
    /// What each source was last rendered from: the generation and the CVs in mV.
    std::array<std::array<std::int64_t, kCvCount + 1>, kSourceCount> m_rendered{};
    std::array<bool, kSourceCount> m_renderedValid{};
};

} // namespace neurorack::runtime
