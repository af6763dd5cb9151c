// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicecontroller.h"

#include "monotonicclock.h"
#include "renderworker.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcVoice)

namespace neurorack::runtime {

namespace {
/// How often the CV smoother steps while a CV glides.
constexpr std::chrono::milliseconds kSmoothingTick{2};
/// Below this, a smoothed CV has arrived (volts): about the ADS1015's resolution.
constexpr double kSettledVolts = 0.0005;
/// CVs are compared at this resolution (volts) to decide whether to render again.
constexpr double kRenderResolutionVolts = 0.001;
}

VoiceController::VoiceController(VoicePlayer &player, RenderWorker &worker, QObject *parent)
    : QObject(parent)
    , m_player(player)
    , m_worker(worker)
{
    m_smoothing.setInterval(kSmoothingTick);
    m_smoothing.setTimerType(Qt::PreciseTimer);
    connect(&m_smoothing, &QTimer::timeout, this, &VoiceController::smooth);
}

void VoiceController::setBank(const Bank &bank, int slot)
{
    m_bank = bank;
    const auto filled = m_bank.filledSlots();
    m_slot = filled.contains(slot) ? slot : (filled.isEmpty() ? 0 : filled.first());
    ++m_generation;
    Q_EMIT slotChanged(m_slot);
    update(monotonicNs());
}

void VoiceController::selectSlot(int slot)
{
    if (!m_bank.preset(slot) || slot == m_slot)
        return;
    m_slot = slot;
    ++m_generation;
    Q_EMIT slotChanged(m_slot);
    update(monotonicNs());
}

void VoiceController::stepSlot(int steps)
{
    const auto filled = m_bank.filledSlots();
    if (filled.isEmpty())
        return;
    const auto n = static_cast<int>(filled.size());
    const int at = std::max<int>(0, static_cast<int>(filled.indexOf(m_slot)));
    selectSlot(filled[((at + steps) % n + n) % n]);
}

void VoiceController::setCv(int input, double volts, std::int64_t ns)
{
    if (input < 0 || input >= kCvCount)
        return;
    auto &cv = m_cv[static_cast<std::size_t>(input)];
    cv.target = volts;
    const auto &mapping = m_bank.mapping().cv[static_cast<std::size_t>(input)];
    if (mapping.smoothingMs <= 0.0) {
        cv.smoothed = volts;
        update(ns);
    } else {
        if (m_glideStartNs == 0)
            m_glideStartNs = ns;
        if (!m_smoothing.isActive()) {
            m_lastSmoothNs = monotonicNs();
            m_smoothing.start();
        }
    }
    Q_EMIT inputsChanged();
}

void VoiceController::setGate(int input, double volts, std::int64_t ns)
{
    if (input < 0 || input >= kGateCount)
        return;
    const auto &gate = m_bank.mapping().gates[static_cast<std::size_t>(input)];
    bool &high = m_gates[static_cast<std::size_t>(input)];
    // Schmitt trigger: a noisy edge never fires twice.
    const bool rising = !high && volts > gate.threshold;
    const bool falling = high && volts < gate.threshold - gate.hysteresis;
    if (!rising && !falling)
        return;
    high = rising;
    Q_EMIT inputsChanged();
    if (!rising)
        return;
    switch (gate.action) {
    case GateAction::Trigger:
        m_player.trigger(ImpactSource::Preset, ns);
        break;
    case GateAction::TriggerMorph:
        m_player.trigger(ImpactSource::Morph, ns);
        break;
    case GateAction::NextPreset:
        stepSlot(1);
        break;
    case GateAction::PreviousPreset:
        stepSlot(-1);
        break;
    case GateAction::None:
        break;
    }
}

void VoiceController::smooth()
{
    const std::int64_t now = monotonicNs();
    const double dtMs = static_cast<double>(now - m_lastSmoothNs) / 1e6;
    m_lastSmoothNs = now;
    bool gliding = false;
    for (int i = 0; i < kCvCount; ++i) {
        auto &cv = m_cv[static_cast<std::size_t>(i)];
        const double tau = m_bank.mapping().cv[static_cast<std::size_t>(i)].smoothingMs;
        if (tau <= 0.0 || std::fabs(cv.target - cv.smoothed) < kSettledVolts) {
            cv.smoothed = cv.target;
            continue;
        }
        cv.smoothed += (cv.target - cv.smoothed) * (1.0 - std::exp(-dtMs / tau));
        gliding = true;
    }
    if (!gliding)
        m_smoothing.stop();
    // The first render of a glide answers the CV event; later ones follow the glide.
    update(m_glideStartNs ? m_glideStartNs : now);
    m_glideStartNs = 0;
}

MappingEvaluator::Volts VoiceController::volts() const
{
    MappingEvaluator::Volts v{};
    for (int i = 0; i < kCvCount; ++i)
        v[static_cast<std::size_t>(i)] = cvVolts(i);
    return v;
}

double VoiceController::morphAmount() const
{
    return MappingEvaluator(m_bank).morphAmount(volts());
}

int VoiceController::cvSelectedSlot() const
{
    return MappingEvaluator(m_bank).selectedSlot(volts());
}

DescriptorCurves VoiceController::curvesFor(ImpactSource source) const
{
    return MappingEvaluator(m_bank).curvesFor(source, m_slot, volts());
}

bool VoiceController::sourceUsed(ImpactSource source) const
{
    return MappingEvaluator(m_bank).sourceUsed(source);
}

void VoiceController::update(std::int64_t ns)
{
    const int selected = cvSelectedSlot();
    if (selected >= 0 && selected != m_slot) {
        m_slot = selected;
        ++m_generation;
        Q_EMIT slotChanged(m_slot);
    }
    std::array<std::int64_t, kCvCount + 1> key{};
    key[0] = static_cast<std::int64_t>(m_generation);
    for (int i = 0; i < kCvCount; ++i)
        key[static_cast<std::size_t>(i) + 1] = std::llround(cvVolts(i) / kRenderResolutionVolts);
    for (int s = 0; s < kSourceCount; ++s) {
        const auto source = static_cast<ImpactSource>(s);
        // The preset is always rendered: the screen and a later mapping change may need it.
        if (source != ImpactSource::Preset && !sourceUsed(source))
            continue;
        if (m_renderedValid[static_cast<std::size_t>(s)] && m_rendered[static_cast<std::size_t>(s)] == key)
            continue;
        DescriptorCurves curves = curvesFor(source);
        if (curves.isEmpty())
            continue;
        m_rendered[static_cast<std::size_t>(s)] = key;
        m_renderedValid[static_cast<std::size_t>(s)] = true;
        m_worker.request(source, std::move(curves), ns);
    }
}

std::pair<QString, QString> VoiceController::cvText(int input) const
{
    return MappingEvaluator(m_bank).cvText(input, cvVolts(input), m_slot);
}

} // namespace neurorack::runtime
