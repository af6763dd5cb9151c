// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderservice.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

#include <mutex>

Q_LOGGING_CATEGORY(lcRender, "neurorack.studio.render", QtInfoMsg)

namespace neurorack::studio {

/// Lives on the worker thread: owns the engine and the one waiting request.
class RenderWorker : public QObject
{
public:
    struct Request {
        quint64 id = 0;
        DescriptorCurves curves;
        QString title;
    };

    ImpactEngine engine{ImpactEngine::Device::Auto};

    /// Stores @p request as the one waiting (replacing an older one); true when the
    /// worker must be woken.
    bool post(Request request)
    {
        std::lock_guard lock(m_mutex);
        const bool wake = !m_pending && !m_running;
        m_pending = std::move(request);
        return wake;
    }

    /// Takes the waiting request; marks the worker running while one is taken.
    std::optional<Request> take()
    {
        std::lock_guard lock(m_mutex);
        std::optional<Request> request = std::move(m_pending);
        m_pending.reset();
        m_running = request.has_value();
        return request;
    }

private:
    std::mutex m_mutex;
    std::optional<Request> m_pending;
    bool m_running = false;
};

RenderService::RenderService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new RenderWorker)
{
    m_thread->setObjectName(QStringLiteral("studio-render"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

RenderService::~RenderService()
{
    m_thread->quit();
    m_thread->wait();
}

void RenderService::loadModel(const QString &path)
{
    QPointer<RenderService> self(this);
    RenderWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [self, worker, path] {
        const auto loaded = worker->engine.load(path);
        QMetaObject::invokeMethod(self, [self, loaded] {
            if (!self)
                return;
            if (loaded) {
                self->m_model = *loaded;
                qCInfo(lcRender) << "model" << loaded->name << loaded->version << "on" << loaded->device
                                 << "loaded in" << loaded->loadMs << "ms";
                Q_EMIT self->modelLoaded(*loaded);
            } else {
                qCWarning(lcRender).noquote() << "model refused:" << loaded.errorString();
                Q_EMIT self->modelFailed(loaded.errorString());
            }
        });
    });
}

quint64 RenderService::render(const DescriptorCurves &curves, const QString &title)
{
    const quint64 id = m_nextId++;
    setBusy(true);
    if (!m_worker->post({id, curves, title}))
        return id;
    QPointer<RenderService> self(this);
    RenderWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [self, worker] {
        // Drain: a request posted while this one renders is taken next; older ones were replaced.
        while (auto request = worker->take()) {
            QElapsedTimer timer;
            timer.start();
            auto audio = worker->engine.render(request->curves, kSeed);
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            QList<float> samples;
            QString error;
            if (audio)
                samples = QList<float>(audio->begin(), audio->end());
            else
                error = audio.errorString();
            QMetaObject::invokeMethod(self, [self, id = request->id, title = request->title, samples, error, ms] {
                if (!self)
                    return;
                if (error.isEmpty())
                    Q_EMIT self->rendered(id, title, samples, ms);
                else
                    Q_EMIT self->renderFailed(id, title, error);
                if (id + 1 == self->m_nextId)
                    self->setBusy(false);
            });
        }
    });
    return id;
}

void RenderService::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace neurorack::studio
