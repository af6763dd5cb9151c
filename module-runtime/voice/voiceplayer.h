// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audio/audiosink.h"
#include "spscqueue.h"

#include "model/mappingevaluator.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

namespace neurorack::runtime {

/// The two impacts the gates can play: the current preset (with the CVs applied) and
/// the morph of the bank's two morph presets.
/// The audio-thread side of the voice engine. Rendered impacts arrive ready in
/// preallocated buffers; a gate starts a voice at the next block. Everything the audio
/// thread touches is preallocated, and other threads reach it only through lock-free
/// queues: no allocation and no lock in renderBlock().
///
/// Buffer ownership moves with the queues: the render worker takes a free buffer,
/// fills it and hands it over with publish(); the audio thread plays it and gives it
/// back through takeFreeBuffer() once no voice uses it and a newer impact replaced it.
class VoicePlayer : public AudioSource
{
public:
    static constexpr int kVoiceCount = 4;            ///< impacts sounding at once
    static constexpr int kVoicePlaces = 6;           ///< the sounding ones and stolen ones fading out
    static constexpr int kBufferCount = kSourceCount + kVoicePlaces + 2; ///< + spares for the worker
    static constexpr int kStealFadeFrames = 144;     ///< 3 ms fade of a stolen voice
    static constexpr int kMaxFrames = 48000 * 10;    ///< the longest impact (10 s)

    struct Buffer {
        std::vector<float> samples; ///< kMaxFrames, allocated once
        int length = 0;             ///< samples in use
        ImpactSource source = ImpactSource::Preset;
        std::int64_t requestedNs = 0; ///< when the change that asked for it happened
    };

    VoicePlayer();

    // ---- render worker ------------------------------------------------------------
    /// A free buffer index, or −1 when all are in use (the worker retries later).
    int takeFreeBuffer();
    Buffer &buffer(int index) { return m_buffers[static_cast<std::size_t>(index)]; }
    /// Hands a filled buffer to the audio thread as the current impact of its source.
    void publish(int index);

    // ---- control (main) thread ----------------------------------------------------
    /// Plays the current impact of @p source from the next block. @p edgeNs: when the
    /// gate edge was seen (steady clock), for the latency figures.
    void trigger(ImpactSource source, std::int64_t edgeNs);
    /// Output gain in dB (−60 … 0), ramped over one block.
    void setVolumeDb(double db);
    /// Whether @p source has an impact ready to play.
    bool hasImpact(ImpactSource source) const;

    // ---- audio thread -------------------------------------------------------------
    void renderBlock(float *out, int frames) noexcept override;

    /// Figures, readable from any thread.
    struct Stats {
        std::uint64_t triggers = 0;        ///< gates that started a voice
        std::uint64_t silentTriggers = 0;  ///< gates with no impact ready yet
        std::uint64_t stolen = 0;          ///< voices cut short by a new one
        std::uint64_t lostEvents = 0;      ///< triggers dropped because the queue was full
        std::int64_t lastLatencyNs = 0;    ///< gate edge to its first sample in a block
        std::int64_t maxLatencyNs = 0;
        double meanLatencyNs = 0.0;
        /// Per source: the change that asked for the newest impact, to that impact ready to play.
        std::array<std::int64_t, kSourceCount> lastImpactLatencyNs{};
        std::uint64_t impactsPublished = 0;
        int activeVoices = 0;
        float peak = 0.0f;                 ///< since the last stats() call
    };
    Stats stats();

private:
    struct Voice {
        int buffer = -1;
        int position = 0;
        int fadeLeft = -1; ///< frames of fade-out left; −1 when not fading
        std::uint64_t started = 0;
    };
    struct Trigger {
        ImpactSource source;
        std::int64_t edgeNs;
    };

    void release(int index) noexcept;
    void startVoice(const Trigger &trigger, std::int64_t nowNs) noexcept;

    std::array<Buffer, kBufferCount> m_buffers;
    std::array<int, kBufferCount> m_users{}; // audio thread only: current + voices
    std::array<int, kSourceCount> m_current{-1, -1}; // audio thread only
    std::array<Voice, kVoicePlaces> m_voices{};
    std::uint64_t m_voiceCounter = 0;
    float m_gain = 0.5f; // audio thread only

    SpscQueue<int, 16> m_free;       // audio → worker
    SpscQueue<int, 16> m_ready;      // worker → audio
    SpscQueue<Trigger, 256> m_triggers; // main → audio

    std::atomic<float> m_targetGain{0.5f};
    std::array<std::atomic<bool>, kSourceCount> m_hasImpact{};
    std::atomic<std::uint64_t> m_triggerCount{0}, m_silentCount{0}, m_stolenCount{0}, m_lostCount{0}, m_published{0};
    std::atomic<std::int64_t> m_lastLatency{0}, m_maxLatency{0}, m_latencySum{0};
    std::array<std::atomic<std::int64_t>, kSourceCount> m_impactLatency{};
    std::atomic<int> m_activeVoices{0};
    std::atomic<float> m_peak{0.0f};
};

} // namespace neurorack::runtime
