// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "panel.h"

#include <QImage>
#include <QJsonObject>

#include <functional>

class QLocalServer;
class QLocalSocket;

namespace neurorack::runtime {

/// The panel simulator: the same events as the hardware, from JSON lines on a local
/// socket (docs/sim-panel.md), so that the whole runtime runs and is tested on a laptop.
/// Every request gets a one-line JSON reply; a malformed one gets an error that says
/// what was wrong and changes nothing.
class SimPanel : public Panel
{
    Q_OBJECT
public:
    /// How long {"button": "long"} holds the button down.
    static constexpr int kLongPressMs = 800;

    explicit SimPanel(QString socketPath, QObject *parent = nullptr);
    ~SimPanel() override;

    Status start() override;
    void stop() override;
    void showFrame(const QImage &frame) override;
    QString name() const override { return QStringLiteral("sim"); }

    QString socketPath() const { return m_socketPath; }
    /// What {"status": true} answers: the runtime's state, as a JSON object.
    void setStatusProvider(std::function<QJsonObject()> provider) { m_status = std::move(provider); }
    /// The last frame shown.
    QImage frame() const { return m_frame; }

private:
    void accept();
    void readFrom(QLocalSocket *socket);
    /// Applies one request; returns the reply.
    QJsonObject handle(const QByteArray &line);

    QString m_socketPath;
    QLocalServer *m_server = nullptr;
    QImage m_frame;
    std::function<QJsonObject()> m_status;
};

} // namespace neurorack::runtime
