// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderworker.h"

#include "engine/impactengine.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcVoice, "neurorack.voice")

namespace neurorack::runtime {

namespace {
/// How long the worker waits for the audio thread to give a buffer back.
constexpr std::chrono::milliseconds kBufferRetry{2};
/// The noise seed of every render: the same curves always sound the same.
constexpr quint64 kSeed = 1;
}

RenderWorker::RenderWorker(ImpactEngine &engine, VoicePlayer &player)
    : m_engine(engine)
    , m_player(player)
    , m_thread([this] { run(); })
{
}

RenderWorker::~RenderWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RenderWorker::setReportHandler(std::function<void(const Report &)> handler)
{
    std::lock_guard lock(m_mutex);
    m_report = std::move(handler);
}

void RenderWorker::request(ImpactSource source, DescriptorCurves curves, std::int64_t requestedNs)
{
    {
        std::lock_guard lock(m_mutex);
        auto &pending = m_pending[static_cast<std::size_t>(source)];
        // Keep the time of the oldest change still unrendered: it is what the
        // "change to re-rendered impact" figure measures.
        const std::int64_t since = pending ? pending->requestedNs : requestedNs;
        pending = Request{std::move(curves), since};
    }
    m_wake.notify_one();
}

bool RenderWorker::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_rendering || std::any_of(m_pending.begin(), m_pending.end(), [](const auto &p) { return p.has_value(); });
}

void RenderWorker::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] {
            return m_quit || std::any_of(m_pending.begin(), m_pending.end(), [](const auto &p) { return p.has_value(); });
        });
        if (m_quit)
            return;
        // The preset the gates play most comes first.
        const auto found = std::find_if(m_pending.begin(), m_pending.end(), [](const auto &p) { return p.has_value(); });
        const auto source = static_cast<ImpactSource>(found - m_pending.begin());
        Request request = std::move(**found);
        found->reset();
        m_rendering = true;
        auto report = m_report;
        lock.unlock();

        Report result{source, 0.0, request.requestedNs, {}};
        QElapsedTimer timer;
        timer.start();
        auto audio = m_engine.render(request.curves, kSeed);
        result.renderMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!audio) {
            result.error = audio.errorString();
            qCWarning(lcVoice).noquote() << "render failed:" << result.error;
        } else {
            int index = m_player.takeFreeBuffer();
            while (index < 0) {
                // Every buffer is playing: wait for a voice to end.
                std::this_thread::sleep_for(kBufferRetry);
                index = m_player.takeFreeBuffer();
            }
            auto &buffer = m_player.buffer(index);
            const auto &samples = audio.value();
            buffer.length = static_cast<int>(std::min<std::size_t>(samples.size(), buffer.samples.size()));
            std::copy_n(samples.begin(), buffer.length, buffer.samples.begin());
            buffer.source = source;
            buffer.requestedNs = request.requestedNs;
            m_player.publish(index);
        }
        if (report)
            report(result);
        lock.lock();
        m_rendering = false;
    }
}

} // namespace neurorack::runtime
