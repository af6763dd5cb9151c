// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framedecoder.h"
#include "messages.h"
#include "syncerror.h"

#include "model/bank.h"

#include <QCborMap>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <QCoro/QCoroTask>

#include <chrono>
#include <optional>

class QSerialPort;

namespace neurorack {

/// A serial port that enumerated with a module's USB ids.
struct ModulePort {
    QString portName;       ///< "ttyACM0"
    QString systemLocation; ///< "/dev/ttyACM0"
    QString description;
    QString serialNumber;
};

/// The laptop's side of the USB link (docs/protocol.md), shared by the CLI and
/// Neurorack Studio: coroutines over a QSerialPort that it owns. Every request is
/// retransmitted until a reply comes (the module answers a repeated sequence number
/// with its cached reply, so nothing runs twice); transfers are chunked, resume where
/// the module's staged copy ends, and are committed only after the module checked
/// the hash of the whole file.
///
/// One request at a time: await each call before starting the next.
class DeviceClient : public QObject
{
    Q_OBJECT

public:
    /// How long a reply may take before the request goes again.
    static constexpr std::chrono::milliseconds kReplyTimeout{500};
    /// How long the module may check and store a pushed file (a model is loaded and
    /// run once before it is accepted). The commit is asked again every reply timeout
    /// meanwhile: the module ignores the repeats until it has the answer.
    static constexpr std::chrono::milliseconds kCommitTimeout{60000};
    /// Tries per request before giving up.
    static constexpr int kAttempts = 6;

    /// Traffic figures of this connection.
    struct Stats {
        qint64 bytesSent = 0;     ///< on the wire, framing included
        qint64 bytesReceived = 0;
        qint64 payloadSent = 0;   ///< file bytes pushed
        qint64 payloadReceived = 0;
        int retransmissions = 0;
        quint64 faults = 0;       ///< damaged frames received
    };

    explicit DeviceClient(QObject *parent = nullptr);
    ~DeviceClient() override;

    /// Serial ports with the module's USB ids, in port order.
    static QList<ModulePort> findModules();

    void setReplyTimeout(std::chrono::milliseconds timeout) { m_replyTimeout = timeout; }
    void setAttempts(int attempts) { m_attempts = std::max(1, attempts); }
    /// The chunk size to ask for (0: the module's choice). Smaller chunks resume finer.
    void setChunkSize(int bytes) { m_chunkSize = bytes; }
    /// The protocol versions this side offers (tests of the version mismatch).
    void setProtocolRange(int oldest, int newest);
    /// Who is asking, for the module's log ("neurorack 0.1.0").
    void setSoftware(const QString &software) { m_software = software; }

    /// Opens @p port ("/dev/ttyACM0" or "ttyACM0") and says HELLO.
    QCoro::Task<SyncResult<HelloReply>> open(const QString &port);
    void close();
    bool isOpen() const;
    QString portName() const { return m_portName; }
    /// The module's HELLO (valid once open).
    const HelloReply &hello() const { return m_hello; }

    QCoro::Task<SyncResult<DeviceInfo>> info();
    QCoro::Task<SyncResult<QCborMap>> settings();
    QCoro::Task<SyncStatus> changeSettings(const QCborMap &changes);
    /// Sends @p bytes as the module's file @p name; progress() reports on the way.
    QCoro::Task<SyncResult<CommitReply>> push(TransferKind kind, const QString &name, const QByteArray &bytes, bool activate);
    /// The module's file @p name (empty: the playing bank or model), hash checked.
    QCoro::Task<SyncResult<QByteArray>> pull(TransferKind kind, const QString &name);
    /// push() of a bank in its compact wire form (CBOR).
    QCoro::Task<SyncResult<CommitReply>> pushBank(const QString &name, const Bank &bank, bool activate);
    /// pull() of a bank, decoded and validated.
    QCoro::Task<SyncResult<Bank>> pullBank(const QString &name);
    QCoro::Task<SyncResult<PlayReply>> play(int slot);
    QCoro::Task<SyncStatus> overrideCv(std::optional<std::array<double, 4>> volts);

    /// Stops the running transfer after the chunk in flight (its result: Cancelled).
    void cancel() { m_cancelled = true; }
    Stats stats() const { return m_stats; }

Q_SIGNALS:
    /// Bytes of the running transfer done so far, out of @p total.
    void progress(qint64 done, qint64 total);

private:
    /// Sends one request until its reply comes, every reply timeout, for at least
    /// @p patience in all; the reply's payload, or why not. An ERROR reply is kept in
    /// m_lastError.
    QCoro::Task<SyncResult<QByteArray>> request(MessageType type, QByteArray payload,
                                                std::chrono::milliseconds patience = std::chrono::milliseconds{0});
    SyncError errorFrom(const ErrorReply &reply) const;
    template<typename T>
    SyncResult<T> decodeReply(MessageType type, const SyncResult<QByteArray> &reply) const;

    QSerialPort *m_port = nullptr;
    QString m_portName;
    FrameDecoder m_decoder;
    QList<Frame> m_received;
    quint32 m_seq = 0;
    HelloReply m_hello;
    ErrorReply m_lastError;
    QString m_software;
    int m_oldest = Protocol::kOldestVersion;
    int m_newest = Protocol::kVersion;
    std::chrono::milliseconds m_replyTimeout = kReplyTimeout;
    int m_attempts = kAttempts;
    int m_chunkSize = 0;
    bool m_cancelled = false;
    Stats m_stats;
};

} // namespace neurorack
