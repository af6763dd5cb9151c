// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/impactengine.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace neurorack::studio {

class RenderWorker;

/// Renders impacts for Studio on a worker thread that owns the ImpactEngine, so that the
/// UI never waits for inference. Requests are coalesced: a request made while another is
/// waiting replaces it (only the latest edit is worth hearing), and results come back as
/// queued signals on the thread that owns the service.
class RenderService : public QObject
{
    Q_OBJECT

public:
    /// The seed of every render: the same curves always sound the same.
    static constexpr quint64 kSeed = 0;

    explicit RenderService(QObject *parent = nullptr);
    ~RenderService() override;

    /// Loads a model on the worker; modelLoaded() or modelFailed() answers. The previous
    /// model stays in use when the new one fails.
    void loadModel(const QString &path);
    /// The model in use, once one has loaded.
    std::optional<ModelInfo> model() const { return m_model; }
    /// Queues a render of @p curves; returns its id (rendered() carries it).
    quint64 render(const DescriptorCurves &curves, const QString &title);
    /// Whether a render is waiting or running.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void modelLoaded(const neurorack::ModelInfo &model);
    void modelFailed(const QString &message);
    /// 48 kHz mono audio for request @p id; @p renderMs is inference time alone.
    void rendered(quint64 id, const QString &title, const QList<float> &audio, double renderMs);
    void renderFailed(quint64 id, const QString &title, const QString &message);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    QThread *m_thread = nullptr;
    RenderWorker *m_worker = nullptr;
    std::optional<ModelInfo> m_model;
    quint64 m_nextId = 1;
    bool m_busy = false;
};

} // namespace neurorack::studio
