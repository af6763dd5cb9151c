// SPDX-License-Identifier: GPL-3.0-or-later
#include "simpanel.h"

#include "voice/monotonicclock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

#include <cmath>

Q_LOGGING_CATEGORY(lcSim, "neurorack.panel.sim")

namespace neurorack::runtime {

namespace {
/// A gate played by {"trigger": N} is high for this long (volts, milliseconds).
constexpr double kTriggerVolts = 5.0;
constexpr int kTriggerMs = 5;
/// The longest request line accepted.
constexpr qint64 kMaxLine = 64 * 1024;

QJsonObject failure(const QString &message)
{
    return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
}

QJsonObject success(QJsonObject extra = {})
{
    extra.insert(QStringLiteral("ok"), true);
    return extra;
}
}

SimPanel::SimPanel(QString socketPath, QObject *parent)
    : Panel(parent)
    , m_socketPath(std::move(socketPath))
{
    m_frame = QImage(kScreenSize, kScreenSize, QImage::Format_RGB32);
    m_frame.fill(Qt::black);
}

SimPanel::~SimPanel()
{
    stop();
}

Status SimPanel::start()
{
    if (m_server)
        return done();
    QDir().mkpath(QFileInfo(m_socketPath).absolutePath());
    // A socket left behind by a runtime that was killed would block listen().
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        const QString error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Status::failure(m_socketPath, QStringLiteral("cannot open the panel simulator's socket: %1").arg(error));
    }
    connect(m_server, &QLocalServer::newConnection, this, &SimPanel::accept);
    qCInfo(lcSim).noquote() << "panel simulator listening on" << m_socketPath;
    return done();
}

void SimPanel::stop()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server;
    m_server = nullptr;
    QLocalServer::removeServer(m_socketPath);
}

void SimPanel::showFrame(const QImage &frame)
{
    m_frame = frame;
}

void SimPanel::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void SimPanel::readFrom(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(kMaxLine).trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject reply = handle(line);
        socket->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
    }
    if (socket->bytesAvailable() > kMaxLine) {
        socket->write(QJsonDocument(failure(QStringLiteral("request longer than %1 bytes").arg(kMaxLine))).toJson(QJsonDocument::Compact) + '\n');
        socket->readAll();
    }
}

QJsonObject SimPanel::handle(const QByteArray &line)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("not JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return failure(QStringLiteral("a request is a JSON object"));
    const QJsonObject request = document.object();

    auto index = [&](const QString &key, int count, int *out) -> QString {
        const QJsonValue value = request.value(key);
        const double n = value.toDouble(-1);
        if (!value.isDouble() || n != std::floor(n) || n < 1 || n > count)
            return QStringLiteral("%1: an input number from 1 to %2").arg(key).arg(count);
        *out = static_cast<int>(n) - 1;
        return {};
    };
    auto volts = [&](double *out) -> QString {
        const QJsonValue value = request.value(QStringLiteral("volts"));
        if (value.isDouble() && value.toDouble() >= -12.0 && value.toDouble() <= 12.0) {
            *out = value.toDouble();
            return {};
        }
        return QStringLiteral("volts: a number from -12 to 12");
    };

    if (request.contains(QStringLiteral("cv"))) {
        int input = 0;
        double v = 0.0;
        QString error = index(QStringLiteral("cv"), kCvCount, &input);
        if (error.isEmpty())
            error = volts(&v);
        if (!error.isEmpty())
            return failure(error);
        Q_EMIT cvChanged(input, v);
        return success();
    }
    if (request.contains(QStringLiteral("gate"))) {
        int input = 0;
        double v = 0.0;
        QString error = index(QStringLiteral("gate"), kGateCount, &input);
        if (error.isEmpty()) {
            if (request.value(QStringLiteral("high")).isBool())
                v = request.value(QStringLiteral("high")).toBool() ? kTriggerVolts : 0.0;
            else
                error = volts(&v);
        }
        if (!error.isEmpty())
            return failure(error);
        Q_EMIT gateChanged(input, v, monotonicNs());
        return success();
    }
    if (request.contains(QStringLiteral("trigger"))) {
        int input = 0;
        if (const QString error = index(QStringLiteral("trigger"), kGateCount, &input); !error.isEmpty())
            return failure(error);
        Q_EMIT gateChanged(input, kTriggerVolts, monotonicNs());
        QTimer::singleShot(kTriggerMs, this, [this, input] { Q_EMIT gateChanged(input, 0.0, monotonicNs()); });
        return success();
    }
    if (request.contains(QStringLiteral("encoder"))) {
        const QJsonValue value = request.value(QStringLiteral("encoder"));
        const double steps = value.toDouble(0);
        if (!value.isDouble() || steps != std::floor(steps) || steps == 0 || std::fabs(steps) > 100)
            return failure(QStringLiteral("encoder: a whole number of detents, -100 to 100, not 0"));
        Q_EMIT encoderTurned(static_cast<int>(steps));
        return success();
    }
    if (request.contains(QStringLiteral("button"))) {
        const QString action = request.value(QStringLiteral("button")).toString();
        if (action == u"press") {
            Q_EMIT buttonChanged(true);
            Q_EMIT buttonChanged(false);
        } else if (action == u"down" || action == u"up") {
            Q_EMIT buttonChanged(action == u"down");
        } else if (action == u"long") {
            Q_EMIT buttonChanged(true);
            QTimer::singleShot(kLongPressMs, this, [this] { Q_EMIT buttonChanged(false); });
        } else {
            return failure(QStringLiteral("button: \"press\", \"long\", \"down\" or \"up\""));
        }
        return success();
    }
    if (request.contains(QStringLiteral("screen"))) {
        const QString path = request.value(QStringLiteral("screen")).toString();
        if (path.isEmpty())
            return failure(QStringLiteral("screen: the path of a PNG file to write"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !m_frame.save(&file, "PNG") || !file.commit())
            return failure(QStringLiteral("screen: cannot write %1: %2").arg(path, file.errorString()));
        return success({{QStringLiteral("path"), QFileInfo(path).absoluteFilePath()}});
    }
    if (request.contains(QStringLiteral("status")))
        return success(m_status ? m_status() : QJsonObject{});
    return failure(QStringLiteral("unknown request: expected one of cv, gate, trigger, encoder, button, screen, status"));
}

} // namespace neurorack::runtime
