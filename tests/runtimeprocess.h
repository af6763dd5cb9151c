// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

/// One neurorack-runtime process on the sim panel with WAV output, and a client on its
/// socket: how tst_runtime and bench_runtime play the module.
class RuntimeProcess
{
public:
    static constexpr int kTimeoutMs = 20000;

    /// @p wavPath empty: DATA/../out.wav.
    explicit RuntimeProcess(const QString &dataDir, const QString &audio = {});
    ~RuntimeProcess();

    QString wavPath() const;
    /// Everything the runtime logged so far.
    QByteArray log();
    qint64 pid() const { return m_process.processId(); }

    /// Starts it with @p extra arguments, waits for "ready", connects and waits for the
    /// first renders.
    bool start(QStringList extra = {});
    bool waitForLog(const QByteArray &text);
    /// Sends one request line; the reply.
    QJsonObject send(const QByteArray &line);
    QJsonObject status() { return send(R"({"status": true})"); }
    /// Waits until every render asked for is done.
    bool waitUntilIdle();
    bool waitFor(const std::function<bool(const QJsonObject &)> &condition);
    /// Plays gate @p gate and waits @p ms for the sound to ring out.
    void trigger(int gate, int ms);
    /// SIGTERM; the exit code (−1 when it crashed).
    int stop();

private:
    QString m_dataDir;
    QString m_audio;
    QProcess m_process;
    QLocalSocket m_socket;
    QByteArray m_log;
};
