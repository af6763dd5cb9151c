// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimeprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

namespace {
const QString kRuntime = QStringLiteral(NEURORACK_BINARY_DIR "/module-runtime/neurorack-runtime");
}

RuntimeProcess::RuntimeProcess(const QString &dataDir, const QString &audio)
    : m_dataDir(dataDir)
    , m_audio(audio.isEmpty() ? QStringLiteral("wav:") + dataDir + QStringLiteral("/../out.wav") : audio)
{
}

RuntimeProcess::~RuntimeProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString RuntimeProcess::wavPath() const
{
    return m_audio.startsWith(u"wav:") ? m_audio.mid(4) : QString();
}

QByteArray RuntimeProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

bool RuntimeProcess::start(QStringList extra)
{
    m_process.start(kRuntime, QStringList{QStringLiteral("--panel"), QStringLiteral("sim"), QStringLiteral("--data"), m_dataDir,
                                          QStringLiteral("--audio"), m_audio} + extra);
    if (!m_process.waitForStarted() || !waitForLog("ready:"))
        return false;
    m_socket.connectToServer(m_dataDir + QStringLiteral("/panel.sock"));
    return m_socket.waitForConnected(kTimeoutMs) && waitUntilIdle();
}

bool RuntimeProcess::waitForLog(const QByteArray &text)
{
    QElapsedTimer timer;
    timer.start();
    while (!log().contains(text)) {
        if (timer.elapsed() > kTimeoutMs || m_process.state() == QProcess::NotRunning)
            return false;
        m_process.waitForReadyRead(50);
    }
    return true;
}

QJsonObject RuntimeProcess::send(const QByteArray &line)
{
    m_socket.write(line + '\n');
    m_socket.flush();
    QElapsedTimer timer;
    timer.start();
    while (!m_socket.canReadLine() && timer.elapsed() < kTimeoutMs)
        m_socket.waitForReadyRead(50);
    return QJsonDocument::fromJson(m_socket.readLine()).object();
}

bool RuntimeProcess::waitUntilIdle()
{
    return waitFor([](const QJsonObject &s) { return !s.value(QStringLiteral("rendering")).toBool(); });
}

bool RuntimeProcess::waitFor(const std::function<bool(const QJsonObject &)> &condition)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kTimeoutMs) {
        if (condition(status()))
            return true;
        QTest::qWait(20);
    }
    return false;
}

void RuntimeProcess::trigger(int gate, int ms)
{
    send(QStringLiteral(R"({"trigger": %1})").arg(gate).toUtf8());
    QTest::qWait(ms);
}

int RuntimeProcess::stop()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    m_process.waitForFinished(kTimeoutMs);
    log();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}
