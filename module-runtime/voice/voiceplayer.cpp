// SPDX-License-Identifier: GPL-3.0-or-later
#include "voiceplayer.h"

#include "monotonicclock.h"

#include <algorithm>
#include <cmath>

namespace neurorack::runtime {

VoicePlayer::VoicePlayer()
{
    for (int i = 0; i < kBufferCount; ++i) {
        m_buffers[static_cast<std::size_t>(i)].samples.assign(kMaxFrames, 0.0f);
        m_free.push(i);
    }
}

int VoicePlayer::takeFreeBuffer()
{
    return m_free.pop().value_or(-1);
}

void VoicePlayer::publish(int index)
{
    m_ready.push(index); // cannot be full: there are fewer buffers than places
}

void VoicePlayer::trigger(ImpactSource source, std::int64_t edgeNs)
{
    if (!m_triggers.push({source, edgeNs}))
        m_lostCount.fetch_add(1, std::memory_order_relaxed);
}

void VoicePlayer::setVolumeDb(double db)
{
    m_targetGain.store(static_cast<float>(std::pow(10.0, std::clamp(db, -60.0, 0.0) / 20.0)), std::memory_order_relaxed);
}

bool VoicePlayer::hasImpact(ImpactSource source) const
{
    return m_hasImpact[static_cast<std::size_t>(source)].load(std::memory_order_acquire);
}

void VoicePlayer::release(int index) noexcept
{
    if (--m_users[static_cast<std::size_t>(index)] == 0)
        m_free.push(index);
}

void VoicePlayer::startVoice(const Trigger &trigger, std::int64_t nowNs) noexcept
{
    const int current = m_current[static_cast<std::size_t>(trigger.source)];
    if (current < 0) {
        m_silentCount.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    // kVoiceCount voices sound at once; a further gate steals the oldest, which fades
    // out over a few milliseconds in one of the spare places instead of clicking off.
    int sounding = 0;
    Voice *oldest = nullptr;
    Voice *place = nullptr;
    for (auto &voice : m_voices) {
        if (voice.buffer < 0) {
            place = place ? place : &voice;
        } else if (voice.fadeLeft < 0) {
            ++sounding;
            if (!oldest || voice.started < oldest->started)
                oldest = &voice;
        }
    }
    if (sounding >= kVoiceCount && oldest) {
        oldest->fadeLeft = kStealFadeFrames;
        m_stolenCount.fetch_add(1, std::memory_order_relaxed);
    }
    if (!place) {
        // Every spare place is mid-fade (a burst of gates): cut the fade nearest its end.
        for (auto &voice : m_voices) {
            if (voice.fadeLeft >= 0 && (!place || voice.fadeLeft < place->fadeLeft))
                place = &voice;
        }
        release(place->buffer);
    }
    Voice *chosen = place;
    ++m_users[static_cast<std::size_t>(current)];
    *chosen = Voice{current, 0, -1, ++m_voiceCounter};
    const std::int64_t latency = std::max<std::int64_t>(0, nowNs - trigger.edgeNs);
    m_lastLatency.store(latency, std::memory_order_relaxed);
    if (latency > m_maxLatency.load(std::memory_order_relaxed))
        m_maxLatency.store(latency, std::memory_order_relaxed);
    m_latencySum.fetch_add(latency, std::memory_order_relaxed);
    m_triggerCount.fetch_add(1, std::memory_order_relaxed);
}

void VoicePlayer::renderBlock(float *out, int frames) noexcept
{
    const std::int64_t now = monotonicNs();
    while (const auto ready = m_ready.pop()) {
        const int index = *ready;
        const auto &buffer = m_buffers[static_cast<std::size_t>(index)];
        const auto source = static_cast<std::size_t>(buffer.source);
        if (m_current[source] >= 0)
            release(m_current[source]);
        m_current[source] = index;
        m_users[static_cast<std::size_t>(index)] = 1;
        m_hasImpact[source].store(true, std::memory_order_release);
        m_impactLatency[source].store(now - buffer.requestedNs, std::memory_order_relaxed);
        m_published.fetch_add(1, std::memory_order_relaxed);
    }
    while (const auto trigger = m_triggers.pop())
        startVoice(*trigger, now);

    std::fill(out, out + frames, 0.0f);
    const float startGain = m_gain;
    const float endGain = m_targetGain.load(std::memory_order_relaxed);
    const float gainStep = (endGain - startGain) / static_cast<float>(frames);
    int active = 0;
    for (auto &voice : m_voices) {
        if (voice.buffer < 0)
            continue;
        const auto &buffer = m_buffers[static_cast<std::size_t>(voice.buffer)];
        const float *samples = buffer.samples.data();
        int n = std::min(frames, buffer.length - voice.position);
        if (voice.fadeLeft >= 0)
            n = std::min(n, voice.fadeLeft);
        for (int i = 0; i < n; ++i) {
            float sample = samples[voice.position + i];
            if (voice.fadeLeft >= 0)
                sample *= static_cast<float>(voice.fadeLeft - i) / static_cast<float>(kStealFadeFrames);
            out[i] += sample;
        }
        voice.position += n;
        if (voice.fadeLeft >= 0)
            voice.fadeLeft -= n;
        if (voice.position >= buffer.length || voice.fadeLeft == 0) {
            release(voice.buffer);
            voice = Voice{};
        } else {
            ++active;
        }
    }
    float peak = m_peak.load(std::memory_order_relaxed);
    for (int i = 0; i < frames; ++i) {
        const float gain = startGain + gainStep * static_cast<float>(i + 1);
        // A soft limit above −1 dBFS: several loud voices never wrap or hard-clip.
        float v = out[i] * gain;
        const float a = std::fabs(v);
        if (a > 0.891f)
            v = std::copysign(0.891f + 0.109f * std::tanh((a - 0.891f) / 0.109f), v);
        out[i] = v;
        peak = std::max(peak, std::fabs(v));
    }
    m_gain = endGain;
    m_peak.store(peak, std::memory_order_relaxed);
    m_activeVoices.store(active, std::memory_order_relaxed);
}

VoicePlayer::Stats VoicePlayer::stats()
{
    Stats s;
    s.triggers = m_triggerCount.load();
    s.silentTriggers = m_silentCount.load();
    s.stolen = m_stolenCount.load();
    s.lostEvents = m_lostCount.load();
    s.lastLatencyNs = m_lastLatency.load();
    s.maxLatencyNs = m_maxLatency.load();
    s.meanLatencyNs = s.triggers ? static_cast<double>(m_latencySum.load()) / static_cast<double>(s.triggers) : 0.0;
    for (std::size_t i = 0; i < s.lastImpactLatencyNs.size(); ++i)
        s.lastImpactLatencyNs[i] = m_impactLatency[i].load();
    s.impactsPublished = m_published.load();
    s.activeVoices = m_activeVoices.load();
    s.peak = m_peak.exchange(0.0f);
    return s;
}

} // namespace neurorack::runtime
