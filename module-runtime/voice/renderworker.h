// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptorcurves.h"
#include "voiceplayer.h"

#include <QString>

#include <array>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace neurorack {
class ImpactEngine;
}

namespace neurorack::runtime {

/// Renders impacts ahead of the gates, on a thread of its own: inference never runs on
/// the audio thread. Requests are "latest wins" per source: while one render runs, a
/// newer request for the same source replaces an older waiting one, so a moving CV
/// never builds a queue.
class RenderWorker
{
public:
    /// What one render took, reported on the worker thread.
    struct Report {
        ImpactSource source;
        double renderMs = 0.0;     ///< inference alone
        std::int64_t requestedNs = 0;
        QString error;             ///< empty on success
    };

    RenderWorker(ImpactEngine &engine, VoicePlayer &player);
    ~RenderWorker();
    RenderWorker(const RenderWorker &) = delete;
    RenderWorker &operator=(const RenderWorker &) = delete;

    /// Called on the worker thread after every render (keep it short: post it on).
    void setReportHandler(std::function<void(const Report &)> handler);
    /// Asks for @p curves to become the playable impact of @p source. @p requestedNs:
    /// when the change that asked for it happened (steady clock).
    void request(ImpactSource source, DescriptorCurves curves, std::int64_t requestedNs);
    /// Whether requests are waiting or a render runs.
    bool busy() const;

private:
    struct Request {
        DescriptorCurves curves;
        std::int64_t requestedNs = 0;
    };

    void run();

    ImpactEngine &m_engine;
    VoicePlayer &m_player;
    std::function<void(const Report &)> m_report;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::array<std::optional<Request>, kSourceCount> m_pending;
    bool m_rendering = false;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace neurorack::runtime
