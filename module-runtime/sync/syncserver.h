// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/framedecoder.h"
#include "transferstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

class QSerialPort;

namespace neurorack::runtime {

class SyncBackend;

/// The module's side of the USB link (docs/protocol.md): serves requests on the
/// gadget's serial port (`--serial`, /dev/ttyGS0 on the module). The port may vanish
/// and come back (cable pulled, host rebooted): the server closes it and opens it
/// again until it can. A repeated request (same sequence number and type) gets the
/// cached reply and is not run twice. Damaged frames are answered with
/// damaged_frame, at most once per kDamagedGap, and replies are dropped rather than
/// queued without bound when the host stops reading.
class SyncServer : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kReopenPeriod{250};
    static constexpr std::chrono::milliseconds kDamagedGap{20};
    /// Replies waiting to be written beyond this are dropped (the host will ask again).
    static constexpr qint64 kMaxPendingOutput = 256 * 1024;

    struct Stats {
        quint64 requests = 0;
        quint64 repeats = 0;  ///< answered from the cache
        quint64 faults = 0;   ///< damaged frames
        quint64 dropped = 0;  ///< replies dropped because the host did not read
        quint64 reconnects = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
    };

    SyncServer(QString portName, QString stagingDir, SyncBackend &backend, QObject *parent = nullptr);
    ~SyncServer() override;

    void start();
    void stop();
    Stats stats() const { return m_stats; }
    /// "waiting for /dev/ttyGS0", "connected: neurorack 0.1.0", …
    QString state() const { return m_state; }

private:
    void tryOpen();
    void closePort(const QString &why);
    void onReadyRead();
    void handle(const Frame &frame);
    void reply(const Frame &request, QByteArray payload);
    void refuse(const Frame &request, const Refusal &refusal);
    void send(const QByteArray &wire);
    void setState(const QString &state);

    void hello(const Frame &frame);
    void pushBegin(const Frame &frame);
    void pushChunk(const Frame &frame);
    void pushCommit(const Frame &frame);
    void pushAbort(const Frame &frame);
    void pullBegin(const Frame &frame);
    void pullChunk(const Frame &frame);

    QString m_portName;
    SyncBackend &m_backend;
    TransferStore m_store;
    QPointer<QSerialPort> m_port;
    QTimer m_reopen;
    FrameDecoder m_decoder;
    QElapsedTimer m_sinceDamagedReply;
    bool m_waitingLogged = false;
    bool m_droppingLogged = false;

    // The last answered request, for repeats.
    bool m_hasLast = false;
    quint32 m_lastSeq = 0;
    quint8 m_lastType = 0;
    QByteArray m_lastReply;
    /// A request being worked on off the main thread (a model commit).
    std::optional<quint32> m_pendingSeq;
    int m_version = Protocol::kVersion; ///< settled by the last HELLO
    quint64 m_generation = 0; ///< bumped on every reconnection: late replies of a dead link are dropped

    struct Pull {
        quint32 id = 0;
        QString name;
        QByteArray bytes;
    };
    std::optional<Pull> m_pull;
    quint32 m_nextPullId = 1;
    QString m_state;
    Stats m_stats;
};

} // namespace neurorack::runtime
